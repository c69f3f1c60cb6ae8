"""Line ends of an HTML page's source: where a browser shows a space, where a line break.

A line end inside the text of a ``<p>`` (a hand-wrapped source, "working with file and
directory\npaths. It can be accessed") is white space: the browser shows one paragraph.
trafilatura keeps it as a line break, as it keeps a ``<br>``, so its text came out as two
paragraphs. The redraw (html_blocks.py) reads the page's own text and tells them apart: a
line end with words on both sides of it in one text node (``marked``; not the white space
between two elements, which pages lay out as lines: a menu's links, "Mar 14\n<span>26")
opens a ``hard`` word (Blocks.hard) unless a ``<br>`` stands there, the block is
preformatted (``<pre>``: html_blocks._joins), or an element's inline style keeps its line
ends (``white-space: pre``, ``pre-wrap``, ``pre-line``, ``break-spaces``: there a line end is
a break, as a ``<br>`` is). The redraw joins a line to the one before it across such a line
end when the line before does not end a sentence and the sentence visibly goes on: a
lower-case word, a number or a comma or dash on one side (``JOIN`` "cont"). A line ending a
sentence (verse, an address) and a title over a dateline ("from US\nNEW DELHI:") stay apart.
Measured on wcxb_dev HTML (paragraph F1, even/odd halves): articles .8475/.8269 ->
.8477/.8282, service, product, listing up; documentation .5848/.5895 -> .5729/.5588, since
its gold keeps the source's line ends on some sites (Django's docs) and not on others
(Node.js, docs.python.org); aeb and words unchanged. "mid" (every line end not after a
sentence's end), "all" and "off" (the old reading) are kept for measuring.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

JOIN = "cont"  # source line ends joined: "cont", "mid", "all" or "off" (see above)
INNER = True  # only line ends with words on both sides in their text node
SOURCE_END = "\x1f"  # a line end in a text node of words (white space to str.split and re)
_KEEPS = re.compile(r"white-space\s*:\s*(?:pre|break-spaces)", re.IGNORECASE)
# The end of a sentence (or of a line that introduces what follows) before a line end:
# . ! ? … : ; or a closing quote, bracket or asterisk after one of them, or a quote alone.
_ENDS = re.compile(r"(?:[.!?…:;][\"'”’»)\]*]*|[\"”»])\s*$")
_SEGMENTS = re.compile("(\n|\x1f)")
_LEADS = ",-\u2013\u2014(/&"  # a line stopping on one of these goes on after it


def keeps_lines(el) -> bool:
    """Element ``el``'s inline style keeps the line ends of its text (``white-space: pre``)."""
    style = el.get("style")
    return JOIN != "off" and bool(style) and _KEEPS.search(style) is not None


def marked(text: str, keep: bool) -> str:
    """A text node's ``text`` as the page's blocks are read: under an element that keeps its
    line ends (``keep``) each is a break (``html_blocks._BR``, as a ``<br>`` is); in a node
    holding words each is SOURCE_END; white space alone is as it is."""
    if keep:
        return text.replace("\n", "\x00")
    if JOIN == "off" or "\n" not in text or text.isspace():
        return text
    if INNER:
        start, end = len(text) - len(text.lstrip()), len(text.rstrip())
        return text[:start] + text[start:end].replace("\n", SOURCE_END) + text[end:]
    return text.replace("\n", SOURCE_END)


def segments(line: str) -> Iterator[tuple[str, bool]]:
    """The pieces of ``line`` between its line ends, each with whether a SOURCE_END opens it."""
    pieces = _SEGMENTS.split(line)
    yield pieces[0], False
    for k in range(1, len(pieces), 2):
        yield pieces[k + 1], pieces[k] == SOURCE_END


def joins_across(before: str, after: str) -> bool:
    """A line end of the source between ``before`` (the text up to it) and ``after`` is a
    space to the reader: the rule JOIN sets."""
    if JOIN == "all":
        return True
    if JOIN == "cont":  # the sentence visibly goes on: a lower-case word on either side
        last = before.rsplit(None, 1)[-1:]
        return _ENDS.search(before) is None and (
            after.lstrip()[:1].islower()
            or bool(last)
            and (last[0][:1].islower() or last[0][:1].isdigit() or last[0][-1:] in _LEADS)
        )
    return JOIN == "mid" and _ENDS.search(before) is None
