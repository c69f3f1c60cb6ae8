"""Deciding where a batch of new articles goes: fixed placements (recorded, pinned, versions,
must-links), then average-link over same-language evidence, then cross-language joins for
articles still alone, then copies and evidence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from . import older, young
from .cluster import Node, average_link
from .current import rescored
from .describe import describe
from .index import TermIndex
from .linking import fullness
from .linking import scaled as _scaled
from .model import DocEntry, GroupContext, Placement, story_id_for
from .sameness import same_text
from .scoring import (
    cross_candidates,
    dot,
    in_window,
    mono_candidates,
    shared_evidence,
    thin_reason,
)
from .triangles import close_triangles, exactly

_STORY_READ = 400  # newest members read of an old story (a larger one is counted from them)
_EDGE_FLOOR = 0.05


def place_batch(
    g: GroupContext, entries: list[DocEntry], known: dict[str, str | Placement],
    previous: dict[str, str] | None = None, looked: dict | None = None,
    left: Sequence[DocEntry] = (), far: Sequence[DocEntry] = (),
) -> None:
    """Give every entry a placement and add it to its story. ``previous``: the stories of
    articles placed again (a new story keeps the id its members had, so ids stay stable);
    ``looked``: candidates already looked up, by slot; ``left``: articles placed before, left
    in a story by those placed again, offered the cross-language pass too (each language's
    part of it); ``far``: as ``left``, older stories the batch matches (``older.offered``)."""
    lead, follow = older.followers(g, [*left, *far])
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
            versions.append((e, g.book.docs[partner]))
        elif how == "copy":
            copies.append((e, g.book.docs[partner]))
        else:
            open_.append(e)
    old_stories = set(g.book.stories)
    cands = _cluster(g, open_, previous or {}, looked or {})
    for e in lead:  # (their candidates tell what holds them where they are)
        found = mono_candidates(e, g.words, g.book.slots, g.params)
        cands[e.slot] = [(s, o) for s, o in found if o.slot != e.slot]
    fresh = [e for e in open_ if e.placement.story not in old_stories]
    parted = young.parts(g, lead + follow)  # (a story of several languages: one part each)
    _cross_pass(g, fresh + lead, cands, follow, ({e.slot for e in far}, {e.placement.story
                                                                        for e in fresh}))
    young.rejoin(g, *parted)
    older.follow(g, follow)
    for e in open_:
        describe(g, e, cands.get(e.slot, []))
    for e, first in versions:
        _settle(g, e, Placement(first.placement.story, "version", first.id), "version", first.id)
    for e, first in copies:
        _settle_copy(g, e, first)


def _fixed(g: GroupContext, e: DocEntry, known: dict) -> tuple[str | None, str, str | None]:
    """A placement that needs no evidence: recorded, pinned, a version, a must-link."""
    if e.id in known:
        return str(known[e.id]), "recorded", None
    pinned = g.corrections.pinned.get(e.id)
    if pinned is not None:
        return pinned, "correction", None
    first = g.book.origins.get(e.origin) if e.origin else None
    if first is not None and first != e.id and first in g.book.docs:
        return None, "version", first
    same = g.book.texts.get(e.text_key)
    if same is not None and same != e.id and same in g.book.docs:
        story = g.book.docs[same].placement.story
        span = g.book.spans.get(story) or _span(g.book.docs[same])
        near = in_window(e.day, span, g.params.window_days)
        if near and story not in _banned(g, e):
            return None, "copy", same
    must, _ = g.corrections.partners(e.id)
    for other in must:
        placed = g.book.docs.get(other)
        if placed is not None and placed.placement.story:
            return placed.placement.story, "correction", other
    return None, "", None


def _settle(
    g: GroupContext, e: DocEntry, placement: Placement, how: str, partner: str | None
) -> None:
    e.placement, e.how, e.partner = placement, how, partner
    g.book.join(e, placement.story)


def _settle_copy(g: GroupContext, e: DocEntry, first: DocEntry) -> None:
    """The same text as an earlier article: its story, a copy of the earliest."""
    p = first.placement
    origin = p.copy_of if p.sameness == "copy" and p.copy_of else first.id
    _settle(g, e, Placement(p.story, "copy", origin), "same-language", first.id)
    e.score = dot(dict(zip(e.terms, e.weights)), first)
    e.placement.evidence = shared_evidence(e, first, g.words, g.cross)


def _banned(g: GroupContext, e: DocEntry) -> set[str]:
    _, cannot = g.corrections.partners(e.id)
    docs = g.book.docs
    return {docs[o].placement.story for o in cannot if o in docs and docs[o].placement.story}


def _compatible(days: int):
    def check(a: Node, b: Node) -> bool:
        if a.span is None or b.span is None:
            return True
        return max(a.span[0], b.span[0]) - min(a.span[1], b.span[1]) <= days

    return check


def _story_node(g: GroupContext, sid: str) -> Node:
    """An old story as one frozen cluster, as one batch would hold it: all its members'
    language groups, its span and cohesion. A new article links to it by the members its
    look-up found (a member not found counts zero), over all of them, as one batch links two
    clusters. (A sample of its newest members compared in full made a large old story closer
    than one batch finds it, so batches joined what one batch keeps apart.)"""
    ids = g.book.stories[sid]
    members = [g.book.docs[a] for a in ids[-_STORY_READ:]]  # (a large story: its newest,
    scale = len(ids) / len(members)  # counted for all; reading every member costs too much)
    groups = Counter({k: round(n * scale) for k, n in Counter(m.group for m in members).items()})
    full = scale * sum(fullness(g.params, m.mass) for m in members)
    inner, pairs = g.book.cohesion.get(sid, (0.0, 0))
    return Node(groups=groups, frozen=True, span=g.book.spans.get(sid), inner=inner,
                inner_pairs=pairs, full=full)


def _cluster(
    g: GroupContext, open_: list[DocEntry], previous: dict[str, str], looked: dict
) -> dict[int, list[tuple[float, DocEntry]]]:
    """Average-link the open entries among themselves and into old stories."""
    p = g.params
    pending = {e.slot for e in open_}
    nodes: dict[int, Node] = {}
    story_nodes: dict[str, int] = {}
    edges: dict[tuple[int, int], float] = {}
    cands: dict[int, list[tuple[float, DocEntry]]] = {}
    weighed: dict = {}  # earlier articles weighed now, by slot
    earlier: dict = {}  # new articles' links to members of earlier stories (``triangles``)
    for e in open_:
        span = (e.day, e.day) if e.day is not None else None
        nodes[e.slot] = Node(groups=Counter({e.group: 1}), span=span, full=fullness(p, e.mass))
    for e in open_:
        hits = looked.get(e.slot)
        if hits is None:
            hits = mono_candidates(e, g.words, g.book.slots, p)
        found = [(s, o) for s, o in hits if o.slot != e.slot]
        # earlier articles weighed with today's frequencies, as one batch weighs them
        found = rescored(g, e, found, pending, weighed)
        cands[e.slot] = found
        near = [s for s, _ in found[: p.local_k]]
        # a few dozen articles are too few to tell a crowded topic from one story told often
        known = min(1.0, g.words.n_group.get(e.group, 0) / p.local_docs)
        e.near = known * sum(near) / p.local_k if near else 0.0
    copies: set[tuple[int, int]] = set()
    for e in open_:
        banned = _banned(g, e)
        found = cands[e.slot]
        stories: dict[str, float] = {}
        for raw, other in found:
            if not in_window(e.day, _span(other), p.window_days):
                continue  # (first: most of a long run's candidates are out of it)
            copy = other.slot in pending and same_text(p, raw, e, other)
            # a near-copy is one text twice: no crowding discount, merged first
            sim = raw if copy else _scaled(p, raw, e, other, g.words, _EDGE_FLOOR)
            if sim < _EDGE_FLOOR:
                continue
            if other.slot in pending:
                key = (min(e.slot, other.slot), max(e.slot, other.slot))
                edges[key] = sim
                if copy:
                    copies.add(key)
            elif other.placement.story and other.placement.story not in banned:
                # an old story is linked by the members the look-up found, as one batch
                # links two clusters (see ``_story_node``)
                sid = other.placement.story
                stories[sid] = stories.get(sid, 0.0) + sim
                earlier.setdefault(e.slot, []).append((sim, other.slot))
        for sid, total in stories.items():
            if sid not in story_nodes:
                story_nodes[sid] = g.book.docs[g.book.stories[sid][0]].slot
                nodes[story_nodes[sid]] = _story_node(g, sid)
            edges[(story_nodes[sid], e.slot)] = total
    close_triangles(edges, pending, g.book.slots, _EDGE_FLOOR, p.join_short, exactly(
        lambda raw, a, b: _scaled(p, raw, a, b, g.words), p.window_days), earlier)
    roots = average_link(
        nodes, edges, p.join, _compatible(p.window_days), p.relative, p.cohesion_cap,
        p.relative_single, p.centroid, copies, p.join_short)
    owner = {n: sid for sid, n in story_nodes.items()}
    had: dict[int, Counter] = {}
    for e in open_:
        if e.id in previous:
            had.setdefault(roots[e.slot], Counter())[previous[e.id]] += 1
    for e in open_:
        root = roots[e.slot]
        if root not in owner:
            kept = [s for s, _ in (had.get(root) or Counter()).most_common()
                    if s not in g.book.stories]
            owner[root] = kept[0] if kept else story_id_for(g.book.slots[root].id,
                                                            g.book.stories)
            g.book.stories.setdefault(owner[root], [])
        _settle(g, e, Placement(story=owner[root]), "founded", None)
    for root in set(roots.values()):
        if root in owner and nodes[root].inner_pairs:
            g.book.cohesion[owner[root]] = (nodes[root].inner, nodes[root].inner_pairs)
    return cands


def short_text_reason(
    p, e: DocEntry, other: DocEntry, words: TermIndex | None = None
) -> list[str]:
    """Why two short texts (headlines, a title and a line) could join on little evidence, and
    when two texts share too little for their similarity to count (``thin_share``)."""
    full = fullness(p, min(e.mass, other.mass))
    bar = p.join_short + full * (p.join - p.join_short)
    lines = [f"short texts ({e.mass} and {other.mass} distinct words): judged at the bar for "
             f"headlines, similarity {bar:.2f} to the story by its centre or its members "
             f"(full texts need {p.join:.2f} on average)"] if full < 1.0 else []
    if words is not None and (why := thin_reason(e, other, words, p)):
        lines.append(why)
    return lines


def _span(e: DocEntry) -> tuple[int, int] | None:
    return (e.day, e.day) if e.day is not None else None


def _cross_pass(
    g: GroupContext, fresh: list[DocEntry], cands: dict, follow: Sequence[DocEntry] = (),
    bound: tuple[set[int], set[str]] = (set(), set()),
) -> None:
    """Articles in new one-language stories may move to a story in other languages whose
    evidence is clearly the best and stronger than what holds them where they are.

    Larger language groups go first; a new one-language story of a group not yet visited is
    not a target (it may still move itself), nor is the story of an article that waits (weak
    evidence where a story not yet a target is clearly better); a second sweep offers every
    story to articles still among their own language only. Then articles still alone try any
    story. ``follow``: copies and versions of their stories (``older.followers``); ``bound``:
    articles (slots) that may move only into the given stories (older ones: into this batch's).
    """
    by_story: dict[str, list[DocEntry]] = {}
    for e in fresh:
        by_story.setdefault(e.placement.story, []).append(e)
    extra, stories = Counter(e.placement.story for e in follow), g.book.stories
    movable = [e for e in fresh if len({m.group for m in by_story[e.placement.story]}) == 1
               and len(by_story[s := e.placement.story]) + extra[s] == len(stories[s])]
    size = g.words.n_group
    movable.sort(key=lambda e: (-size.get(e.group, 0), e.group, e.slot))
    waiting = {e.placement.story: e.group for e in movable}
    current, p = None, g.params
    waits: set[str] = set()  # stories of articles that wait for the second sweep
    only = lambda e: bound[1] if e.slot in bound[0] else None  # noqa: E731
    for sweep in (0, 1):
        for e in movable:
            members = g.book.stories[e.placement.story]
            if not sweep:  # the first: groups one after another, stories not yet targets skipped
                if e.group != current:
                    current = e.group
                    waiting = {s: grp for s, grp in waiting.items() if grp != current}
                skip, wait_on = set(waiting), waits
            elif any(g.book.docs[a].group != e.group for a in members):
                continue  # the second: every story, for articles still among their own language
            else:
                skip = wait_on = set()
            own = [s for s, o in cands.get(e.slot, [])
                   if o.placement.story == e.placement.story and not same_text(p, s, e, o)]
            hold = sum(own) / (len(members) - 1) if own else 0.0
            if _cross_join(g, e, skip, hold, wait_on, only(e)) is None:
                waits.add(e.placement.story)
    for e in movable:
        if len(g.book.stories[e.placement.story]) == 1:
            _cross_join(g, e, set(), 0.0, None, only(e))


def _cross_join(
    g: GroupContext, e: DocEntry, skip: set[str], hold: float, waits: set[str] | None = None,
    only: set[str] | None = None,
) -> bool | None:
    """Join the clearly best story in other languages if it beats ``hold``. On weak evidence
    (under twice ``cross_join``) not a story that holds articles in ``e``'s own language: the
    same-language pass weighed those and put ``e`` elsewhere, and a few translations (a part
    of the collection, or one shared name) must not overrule it. (Blocked only where its
    own-language articles did not resemble ``e``, a batch holding part of the translations
    still joined what one batch keeps apart.)

    ``skip``: stories not yet targets (new stories of language groups not visited yet);
    ``waits``: stories of articles that wait. Neither is joined; where one of them is clearly
    better than the best story left and that is weak, ``e`` waits too: None (not moved, asked
    again in the second sweep). True when ``e`` moved, False when it stays."""
    p = g.params
    banned = _banned(g, e) | {e.placement.story}
    best: dict[str, tuple[float, DocEntry]] = {}
    waited = waited_on = 0.0  # the best story in ``skip`` (not yet a target), in ``waits``
    for sim, other in cross_candidates(e, g.cross, g.book.slots, p):
        sid = other.placement.story
        if not sid or sid in banned or not in_window(e.day, g.book.spans.get(sid), p.window_days):
            continue
        if sim < 2 * p.cross_join and _holds(g, sid, e.group):
            continue  # weak evidence across languages; its own language was weighed already
        if e.days and other.days:
            sim += p.cross_weekday if e.days & other.days else -p.cross_weekday
        if sid in skip:
            waited = max(waited, sim)
        elif waits and sid in waits:
            waited_on = max(waited_on, sim)
        elif sid not in best or sim > best[sid][0]:
            best[sid] = (sim, other)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
    top = ranked[0][1][0] if ranked else 0.0
    runner = ranked[1][1][0] if len(ranked) > 1 else 0.0
    bar = max(p.cross_join, p.cross_margin * runner, p.cross_hold * hold)
    if top < bar:
        return False
    if top < min(2 * p.cross_join, waited / p.cross_margin) or top < waited_on / p.cross_margin:
        return None  # a story not yet a target is clearly better (weak evidence here), or
        # the story of an article that waits is: this one waits too (it is not a target)
    sid, (sim, other) = ranked[0]
    if only is not None and (sid not in only or not older.strong(g, e, other, sim)):
        return False  # (``only``: the stories an older article may move into, on evidence
        # that holds with the frequencies known now)
    g.book.leave(e)
    _settle(g, e, Placement(story=sid), "cross-language", other.id)
    e.score = sim
    return True


def _holds(g: GroupContext, sid: str, group: str) -> bool:
    """Whether story ``sid`` holds an article of language group ``group`` (of its newest
    ``_STORY_READ``)."""
    docs = g.book.docs
    return any(docs[a].group == group for a in g.book.stories[sid][-_STORY_READ:])
