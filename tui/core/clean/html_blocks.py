"""Paragraph structure of an extracted HTML body, taken from the page's own blocks.

An extractor (trafilatura) chooses the words well but draws paragraph lines its own way: a list
item holding a heading and a paragraph comes out as one line, an item broken by ``<br>`` as two
items, a page it could not segment as one line, and an ordered list's numbers are lost ("- "
for every item). Readers, annotators and exports see the page's blocks: ``<p>``, ``<li>``,
``<h2>``, ``<blockquote>``... This module reads those blocks off the parsed page
(``dom_blocks``), finds each extracted line's words in them (``align``) and redraws the lines'
boundaries where the page draws them (``resegment``): a line spanning two blocks is cut where
the second starts (always after a ``<pre>``: html_pre.py), two lines lying back to back inside
one block are joined (also across an editor's soft wrap of the source, a line end with a space
kept beside it, which a browser shows as a space, when the sentence goes on; and across the
edge of an inline phrase in running text, "We read <i>The Times</i>.", which trafilatura's
whole-page fallback for a short page cuts), and a line opening an item of an ordered list is
numbered as the page numbers it. A hand-wrapped source's line end inside a text node is a space
where the line does not end a sentence (html_source.py). The extractor's words are never
reordered, and dropped only as whole lines the page shows to be furniture (below); the line
breaks and list markers change, and a word the extractor glued at an element's edge is spaced
there (html_glue.py); the one thing added is what the extractor skipped between two lines it
kept: a subheading, a definition list's term, or a list item that is a sentence (html_fill.py).
Lines the page does not hold (an extractor's own text) and table rows are left as they are,
except a row of a page laid out in a table (html_cells.py): its text is running text, cut where
the cell's own blocks start. Last, lines the page shows to be its furniture (a newsletter box,
the latest stories, a promotion: html_extras.py) are dropped."""

from __future__ import annotations

import re

from lxml import etree

from tui.core.clean.html_align import align
from tui.core.clean.html_cells import INNER as _INNER
from tui.core.clean.html_cells import cell_words, layout_row
from tui.core.clean.html_extras import extra_lines
from tui.core.clean.html_fill import apart, fill
from tui.core.clean.html_glue import CODE, PHRASES, _words, junctions, phrase_edges, unglue
from tui.core.clean.html_page import HIDDEN as _HIDDEN
from tui.core.clean.html_page import Blocks, heads_nothing, item_number, listed_term
from tui.core.clean.html_pre import cut_lead, pre_edge
from tui.core.clean.html_source import SOURCE_END, joins_across, keeps_lines, marked, segments
from tui.core.markup import BLOCK_TAGS

_UNREAD = frozenset({"x", "hidden"})
_BLOCK_KINDS = frozenset({"block", "head", "li", "tr", "pre", "quote", "term"})
_PHRASE_KINDS = frozenset({"phrase", "code"})
_HEADS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_NONWORD = re.compile(r"[\W_]+")
_TOKEN = re.compile(r"\S+")
_STRIP = re.compile(r"[^\w\s]|_")  # what norm_word drops from each word of a text
_LEADS = ",;:-\u2013\u2014(/&"  # a text stopping on one of these goes on after it
_FINAL = ".!?…\"'”’»)]:;*"  # a sentence ends on one of these
_LETTER = re.compile(r"[^\W\d_]")
_MARKER = re.compile(r"^[-*•]\s+")
_SOFT_START = re.compile(r" \S")  # one space opening a line (an indent is more)
# Punctuation that closes what comes before it, opening a line: no line starts so (the
# extractor broke the line after an inline element, "a <i>classic</i>. Price").
_CLOSES = re.compile(r"[.,;:!?…)\]]+(?:\s|$)")
_EMPTY_ITEM = re.compile(r"\s*(?:[-*\u2022]|\d+[.)]|>)\s*$")
_NUMBERED = re.compile(r"^\d{1,3}[.)]?\s")
# A source line end between words and inline code ("freed by\n<code>free</code>"), inside
# a paragraph: a text node's line end like any other (html_source.py), not a layout's. GNU
# manuals, Node.js and Python docs wrap so. wcxb_dev paragraph F1, pages changed only,
# macro delta even/odd: documentation +.0067/+.0052 (14/14 pages; Django's gold keeps
# source line ends and loses), articles 0/+.0004, forum 0/-.0001 (one page's quoted
# question, the gold keeping a line end); aeb and words unchanged (session 38).
# A word (or a clause's comma) on both sides: white space alone between two codes is layout.
_CODE_EDGE = re.compile(f"(?<=[\\w,;:])\n(?=[ \t]*{CODE}[ \t]*\\w)|(?<=\\w{CODE})\n(?=[ \t]*\\w)")
CODE_EDGES = True
_BR = "\x00"  # a <br> or a line end in a block's text (the sanitised page holds no NUL)
JOIN_BREAKS = False  # lines a <br> parts inside one block are joined (one paragraph)
WRAPS = True  # lines an editor's soft wrap parts inside one block are joined mid-sentence
MARK_QUOTES = True  # a block quotation's paragraphs open with "> "
HEADING_WORDS = 15  # a text this long without a sentence end is a heading, not a cut sentence
NUMBER_ITEMS = True  # an ordered list's items are numbered as the browser numbers them
MAX_DEPTH = 400  # deeper nesting is not read (hostile pages); its text counts as one block


def norm_word(token: str) -> str:
    """A token as the scorers and the alignment compare it: lower case, letters and digits."""
    return _NONWORD.sub("", token.lower())


def dom_blocks(root) -> Blocks:
    """The words of ``root``'s visible text with the block each lies in. Text of hidden
    elements (scripts, styles, forms' controls) is skipped; ``<br>`` separates words but not
    blocks; a table row is one block (its cells are not). Line ends of the source are breaks
    too; those with a space kept beside them (an editor's soft wrap) are also ``wraps``.
    (One walk of the whole page, in Python: its steps are kept cheap, e.g. an element's
    style read once, at its start.)"""
    out = Blocks()
    state = {"id": 0, "pre": 0, "quote": 0, "code": 0}
    keep = 0  # open elements whose style keeps line ends (html_source.py)
    in_link = 0  # links open around the text being read
    linked = [0]  # characters of the block being read that lie inside links
    parts: list[str] = []
    edges: list[int] = []  # indexes of parts an inline phrase's edge opens (html_glue)
    words_, block_, breaks, wraps, hard = out.words, out.block, out.breaks, out.wraps, out.hard

    def flush(owner, inside: bool) -> None:  # (called only with parts)
        text = "".join(parts)
        if CODE in text:  # a line end at inline code's edge is a text node's (html_source)
            if CODE_EDGES and "\n" in text and not state["pre"]:
                text = _CODE_EDGE.sub(SOURCE_END, text)
            text = text.replace(CODE, "")
        chars, linked[0] = linked[0], 0
        if not text or text.isspace():
            parts.clear()
            return
        bid = state["id"]
        if _INNER in text:  # blocks inside a table cell
            got = cell_words(out, text.replace(SOURCE_END, "\n"), bid)
        else:
            if len(parts) > 1 and not state["pre"]:  # words glued at an element's edge
                junctions(parts, len(words_), out, state["code"] > 0)
                if edges:
                    phrase_edges(parts, edges, len(words_), out)
            got = False
            br = False  # a <br> since the last words, not only line ends of the source
            for line in text.split(_BR):  # line ends and <br>: breaks
                soft, before = False, ""  # soft: the last words ended on a space (a wrap)
                plain = "\n" not in line and SOURCE_END not in line
                for segment, source in ((line, False),) if plain else segments(line):
                    words = _STRIP.sub("", segment.lower()).split()
                    if words:
                        if got:
                            breaks.add(len(words_))
                            if not br and (soft or _SOFT_START.match(segment)):
                                wraps.add(len(words_))  # an editor's wrap
                            if source and not br and joins_across(before, segment):
                                hard.add(len(words_))  # a space (<pre>: _joins)
                        before = segment
                        words_.extend(words)
                        block_.extend([bid] * len(words))
                        got, br = True, False
                    soft = bool(words) and segment[-1:] in " \t"
                br = True
        if got:
            if state["pre"]:
                out.lines.add(bid)
            if state["quote"]:
                out.quotes.add(bid)
            out.texts[bid] = text.replace(_INNER, " ").replace(SOURCE_END, "\n")
            out.owner[bid] = (owner, inside)  # the element its text lies in
            if chars:
                out.linked[bid] = chars
            state["id"] = bid + 1
        parts.clear()
        edges.clear()

    cells = [0]  # for each open element: whether its children lie inside a table cell
    keeps: list[bool] = []  # for each open element: whether its style keeps line ends
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    kinds: dict = {}  # each tag's kind (see _kind), read once per page
    for event, el in walker:
        raw_tag = el.tag
        kind = kinds.get(raw_tag)
        if kind is None:
            kind = kinds[raw_tag] = _kind(raw_tag)
        if event == "start" and kind not in _UNREAD:
            kept = bool(el.get("style")) and keeps_lines(el)
            keeps.append(kept)
            keep += kept
            cell = cells[-1]
            cells.append(cell or int(kind == "cell"))
            if len(cells) > MAX_DEPTH + 1:
                walker.skip_subtree()  # deeper nesting is not read
            if kind in _BLOCK_KINDS:
                if cell and kind != "tr":
                    parts.append(_INNER)
                else:
                    if parts:
                        flush(el, False)
                    if kind == "head":
                        out.heads.add(state["id"])
                        if heads_nothing(el):
                            out.empty.add(state["id"])
                    elif kind == "term" and listed_term(el):
                        out.terms.add(state["id"])
                    elif kind == "li":
                        out.items.add(state["id"])
                        n = item_number(el)
                        if n is not None:
                            out.number[state["id"]] = n
                if kind in ("pre", "quote"):
                    if parts:
                        flush(el, False)
                    state[kind] += 1
            elif kind == "br":
                parts.append(_BR)
            elif kind == "cell":
                parts.append(" ")  # cells of a row: words apart, one block
            elif kind == "a":
                in_link += 1
            elif kind == "code":
                state["code"] += 1
                if state["code"] == 1:
                    parts.append(CODE)
            if kind in _PHRASE_KINDS:
                edges.append(len(parts))
            text = el.text
            if text:
                parts.append(marked(text, keep > 0) if keep or "\n" in text else text)
                if in_link:
                    linked[0] += len(text)
            continue
        if event == "start":  # hidden: its text is not read, its tail is (at its end)
            walker.skip_subtree()
            continue
        if event == "end" and kind not in _UNREAD:
            keep -= keeps.pop()
            cells.pop()
            if kind in _BLOCK_KINDS:
                if cells[-1] and kind != "tr":
                    parts.append(_INNER)
                else:
                    if parts:
                        flush(el, True)
                    bid = state["id"]
                    out.items.discard(bid)  # an item without words marks nothing
                    out.number.pop(bid, None)
                    out.empty.discard(bid)
                    out.heads.discard(bid)
                    out.terms.discard(bid)
                if kind in ("pre", "quote"):
                    if parts:
                        flush(el, True)
                    state[kind] -= 1
            elif kind == "a":
                in_link -= 1
            elif kind == "code":
                state["code"] -= 1
                if not state["code"]:
                    parts.append(CODE)
            if kind in _PHRASE_KINDS:
                edges.append(len(parts))
        tail = el.tail
        if tail:
            parts.append(marked(tail, keep > 0) if keep or "\n" in tail else tail)
            if in_link:
                linked[0] += len(tail)
    if parts:
        flush(root, True)
    return out


def _kind(tag) -> str:
    """What the walk does at an element of ``tag``: "x" (a comment's, not read), "hidden",
    a block's kind ("block", "head", "li", "tr", "pre", "quote", "term"), "br", "cell", "a",
    "code" (inline code: its pieces are not spaced, html_glue.py), "phrase" (``PHRASES``) or ""."""
    if not isinstance(tag, str):
        return "x"
    tag = tag.lower()
    if tag in _HIDDEN:
        return "hidden"
    if tag in BLOCK_TAGS:
        named = {"li": "li", "tr": "tr", "pre": "pre", "blockquote": "quote", "dt": "term"}
        return "head" if tag in _HEADS else named.get(tag, "block")
    if tag in PHRASES:
        return "phrase"
    return {"br": "br", "td": "cell", "th": "cell", "a": "a", "code": "code", "kbd": "code",
            "samp": "code", "tt": "code"}.get(tag, "")


def _tokens(line: str) -> list[tuple[int, str]]:
    """(character offset, word) of each of a line's tokens that holds a letter or digit."""
    sub = _STRIP.sub
    out: list[tuple[int, str]] = []
    for m in _TOKEN.finditer(line):
        w = m.group().lower()
        if not w.isalnum():  # letters and digits only: nothing for _STRIP to drop
            w = sub("", w)
        if w:
            out.append((m.start(), w))
    return out


def redraw(root, text: str) -> str:
    """``text`` extracted from the page ``root`` with its paragraph lines redrawn where the
    page draws its blocks."""
    return resegment(text, dom_blocks(root))


def resegment(text: str, page: Blocks) -> str:
    """``text`` (one paragraph per line) with its line breaks where ``page`` draws its
    blocks: a line cut where a new block starts inside it, a line joined to the previous one
    when both lie back to back inside one block, an ordered list's items numbered, and the
    headings and sentence items skipped between two kept lines put back (html_fill.fill)."""
    raw = [ln for ln in text.split("\n") if ln.strip()]
    toks = [_words(ln) for ln in raw]
    pos = align(toks, page)
    raw, toks, pos, added = fill(raw, toks, pos, page)  # headings, items skipped between
    raw, toks, pos = unglue(raw, toks, pos, page)  # words glued at an element's edge
    pieces: list[str] = []  # the output lines
    spans: list[list[int | None]] = []  # the page positions of each output line's words
    prev_end: int | None = None  # page position of the last word of the last output line
    for ln, tk, ps in zip(raw, toks, pos):
        if not tk and _EMPTY_ITEM.match(ln):  # an empty list item: a marker and no text
            continue
        row = ln.lstrip().startswith("|")
        layout = row and layout_row(ln)
        if layout:  # a page laid out in a table: its cells' text is read as text
            ln = ln.replace("|", " ")
        elif row or not tk:  # a table row, or no words: as it is
            pieces.append(ln.strip())
            spans.append([])
            prev_end = None
            continue
        ln, prev_end = cut_lead(ln, ps, page, pieces, spans, prev_end)  # a <pre>'s "}"
        cuts = [0]  # indexes of the words that open a piece of the line
        at: list[int] = []  # each word's offset in the line (read when a cut is weighed)
        for k in range(1, len(tk)):
            a, b = ps[k - 1], ps[k]
            if (edge := pre_edge(page, ps, k)) or a is not None and b is not None and (
                    page.block[a] != page.block[b] or layout and b in page.inner):
                at = at or [o for o, _ in _tokens(ln)]  # (edge: a <pre>'s, however it ends)
                if edge or not _goes_on(ln[at[k]:]) and _ends(ln[at[cuts[-1]]:at[k]]):
                    cuts.append(k)
        for n, k in enumerate(cuts):
            piece = ln[at[k] if n else 0:at[cuts[n + 1]] if n + 1 < len(cuts) else None]
            piece, start = piece.strip(), ps[k]
            bare = _MARKER.sub("", piece, count=1)
            where = ps[k:cuts[n + 1] if n + 1 < len(cuts) else None]
            closes = bool(_CLOSES.match(bare))  # ". Price": the sentence the line before ends
            if n == 0 and pieces and _joins(page, prev_end, start) and (
                    _goes_on(bare) or closes or _unwrapped(page, start, pieces[-1])
                    or start in page.phrases and start not in page.breaks or start in page.hard):
                tight = closes or (start, pieces[-1][-1:], bare[:1]) in page.tight  # no space
                pieces[-1] = pieces[-1] + ("" if tight else " ") + bare
                spans[-1] = spans[-1] + where
            else:
                pieces.append(_marked(piece, start, page, first=n == 0))
                spans.append(where)
        prev_end = ps[-1]
    extras = apart(extra_lines, pieces, spans, page, added)  # furniture (html_extras.py)
    return "\n".join(p for j, p in enumerate(pieces) if j not in extras)


def _ends(text: str) -> bool:
    """``text`` can end a paragraph: it holds a letter, does not stop on a comma, a colon
    or a dash that leads into what follows ("DUBAI, United Arab Emirates —"), and ends a
    sentence unless it is short enough for a heading."""
    text = text.rstrip()
    if not _LETTER.search(text) or text[-1:] in _LEADS:
        return False
    return len(text.split()) <= HEADING_WORDS or text[-1:] in _FINAL


def _goes_on(text: str) -> bool:
    """``text`` reads as the rest of a sentence: it starts with a lower-case letter."""
    return text[:1].islower()


def _joins(page: Blocks, end: int | None, start: int | None) -> bool:
    """The line starting at ``start`` goes on the line ending at ``end`` in the page."""
    return (end is not None and start is not None and start == end + 1
            and page.block[start] == page.block[end] and page.block[start] not in page.lines
            and (JOIN_BREAKS or start not in page.breaks or WRAPS and start in page.wraps
                 or start in page.hard))


def _unwrapped(page: Blocks, start: int | None, before: str) -> bool:
    """The line starting at ``start`` goes on ``before`` across an editor's wrap of the
    page's source (a browser shows it as a space): ``before`` stops on a lower-case word
    ("... who in 2008, won the" / "Africa Movie Academy Award")."""
    if not WRAPS or start not in page.wraps:
        return False
    last = before.rsplit(None, 1)[-1:]
    return bool(last) and last[0][:1].islower() and last[0][-1:].isalpha()


def _marked(piece: str, start: int | None, page: Blocks, first: bool) -> str:
    """``piece`` with the list marker its block calls for when it opens an item."""
    if start is None:
        return piece
    opens = start == 0 or page.block[start - 1] != page.block[start]
    number = page.number.get(page.block[start]) if opens else None
    bare = _MARKER.sub("", piece, count=1)
    quoted = MARK_QUOTES and opens and page.block[start] in page.quotes
    if quoted and bare == piece and not piece.startswith(">"):
        return "> " + piece  # a paragraph of a block quotation, marked as Markdown marks it
    if first and bare == piece:
        return piece  # the extractor did not make it an item: its reading stands
    if NUMBER_ITEMS and number is not None and not _NUMBERED.match(bare):
        return f"{number}. {bare}"
    if not first and opens and page.block[start] in page.items and bare == piece:
        return "- " + piece
    return piece
