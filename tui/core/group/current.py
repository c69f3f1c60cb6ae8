"""Similarities to earlier articles, their words weighed with the frequencies known now.

An article's weights are fixed when it comes, from the articles before it; one batch weighs
every article with the frequencies of all. So when a later batch compares a new article with
an earlier one, the earlier one is weighed again from its kept word counts, as one batch would
weigh it (the index and the article itself are left as they are: this only reads).
"""

from __future__ import annotations

from array import array
from collections.abc import Collection

from .model import DocEntry, GroupContext
from .scoring import dot_of

Weighed = tuple[array, array]


def weighed_now(g: GroupContext, doc: DocEntry, cache: dict[int, Weighed]) -> Weighed:
    """``doc``'s kept terms and weights with today's frequencies (as it came when its word
    counts were not kept); ``cache`` by slot, for one batch."""
    found = cache.get(doc.slot)
    if found is None:
        tids = doc.counted[0]
        if len(doc.counts) != len(tids):
            found = (doc.terms, doc.weights)
        else:
            names = set(doc.names)
            p = g.params
            found = g.words.weigh(tids, array("B", doc.counts), bytes(t in names for t in tids),
                                  p.keep_terms, doc.group, p.name_boost, p.idf_power)
        cache[doc.slot] = found
    return found


def dot_now(
    g: GroupContext, query: dict[int, float], doc: DocEntry, cache: dict[int, Weighed]
) -> float:
    """Cosine of a new article's vector (``query``) and ``doc`` weighed now."""
    return dot_of(query, *weighed_now(g, doc, cache))


def rescored(
    g: GroupContext, e: DocEntry, found: list[tuple[float, DocEntry]], new: Collection[int],
    cache: dict[int, Weighed],
) -> list[tuple[float, DocEntry]]:
    """``e``'s candidates (best first) with the earlier ones (slots not in ``new``) scored
    against their weights now."""
    if all(o.slot in new for _, o in found):
        return found
    query = dict(zip(e.terms, e.weights))
    out = [(s if o.slot in new else dot_now(g, query, o, cache), o) for s, o in found]
    out.sort(key=lambda p: (-p[0], p[1].slot))
    return out
