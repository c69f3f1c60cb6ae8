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
A term of a definition list (``<dt>``, ``TERMS``) comes back the same way over its kept
description (trafilatura drops the terms of a ``<dl>`` whose descriptions hold paragraphs:
"root" over "Root is (typically) the superuser."), unless it is a question alone in its
list (an FAQ's toggle: html_page.listed_term). Session 31: wcxb_dev documentation paragraphs
.5870 -> .5874, product .4394 -> .4396, other kinds and aeb unchanged.

List items that are sentences come back the same way (``ITEMS``): trafilatura drops a list
whose items are the article's own points ("Residents asked for a safer crossing.") while
keeping the paragraphs around it. An item is put back when it lies wholly between two kept
lines at most ``ITEM_GAP`` page words apart, ends a sentence, is not mostly a link (a menu, a
box of stories) and is not already in the text, and only in a text mostly of sentences
(``PROSE``: on listings and product pages short items are the records, and the extractor's
choice among them stands). A heading over such items opens them (``HEAD_ITEMS``), and items
between two copies of one kept line are a repeated box (a carousel), not put back. Measured
in session 28 with the extraction held fixed (tuning half / held-out half): on wcxb_dev
articles the items put back are the annotators' paragraphs 71 times against 10 / 58 against
17; paragraphs .8414 -> .8434 / .8199 -> .8218, words .9526 -> .9539 / .9469 -> .9489; every
other kind up or flat but forum-odd (-.0004, one page); aeb one page up. Items ending on ":"
count as sentences when they lead in (``LEAD_WORDS``; a short "I need help with:" is a
label); a stop of CJK, Arabic or Devanagari script counts, also before closing quotes or
brackets, and a quote mark after a digit is an inch mark.
Mended after review (session 28): an item is not put back from the page's furniture
(``FURNITURE``: a ``<nav>``, ``<footer>``, ``<aside>``, ``<header>``, ``<form>`` or a box
named "comment", "share", "newsletter", "related", "cookie"... between the item and the
article's container: trafilatura dropped the list for its box), nor when its ``<li>`` holds
more blocks the extractor left out (a nested list, a second paragraph: the item would come
back cut); and html_extras weighs the other lines as if the items were not there (``apart``).
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

from tui.core.clean.html_extras import CLASS_WORDS, MAIN, _tag

if TYPE_CHECKING:
    from collections.abc import Callable

    from tui.core.clean.html_page import Blocks

FILL = True  # put back skipped headings
GAP_WORDS = 30  # at most this many page words between the two kept lines
GAP_BLOCKS = 3  # in at most this many blocks
CARD_BLOCKS = 2  # at most this many for a heading that is a link (CARDS)
CARDS = True  # a heading that is a link is put back too (else only one under LINKED)
LINKED = 0.5  # a heading with more of its text in links is a link (a card's title?)
TERMS = True  # a term of a definition list (<dt>) over its kept description comes back too
NEXT = True  # the heading must open the next kept line's section (nothing between them)
ITEMS = True  # put back skipped list items that are sentences (``_items``)
HEAD_ITEMS = True  # a heading over items put back opens them (NEXT)
ITEM_GAP = 200  # at most this many page words between the two kept lines around them
ITEM_LINKED = 0.5  # an item with more of its text in links is a link (a menu's, a card's)
PROSE = 0.6  # only in a text with at least this share of its words in sentences
PROSE_WORDS = 12  # a sentence line ends on a stop and has at least this many words
_STOPS = frozenset(".!?:\u2026\u3002\uff01\uff1f\u061f\u0964")  # .!?:… 。！？ ؟ ।
_CLOSERS = "\"'\u201d\u2019\u00bb)]\u300d\u300f"  # may close a sentence after its stop
LEAD_WORDS = 6  # an item ending on ":" is a sentence leading in when this long (else a label)
FURNITURE = True  # items in the page's furniture (a menu, a footer, comments) stay out
# (a box's tags, and its class, id and role words: html_extras' box words and
# trafilatura's discard vocabulary; read only between the item and the kept lines' box)
_FURNITURE_TAGS = frozenset({"nav", "footer", "aside", "header", "form", "menu", "dialog"})
_FURNITURE_WORDS = tuple(dict.fromkeys(CLASS_WORDS + (
    "comment", "share", "social", "cookie", "consent", "nav", "modal", "banner", "popup")))


def fill(raw: list[str], toks: list[list[str]], pos: list[list[int | None]],
         page: Blocks) -> tuple[list[str], list, list, set[int]]:
    """``raw`` lines (with their tokens and page positions) with the skipped headings and
    list items between them inserted, each with its own tokens and positions; and the page
    positions of the items put back and of the headings over them (``apart``)."""
    added: set[int] = set()
    if not FILL:
        return raw, toks, pos, added
    held = {" ".join(tk) for tk in toks}
    items: bool | None = None if ITEMS else False  # _prose(raw, toks), read when needed
    main = cache(lambda: _main(page, pos))  # the main container and above (read if needed)
    out_raw: list[str] = []
    out_toks: list[list[str]] = []
    out_pos: list[list[int | None]] = []
    end: int | None = None  # page position of the last placed word of the previous line
    prev = ""  # the previous line
    for ln, tk, ps in zip(raw, toks, pos):
        start = next((p for p in ps if p is not None), None)
        if end is not None and start is not None and 0 < start - end - 1:
            # items between two copies of one line lie in a repeated box (a carousel)
            near = start - end - 1 <= ITEM_GAP and ln != prev
            if near and items is None:
                items = _prose(raw, toks)
            back = _items(page, end, start, held, main) if near and items else []
            found = _headings(page, end, start, held) if start - end - 1 <= GAP_WORDS else []
            opens = back[0][2][0] if back else start  # a heading over the items opens them
            if HEAD_ITEMS and opens < start and opens - end - 1 <= GAP_WORDS:
                had = {f[2][0] for f in found}
                back += [f for f in _headings(page, end, opens, held) if f[2][0] not in had]
            for f in back:
                added.update(f[2])
            found = sorted(found + back, key=lambda f: f[2][0])
            for text, words, span in found:
                if " ".join(words) in held:
                    continue  # the same item twice in one gap (a promotion repeated)
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
        prev = ln
    return out_raw, out_toks, out_pos, added


def apart(extras: Callable[[list[str], list, Blocks], set[int]], pieces: list[str],
          spans: list[list[int | None]], page: Blocks, added: set[int]) -> set[int]:
    """``extras``' verdict (html_extras.extra_lines) on the redrawn ``pieces``, with the
    lines ``fill`` put back (their words at the page positions ``added``) kept out of the
    other lines' evidence: html_extras' model was fitted on bodies without them, and an item
    put back between two lines of a promotion shortens the gaps and lends its neighbours an
    item's weight, so the promotion would stay. A line put back goes when extras drops it
    among all the lines, or when it lies between two lines extras drops (a box's items)."""
    new = [j for j, sp in enumerate(spans) if any(p in added for p in sp)] if added else []
    if not new:
        return extras(pieces, spans, page)
    news = set(new)
    old = [j for j in range(len(pieces)) if j not in news]
    got = extras([pieces[j] for j in old], [spans[j] for j in old], page)
    out = {old[j] for j in got} | (extras(pieces, spans, page) & news)
    for j in new:
        before = next((k for k in reversed(old) if k < j), None)
        after = next((k for k in old if k > j), None)
        if before in out and after in out:
            out.add(j)
    return out


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
        if blk in (page.block[end], page.block[start]) or not (
                blk in page.heads or TERMS and blk in page.terms):
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


def _prose(raw: list[str], toks: list[list[str]]) -> bool:
    """Most of the text's words lie in sentences: an article, where an item that is a
    sentence is part of the argument (on listings and products short items are the records,
    and the extractor's choice among them stands)."""
    words = prose = 0
    for ln, tk in zip(raw, toks):
        n = len(tk)
        words += n
        if n >= PROSE_WORDS and _sentence(ln, n):
            prose += n
    return prose >= PROSE * max(1, words)


def _items(page: Blocks, end: int, start: int, held: set[str], main: Callable[[], set]):
    """(text, tokens, page positions) of the list items lying wholly between page positions
    ``end`` and ``start`` that are sentences and not links, each marked as an item."""
    found = []
    cut: set = set()  # <li>s of this gap that hold more than one block (not put back)
    own: list[set] = []  # the elements the article's own around this gap, read once if asked

    def around() -> set:
        if not own:
            own.append(main() | set(_chain(page, page.block[end]))
                       & set(_chain(page, page.block[start])))
        return own[0]
    k = end + 1
    while k < start:
        blk = page.block[k]
        j = k
        while j < start and page.block[j] == blk:
            j += 1
        if blk in page.items and blk not in (page.block[end], page.block[start]):
            raw = page.texts.get(blk, "")
            text = " ".join(raw.replace("\x00", " ").split())  # NUL: a <br>
            words = page.words[k:j]
            if (_whole(page, blk, page.block[start], cut) and _sentence(text, j - k)
                    and page.linked.get(blk, 0) <= ITEM_LINKED * len(raw)
                    and " ".join(words) not in held
                    and not (FURNITURE and _furniture(page, blk, around()))):
                found.append(("- " + text, words, range(k, j)))
        k = j
    return found


def _sentence(text: str, words: int) -> bool:
    """``text`` (of ``words`` words) ends a sentence: on a stop of Latin, CJK, Arabic or
    Devanagari script, maybe followed by closing quotes or brackets ("(see the report.)",
    "«c'est fini.»"). A quote mark after a digit is an inch mark ('15"'), and a ":" ends a
    sentence only when it leads in (``LEAD_WORDS`` words or more), not a label ("I need
    help with:")."""
    bare = text.rstrip().rstrip(_CLOSERS)
    stop = bare[-1:]
    return stop in _STOPS and (stop != ":" or words >= LEAD_WORDS)


def _chain(page: Blocks, blk: int) -> list:
    """The elements block ``blk`` lies in, from the root down (as html_extras reads them)."""
    el, inside = page.owner.get(blk, (None, False))
    if el is None:
        return []
    return [*reversed(list(el.iterancestors())), *([el] if inside else [])]


def _whole(page: Blocks, blk: int, kept: int, cut: set) -> bool:
    """Item ``blk`` is all of its ``<li>`` but what the extractor kept (block ``kept``, the
    line after the gap: a question over its kept answer), and does not lie inside an item
    that is not: else its nested list's items, its second paragraph or the text after them
    would be left out, and a fragment read as the whole item. The ``<li>``s found cut are
    added to ``cut``."""
    alone = blk + 1 == kept or blk + 1 not in page.owner  # nothing of it left out after
    if alone and not cut:
        return True
    chain = _chain(page, blk)
    if any(el in cut for el in chain):
        return False  # an item of a list nested in an item that is not put back
    li = next((el for el in reversed(chain) if _tag(el) == "li"), None)
    if li is None or alone or not any(el is li for el in _chain(page, blk + 1)):
        return True
    cut.add(li)
    return False


def _furniture(page: Blocks, blk: int, around: set) -> bool:
    """Item ``blk`` lies in a box of the page's furniture: between it and the element that
    holds the two kept lines around it stands a ``<nav>``, ``<footer>``, ``<aside>``,
    ``<header>``, ``<form>``, or an element whose class, id or role names a box
    ("newsletter", "comment", "share", "related", "cookie"...). What encloses the kept
    lines on both sides, or the main container (``around``), is the article's own and not
    read (a layout's "main-with-sidebar" around a disclosure and the article)."""
    for el in reversed(_chain(page, blk)):  # (a held element keeps its one proxy)
        if el in around:
            return False
        if _tag(el) in _FURNITURE_TAGS:
            return True
        get = el.get
        names = " ".join(filter(None, (get("class"), get("id"), get("role")))).lower()
        if names and any(w in names for w in _FURNITURE_WORDS):
            return True
    return False


def _main(page: Blocks, pos: list[list[int | None]]) -> set:
    """The main container (the deepest element holding html_extras' ``MAIN`` share of the
    kept lines' page words) and the elements above it; empty when none holds that much."""
    words: Counter = Counter(page.block[p] for ps in pos for p in ps if p is not None)
    under: Counter = Counter()
    chains = {b: _chain(page, b) for b in words}
    for b, n in words.items():
        for el in chains[b]:
            under[el] += n
    total = sum(words.values())
    deepest: list = []
    for chain in chains.values():
        for d, el in enumerate(chain):
            if under[el] >= MAIN * total and d >= len(deepest):
                deepest = chain[:d + 1]
    return set(deepest)
