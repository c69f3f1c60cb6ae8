"""Headings an extractor skipped inside the text it kept, put back from the page.

trafilatura drops some subheadings of an article (a heading wrapped in an anchor, in a
``<div>`` with a class it reads as furniture, a numbered "3. Sisense" over a section) while
keeping the paragraphs around them. When two lines the extractor kept lie close together in
the page and all that stands between them is a short heading (``<h1>``-``<h6>``) that is not
already in the text, the heading is the section's title and goes back in between them.
Measured on the tuning half (wcxb_dev even, gaps of at most 30 words in at most 2 blocks):
such headings are the annotators' paragraphs 351 times against 48 on articles, 87 / 10 on
documentation, 161 / 44 on service pages. A heading that is a link counts too (``CARDS``):
a product or show named by a link to it over its review, a numbered section whose title is
its own anchor, a listing's story titles over their teasers. Where the rest of these rules
let it back, such a heading is the annotators' paragraph 83 times against 20 on the tuning
half (wcxb_dev and aeb, all kinds) and 139 / 27 on the held-out half; the misses are mostly
titles of "related stories" cards whose teaser the extractor kept, so a heading that is a
link must stand within ``CARD_BLOCKS`` blocks of the line (a card's picture, date or label
between them mark it as a card), while a plain heading may stand within ``GAP_BLOCKS``
(2 -> 3: wcxb_dev 26 pages up, 9 down by at most .008, both halves; aeb unchanged). A
heading is not put back when something else the extractor left out lies between it and the
next kept line (it titles that: "Related" over a box of links), nor when nothing follows it
in its box (an empty "Trending" box a script fills).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.clean.html_page import Blocks

FILL = True  # put back skipped headings
GAP_WORDS = 30  # at most this many page words between the two kept lines
GAP_BLOCKS = 3  # in at most this many blocks
CARD_BLOCKS = 2  # at most this many for a heading that is a link (CARDS)
CARDS = True  # a heading that is a link is put back too (else only one under LINKED)
LINKED = 0.5  # a heading with more of its text in links is a link (a card's title?)
NEXT = True  # the heading must open the next kept line's section (nothing between them)


def fill(raw: list[str], toks: list[list[str]], pos: list[list[int | None]],
         page: Blocks) -> tuple[list[str], list, list]:
    """``raw`` lines (with their tokens and page positions) with the skipped headings
    between them inserted, each with its own tokens and positions."""
    if not FILL:
        return raw, toks, pos
    held = {" ".join(tk) for tk in toks}
    out_raw: list[str] = []
    out_toks: list[list[str]] = []
    out_pos: list[list[int | None]] = []
    end: int | None = None  # page position of the last placed word of the previous line
    for ln, tk, ps in zip(raw, toks, pos):
        start = next((p for p in ps if p is not None), None)
        if end is not None and start is not None and 0 < start - end - 1 <= GAP_WORDS:
            for text, words, span in _headings(page, end, start, held):
                out_raw.append(text)
                out_toks.append(words)
                out_pos.append(list(span))
                held.add(" ".join(words))
        out_raw.append(ln)
        out_toks.append(tk)
        out_pos.append(ps)
        last = next((p for p in reversed(ps) if p is not None), None)
        if last is not None:
            end = last
    return out_raw, out_toks, out_pos


def _headings(page: Blocks, end: int, start: int, held: set[str]):
    """(text, tokens, page positions) of the heading blocks lying wholly between page
    positions ``end`` and ``start``, when the gap holds at most GAP_BLOCKS blocks."""
    spans: dict[int, list[int]] = {}
    for k in range(end + 1, start):
        spans.setdefault(page.block[k], []).append(k)
    if len(spans) > GAP_BLOCKS:
        return []
    found = []
    for blk, where in spans.items():
        if where[-1] + 1 != start and NEXT:
            continue  # a heading of what the extractor left out (a box of links)
        if blk in (page.block[end], page.block[start]) or blk not in page.heads:
            continue
        raw = page.texts.get(blk, "")
        card = page.linked.get(blk, 0) > LINKED * len(raw)  # a link: a card's title?
        if blk in page.empty or card and (not CARDS or len(spans) > CARD_BLOCKS):
            continue
        text = " ".join(raw.replace("\x00", " ").split())  # NUL: a <br> (html_blocks._BR)
        words = [page.words[k] for k in where]  # the words of ``text``, as the page read them
        if " ".join(words) in held:
            continue  # already in the text (a table of contents repeats it elsewhere)
        found.append((text, words, where))
    return found
