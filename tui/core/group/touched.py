"""Which earlier stories a batch decides again: those its new articles resemble, and the
stories the members of those resemble in turn.

One batch places every article against every other. An earlier story left as it was beside
stories decided again links to them only through what *their* members' look-ups find: its own
members look nothing up, so about half of the evidence one batch has between the same articles
is missing. On uci in batches of 100 (stories of up to 400 taken out) that left pieces of large
stories apart: B3 under one batch on both hold-out halves (tune -.002, held -.008), a Snowden
fragment of 4 linked by 22 of the 79 similarities one batch counts. Taking out, one step
further, the stories the reopened members resemble gives the one-batch partition on both
halves (adjusted Rand 1.000).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .scoring import mono_candidates
from .timing import hour_of
from .young import locked_stories

if TYPE_CHECKING:
    from .model import DocEntry, GroupContext

STEPS = 1  # steps beyond the stories the new articles resemble


def touched(
    g: GroupContext, entries: list[DocEntry], skip: set[str], looked: dict, budget: int,
    weigh: Callable[[list[DocEntry]], None],
) -> list[DocEntry]:
    """The members of the earlier stories ``entries`` resemble and of those these members
    resemble, at most ``budget`` articles (the most similar stories first), none of ``skip``,
    each weighed again (``weigh``) before it is looked up: its look-up is the one it is placed
    with (``looked``, by slot), so the second step costs no look-up of its own.
    Stories the reader corrected, stories of over ``open_size`` (400: every member is read and
    placed again) and stories across languages are left as they are."""
    p = g.params
    locked = locked_stories(g)
    out: list[DocEntry] = []
    seen: set[str] = set()
    skip = set(skip)
    frontier = entries
    for _step in range(1 + STEPS):
        chosen: dict[str, float] = {}
        for e in frontier:
            # a headline's few words are too little to undo a story without a time of day
            short = e.mass < p.long_terms
            if short and hour_of(e.date) is None:
                continue
            looked[e.slot] = found = mono_candidates(e, g.words, g.book.slots, p)
            best: dict[str, float] = {}
            for sim, other in found:
                sid = other.placement.story
                if sim >= p.join_short and sid and sid not in seen and other.id not in skip:
                    best[sid] = max(best.get(sid, 0.0), sim)
            for sid in sorted(best, key=lambda s: (-best[s], s))[: p.open_stories]:
                chosen[sid] = max(chosen.get(sid, 0.0), best[sid])
        frontier = []
        for sid in sorted(chosen, key=lambda s: (-chosen[s], s)):
            seen.add(sid)
            members = g.book.stories.get(sid, [])
            if sid in locked or len(members) > p.open_size or len(out) + len(members) > budget:
                continue
            docs = [g.book.docs[a] for a in members]
            if len({d.group for d in docs}) > 1 or any(
                    d.id in skip or d.how in ("correction", "cross-language") for d in docs):
                continue  # stories across languages are joined by another pass: left as they are
            out += docs
            frontier += docs
        skip |= {d.id for d in frontier}
        weigh(frontier)
        if not frontier:
            break
    return out
