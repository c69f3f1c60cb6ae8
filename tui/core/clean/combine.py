"""Combining two extractors' texts (one paragraph per line) without overriding either.

trafilatura is the base: on pages of every kind it keeps the most of what readers call the
page's text. When it kept far less than the page's paragraphs hold, readability's reading of
the page is asked for what trafilatura missed: its long paragraphs (prose, not menus or
teasers) that trafilatura's text lacks are added where readability places them. Nothing
trafilatura kept is removed. Measured on held-out pages of seven kinds (see
tests/benchmarks/bench_clean_sets.py), replacing trafilatura's text by readability's when
longer lost on product pages; adding paragraphs lost on none.
"""

from __future__ import annotations

import re

ADD_MIN_WORDS = 40  # a missed paragraph must be this long to be added (prose, not a teaser)
_NORM = re.compile(r"[\W_]+")


def _norm(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


def add_missed(base: str, other: str, min_words: int = ADD_MIN_WORDS) -> str:
    """``base`` with ``other``'s paragraphs of at least ``min_words`` words that ``base`` does
    not hold, each placed after the last paragraph of ``base`` it follows in ``other``."""
    lines = [ln for ln in base.split("\n") if ln.strip()]
    held = " \n ".join(_norm(ln) for ln in lines)
    index = {_norm(ln): k for k, ln in enumerate(lines)}
    after: dict[int, list[str]] = {}
    anchor = -1
    for ln in other.split("\n"):
        key = _norm(ln)
        if not key:
            continue
        if key in index:
            anchor = index[key]
        elif len(ln.split()) >= min_words and key not in held:
            after.setdefault(anchor, []).append(ln.strip())
    if not after:
        return base
    out = after.get(-1, [])[:]
    for k, ln in enumerate(lines):
        out.append(ln)
        out.extend(after.get(k, []))
    return "\n".join(out)
