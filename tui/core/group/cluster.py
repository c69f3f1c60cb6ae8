"""Average-link agglomeration on a sparse similarity graph.

Nodes are clusters (existing stories, new articles). Linkage between two clusters is the sum
of their edge similarities over the number of same-language member pairs, so a missing edge
counts as zero. Two existing stories are never merged with each other.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(slots=True)
class Node:
    """One cluster: members' language groups (capped counts), whether it holds an old story."""

    groups: Counter
    frozen: bool = False
    span: tuple[int, int] | None = None
    inner: float = 0.0  # sum of same-language similarities inside the cluster
    inner_pairs: int = 0


def _pairs(a: Counter, b: Counter) -> int:
    return sum(n * b[g] for g, n in a.items() if g in b)


def _cohesion(n: Node) -> float:
    return n.inner / n.inner_pairs if n.inner_pairs else 0.0


def average_link(
    nodes: dict[int, Node],
    edges: dict[tuple[int, int], float],
    threshold: float,
    compatible: Callable[[Node, Node], bool],
    relative: float = 0.0,
    cohesion_cap: float = 1.0,
    relative_single: float = 0.0,
) -> dict[int, int]:
    """Merge while the best linkage reaches ``threshold``; returns node -> surviving node.

    Two clusters also need a linkage of at least ``relative`` times the looser one's own
    cohesion (counted up to ``cohesion_cap``): two tight clusters on one topic but different
    events stay apart. A lone article (or a story of unknown cohesion) joining a cluster needs
    ``relative_single`` times that cluster's cohesion.
    Ties break on the smaller node ids, so the result depends only on the input.
    """
    nbr: dict[int, dict[int, float]] = {n: {} for n in nodes}
    for (a, b), sim in edges.items():
        nbr[a][b] = nbr[a].get(b, 0.0) + sim
        nbr[b][a] = nbr[b].get(a, 0.0) + sim
    version = dict.fromkeys(nodes, 0)

    def link(a: int, b: int) -> float:
        pairs = _pairs(nodes[a].groups, nodes[b].groups)
        return nbr[a][b] / pairs if pairs else 0.0

    heap = [(-link(a, b), a, b, 0, 0) for a, b in ((min(k), max(k)) for k in edges)]
    heapq.heapify(heap)
    root = {n: n for n in nodes}
    while heap:
        neg, a, b, va, vb = heapq.heappop(heap)
        if -neg < threshold:
            break
        if root[a] != a or root[b] != b or version[a] != va or version[b] != vb:
            continue
        na, nb = nodes[a], nodes[b]
        if (na.frozen and nb.frozen) or not compatible(na, nb):
            continue
        ca, cb = min(cohesion_cap, _cohesion(na)), min(cohesion_cap, _cohesion(nb))
        if -neg < (relative * min(ca, cb) if ca and cb else relative_single * max(ca, cb)):
            continue
        if na.frozen != nb.frozen:
            keep, gone = (a, b) if na.frozen else (b, a)
        else:
            keep, gone = a, b  # a < b
        nk, ng = nodes[keep], nodes[gone]
        nk.inner += ng.inner + nbr[a][b]
        nk.inner_pairs += ng.inner_pairs + _pairs(na.groups, nb.groups)
        nk.groups.update(ng.groups)
        nk.frozen = nk.frozen or ng.frozen
        if ng.span is not None:
            lo, hi = nk.span or ng.span
            nk.span = (min(lo, ng.span[0]), max(hi, ng.span[1]))
        root[gone] = keep
        for c, s in nbr.pop(gone).items():
            del nbr[c][gone]
            if c != keep:
                nbr[keep][c] = nbr[keep].get(c, 0.0) + s
                nbr[c][keep] = nbr[keep][c]
        nbr[keep].pop(gone, None)
        version[keep] += 1
        for c in nbr[keep]:
            x, y = min(keep, c), max(keep, c)
            heapq.heappush(heap, (-link(x, y), x, y, version[x], version[y]))
    out = {}
    for n in nodes:
        r = n
        while root[r] != r:
            r = root[r]
        out[n] = r
    return out
