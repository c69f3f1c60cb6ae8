"""Deciding where a batch of new articles goes: fixed placements (recorded, pinned, versions,
must-links), then average-link over same-language evidence, then cross-language joins for
articles still alone, then copies and evidence."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from .cluster import Node, average_link
from .model import DocEntry, Placement, story_id_for
from .scoring import cross_candidates, cross_score, dot, in_window, mono_candidates, shared_evidence

if TYPE_CHECKING:
    from .grouper import Grouper

_STORY_SAMPLE = 30  # newest same-language members compared when linking to an old story
_STORY_HITS = 6  # old stories per article compared member by member
_EDGE_FLOOR = 0.05


def place_batch(g: Grouper, entries: list[DocEntry], known: dict[str, str | Placement]) -> None:
    """Give every entry a placement and add it to its story."""
    versions: list[tuple[DocEntry, DocEntry]] = []
    copies: list[tuple[DocEntry, DocEntry]] = []
    open_: list[DocEntry] = []
    for e in entries:
        recorded = known.get(e.id)
        if isinstance(recorded, Placement):
            _settle(g, e, Placement(recorded.story, recorded.sameness, recorded.copy_of,
                                    list(recorded.evidence)), "recorded", None)
            continue
        story, how, partner = _fixed(g, e, known)
        if story is not None:
            _settle(g, e, Placement(story=story), how, partner)
        elif how == "version":
            versions.append((e, g._docs[partner]))
        elif how == "copy":
            copies.append((e, g._docs[partner]))
        else:
            open_.append(e)
    old_stories = set(g._stories)
    cands = _cluster(g, open_)
    _cross_pass(g, [e for e in open_ if e.placement.story not in old_stories], cands)
    for e in open_:
        _describe(g, e, cands.get(e.slot, []))
    for e, first in versions:
        _settle(g, e, Placement(first.placement.story, "version", first.id), "version", first.id)
    for e, first in copies:
        _settle_copy(g, e, first)


def _fixed(g: Grouper, e: DocEntry, known: dict) -> tuple[str | None, str, str | None]:
    """A placement that needs no evidence: recorded, pinned, a version, a must-link."""
    if e.id in known:
        return str(known[e.id]), "recorded", None
    pinned = g.corrections.pinned.get(e.id)
    if pinned is not None:
        return pinned, "correction", None
    first = g._origins.get(e.origin) if e.origin else None
    if first is not None and first != e.id and first in g._docs:
        return None, "version", first
    same = g._texts.get(e.text_key)
    if same is not None and same != e.id and same in g._docs:
        story = g._docs[same].placement.story
        near = in_window(e.day, g._spans.get(story) or _span(g._docs[same]), g.params.window_days)
        if near and story not in _banned(g, e):
            return None, "copy", same
    must, _ = g.corrections.partners(e.id)
    for other in must:
        placed = g._docs.get(other)
        if placed is not None and placed.placement.story:
            return placed.placement.story, "correction", other
    return None, "", None


def _settle(g: Grouper, e: DocEntry, placement: Placement, how: str, partner: str | None) -> None:
    e.placement, e.how, e.partner = placement, how, partner
    g._join(e, placement.story)


def _settle_copy(g: Grouper, e: DocEntry, first: DocEntry) -> None:
    """The same text as an earlier article: its story, a copy of the earliest."""
    p = first.placement
    origin = p.copy_of if p.sameness == "copy" and p.copy_of else first.id
    _settle(g, e, Placement(p.story, "copy", origin), "same-language", first.id)
    e.score = dot(dict(zip(e.terms, e.weights)), first)
    e.placement.evidence = shared_evidence(e, first, g.words, g.cross)


def _banned(g: Grouper, e: DocEntry) -> set[str]:
    _, cannot = g.corrections.partners(e.id)
    return {g._docs[o].placement.story for o in cannot if o in g._docs and g._docs[o].placement.story}


def _compatible(days: int):
    def check(a: Node, b: Node) -> bool:
        if a.span is None or b.span is None:
            return True
        return max(a.span[0], b.span[0]) - min(a.span[1], b.span[1]) <= days

    return check


def _story_node(g: Grouper, sid: str) -> Node:
    """An old story as one frozen cluster: its newest members' language groups, its span."""
    groups = Counter(g._docs[a].group for a in g._stories[sid][-4 * _STORY_SAMPLE :])
    capped = Counter({k: min(n, _STORY_SAMPLE) for k, n in groups.items()})
    inner, pairs = g._cohesion.get(sid, (0.0, 0))
    return Node(groups=capped, frozen=True, span=g._spans.get(sid), inner=inner, inner_pairs=pairs)


def _cluster(g: Grouper, open_: list[DocEntry]) -> dict[int, list[tuple[float, DocEntry]]]:
    """Average-link the open entries among themselves and into old stories."""
    p = g.params
    pending = {e.slot for e in open_}
    nodes: dict[int, Node] = {}
    story_nodes: dict[str, int] = {}
    edges: dict[tuple[int, int], float] = {}
    cands: dict[int, list[tuple[float, DocEntry]]] = {}
    for e in open_:
        span = (e.day, e.day) if e.day is not None else None
        nodes[e.slot] = Node(groups=Counter({e.group: 1}), span=span)
    for e in open_:
        found = [(s, o) for s, o in mono_candidates(e, g.words, g._slots, p) if o.slot != e.slot]
        cands[e.slot] = found
        near = [s for s, _ in found[: p.local_k]]
        e.near = sum(near) / p.local_k if near else 0.0
    for e in open_:
        banned = _banned(g, e)
        found = cands[e.slot]
        stories: dict[str, float] = {}
        for sim, other in found:
            sim = _scaled(p, sim, e, other)
            if sim < _EDGE_FLOOR or not in_window(e.day, _span(other), p.window_days):
                continue
            if other.slot in pending:
                key = (min(e.slot, other.slot), max(e.slot, other.slot))
                edges[key] = sim
            elif other.placement.story and other.placement.story not in banned:
                sid = other.placement.story
                stories[sid] = max(stories.get(sid, 0.0), sim)
        query = dict(zip(e.terms, e.weights))
        known = {o.slot: s for s, o in found}
        for sid in sorted(stories, key=lambda s: (-stories[s], s))[:_STORY_HITS]:
            if sid not in story_nodes:
                story_nodes[sid] = g._docs[g._stories[sid][0]].slot
                nodes[story_nodes[sid]] = _story_node(g, sid)
            sample = [g._docs[a] for a in g._stories[sid][-4 * _STORY_SAMPLE :]]
            sample = [m for m in sample if m.group == e.group][-_STORY_SAMPLE:]
            edges[(story_nodes[sid], e.slot)] = sum(
                _scaled(p, known[m.slot] if m.slot in known else dot(query, m), e, m)
                for m in sample)
    roots = average_link(
        nodes, edges, p.join, _compatible(p.window_days), p.relative, p.cohesion_cap,
        p.relative_single)
    owner = {n: sid for sid, n in story_nodes.items()}
    for e in open_:
        root = roots[e.slot]
        if root not in owner:
            owner[root] = story_id_for(g._slots[root].id, g._stories)
            g._stories.setdefault(owner[root], [])
        _settle(g, e, Placement(story=owner[root]), "founded", None)
    for root in set(roots.values()):
        if root in owner and nodes[root].inner_pairs:
            g._cohesion[owner[root]] = (nodes[root].inner, nodes[root].inner_pairs)
    return cands


def _scaled(p, sim: float, a: DocEntry, b: DocEntry) -> float:
    """Similarity less a share of the two articles' local density (hubness reduction): in a
    crowded topic, two articles must stand out from their usual neighbours to be one story.
    When both openings name days of the week, a shared day counts for, none shared against."""
    sim -= p.local * max(0.0, (a.near + b.near) / 2 - p.local_base)
    if a.days and b.days:
        sim += p.weekday if a.days & b.days else -p.weekday
    return sim


def _span(e: DocEntry) -> tuple[int, int] | None:
    return (e.day, e.day) if e.day is not None else None


def _cross_pass(g: Grouper, fresh: list[DocEntry], cands: dict) -> None:
    """Articles in new one-language stories may move to a story in other languages whose
    evidence is clearly the best and stronger than what holds them where they are.

    Larger language groups go first; a new one-language story of a group not yet visited is
    not a target (it may still move itself). Then articles still alone try any story.
    """
    by_story: dict[str, list[DocEntry]] = {}
    for e in fresh:
        by_story.setdefault(e.placement.story, []).append(e)
    movable = [e for e in fresh if len({m.group for m in by_story[e.placement.story]}) == 1
               and len(by_story[e.placement.story]) == len(g._stories[e.placement.story])]
    size = g.words.n_group
    movable.sort(key=lambda e: (-size.get(e.group, 0), e.group, e.slot))
    waiting = {e.placement.story: e.group for e in movable}
    current = None
    for e in movable:
        if e.group != current:
            current = e.group
            waiting = {s: grp for s, grp in waiting.items() if grp != current}
        own = [s for s, o in cands.get(e.slot, []) if o.placement.story == e.placement.story]
        hold = sum(own) / (len(g._stories[e.placement.story]) - 1) if own else 0.0
        _cross_join(g, e, set(waiting), hold)
    for e in movable:
        if len(g._stories[e.placement.story]) == 1:
            _cross_join(g, e, set(), 0.0)


def _cross_join(g: Grouper, e: DocEntry, skip: set[str], hold: float) -> bool:
    """Join the clearly best story in other languages if it beats ``hold``."""
    p = g.params
    banned = _banned(g, e) | {e.placement.story} | skip
    best: dict[str, tuple[float, DocEntry]] = {}
    for sim, other in cross_candidates(e, g.cross, g._slots, p):
        sid = other.placement.story
        if not sid or sid in banned or not in_window(e.day, g._spans.get(sid), p.window_days):
            continue
        if e.days and other.days:
            sim += p.cross_weekday if e.days & other.days else -p.cross_weekday
        if sid not in best or sim > best[sid][0]:
            best[sid] = (sim, other)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
    if not ranked or ranked[0][1][0] < p.cross_join:
        return False
    runner = ranked[1][1][0] if len(ranked) > 1 else 0.0
    if ranked[0][1][0] < max(p.cross_margin * runner, p.cross_hold * hold):
        return False
    sid, (sim, other) = ranked[0]
    g._leave(e)
    _settle(g, e, Placement(story=sid), "cross-language", other.id)
    e.score = sim
    return True


def describe_recorded(g: Grouper, e: DocEntry) -> None:
    """Find, when first asked, the closest article and shared evidence of a replayed placement."""
    sid = e.placement.story
    others = [g._docs[a] for a in g._stories.get(sid, [])[-4 * _STORY_SAMPLE :] if a != e.id]
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


def _describe(g: Grouper, e: DocEntry, found: list[tuple[float, DocEntry]]) -> None:
    """Founder, or closest article in the same story; copies; shared evidence."""
    sid = e.placement.story
    if e.how == "cross-language":
        partner = g._docs[e.partner]
    else:
        mates = [(s, o) for s, o in found if o.placement.story == sid and o.id != e.id]
        if not mates:
            query = dict(zip(e.terms, e.weights))
            members = (g._docs[a] for a in g._stories[sid][-_STORY_SAMPLE:] if a != e.id)
            mates = [(dot(query, m), m) for m in members if m.group == e.group]
        if not mates:
            e.how = "founded" if g._stories[sid][0] == e.id else "same-language"
            return
        e.score, partner = max(mates, key=lambda p: (p[0], -p[1].slot))
        e.how, e.partner = "same-language", partner.id
        for _, other in sorted(mates, key=lambda p: p[1].slot):
            if other.slot < e.slot and _is_copy(g, e, other):
                first = other.placement
                e.placement.sameness = "copy"
                e.placement.copy_of = first.copy_of if first.sameness == "copy" else other.id
                break
    e.placement.evidence = shared_evidence(e, partner, g.words, g.cross)


def _is_copy(g: Grouper, e: DocEntry, other: DocEntry) -> bool:
    """Near-identical bodies (titles may differ): similar leads, similar lengths."""
    small, large = sorted((e.size, other.size))
    if not e.lead or small < g.params.copy_size * large:
        return False
    return fuzz.ratio(e.lead, other.lead) >= g.params.copy_ratio
