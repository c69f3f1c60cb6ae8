"""Plain-text cleaner: keep the lines that form the article's densest run of prose.

Each line gets a value in words: positive when it reads like prose of the page's language
(length, sentence ending, share of function words), negative when it is short (a menu item,
a label) or page furniture. The article is the maximum-sum run of lines; headings and
comment or "related" sections act as walls. Pages without prose fall back to the longest
stretch of non-menu lines; pages whose prose is spread out (threads, listings, manuals: the
run holds little of it) keep their whole prose stretch less furniture (``step_aside``). An
article whose sections repeat the same headings ("Overview", "Pros:") is read again with those
lines as its headings rather than walls between items, when that only extends it. Short
stretches between body lines (subheadings, list items) are the article's own (``_gaps``). A page
whose content is records set out alike (a listing's entries) keeps them (``record_items``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import compress
from operator import attrgetter

from tui.core.clean.aside import listing_items, step_aside
from tui.core.clean.captions import drop_captions
from tui.core.clean.lines import Line, measure_page
from tui.core.clean.mail import head_end
from tui.core.clean.plain import document_marks
from tui.core.clean.records import record_items
from tui.core.clean.repeats import own_repeats
from tui.core.clean.shaped import shaped_runs
from tui.core.clean.tables import ROW_KINDS, keep_tables, pipe_rows, table_rows, unmark_rows

SHORT = 12.0  # cost of a short line that is not prose (menus are runs of these)
SHORT_FIRST = 3.0  # ...but a lone one between paragraphs (a subheading) costs little
CUT = 0.3  # weight of a paragraph that ends in an ellipsis (a teaser's excerpt)
BULLET = 0.5  # weight of a bulleted prose line (lists of teasers are bulleted)
ITEM, ITEM_WORDS = 0.0, 6  # value of a bulleted phrase of this many words (a list item)
BARRIER = 50.0  # cost of a line that opens another section of the page
BARRIERS = frozenset({"comments", "related", "ticker", "copyright", "repeat", "appeal", "about",
                      "dated"})
INNER_BARRIERS = BARRIERS - {"repeat"}  # walls inside an article's own sections
REPEAT_HEADING = 1.0  # cost of a repeated line read as a section heading, not a wall
HOLD_SHARE = 0.9  # a selection across repeated headings must keep this much of the first
REPEAT_WALL = 3  # a line repeated this often is a template separating items
REPEAT_PROSE = 5  # ...unless it is a sentence of at least this many words
AFTER_MIN = 30.0  # prose words before a comments/about heading for it to close the article
AFTER_SCALE = 0.25  # weight of prose after that heading (readers' comments, author bios)
EXTRA_MIN = 40.0  # a second run of prose joins the article when this strong...
EXTRA_SHARE = 0.35  # ...and at least this share of the main run
FALLBACK_MIN = 60.0  # below this, the page has no prose to speak of
STOP_REF = 0.30  # share of function words in English prose lines (a page's upper quartile)
LIST_MAX = 80  # longest list a colon may announce
LIST_GAP = 2  # ...whose items are at most this many lines apart (one blank line)
_LETTER = re.compile(r"[^\W\d_]")
_FURNITURE, _LOW = attrgetter("furniture"), attrgetter("low")  # (read in C, line by line)


def prose_value(ln: Line, scale: float = 1.0, barriers: frozenset[str] = BARRIERS) -> float:
    """Evidence, in words, that a line is body (positive) or not (negative). ``scale`` adapts
    the function-word thresholds to languages whose prose shows fewer separate function words
    (Arabic writes many of them as prefixes)."""
    if ln.furniture:
        wall = ln.furniture in barriers and (ln.furniture != "appeal" or ln.words <= 10)
        if ln.furniture == "repeat" and not wall:
            return -REPEAT_HEADING
        return -BARRIER if wall else -3.0 - 0.5 * ln.words
    w = ln.words
    v = -SHORT
    if w >= 8 and ln.stop >= 0.12 * scale and (ln.ends or w >= 18):
        v = float(w)
    elif w >= 20 and ln.stop >= 0.08 * scale:
        v = 0.5 * w
    elif ln.ends and w >= 5 and ln.stop >= 0.15 * scale:
        v = 0.5 * w
    elif ln.bullet and w >= ITEM_WORDS and ln.stop >= 0.12 * scale:
        v = ITEM  # a list item that is a phrase, not a menu's name or two
    if ln.cut and v > 0:
        v *= CUT
    if ln.pipes >= 2:
        v = -3.0 - ln.pipes
    elif ln.bullet and v > 0:
        v *= BULLET
    return v


def _stop_scale(info: list[Line]) -> float:
    """How function-word-rich this page's prose is, relative to English (at most 1)."""
    ratios = sorted(ln.stop for ln in info if ln.words >= 10)
    if len(ratios) < 3:
        return 1.0
    return max(0.3, min(1.0, ratios[3 * len(ratios) // 4] / STOP_REF))


def _plain_value(ln: Line) -> float:
    """Fallback evidence for pages without prose: any line of a few words that is not a menu
    item or furniture counts."""
    if ln.furniture or ln.pipes >= 2:
        return -6.0
    if ln.bullet or ln.words < 3:
        return -3.0
    return 0.5 * ln.words


def best_run(values: list[float]) -> tuple[int, int, float]:
    """Maximum-sum contiguous run (start, end exclusive, sum) of ``values``."""
    best_a, best_b, best = 0, 0, 0.0
    start, acc = 0, 0.0
    for i, v in enumerate(values):
        if acc <= 0:
            start, acc = i, 0.0
        acc += v
        if acc > best:
            best_a, best_b, best = start, i + 1, acc
    return best_a, best_b, best


def select(lines: list[str], stops: frozenset[str], known: Callable[[str], bool] | None = None,
           dense_script: bool = False, kinds: dict[int, str | None] | None = None,
           written: str | None = None, authored: bool = False,
           piped: set[int] | None = None) -> list[int]:
    """Indices (into ``lines``: stripped, single-spaced) of the body lines, in order.
    ``known(line)`` says a line is furniture learned from other pages of the same outlet;
    ``kinds``, when given, receives each line's furniture kind (None for none); ``written``:
    the text as written (its spaces set out a table's columns); ``authored``: a document its
    author wrote (Markdown); ``piped``: the lines that are rows of a table written with pipes
    (the Markdown reader's; None: found here, ``pipe_rows``)."""
    idx = list(compress(range(len(lines)), lines))  # the non-blank lines
    head = head_end(lines)
    if head:  # an e-mail: its body is all of its text, its headers metadata
        if kinds is not None:
            kinds.update(dict.fromkeys(idx))
        return [i for i in idx if i > head and lines[i].strip("> ")]
    info = measure_page(list(filter(None, lines)), stops, dense_script)
    if known:
        for ln in info:
            if not ln.furniture and known(ln.text):
                ln.furniture = "learned"
    if kinds is not None:
        kinds.update(zip(idx, map(_FURNITURE, info)))
    # A text without page furniture is a plain document (``plain.whole_document`` keeps its lines).
    page = not document_marks(list(map(_FURNITURE, info)))
    _mark_repeats(info)
    rows = table_rows(written) if written else set()
    if piped is None:  # a table written with pipes: no menu's links
        piped = pipe_rows(lines)
    # A table's header row drawn for each table is no template (a text's tables written with
    # pipes: only in Markdown, where a text that repeats such a line is sure to be no page).
    unmark_rows(idx, info, rows | piped if authored else rows)
    rows |= piped
    scale = _stop_scale(info)
    raw = [prose_value(ln, scale) for ln in info]
    if piped:  # (nor a wall between the prose above and below it: ``keep_tables`` keeps it)
        raw = [max(v, 0.0) if i in piped and ln.furniture in ROW_KINDS else v
               for i, ln, v in zip(idx, info, raw)]
    keep = _select(info, idx, raw, scale, BARRIERS)
    aside = step_aside(idx, info, raw, keep, plain=not page)
    if aside is keep and any(ln.furniture == "repeat" for ln in info):
        # An article, not items split by a template: a line it repeats ("Overview", "Buying
        # options:") heads its sections rather than separating pages' worth of items.
        # (a line worth something was no furniture and still is none: its value stands)
        wider = _select(info, idx, [prose_value(ln, scale, INNER_BARRIERS) if r < 0 else r
                                    for ln, r in zip(info, raw)], scale, INNER_BARRIERS)
        if _holds(wider, keep, info, idx):
            keep = wider
    else:
        keep = aside
    keep = listing_items(idx, info, raw, keep) if page else keep
    keep = own_repeats(idx, info, keep, GAP_LINES)
    keep = keep_tables(idx, info, keep, rows, GAP_LINES)
    if page or any(ln.furniture in ("repeat", "duplicate") for ln in info):  # a listing: also
        keep = record_items(idx, info, keep, INNER_BARRIERS)  # one pasted with no menu
    return drop_captions(idx, info, keep)


def _holds(wider: list[int], keep: list[int], info: list[Line], idx: list[int]) -> bool:
    """``wider`` holds nearly all of ``keep``'s words (it extends the article, not another)."""
    where = {i: k for k, i in enumerate(idx)}
    inside = set(wider)
    total = sum(info[where[i]].words for i in keep)
    return sum(info[where[i]].words for i in keep if i in inside) >= HOLD_SHARE * total


def _select(info: list[Line], idx: list[int], raw: list[float], scale: float,
            barriers: frozenset[str]) -> list[int]:
    """The article-prose selection from each line's evidence ``info`` and prose value
    ``raw`` (before sections are discounted); lines of a kind in ``barriers`` are walls."""
    values = raw[:]
    _discount_after_sections(info, values)
    _first_short(values)
    a, b, total = best_run(values)
    if total < FALLBACK_MIN and _unmark_repeated_prose(info):
        # No prose but prose the page repeats: the page holds its article more than once
        # (copies for other screens). Read it as prose; the copies are deduplicated after.
        values = [prose_value(ln, scale, barriers) for ln in info]
        _discount_after_sections(info, values)
        a, b, total = best_run(values)
    if total < FALLBACK_MIN:  # no prose to speak of (results, tables, lists): take the
        values = [_plain_value(ln) for ln in info]  # longest stretch of non-menu lines
        a, b, total = best_run(values)
        return [idx[k] for k in range(a, b) if values[k] > 0] if total > 0 else []
    keep = set(range(a, b))
    # Further runs as strong as a good share of the main one (an article split by a widget),
    # never across a wall: what lies beyond a comments or related heading is another section.
    walls = [k for k, ln in enumerate(info) if ln.furniture in barriers]
    first = max([w + 1 for w in walls if w < a], default=0)
    last = min([w for w in walls if w >= b], default=len(values))
    for lo, hi in ((first, a), (b, last)):
        while hi > lo:
            ra, rb, rt = best_run(values[lo:hi])
            if rt < max(EXTRA_MIN, EXTRA_SHARE * total):
                break
            keep.update(range(lo + ra, lo + rb))
            lo += rb
    chosen = {k for k in keep if not info[k].furniture and info[k].pipes < 2
              and (values[k] > 0 or _sandwiched(values, k, keep))}
    chosen |= _announced_lists(info, idx, chosen)
    chosen |= shaped_runs(info, chosen)
    chosen -= _box_items(info, walls)
    headings = "repeat" not in barriers  # repeated lines read as the article's own headings
    chosen |= _gaps(info, chosen, headings)
    return [idx[k] for k in sorted(chosen | _inner_lists(info, chosen))]


def _first_short(values: list[float]) -> None:
    """A short line first in a run of lines worth nothing (after a line worth something, or
    first on the page) costs ``SHORT_FIRST``, not ``SHORT``: a lone subheading is cheap."""
    for k in [k for k, (before, v) in enumerate(zip([1.0, *values], values))
              if v == -SHORT and not before <= 0]:
        values[k] = -SHORT_FIRST


BOX_KINDS = ("related", "ticker")  # headings of boxes of links set inside an article


def _box_items(info: list[Line], walls: list[int]) -> set[int]:
    """The bulleted or cut lines right under a "Related articles" or "Trending" heading (among
    ``walls``): the box's links, even where the article goes on around the box."""
    items: set[int] = set()
    for k in walls:
        if info[k].furniture in BOX_KINDS:
            j = k + 1
            while j < len(info) and not info[j].furniture and (info[j].bullet or info[j].cut):
                items.add(j)
                j += 1
    return items


GAP_LINES = 4  # lines between two body lines that join the body (subheadings, list items)


def _gaps(info: list[Line], chosen: set[int], headings: bool = False) -> set[int]:
    """Short stretches (at most ``GAP_LINES``) of lines between body lines, none of them
    furniture: the article's own subheadings, list items and quotations. ``headings``: lines
    the page repeats count as the article's own subheadings."""
    extra: set[int] = set()
    order = sorted(chosen)
    for a, b in zip(order, order[1:]):
        if 1 < b - a <= GAP_LINES + 1 and all(
                (not info[k].furniture or (headings and info[k].furniture == "repeat"))
                and info[k].pipes < 2 for k in range(a + 1, b)):
            extra.update(range(a + 1, b))
    return extra


LIST_ITEM_WORDS = 4.0  # a bulleted run between body lines whose items average this many words
LIST_SHARE = 0.8  # ...and which is this much items (the rest: the list's own subheadings)


def _inner_lists(info: list[Line], chosen: set[int]) -> set[int]:
    """A run of bulleted items, however long, between two body lines: the article's own list
    (a menu's items are a word or two; a box of links opens with its heading, furniture)."""
    extra: set[int] = set()
    order = sorted(chosen)
    for a, b in zip(order, order[1:]):
        if b - a - 1 <= GAP_LINES:
            continue
        run = range(a + 1, b)
        items = [k for k in run if info[k].bullet]
        if len(items) >= LIST_SHARE * len(run) and all(
                not info[k].furniture and info[k].pipes < 2 for k in run) \
                and sum(info[k].words for k in items) >= LIST_ITEM_WORDS * len(items):
            extra.update(run)
    return extra


def _announced_lists(info: list[Line], idx: list[int], chosen: set[int]) -> set[int]:
    """A body line ending in a colon announces a list ("The tour dates:"): the lines under it
    (at most one blank line apart) belong to the article, up to furniture or the next body
    line."""
    extra: set[int] = set()
    for k in sorted(chosen):
        if not info[k].text.endswith(":"):
            continue
        j = k + 1
        while (j < len(info) and j not in chosen and idx[j] - idx[j - 1] <= LIST_GAP
               and not info[j].furniture and j - k <= LIST_MAX):
            extra.add(j)
            j += 1
    return extra


def _mark_repeats(info: list[Line]) -> None:
    """A line the page repeats is a template (share bar, teaser, headline): furniture."""
    keys = list(map(_LOW, info))
    if "" in keys:  # (a Line not made by measure_page may lack its lower case)
        keys = [ln.low or ln.text.lower() for ln in info]
    seen = Counter(keys)
    if len(seen) == len(keys):
        return  # no line comes twice
    counts = list(map(seen.__getitem__, keys))
    for ln, n in compress(zip(info, counts), map((1).__lt__, counts)):  # lines seen twice or more
        if not ln.furniture and _LETTER.search(ln.text):
            wall = n >= REPEAT_WALL and not (ln.ends and ln.words >= REPEAT_PROSE)
            ln.furniture = "repeat" if wall else "duplicate"


def _unmark_repeated_prose(info: list[Line]) -> bool:
    """Clear the duplicate mark of repeated lines that are sentences; True when any was."""
    found = False
    for ln in info:
        if ln.furniture == "duplicate" and ln.ends and ln.words >= REPEAT_PROSE:
            ln.furniture = None
            found = True
    return found


def _discount_after_sections(info: list[Line], values: list[float]) -> None:
    """Past a comments or about-the-author heading that follows prose, the text is readers'
    or a biography, not the article: it counts for much less."""
    heads = [k for k, ln in enumerate(info) if ln.furniture in ("comments", "about")]
    acc, done = 0.0, 0
    for k in heads:
        for v in values[done:k]:
            if v > 0:
                acc += v
        done = k
        if acc >= AFTER_MIN:
            for j in range(k, len(values)):
                if values[j] > 0:
                    values[j] *= AFTER_SCALE
            return


def _sandwiched(values: list[float], k: int, keep: set[int]) -> bool:
    """A short line right between body lines (a subheading, a list item inside the article)."""
    return (k - 1 in keep and values[k - 1] > 0) and (k + 1 in keep and values[k + 1] > 0)
