"""Links no look-up found, between the two articles one article links to most strongly.

Average link counts a pair of articles that neither one's look-up returned as zero (a look-up
verifies only its best candidates). When two tellings of one event are each other's weak
match but a third article's two strongest links go to them both, leaving their pair at zero
keeps the three apart. So for each article placed now, the pair its two strongest links reach
(both at least ``Params.join_short``) is scored exactly when it has no link yet and both are
placed now: one more similarity per article at most. Links to articles of earlier stories count
among the strongest (as one batch ranks them: an article whose two strongest links go to an
earlier story and to a new article closes no pair in batches, and so none in one batch either
would be wrong; it closes none, so that in batches it does not close a weaker one instead).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from .model import DocEntry
from .scoring import dot, in_window

Edges = dict[tuple[int, int], float]


def close_triangles(
    edges: Edges, pending: Collection[int], slots: list, floor: float, least: float,
    score: Callable[[DocEntry, DocEntry], float],
    earlier: dict[int, list[tuple[float, int]]] | None = None,
) -> int:
    """Add to ``edges`` (pairs of slots, smaller first) the similarity ``score`` gives the
    two articles each pending article links to most strongly (links of at least ``least``),
    where both are pending, that pair has no link yet and its similarity reaches ``floor``.
    ``earlier``: each pending article's links (similarity, slot) to articles of earlier stories,
    ranked with the rest. Returns how many links were added. The result depends only on the
    links, not on their order."""
    best: dict[int, list[tuple[float, int]]] = {}
    for (a, b), sim in edges.items():
        if sim >= least and a in pending and b in pending:
            best.setdefault(a, []).append((-sim, b))
            best.setdefault(b, []).append((-sim, a))
    for a, links in (earlier or {}).items():
        best.setdefault(a, []).extend((-sim, b) for sim, b in links if sim >= least)
    pairs = set()
    for links in best.values():
        if len(links) >= 2:
            links.sort()  # strongest first, ties by slot
            x, y = links[0][1], links[1][1]
            pairs.add((min(x, y), max(x, y)))
    added = 0
    for pair in sorted(pairs):
        if pair in edges or pair[0] not in pending or pair[1] not in pending:
            continue
        sim = score(slots[pair[0]], slots[pair[1]])
        if sim >= floor:
            edges[pair] = sim
            added += 1
    return added


def exactly(
    scaled: Callable[[float, DocEntry, DocEntry], float], days: int
) -> Callable[[DocEntry, DocEntry], float]:
    """A pair's score for ``close_triangles``: the cosine of the two articles as ``scaled``
    turns it into a link (0 for dated articles more than ``days`` apart, as look-ups link)."""

    def score(a: DocEntry, b: DocEntry) -> float:
        if not in_window(a.day, None if b.day is None else (b.day, b.day), days):
            return 0.0
        return scaled(dot(dict(zip(a.terms, a.weights)), b), a, b)

    return score
