"""Why an article is not with a close article: their similarity was high, but it did not count
(``scoring.thin_reason``). Read only when a placement is explained."""

from __future__ import annotations

from .model import DocEntry, GroupContext
from .placing import fullness
from .scoring import mono_candidates, thin_reason


def held_apart(g: GroupContext, entry: DocEntry) -> list[str]:
    """A line for the most similar article of another story whose similarity would have
    reached the bar for the two (as ``placing.short_text_reason`` tells it) but did not count,
    and why; none when there is no such article."""
    p = g.params
    for sim, other in mono_candidates(entry, g.words, g.book.slots, p):
        if other.id == entry.id or other.placement.story == entry.placement.story:
            continue
        bar = p.join_short + fullness(p, min(entry.mass, other.mass)) * (p.join - p.join_short)
        if sim >= bar and (why := thin_reason(entry, other, g.words, p)):
            return [f"not joined with {other.id} (same-language similarity {sim:.2f}): {why}"]
    return []
