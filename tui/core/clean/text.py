"""Plain-text cleaner: keep the lines that form the article's densest run of prose."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from .lines import Line, measure_page

_SPACE = re.compile(r"\s+")
SANDWICH = 1
SHORT = 12.0
LENIENT_SHORT = 1.0
SHORT_FIRST = 3.0
FALLBACK_MIN = 60.0
CUT = 0.3
BULLET = 0.5
EXTRA_MIN = 40.0
EXTRA_SHARE = 0.35
BARRIER = 50.0
# Furniture that closes the article: what follows is another page section.
BARRIERS = {"comments", "related", "ticker", "copyright", "repeat", "appeal", "about"}
REPEAT_WALL = 3
REPEAT_PROSE = 5
COMMENT_AFTER = 30.0
COMMENT_SCALE = 0.25


def prose_value(ln: Line, lenient: bool = False) -> float:
    """Evidence, in words, that a line is body (positive) or not (negative). ``lenient`` is for
    text an extractor already chose (HTML): short lines there are mostly headings and lists."""
    if ln.furniture:
        return -BARRIER if ln.furniture in BARRIERS else -3.0 - 0.5 * ln.words
    w = ln.words
    v = -LENIENT_SHORT if lenient else -SHORT
    if w >= 8 and ln.stop >= 0.12 and (ln.ends or w >= 18):
        v = float(w)
    elif w >= 20 and ln.stop >= 0.08:
        v = 0.5 * w
    elif ln.ends and w >= 5 and ln.stop >= 0.15:
        v = 0.5 * w
    if ln.cut and v > 0:
        v *= CUT
    if ln.pipes >= 2:
        v = -3.0 - ln.pipes
    elif ln.bullet and v > 0:
        v *= BULLET
    return v


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
    best = (0, 0, 0.0)
    start, acc = 0, 0.0
    for i, v in enumerate(values):
        if acc <= 0:
            start, acc = i, 0.0
        acc += v
        if acc > best[2]:
            best = (start, i + 1, acc)
    return best


def select(lines: list[str], stops: frozenset[str], known: Callable[[str], bool] | None = None,
           lenient: bool = False, dense_script: bool = False,
           kinds: dict[int, str | None] | None = None) -> list[int]:
    """Indices (into ``lines``: stripped, single-spaced) of the body lines, in order.
    ``known(line)`` says a line is furniture learned from other pages of the same outlet;
    ``kinds``, when given, receives each line's furniture kind (None for none)."""
    idx = [i for i, s in enumerate(lines) if s]
    info = measure_page([lines[i] for i in idx], stops, dense_script)
    if known:
        for ln in info:
            if not ln.furniture and known(ln.text):
                ln.furniture = "learned"
    if kinds is not None:
        kinds.update((i, ln.furniture) for i, ln in zip(idx, info))
    seen = Counter(ln.text.lower() for ln in info)
    for ln in info:  # a line the page repeats is a template (share bar, teaser, headline)
        n = seen[ln.text.lower()]
        if n > 1 and not ln.furniture and re.search(r"[^\W\d_]", ln.text):
            wall = n >= REPEAT_WALL and not (ln.ends and ln.words >= REPEAT_PROSE)
            ln.furniture = "repeat" if wall else "duplicate"
    values = [prose_value(ln, lenient) for ln in info]
    after = False  # past a comments heading that follows prose: readers' text, not the article
    acc = 0.0
    for k, ln in enumerate(info):
        if ln.furniture in ("comments", "about") and acc >= COMMENT_AFTER:
            after = True
        acc += max(values[k], 0)
        if after and values[k] > 0:
            values[k] *= COMMENT_SCALE
    run = 0  # a lone short line between paragraphs (a subheading) is cheap, a menu is not
    for k, v in enumerate(values):
        run = run + 1 if v <= 0 else 0
        if run == 1 and v == -SHORT and not lenient:
            values[k] = -SHORT_FIRST
    a, b, total = best_run(values)
    if total < FALLBACK_MIN:  # no prose to speak of (results, tables, lists): take the
        values = [_plain_value(ln) for ln in info]  # longest stretch of non-menu lines
        a, b, total = best_run(values)
        if total <= 0:
            return []
        return [idx[k] for k in range(a, b) if values[k] > 0]
    keep = set(range(a, b))
    # Further runs as strong as a good share of the main one (articles split by a widget).
    # Never across a barrier (a comments or related heading): what lies beyond is another section.
    walls = [k for k, ln in enumerate(info) if ln.furniture in BARRIERS]
    lo = max([w + 1 for w in walls if w < a], default=0)
    hi = min([w for w in walls if w >= b], default=len(values))
    for lo, hi in ((lo, a), (b, hi)):
        while hi - lo > 0:
            ra, rb, rt = best_run(values[lo:hi])
            if rt < max(EXTRA_MIN, EXTRA_SHARE * total):
                break
            keep.update(range(lo + ra, lo + rb))
            lo = lo + rb
    out = []
    for k in sorted(keep):
        ln = info[k]
        if ln.furniture or ln.pipes >= 2:
            continue
        if values[k] <= 0 and not _sandwiched(values, k, keep):
            continue
        out.append(idx[k])
    return out


def _sandwiched(values: list[float], k: int, keep: set[int]) -> bool:
    """A short line between body lines (a subheading, a list item inside the article)."""
    gap = SANDWICH
    before = any(values[j] > 0 and j in keep for j in range(max(0, k - gap), k))
    after = any(values[j] > 0 and j in keep for j in range(k + 1, k + 1 + gap))
    return before and after
