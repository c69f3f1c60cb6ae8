"""How strongly two same-language articles link in a batch's clustering: their similarity
scaled for crowding, time, days of the week and thin evidence."""

from __future__ import annotations

from .index import TermIndex
from .model import DocEntry
from .scoring import thin_share
from .timing import timed


def scaled(
    p,
    sim: float,
    a: DocEntry,
    b: DocEntry,
    words: TermIndex | None = None,
    floor: float | None = None,
) -> float:
    """Similarity less a share of the two articles' local density (hubness reduction): in a
    crowded topic, two articles must stand out from their usual neighbours to be one story.
    When both openings name days of the week, a shared day counts for, none shared against.
    Texts that share at most one informative word and no name do not count (``thin_share``).
    ``floor``: the caller drops a link under it, so ``thin_share`` (costly: every pair a batch
    links) is read only for a link that reaches it without (with, it is never higher: that
    needs ``timed`` never to lower a link, so a negative similarity or ``time_boost`` takes
    the full path)."""
    full = fullness(p, min(a.mass, b.mass))
    if words is not None and (floor is None or sim < 0.0 or p.time_boost < 0.0):
        sim, words = sim * thin_share(a, b, words, p), None
    out = timed(p, sim, a, b) - full * p.local * max(0.0, (a.near + b.near) / 2 - p.local_base)
    if a.days and b.days:
        out += p.weekday if a.days & b.days else -p.weekday
    if words is not None and floor is not None and out >= floor:
        return out if thin_share(a, b, words, p) else scaled(p, sim * 0.0, a, b)
    return out


def fullness(p, mass: int) -> float:
    """0 for a headline-sized text (``short_terms`` distinct words or fewer), 1 from
    ``long_terms`` on: how far the full-text settings apply."""
    if mass <= p.short_terms:
        return 0.0
    return min(1.0, (mass - p.short_terms) / max(1, p.long_terms - p.short_terms))
