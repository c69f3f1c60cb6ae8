"""Lines of an extracted body that are not the article, recognised from the page itself.

An extractor keeps, around and inside an article, lines of the site's furniture: a newsletter
box, "Related:" links, an app promotion, a list of the latest stories, a disclaimer. Each such
line costs a reader as much as a paragraph. ``extra_lines`` weighs each redrawn line
(``html_blocks.resegment``) on evidence the page gives about it, never on the line's wording
alone:
- where its block sits: inside or outside the element that holds most of the kept text (the
  main container), and which elements lie between the two (the class, id, role and itemprop
  words of those elements name boxes: "newsletter", "promo", "sidebar", "latest", "cta"...;
  ``<form>``, ``<aside>``, ``<nav>``, headings, block quotes, figures);
- how much of its block is link text, and of its neighbours';
- its place in the body: first or last line, before the first or after the last prose line,
  how many page words the extractor skipped on each side;
- its shape: length, a sentence end, a date, an address, capitals, a "Label:" opening.

The weights are a logistic regression fitted on the tuning half of wcxb_dev's articles and
aeb (the even page ids), exported as constants; the held-out half, aeb and every other page
kind of wcxb check it. A line goes only when its probability of being an extra passes
``THRESHOLD`` and the body is mostly prose (``PROSE``: on listings, products and forums link
lines and short items are the content). Lines the page does not hold (the extractor's own
text), table rows and lines of a ``<pre>`` are never weighed.
``THRESHOLD`` went from .7 to .6 in session 27 (after html_agree's change of that session),
chosen on the even half and held on the odd one (even / odd): aeb words +.0006 / +.0001,
paragraphs +.0021 / +.0012; articles words +.0002 / +.0003, paragraphs +.0004 / +.0006. It
costs forum-even paragraphs .0025, listing-even .0016, collection-odd .0015 (words .0020),
all far above trafilatura still; 93 pages change, 61 up.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import chain
from operator import mul
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from tui.core.clean.html_page import Blocks

EXTRAS = True  # drop the lines weighed as extras
THRESHOLD = 0.6  # probability above which a line is an extra (s27: .7 -> .6, see below)
PROSE = 0.8  # only in a body with at least this share of its words in prose lines
MAIN = 0.6  # the main container holds at least this share of the lines' page words
BIAS = -0.55
WEIGHTS = {
    "cb_promo": 4.14, "cb_latest": 3.18, "cb_disclaimer": 3.13, "cb_sidebar": 3.06,
    "link": 2.87, "cb_footer": 2.84, "cb_newsletter": 2.49, "x_link_short": -2.39,
    "cb_cta": 2.15, "in_h2": -1.99, "in_h3": -1.92, "outside": 1.84, "in_h1": -1.76,
    "in_h4": -1.72, "bt_form": 1.65, "in_blockquote": -1.57, "last": 1.48, "cb_widget": 1.31,
    "in_p": -1.17, "in_a": -1.15, "bt_aside": -1.14, "cb_menu": 1.05, "cb_author": 0.97,
    "cb_related": 0.94, "cb_sponsor": 0.93, "cb_breadcrumb": 0.93, "cb_meta": 0.89,
    "bt_nav": -0.86, "bt_figure": -0.83, "in_li": -0.71, "bt_li": -0.70, "in_h5": -0.70,
    "date": 0.70, "url": 0.69, "lognw": -0.64, "bt_figcaption": -0.64, "x_link_post": 0.62,
    "in_h6": -0.61, "cb_subscri": 0.60, "first": -0.59, "bt_header": 0.58,
    "cb_trending": 0.57, "link_nb": 0.55, "post_prose": 0.54, "pre_prose": 0.51,
    "cb_caption": 0.50, "caps": 0.46, "cb_advert": 0.42, "final": -0.41, "item": -0.40,
    "x_out_pre": -0.38, "cb_signup": 0.37, "gap_before": 0.31, "label": 0.22,
    "gap_after": 0.22, "x_out_nofinal": -0.19, "bt_footer": -0.18, "cb_byline": 0.17,
    "in_table": 0.13, "x_out_post": -0.08,
}
CLASS_WORDS = tuple(k[3:] for k in WEIGHTS if k.startswith("cb_"))
TAGS_IN = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "blockquote", "a", "li", "table")
TAGS_BELOW = ("form", "aside", "nav", "figure", "li", "figcaption", "header", "footer")
_FINAL = ".!?…\"'”’»)"
_LABEL = re.compile(r"^[^\W\d][\w'’ ]{0,24}:\s")
_URL = re.compile(r"https?://|www\.|\.com\b|@\w")
_DATE = re.compile(r"^[\W\d]*(?:\d{1,4}[-/.:]\d{1,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
                   r"oct|nov|dec)[a-z]*\b)", re.I)
_ITEM = re.compile(r"^(?:- |\d+\. )")
PROSE_WORDS = 12  # a prose line ends a sentence and has at least this many words


def extra_lines(pieces: list[str], spans: list[list[int | None]], page: Blocks) -> set[int]:
    """Indexes of the ``pieces`` (output lines, with the page positions of their words) that
    are the site's furniture rather than the article."""
    if not EXTRAS or not pieces or not page.owner:
        return set()
    scores = fast_scores(pieces, spans, page)
    return {j for j, p in enumerate(scores) if p is not None and p > THRESHOLD}


def line_scores(pieces: list[str], spans: list[list[int | None]],
                page: Blocks) -> list[float | None]:
    """Each line's probability of being an extra; None for a line not weighed."""
    feats = line_features(pieces, spans, page)
    out: list[float | None] = []
    for f in feats:
        if f is None:
            out.append(None)
            continue
        z = BIAS + sum(w * f[k] for k, w in WEIGHTS.items())
        out.append(1 / (1 + math.exp(-z)))
    return out


def _prose(text: str) -> bool:
    return text.rstrip()[-1:] in _FINAL and len(text.split()) >= PROSE_WORDS


def line_features(pieces: list[str], spans: list[list[int | None]],
                  page: Blocks) -> list[dict[str, float] | None]:
    """The evidence ``line_scores`` weighs, per line (None: not weighed). The readable form
    of what ``fast_scores`` computes (tests hold the two equal)."""
    prose_words = sum(len(t.split()) for t in pieces if _prose(t))
    if prose_words < PROSE * max(1, sum(len(t.split()) for t in pieces)):
        return [None] * len(pieces)
    prose = [_prose(t) for t in pieces]
    paths = _Paths(page)
    placed, main, main_path, links, gaps, first_prose, last_prose = _layout(spans, page, prose,
                                                                            paths)
    out: list[dict[str, float] | None] = []
    for j, (text, sp) in enumerate(zip(pieces, placed)):
        if not sp or text.startswith("|") or page.block[sp[0]] in page.lines:
            out.append(None)  # not in the page as read, a table row, or code
            continue
        path = paths.of(page.block[sp[0]])
        f = _shape(text)
        f["outside"] = float(main is not None and main not in path)
        shared = 0
        while shared < min(len(path), len(main_path)) and path[shared] is main_path[shared]:
            shared += 1
        below = path[shared:]
        names = " ".join(_names(el) for el in below)
        for word in CLASS_WORDS:
            f["cb_" + word] = float(word in names)
        tags = {_tag(el) for el in path}
        for tag in TAGS_IN:
            f["in_" + tag] = float(tag in tags)
        tags_below = {_tag(el) for el in below}
        for tag in TAGS_BELOW:
            f["bt_" + tag] = float(tag in tags_below)
        f["link"] = links[j]
        f["link_nb"] = max((links[x] for x in (j - 1, j + 1) if 0 <= x < len(pieces)), default=0)
        f["first"], f["last"] = float(j == 0), float(j == len(pieces) - 1)
        f["pre_prose"], f["post_prose"] = float(j < first_prose), float(j > last_prose)
        f["gap_before"], f["gap_after"] = gaps[j]
        f["x_out_post"] = f["outside"] * f["post_prose"]
        f["x_out_pre"] = f["outside"] * f["pre_prose"]
        f["x_out_nofinal"] = f["outside"] * (1 - f["final"])
        f["x_link_post"] = f["link"] * f["post_prose"]
        f["x_link_short"] = f["link"] * f["short"]
        out.append(f)
    return out


_KEYS = tuple(WEIGHTS)  # the features the places below were built for
_AT = {k: i for i, k in enumerate(_KEYS)}  # each feature's place in the weighted sum
_CB = tuple(_AT["cb_" + w] for w in CLASS_WORDS)  # class word k: bit k of an element's mask
_IN = tuple((t, _AT["in_" + t]) for t in TAGS_IN)
_BT = tuple((t, _AT["bt_" + t]) for t in TAGS_BELOW)
(_LOGNW, _FINAL_AT, _ITEM_AT, _LABEL_AT, _URL_AT, _DATE_AT, _CAPS_AT, _OUT, _LINK, _LINK_NB,
 _FIRST, _LAST, _PRE, _POST, _GAP_B, _GAP_A, _X_OUT_POST, _X_OUT_PRE, _X_OUT_NOFINAL,
 _X_LINK_POST, _X_LINK_SHORT) = (_AT[k] for k in (
    "lognw", "final", "item", "label", "url", "date", "caps", "outside", "link", "link_nb",
    "first", "last", "pre_prose", "post_prose", "gap_before", "gap_after", "x_out_post",
    "x_out_pre", "x_out_nofinal", "x_link_post", "x_link_short"))


def fast_scores(pieces: list[str], spans: list[list[int | None]],
                page: Blocks) -> list[float | None]:
    """``line_scores``, bit for bit, without a dict of features per line: each line's
    features go into a list in ``WEIGHTS``' order (the weighted sum adds the same products in
    the same order), the class words and tags of the elements a line lies in are read once
    per element and once per block, and words are counted once per line. (Weights are read
    on each call; a model with other features than these is weighed by ``line_scores``.)"""
    if tuple(WEIGHTS) != _KEYS:
        return line_scores(pieces, spans, page)
    weights = tuple(WEIGHTS.values())
    n = len(pieces)
    sizes = [len(t.split()) for t in pieces]
    ends_ok = [t.rstrip()[-1:] in _FINAL for t in pieces]
    prose = [e and s >= PROSE_WORDS for e, s in zip(ends_ok, sizes)]
    if sum(s for s, p in zip(sizes, prose) if p) < PROSE * max(1, sum(sizes)):
        return [None] * n
    paths = _Paths(page)
    placed, main, main_path, links, gaps, first_prose, last_prose = _layout(spans, page, prose,
                                                                            paths)
    block, lines = page.block, page.lines
    main_set = set(main_path)
    marks: dict = {}  # element -> its chain's feature bits (_marks)
    known: dict[int, tuple[float, tuple[int, ...]]] = {}  # block -> (outside, features set to 1)
    out: list[float | None] = []
    for j, (text, sp) in enumerate(zip(pieces, placed)):
        if not sp or text.startswith("|") or block[sp[0]] in lines:
            out.append(None)  # not in the page as read, a table row, or code
            continue
        b = block[sp[0]]
        got = known.get(b)
        if got is None:
            got = known[b] = _structure(paths.of(b), main, main_set, marks)
        outside, on = got
        v = [0.0] * len(weights)
        for i in on:
            v[i] = 1.0
        t = text.rstrip()
        nw = sizes[j]
        final = float(ends_ok[j])
        v[_LOGNW], v[_FINAL_AT], v[_CAPS_AT] = math.log(1 + nw), final, float(_caps(t))
        v[_ITEM_AT] = float(bool(_ITEM.match(t)))
        v[_LABEL_AT] = float(bool(_LABEL.match(t)))
        v[_URL_AT] = float(bool(_URL.search(t)))
        v[_DATE_AT] = float(nw <= 8 and bool(_DATE.match(t)))
        link = links[j]
        pre, post = float(j < first_prose), float(j > last_prose)
        v[_OUT], v[_LINK], v[_PRE], v[_POST] = outside, link, pre, post
        v[_LINK_NB] = (max(links[j - 1], links[j + 1]) if 0 < j < n - 1 else links[j - 1]
                       if j else links[j + 1] if n > 1 else 0)  # as line_features' max()
        v[_FIRST], v[_LAST] = float(j == 0), float(j == n - 1)
        v[_GAP_B], v[_GAP_A] = gaps[j]
        v[_X_OUT_POST], v[_X_OUT_PRE] = outside * post, outside * pre
        v[_X_OUT_NOFINAL] = outside * (1 - final)
        v[_X_LINK_POST], v[_X_LINK_SHORT] = link * post, link * float(nw <= 6)
        z = BIAS + sum(map(mul, weights, v))
        out.append(1 / (1 + math.exp(-z)))
    return out


def _structure(path: list, main, main_set: set, marks: dict) -> tuple[float, tuple[int, ...]]:
    """A block's ``outside`` and the places of its class-word and tag features that are 1."""
    outside = float(main is not None and main not in path)
    return outside, _places(*_marks(path, main_set, marks)) if path else ()


@lru_cache(maxsize=4096)
def _places(inside: int, below: int) -> tuple[int, ...]:
    """The places in ``WEIGHTS`` of the class words and tags set in the two masks."""
    on = [at for k, at in enumerate(_CB) if below >> k & 1]
    on += [at for k, (_, at) in enumerate(_IN) if inside >> k & 1]
    on += [at for k, (_, at) in enumerate(_BT) if below >> (_NCB + k) & 1]
    return tuple(on)


_NCB = len(CLASS_WORDS)
_IN_BIT = {t: 1 << k for k, (t, _) in enumerate(_IN)}
_BT_BIT = {t: 1 << (_NCB + k) for k, (t, _) in enumerate(_BT)}


def _marks(path: list, main_set: set, marks: dict) -> tuple[int, int]:
    """For the last element of ``path`` (a chain from the root down): the bits of the
    ``TAGS_IN`` tags of the chain, and of the class words and ``TAGS_BELOW`` tags of the
    elements of the chain below the main container's chain (``main_set``: an element there
    has all its ancestors there too). Kept per element in ``marks``: a chain's masks are its
    parent's with its own added, so each element is read once per page."""
    k = len(path)
    while k and path[k - 1] not in marks:
        k -= 1
    inside, below = marks[path[k - 1]] if k else (0, 0)
    for el in path[k:]:
        tag = _tag(el)
        inside |= _IN_BIT.get(tag, 0)
        if el not in main_set:  # a class word never spans two elements' names (no space)
            names = _names(el)
            below |= _BT_BIT.get(tag, 0) | sum(1 << b for b, w in enumerate(CLASS_WORDS)
                                                if w in names)
        marks[el] = (inside, below)
    return inside, below


_ALPHA = bytes(c for c in range(128) if not chr(c).isalpha())  # deleted to count letters
_UPPER = bytes(c for c in range(128) if not chr(c).isupper())


def _caps(text: str) -> bool:
    """``_shape``'s "caps": at least 8 letters, over 0.8 of them capitals (ASCII counted by
    bytes.translate in C)."""
    if text.isascii():
        raw = text.encode("ascii")
        letters, upper = len(raw.translate(None, _ALPHA)), len(raw.translate(None, _UPPER))
    else:
        letters, upper = sum(map(str.isalpha, text)), sum(map(str.isupper, text))
    return letters >= 8 and upper > 0.8 * letters


def _layout(spans: list[list[int | None]], page: Blocks, prose: list[bool],
            paths: _Paths) -> tuple:
    """What the lines' features read of the body as a whole: each line's page positions, the
    main container and its path, each line's link share and its gaps to its neighbours, the
    first and last prose lines."""
    placed = [[p for p in sp if p is not None] if None in sp else cast("list[int]", sp)
              for sp in spans]
    words: Counter = Counter()  # page words of the lines under each element
    total = sum(map(len, placed))
    for b, n in Counter(map(page.block.__getitem__, chain.from_iterable(placed))).items():
        for el in paths.of(b):  # (blocks in the order the lines first reach them)
            words[el] += n
    main = None
    if total:
        depth = {el: d for path in paths.blocks.values() for d, el in enumerate(path)}
        held = [el for el, n in words.items() if n >= MAIN * total]
        main = max(held, key=lambda el: depth[el]) if held else None
    main_path = next((p[:p.index(main) + 1] for p in paths.blocks.values() if main in p), [])
    first_prose = prose.index(True) if True in prose else len(prose)
    last_prose = len(prose) - 1 - prose[::-1].index(True) if True in prose else -1
    links = [_linked(page, sp) for sp in placed]
    ends = [(min(sp), max(sp)) if sp else None for sp in placed]
    before, after = _neighbours(ends)
    gaps = [_gaps(e, b, a) for e, b, a in zip(ends, before, after)]
    return placed, main, main_path, links, gaps, first_prose, last_prose


def _shape(text: str) -> dict[str, float]:
    """What the line's text looks like."""
    text = text.rstrip()
    n = len(text.split())
    letters = sum(map(str.isalpha, text))  # counted in C: this runs on every line
    upper = sum(map(str.isupper, text))
    return {"lognw": math.log(1 + n), "short": float(n <= 6),
            "final": float(text[-1:] in _FINAL), "item": float(bool(_ITEM.match(text))),
            "label": float(bool(_LABEL.match(text))), "url": float(bool(_URL.search(text))),
            "date": float(bool(_DATE.match(text)) and n <= 8),
            "caps": float(letters >= 8 and upper > 0.8 * letters)}


def _neighbours(ends: list[tuple[int, int] | None]) -> tuple[list, list]:
    """For each line, the last page position of the placed line before it and the first of
    the placed line after it (None at the ends)."""
    before: list[int | None] = []
    last = None
    for e in ends:
        before.append(last)
        last = e[1] if e is not None else last
    after: list[int | None] = []
    nxt = None
    for e in reversed(ends):
        after.append(nxt)
        nxt = e[0] if e is not None else nxt
    return before, after[::-1]


def _gaps(here: tuple[int, int] | None, before: int | None,
          after: int | None) -> tuple[float, float]:
    """log(1 + page words skipped) between a line and the placed lines before and after."""
    if here is None:
        return 0.0, 0.0
    gb = math.log1p(max(0, here[0] - before - 1)) if before is not None else 0.0
    ga = math.log1p(max(0, after - here[1] - 1)) if after is not None else 0.0
    return gb, ga


def _linked(page: Blocks, placed: list[int]) -> float:
    """Share of the characters of the line's blocks that lie inside links."""
    blocks = set(map(page.block.__getitem__, placed))
    chars = sum(len(page.texts.get(b, "")) for b in blocks)
    return sum(page.linked.get(b, 0) for b in blocks) / max(1, chars)


class _Paths:
    """The elements each block lies in, from the root down (``of``), read once per block;
    each element's ancestors are kept too, since a block's owner mostly shares its parent
    with the block before it."""

    def __init__(self, page: Blocks) -> None:
        self.owner = page.owner
        self.blocks: dict[int, list] = {}  # block -> its path
        self.above: dict = {}  # element -> its ancestors, as el.iterancestors() reversed

    def of(self, block: int) -> list:
        got = self.blocks.get(block)
        if got is None:
            el, inside = self.owner.get(block, (None, False))
            got = [] if el is None else self._ancestors(el) + ([el] if inside else [])
            self.blocks[block] = got
        return got

    def _ancestors(self, el) -> list:
        known = self.above
        up = [el]
        while True:
            parent = up[-1].getparent()
            if parent is None:
                base: list = []
                break
            got = known.get(parent)
            if got is not None:
                base = got + [parent]
                break
            up.append(parent)
        for node in reversed(up):
            known[node] = base
            base = base + [node]
        return known[el]


def _tag(el) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _names(el) -> str:
    """The words an element's markup names it by: class, id, role and itemprop."""
    get = el.get
    return " ".join(filter(None, (get("class"), get("id"), get("role"), get("itemprop")))).lower()
