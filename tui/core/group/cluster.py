"""Average-link agglomeration on a sparse similarity graph.

Nodes are clusters (existing stories, new articles). Linkage between two clusters is the sum
of their edge similarities over the number of same-language member pairs, so a missing edge
counts as zero. Two existing stories are never merged with each other.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(slots=True)
class Node:
    """One cluster: members' language groups (capped counts), whether it holds an old story."""

    groups: Counter
    frozen: bool = False
    span: tuple[int, int] | None = None
    inner: float = 0.0  # sum of same-language similarities inside the cluster
    inner_pairs: int = 0
    copy_inner: float = 0.0  # ... of which between near-copies (not counted as cohesion)
    copy_pairs: int = 0
    full: float = 0.0  # sum over members of how much text each has (0 headline .. 1 full text)


def _fullness(a: Node, b: Node) -> float:
    """How much text the two clusters' members have, on average (1 when not known)."""
    size = sum(a.groups.values()) + sum(b.groups.values())
    return (a.full + b.full) / size if size else 1.0


def _norm2(n: Node) -> float:
    """Squared length of the sum of the members' unit vectors, from their mean similarity."""
    size = sum(n.groups.values())
    c = _mean_inner(n)
    return size + size * (size - 1) * c


def _pairs(a: Counter, b: Counter) -> int:
    return sum(n * b[g] for g, n in a.items() if g in b)


def _cohesion(n: Node) -> float:
    """Mean similarity inside the cluster, near-copies left out (0 when not known)."""
    pairs = n.inner_pairs - n.copy_pairs
    return (n.inner - n.copy_inner) / pairs if pairs > 0 else 0.0


def _copy_cohesion(n: Node) -> float:
    return n.copy_inner / n.copy_pairs if n.copy_pairs else 0.0


def _mean_inner(n: Node) -> float:
    return n.inner / n.inner_pairs if n.inner_pairs else 0.0


def average_link(
    nodes: dict[int, Node],
    edges: dict[tuple[int, int], float],
    threshold: float,
    compatible: Callable[[Node, Node], bool],
    relative: float = 0.0,
    cohesion_cap: float = 1.0,
    relative_single: float = 0.0,
    centroid: float = 0.0,
    copies: Iterable[tuple[int, int]] = (),
    threshold_short: float | None = None,
) -> dict[int, int]:
    """Merge while the best linkage reaches ``threshold``; returns node -> surviving node.

    Two clusters also need a linkage of at least ``relative`` times the looser one's own
    cohesion (counted up to ``cohesion_cap``): two tight clusters on one topic but different
    events stay apart. A lone article (or a story of unknown cohesion) joining a cluster needs
    ``relative_single`` times that cluster's cohesion. ``copies`` (pairs of near-copies) are
    merged first and their similarity is not counted as cohesion. For short texts (``full`` of
    the nodes low) the bar moves towards ``threshold_short`` and a cluster's centre counts.
    Ties break on the smaller node ids, so the result depends only on the input.
    """
    nbr: dict[int, dict[int, float]] = {n: {} for n in nodes}
    for (a, b), sim in edges.items():
        nbr[a][b] = nbr[a].get(b, 0.0) + sim
        nbr[b][a] = nbr[b].get(a, 0.0) + sim
    version = dict.fromkeys(nodes, 0)
    root = {n: n for n in nodes}

    def link(a: int, b: int) -> float:
        na, nb = nodes[a], nodes[b]
        pairs = _pairs(na.groups, nb.groups)
        if not pairs:
            return 0.0
        avg = nbr[a][b] / pairs
        if not centroid:
            return avg
        cen = nbr[a][b] / math.sqrt(_norm2(na) * _norm2(nb))
        return avg + (1.0 - _fullness(na, nb)) * max(0.0, min(cen - avg, centroid))

    def merge(a: int, b: int, copy: bool) -> int:
        na, nb = nodes[a], nodes[b]
        if na.frozen != nb.frozen:
            keep, gone = (a, b) if na.frozen else (b, a)
        else:
            keep, gone = min(a, b), max(a, b)
        nk, ng = nodes[keep], nodes[gone]
        between, pairs = nbr[a].get(b, 0.0), _pairs(na.groups, nb.groups)
        nk.inner += ng.inner + between
        nk.inner_pairs += ng.inner_pairs + pairs
        nk.copy_inner += ng.copy_inner + (between if copy else 0.0)
        nk.copy_pairs += ng.copy_pairs + (pairs if copy else 0)
        nk.groups.update(ng.groups)
        nk.full += ng.full
        nk.frozen = nk.frozen or ng.frozen
        if ng.span is not None:
            lo, hi = nk.span or ng.span
            nk.span = (min(lo, ng.span[0]), max(hi, ng.span[1]))
        root[gone] = keep
        for c, sim in nbr.pop(gone).items():
            del nbr[c][gone]
            if c != keep:
                nbr[keep][c] = nbr[keep].get(c, 0.0) + sim
                nbr[c][keep] = nbr[keep][c]
        nbr[keep].pop(gone, None)
        version[keep] += 1
        return keep

    def find(n: int) -> int:
        while root[n] != n:
            n = root[n]
        return n

    # near-copies first: one text twice, which says nothing of how tight the story is
    for a, b in sorted(copies):
        ra, rb = find(a), find(b)
        if ra != rb and not (nodes[ra].frozen and nodes[rb].frozen) and compatible(
                nodes[ra], nodes[rb]):
            merge(ra, rb, copy=True)
    heap = [(-link(a, b), a, b, version[a], version[b])
            for a in nbr for b in nbr[a] if a < b]
    heapq.heapify(heap)
    short = threshold_short
    lowest = threshold if short is None else min(threshold, short)
    while heap:
        neg, a, b, va, vb = heapq.heappop(heap)
        if -neg < lowest:
            break
        if root[a] != a or root[b] != b or version[a] != va or version[b] != vb:
            continue
        na, nb = nodes[a], nodes[b]
        if short is not None and -neg < short + _fullness(na, nb) * (threshold - short):
            continue
        if short is None and -neg < threshold:
            continue
        if (na.frozen and nb.frozen) or not compatible(na, nb):
            continue
        ca, cb = min(cohesion_cap, _cohesion(na)), min(cohesion_cap, _cohesion(nb))
        if not (ca and cb):  # a lone article, or near-copies of one text: as tight as those are
            ca = ca or min(cohesion_cap, _copy_cohesion(na))
            cb = cb or min(cohesion_cap, _copy_cohesion(nb))
        full = _fullness(na, nb) if centroid else 1.0
        if -neg < full * (relative * min(ca, cb) if _cohesion(na) and _cohesion(nb)
                          else relative_single * max(ca, cb)):
            continue
        keep = merge(a, b, copy=False)
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
