"""How a placement is described: the closest article in its story, copies, shared evidence
(after the batch is placed; for a replayed placement, when first asked)."""

from __future__ import annotations

from .model import DocEntry, GroupContext
from .sameness import is_copy
from .scoring import cross_score, dot, shared_evidence

_STORY_SAMPLE = 30  # newest members read to describe a placement


def describe_recorded(g: GroupContext, e: DocEntry) -> None:
    """Find, when first asked, the closest article and shared evidence of a replayed placement."""
    sid = e.placement.story
    members = g.book.stories.get(sid, [])[-4 * _STORY_SAMPLE :]
    others = [g.book.docs[a] for a in members if a != e.id]
    query = dict(zip(e.terms, e.weights))
    same = [(dot(query, m), m) for m in others if m.group == e.group]
    cross = [(cross_score(e, m, g.cross), m) for m in others if m.group != e.group]
    best = max(same or cross, key=lambda p: (p[0], -p[1].slot), default=None)
    if best is None:
        e.how = "founded"
        return
    e.score, partner = best
    e.how, e.partner = ("same-language" if same else "cross-language"), partner.id
    if not e.placement.evidence:
        e.placement.evidence = shared_evidence(e, partner, g.words, g.cross)


def describe(g: GroupContext, e: DocEntry, found: list[tuple[float, DocEntry]]) -> None:
    """Founder, or closest article in the same story; copies; shared evidence."""
    sid = e.placement.story
    if e.how == "cross-language":
        partner = g.book.docs[e.partner]
    else:
        mates = [(s, o) for s, o in found if o.placement.story == sid and o.id != e.id]
        if not mates:
            query = dict(zip(e.terms, e.weights))
            members = (g.book.docs[a] for a in g.book.stories[sid][-_STORY_SAMPLE:] if a != e.id)
            mates = [(dot(query, m), m) for m in members if m.group == e.group]
        if not mates:
            e.how = "founded" if g.book.stories[sid][0] == e.id else "same-language"
            return
        e.score, partner = max(mates, key=lambda p: (p[0], -p[1].slot))
        e.how, e.partner = "same-language", partner.id
        for _, other in sorted(mates, key=lambda p: p[1].slot):
            if other.slot < e.slot and is_copy(g.params, e, other):
                first = other.placement
                e.placement.sameness = "copy"
                e.placement.copy_of = first.copy_of if first.sameness == "copy" else other.id
                break
    e.placement.evidence = shared_evidence(e, partner, g.words, g.cross)
