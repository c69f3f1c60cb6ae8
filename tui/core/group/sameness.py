"""Whether two articles are the same text (a re-post, a syndicated copy) rather than coverage
of one event: used when placing articles and describing their placements."""

from __future__ import annotations

from rapidfuzz import fuzz

from .features import contained
from .model import DocEntry


def same_text(p, sim: float, e: DocEntry, other: DocEntry) -> bool:
    """Two near-copies (a re-post, a syndicated copy, a page and its cleaned body): very
    similar words, and the same text (the same sentences, or the same opening for short
    texts). Rewrites and translations of one text are coverage, not copies."""
    if sim < p.copy_sim:
        return False
    if e.text_key == other.text_key:
        return True
    if e.sketch and other.sketch:
        return contained(e.sketch, other.sketch) >= p.copy_share
    if e.sketch or other.sketch or not e.lead:
        return False
    return fuzz.ratio(e.lead, other.lead) >= p.copy_ratio


def is_copy(p, e: DocEntry, other: DocEntry) -> bool:
    """Near-identical bodies (titles may differ): similar leads, similar lengths."""
    small, large = sorted((e.size, other.size))
    if not e.lead or small < p.copy_size * large:
        return False
    if fuzz.ratio(e.lead, other.lead) < p.copy_ratio:
        return False
    # the same opening is not the same text: two editions of a long page share their start
    if e.sketch and other.sketch:
        return contained(e.sketch, other.sketch) >= p.copy_share
    return True
