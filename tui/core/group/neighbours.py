"""Batches are an implementation detail: the stories a new batch touches are decided again.

One batch places every article against every other; in batches, the stories of earlier batches
would be frozen, and an article that shows two earlier stories are one (or that an earlier
article belongs with it rather than where it went) could not change them. So each ingest takes
the stories its new articles resemble (and those their members resemble: ``touched``) out
again and places their members together with the new articles, with the same average link as
one batch, their words weighed again with the frequencies known now (as one batch weighs every
article: weights fixed at arrival came from the articles before them). Stories the reader
corrected, stories of over 400 and stories in several languages stay as they are.
"""

from __future__ import annotations

from array import array
from collections import Counter
from typing import TYPE_CHECKING

from .model import DocEntry, Packed, Placement
from .touched import touched

if TYPE_CHECKING:
    from .model import GroupContext

OPEN_BUDGET = 60  # articles reopened per new article at most (one more article stays fast)


def reopen(
    g: GroupContext, entries: list[DocEntry], taken: list[DocEntry], looked: dict
) -> tuple[list[DocEntry], dict[str, str]]:
    """The members of the earlier stories ``entries`` resemble (``touched``), taken out of their
    stories to be placed again with them (``taken``: already reopened, left alone), in arrival
    order; and the story each was in. The candidates it looks up go into ``looked`` (by slot)."""
    if not g.book.stories:
        return [], {}
    skip = {e.id for e in taken} | {e.id for e in entries}
    # which stories: those the new articles resemble and those their members resemble
    out = touched(g, entries, skip, looked, OPEN_BUDGET * len(entries),
                  lambda docs: weigh_again(g, docs, entries))
    out.sort(key=lambda e: e.slot)
    previous = {e.id: e.placement.story for e in out}
    for e in out:
        g.book.leave(e)
        e.placement = Placement(story="")
        e.how, e.partner, e.score, e.near = "founded", None, 0.0, 0.0
    return out, previous


def weigh_again(g: GroupContext, out: list[DocEntry], entries: list[DocEntry]) -> None:
    """Weigh reopened articles with the word frequencies known now, as one batch would weigh
    them (their weights were fixed when they came, from the articles before them)."""
    n = g.params.query_terms
    same = Counter(e.text_key for e in out + entries)
    for e in out:
        tids, keys = e.counted
        if len(e.counts) != len(tids):
            continue  # (counts not kept: weighed as it came)
        names = set(e.names)
        pack = Packed(group=e.group, tids=tids, counts=array("i", list(e.counts)),
                      boosted=bytes(t in names for t in tids), keys=keys, days=e.days,
                      mass=e.mass)
        old_terms, old_cross = set(e.terms[:n]), set(e.cross)
        e.terms, e.weights, e.cross, e.cross_norm = g.weigh(pack, same[e.text_key] - 1)
        # postings change only where the looked-up terms did (long lists: costly to edit)
        new_terms, new_cross = set(e.terms[:n]), set(e.cross)
        g.words.unpost(e.slot, sorted(old_terms - new_terms))
        g.cross.unpost(e.slot, sorted(old_cross - new_cross))
        g.words.post(e.slot, sorted(new_terms - old_terms))
        g.cross.post(e.slot, sorted(new_cross - old_cross))
