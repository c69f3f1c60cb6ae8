"""Vocabulary overlap: how much two texts share their content words, wherever they stand.

Aligned-text similarity says how much of one text reappears as the other (versions of one
article); two outlets' reports of one event share few sentences but many names, numbers and
content words. The overlap is the weighted Jaccard index of content words (counted with
repeats): the words shared, over the words of both.
"""

from __future__ import annotations

import re
from collections import Counter

from .text import norm

MIN_LETTERS = 4  # shorter words are mostly function words ("the", "and", "of", "in")
# Anything but letters, digits, apostrophes and hyphens separates words.
_SEPARATORS = re.compile(r"[^\w\s'-]+")
_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def vocabulary(text: str) -> dict[str, int]:
    """Content words of a text with their counts: lowercase, at least MIN_LETTERS letters or
    holding a digit; ideographs (scripts written without spaces) count one by one."""
    low = _SEPARATORS.sub(" ", norm(text).lower())
    out = {
        w: n for w, n in Counter(low.split()).items() if len(w) >= MIN_LETTERS or not w.isalpha()
    }
    for w in [w for w in out if w[0] in "'-" or w[-1] in "'-" or _IDEOGRAPH.search(w)]:
        n = out.pop(w)
        core = w.strip("'-")
        parts = _IDEOGRAPH.findall(core) or [core]
        for p in parts:
            if len(p) >= MIN_LETTERS or not p.isalpha() or _IDEOGRAPH.match(p):
                out[p] = out.get(p, 0) + n
    return out


def weighted_jaccard(x: dict[str, int], y: dict[str, int]) -> float:
    """Sum of the smaller counts over the sum of the larger ones (1.0 for two empty texts)."""
    shared = sum(min(n, y[w]) for w, n in x.items() if w in y)
    union = sum(x.values()) + sum(y.values()) - shared
    return shared / union if union else 1.0


def overlap(a: str, b: str) -> float:
    """Weighted Jaccard index (0..1) of the content words of two texts."""
    return weighted_jaccard(vocabulary(a), vocabulary(b))
