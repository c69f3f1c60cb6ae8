"""compare(): the entry point of the diff engine."""

from __future__ import annotations

import unicodedata
from collections import Counter

from .align import align_same
from .crosslang import align_cross
from .model import Comparison
from .text import sentences


def script(text: str) -> str | None:
    """The dominant writing system of a text (first word of the Unicode names of its letters)."""
    counts: Counter[str] = Counter()
    for ch in text[:1000]:
        if ch.isalpha():
            counts[unicodedata.name(ch, "?").split(" ", 1)[0]] += 1
    return counts.most_common(1)[0][0] if counts else None


def same_language(a: str, b: str, lang_a: str | None, lang_b: str | None) -> bool:
    """Languages given on both sides decide; else texts in one script count as one language."""
    if lang_a and lang_b:
        return lang_a.split("-")[0].lower() == lang_b.split("-")[0].lower()
    sa, sb = script(a), script(b)
    return sa is None or sb is None or sa == sb


def compare(a: str, b: str, lang_a: str | None = None, lang_b: str | None = None) -> Comparison:
    """Align two texts: sentences, then words (same language), or by anchors (two languages)."""
    sa, sb = sentences(a), sentences(b)
    if same_language(a, b, lang_a, lang_b):
        return align_same(sa, sb)
    return align_cross(sa, sb)
