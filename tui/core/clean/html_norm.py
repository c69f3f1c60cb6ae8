"""``combine.norm_line`` (lower case, runs of signs and spaces one space) with a quicker path
for ASCII text, the same result.

The HTML steps compare a page's blocks and the kept lines by their normalised words, and
normalise every block of the page: the regular expression ``[\\W_]+`` then costs more than
everything else they do. An ASCII text (most blocks of most pages) is normalised by one
byte table instead: letters lowered, digits kept, every other character (``_`` too) a
space, runs of spaces one: what the expression does to ASCII text, about twice as fast.
"""

from __future__ import annotations

from tui.core.clean.combine import norm_line

_ASCII = bytes(
    (ord(chr(c).lower()) if c < 128 and chr(c).isalnum() else 32) for c in range(256)
)  # (only the first half is ever read)


def norm(text: str) -> str:
    """``norm_line(text)``."""
    if text.isascii():
        return " ".join(text.encode().translate(_ASCII).decode().split())
    return norm_line(text)
