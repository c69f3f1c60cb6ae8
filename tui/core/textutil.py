"""Text that is safe to show in a terminal, and right-to-left layout for terminals.

Article text is never trusted: control characters (ESC sequences, OSC 52 clipboard writes,
window-title changes), C1 controls and bidi override/isolate characters are removed before
anything is displayed or exported. Rich markup is never parsed from article text: callers build
``rich.text.Text`` objects.
"""

from __future__ import annotations

import re
import unicodedata

from bidi import get_display

from tui.core.safe_text import sanitize

# The unsafe characters and escape sequences are defined in tui.core.safe_text.
_RTL_CHARS = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_LTR_CHARS = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")


def safe_text(s: str, replace: str = "") -> str:
    """Remove terminal escape sequences, control and bidi-override characters (keeps \\n, \\t).
    With ``replace=" "`` each becomes a space, so two words around one are never glued."""
    return sanitize(s, replace)  # the one sanitiser of every output (tui.core.safe_text)


def safe_line(s: str) -> str:
    """:func:`safe_text` for one-line fields (titles, tags): newlines and tabs become spaces."""
    return " ".join(safe_text(s).split())


def is_rtl(text: str) -> bool:
    """True when the text is mostly in a right-to-left script (Arabic, Hebrew, Persian...)."""
    sample = text[:2000]
    rtl = len(_RTL_CHARS.findall(sample))
    return rtl > 0 and rtl >= len(_LTR_CHARS.findall(sample))


def display_rtl(line: str) -> str:
    """Reorder one line of bidirectional text into visual order for terminals that do not."""
    if not _RTL_CHARS.search(line):
        return line
    return _marks_after_bases(get_display(line))


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M" or ch in "\u200c\u200d"


def _marks_after_bases(visual: str) -> str:
    """Put combining marks back after their letters in reversed right-to-left runs.

    python-bidi reorders code points, not grapheme clusters: a reversed run puts each mark
    *before* its letter ("رسميًا" -> alef, tanween, yeh...), and a terminal draws a mark on
    the cell to its left, so the tanween landed on the alef. A run of marks followed by a
    right-to-left letter (and not following a left-to-right one, whose marks come after it
    in visual order too) is moved after that letter, in its logical order again.
    """
    if not any(_is_mark(c) for c in visual):
        return visual
    out: list[str] = []
    i, n = 0, len(visual)
    while i < n:
        if not _is_mark(visual[i]):
            out.append(visual[i])
            i += 1
            continue
        j = i
        while j < n and _is_mark(visual[j]):
            j += 1
        before = unicodedata.bidirectional(out[-1]) if out else ""
        after = unicodedata.bidirectional(visual[j]) if j < n else ""
        if after in ("R", "AL") and before not in ("L", "EN", "AN"):
            out.append(visual[j])
            out.extend(reversed(visual[i:j]))
            i = j + 1
        else:
            out.extend(visual[i:j])
            i = j
    return "".join(out)


_BLANK_LINES = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines, each re-flowed onto one line."""
    return [" ".join(p.split()) for p in _BLANK_LINES.split(text) if p.strip()]


def normalize_ws(s: str) -> str:
    """Collapse runs of spaces inside lines and of blank lines between paragraphs."""
    return "\n\n".join(paragraphs(s))


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)
