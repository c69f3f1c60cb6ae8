"""A ``<pre>`` block is its own block, line by line, whatever an extractor makes of it.

An extractor's line may run a code block on into the paragraph after it ("} Test in
JavaScript by running:") or into the next code block: a code line ends with no sentence end,
so ``html_blocks.resegment`` would not cut it there, and a code block's words often do not
align with the page's (``html_align``). :func:`after_pre` says where the page itself draws
the edge: a word that opens a block right after a ``<pre>``'s last word.

A documentation page may give one example in two flavours, two ``<code>`` elements side by
side in one ``<pre>`` (Node's ES module and CommonJS, one hidden by a toggle): their text
runs together ("...'node:assert';const assert = ..."), as do two ``<pre>`` side by side.
:func:`part_flavours` puts a line end between them, as between two lines of a block, before
anything reads the page.
"""

from __future__ import annotations

import re
from html import unescape

_CLOSING = re.compile(r"[\]})][\]});,. ]*")  # a code block's closing line ("}", "});"), not
# a list marker or the opening "{" of the block after it
_PRE = re.compile(r"<pre\b[^>]*>(.*?)</pre\s*>", re.S | re.I)
# A line's edge in a <pre>: a line end, or a block a highlighter draws a line or its gutter with
_BR = re.compile(r"</?(?:br|div|p|li|tr|td|th|table)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^<>]*>")
_LETTER = re.compile(r"[^\W_]")  # a letter or a digit (as ``api._WORD``)
_WORDED = re.compile(r"(?<!\S)\S*?[^\W_]")  # the first piece of a line that holds a word


def after_pre(page, word: int | None) -> bool:
    """Page word ``word`` opens a block that comes right after a ``<pre>``'s text (``page``:
    ``html_blocks.Blocks``): a line must not run on across that edge."""
    if word is None or word <= 0 or word >= len(page.block):
        return False
    before = page.block[word - 1]
    return before != page.block[word] and before in page.lines


def pre_edge(page, pos: list[int | None], k: int) -> bool:
    """The ``k``-th word of a line (its words at page positions ``pos``) opens a block right
    after a ``<pre>`` (``after_pre``), on the line's own evidence: the word before it lies in
    that ``<pre>``, or, found nowhere, the words after it go on in its block (a word the
    extractor's line places elsewhere may be found in a heading that only shares it)."""
    b = pos[k]
    if b is None or not after_pre(page, b):
        return False
    a = pos[k - 1] if k else None
    if a is not None:
        return page.block[a] == page.block[b - 1]
    if k + 1 < len(pos):
        return pos[k + 1] == b + 1
    return b + 1 >= len(page.block) or page.block[b + 1] != page.block[b]


def lead(line: str, pos: list[int | None], page) -> int:
    """Where the words of ``line`` that the page holds after a ``<pre>`` start (``pos``: its
    words' page positions) when a code block's closing line lies before them there ("}",
    "});": no word of its own), else 0."""
    if not pos or not pre_edge(page, pos, 0):
        return 0
    first = _WORDED.search(line)
    return first.start() if first and _CLOSING.fullmatch(line[: first.start()].strip()) else 0


def part_flavours(tree) -> None:
    """A line end between two ``<code>`` elements side by side in a ``<pre>`` when they are
    two blocks, not pieces of one line (highlighted tokens, white space between them or not):
    nothing at all between them, and each holds a line end of its own or both are one
    example's flavours (``_flavours``); and at the end of a ``<pre>`` that another ``<pre>``
    follows right after (an extractor writes the two on one line)."""
    for pre in tree.iter("pre"):
        nxt = pre.getnext()
        if nxt is not None and nxt.tag == "pre" and not (pre.tail or "").strip():
            last = pre[-1] if len(pre) else None  # (two blocks side by side: a line end
            if last is None:  # closes the first, which an extractor may not write)
                pre.text = (pre.text or "").rstrip("\n") + "\n"
            else:
                last.tail = (last.tail or "").rstrip("\n") + "\n"
        for code in pre.iter("code"):
            prev = code.getprevious()
            if prev is None or prev.tag != "code" or prev.tail:  # (" ": tokens of one line)
                continue
            first, second = prev.text_content(), code.text_content()
            if first.endswith("\n") or not first.strip() or not second.strip():
                continue
            if _flavours(prev, code) or "\n" in first.strip("\n") and "\n" in second.strip("\n"):
                prev.tail = "\n"


def _flavours(one, two) -> bool:
    """Two ``<code>`` elements are one example's flavours: each names a language
    ("language-js mjs", "language-js cjs") and their classes differ."""
    a, b = (set((c.get("class") or "").split()) for c in (one, two))
    return (
        a != b
        and any(c.startswith("language-") for c in a)
        and any(c.startswith("language-") for c in b)
    )


def bare_lines(html: str) -> frozenset[str]:
    """The lines of the page's ``<pre>`` blocks that hold no letter or digit ("$", "{", "+",
    "// }"), white space made single: a code block's lines, which a cleaner that drops lines
    with no word must keep."""
    if "<pre" not in html and "<PRE" not in html:
        return frozenset()
    found: set[str] = set()
    for block in _PRE.finditer(html):
        text = unescape(_TAG.sub("", _BR.sub("\n", block[1])))
        found.update(
            ln
            for ln in map(" ".join, map(str.split, text.split("\n")))
            if ln and not _LETTER.search(ln)
        )
    return frozenset(found)


def cut_lead(
    line: str, pos: list[int | None], page, pieces: list[str], spans: list[list], end: int | None
) -> tuple[str, int | None]:
    """``line`` (its words at page positions ``pos``) without the text ``lead`` finds before
    its words, and the page position of the last word before it (``end``; None once cut):
    that text goes on the last of the output ``pieces`` when that one ends in the ``<pre>``
    (a line of no words would be dropped: "return 0; }"), else is a piece of its own."""
    off = lead(line, pos, page)
    if not off:
        return line, end
    if pieces and end is not None and page.block[end] in page.lines:
        pieces[-1] += " " + line[:off].strip()
    else:
        pieces.append(line[:off].strip())
        spans.append([])
    return line[off:], None
