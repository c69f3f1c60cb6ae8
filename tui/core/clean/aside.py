"""Plain text that is not one article: threads, listings, manuals, pages of items.

The prose selection (``text.select``) finds an article's one dense run of prose. Two kinds of
page do not fit that model, and each is recognised from the text alone (no page kind, no site):

- **Prose spread down the page** (``step_aside``): posts of a thread, sections of a manual,
  entries with summaries. The selection then holds a small share of the page's prose; the body
  becomes the page's stretch from its first to its last prose line, less furniture.
- **A page of items** (``listing_items``): headlines, titles, product names, entries of a few
  words each and almost no prose. The selection then holds a tiny share of the page's item
  text; the items are the content, so every line but furniture is kept.
"""

from __future__ import annotations

from tui.core.clean.lines import Line
from tui.core.clean.meta import words

ASIDE_PROSE = 0.5  # the selection holds less than this share of the page's prose...
ASIDE_SURE = 0.3  # (under this share the prose is spread whatever its shape)
ASIDE_RUNS = (2, 50)  # ...from this share on, the rest lies in this many runs (not one other
# block, a footer notice; not dozens of one-line fragments, teaser cards and menus)
ASIDE_WORDS = 30.0  # ...and its lines are not long paragraphs (fewer words a line than this)
ASIDE_BULLETS = 0.4  # ...or few of the page's lines are bulleted (menus are bulleted)
ASIDE_SHORT = 4  # a bulleted line under this many words is a menu item
ASIDE_ARTICLE = 100.0  # a selection this strong among teasers (and little else) is the article
END_KIND = "copyright"  # the page's footer starts at its copyright line after the selection
TEASER_SHARE = 0.5  # a further run this much teasers (cut excerpts) is a teaser block


def teasers(info: list[Line], values: list[float], run: range | list[int]) -> bool:
    """Most of a run's prose is teasers: excerpts cut by an ellipsis, headlines run into their
    summaries (cards of other stories), not more of the article."""
    pos = [k for k in run if values[k] > 0]
    cut = sum(values[k] for k in pos if info[k].cut)
    return cut > TEASER_SHARE * sum(values[k] for k in pos)


def _runs(raw: list[float], span: range, inside: set[int]) -> int:
    """How many runs of prose lines ``span`` holds outside ``inside``."""
    runs, before = 0, False
    for k in span:
        now = raw[k] > 0 and k not in inside
        runs += now and not before
        before = now
    return runs


def step_aside(idx: list[int], info: list[Line], raw: list[float], keep: list[int],
               plain: bool = False) -> list[int]:
    """``keep``, or the page's lines between its first and last line of prose less the
    furniture, when the article model does not fit the page.

    An article is one dense run holding most of the page's prose. When the selection holds
    under ``ASIDE_PROSE`` of it (posts of a thread, entries of a listing, sections of a
    manual are prose spread down the page: from ``ASIDE_SURE`` on, only when the rest lies in
    a few runs, ``ASIDE_RUNS``) and its lines are short for paragraphs or the page has no
    bulleted menus, the page is not an article: keep every line from its first to its last
    prose line but furniture (share bars, repeated templates, lines of piped links, short
    bulleted menu items); headers and footers outside the prose stay out, and the page ends
    at a copyright line after the selection. In a ``plain`` document (no page furniture: a
    manual page) the lines between its title and its first prose line are its own too
    (``_below_title``: "SYNOPSIS", "ls [OPTION]... [FILE]...")."""
    if not keep or not info:
        return keep
    where = {i: k for k, i in enumerate(idx)}
    ks = [where[i] for i in keep]
    end = next((k for k in range(ks[-1] + 1, len(info)) if info[k].furniture == END_KIND),
               len(info))
    span = range(end)
    prose = sum(raw[k] for k in span if raw[k] > 0)
    kept = sum(raw[k] for k in ks if raw[k] > 0)
    if prose <= 0 or not 0.01 * prose < kept < ASIDE_PROSE * prose:
        return keep
    inside = set(ks)
    if kept >= ASIDE_ARTICLE and teasers(info, raw, [k for k in span if k not in inside]):
        return keep  # an article of its own; the rest of the page's prose is teasers
    per_line = sum(info[k].words for k in ks) / len(ks)
    bullets = sum(1 for ln in info if ln.bullet) / len(info)
    if per_line >= ASIDE_WORDS and bullets >= ASIDE_BULLETS:
        return keep
    if kept >= ASIDE_SURE * prose and not ASIDE_RUNS[0] <= _runs(raw, span, inside) <= \
            ASIDE_RUNS[1]:
        return keep
    pos = [k for k in span if raw[k] > 0]
    lines = range(_below_title(info, pos[0]) if plain else pos[0], pos[-1] + 1)
    menu = _menu_items(info, lines, plain)
    return [idx[k] for k in lines
            if info[k].furniture in (None, "duplicate") and info[k].pipes < 2
            and k not in menu]


TITLE_LOOK = 8  # lines above a plain document's first prose line searched for its title
TITLE_WORDS = (3, 30)


def _below_title(info: list[Line], first: int) -> int:
    """Where a plain document's own lines start above its ``first`` prose line: below the
    nearest line above it that reads as its title (``TITLE_WORDS`` words, not a sentence,
    sharing two words with the prose: "ls - list directory contents" over "List information
    about..."), or at ``first`` when none does."""
    prose = words(" ".join(ln.text for ln in info[first:first + 4]))
    for k in range(first - 1, max(-1, first - 1 - TITLE_LOOK), -1):
        ln = info[k]
        if ln.furniture or ln.pipes >= 2:
            return first
        if TITLE_WORDS[0] <= ln.words <= TITLE_WORDS[1] and not ln.text.endswith(".") and len(
                words(ln.text) & prose) >= 2:
            return k + 1
    return first


def _menu_items(info: list[Line], span: range, plain: bool) -> set[int]:
    """The short bulleted lines (under ``ASIDE_SHORT`` words) in ``span`` that are a menu's
    items: all of them on a page, and in a ``plain`` document (no menus elsewhere) those of a
    run of bulleted lines that is not mostly longer items (a list whose items are phrases
    keeps its short ones: "0 if OK," above "1 if minor problems (...)")."""
    if not plain:
        return {k for k in span if info[k].bullet and info[k].words < ASIDE_SHORT}
    menu: set[int] = set()
    run: list[int] = []
    for k in [*span, None]:
        if k is not None and info[k].bullet:
            run.append(k)
            continue
        short = [j for j in run if info[j].words < ASIDE_SHORT]
        if 2 * len(short) > len(run) or len(run) < 2:
            menu.update(short)
        run = []
    return menu


ITEM_WORDS = (4, 30)  # an item line: this many words, neither prose nor furniture
LISTING_SHARE = 0.1  # a body under this share of the page's item words misses a listing


def listing_items(idx: list[int], info: list[Line], raw: list[float], keep: list[int]
                  ) -> list[int]:
    """``keep``, or every line of the page but furniture when the page is a list of items.

    Items (a headline, a title, a product or a job, a few words each) are neither prose nor
    furniture. When the body holds under ``LISTING_SHARE`` of the words of the page's item
    lines, the prose model found an introduction, or nothing, on a page whose content is the
    items: keep every line that is not furniture or a line of piped links (a menu's short
    lines among them: a listing's own entries may be that short, and dropping them is the
    larger loss)."""
    where = {i: k for k, i in enumerate(idx)}
    body = sum(info[where[i]].words for i in keep)
    low, high = ITEM_WORDS
    items = sum(ln.words for ln, v in zip(info, raw) if v <= 0 and ln.pipes < 2
                and ln.furniture in (None, "duplicate") and low <= ln.words <= high)
    if body >= LISTING_SHARE * items:
        return keep
    return [i for i, ln in zip(idx, info) if ln.furniture in (None, "duplicate") and ln.pipes < 2]
