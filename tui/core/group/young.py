"""Placements stay open while a language group is young.

The first articles of a language are weighed with frequencies from a handful of texts, where
"the" and "said" weigh as much as a name, and they are placed against each other in whatever
order they came. While a group has at most ``Params.young`` articles, every ingest that adds to
it weighs its articles again with the frequencies known now and places them again together
with the new ones (as one batch would), so the first stories of a collection do not depend on
the order or the batches they came in. Stories the reader corrected stay as they are.
"""

from __future__ import annotations

from collections import Counter

from .model import DocEntry, GroupContext, Packed, Placement, story_id_for


def reopen(g: GroupContext, entries: list[DocEntry]) -> tuple[list[DocEntry], dict[str, str]]:
    """The young articles of the groups ``entries`` add to, weighed again and taken out of
    their stories (to be placed again with ``entries``), in arrival order; and the story each
    was in."""
    limit = g.params.young
    groups = {e.group for e in entries if g.words.n_group.get(e.group, 0) <= limit}
    if not groups or not g.book.young:
        return [], {}
    locked = locked_stories(g)  # stories the reader corrected stay as they are
    out = []
    for aid, pack in g.book.young.items():
        e = g.book.docs.get(aid)
        if pack.group in groups and e is not None and e.placement.story not in locked:
            out.append(e)
    out.sort(key=lambda e: e.slot)
    n = g.params.query_terms
    previous = {e.id: e.placement.story for e in out}
    same = Counter(e.text_key for e in out + entries)
    for e in out:
        g.words.unpost(e.slot, e.terms[:n])
        g.cross.unpost(e.slot, e.cross)
        e.terms, e.weights, e.cross, e.cross_norm = g.weigh(g.book.young[e.id],
                                                             same[e.text_key] - 1)
        g.words.post(e.slot, e.terms[:n])
        g.cross.post(e.slot, e.cross)
        g.book.leave(e)
        e.placement = Placement(story="")
        e.how, e.partner, e.score, e.near = "founded", None, 0.0, 0.0
    return out, previous


# each story of the articles left behind -> its members in order and its cohesion, as they were
Before = dict[str, tuple[list[str], tuple[float, int] | None]]


def left_behind(g: GroupContext, previous: dict[str, str]) -> list[DocEntry]:
    """The articles left in the stories that articles placed again were taken out of (the
    members of other groups than the young one): offered the cross-language pass with the new
    stories, as one batch offers it to every one-language story (left in several languages,
    each language's part is offered: ``parts``). (Left out of it, a story across languages
    came apart: its young members, placed again, made a story of their own and its others
    stayed alone, so an unrelated article of the young group split a story one batch keeps
    whole, issue #14.) In a one-language story, copies and versions follow their first
    (``older.followers``; such a story was not offered at all). A story in several languages
    holding one is still not offered: offered in parts, the parts of many stories moved apart
    (ntrex in batches, where every story holds copies: B3 .985 -> .80)."""
    docs, out = g.book.docs, []
    for sid in dict.fromkeys(previous.values()):
        members = [docs[a] for a in g.book.stories.get(sid, [])]
        if len({m.group for m in members}) == 1:
            out += members
        elif members and all(m.placement.sameness == "coverage" for m in members):
            out += members  # several languages: each one's part is offered (``parts``)
    return out


def parts(
    g: GroupContext, left: list[DocEntry]
) -> tuple[dict[str, str], Before]:
    """Split each story of ``left`` that holds several language groups into one story per
    group, as one batch holds them before its cross-language pass (issue #14 with three
    languages: an English + Arabic + German story lost its English articles to a new story
    and the Arabic and German ones left behind were never offered to join them). Returns
    each part's story -> the story it came from (``rejoin`` puts back what did not move), and
    each story of ``left`` -> its members in order and its cohesion, as they were."""
    docs, made = g.book.docs, {}
    before = {s: (list(g.book.stories[s]), g.book.cohesion.get(s))
              for s in dict.fromkeys(e.placement.story for e in left)}
    for sid in before:
        ids = g.book.stories.get(sid, [])
        groups = dict.fromkeys(docs[a].group for a in ids)
        if len(groups) < 2:
            continue
        made[sid] = sid  # (the story keeps its first group's part; the others are new)
        for group in list(groups)[1:]:
            new = story_id_for(f"part:{sid}:{group}", g.book.stories)
            made[new] = sid
            for a in [a for a in ids if docs[a].group == group]:
                g.book.leave(docs[a])
                docs[a].placement.story = new
                g.book.join(docs[a], new)
    return made, before


def rejoin(
    g: GroupContext, made: dict[str, str], before: Before
) -> None:
    """Put the parts ``parts`` made back together: what did not move out (and what moved
    into them) is in the story it was in, members in the order they had; a story nobody left
    or joined gets its cohesion back (as it was)."""
    docs, stories = g.book.docs, g.book.stories
    for sid in dict.fromkeys(made.values()):
        ids = [a for p, s in made.items() if s == sid for a in stories.get(p, [])]
        for p in [p for p, s in made.items() if s == sid]:
            stories.pop(p, None)
            g.book.spans.pop(p, None)
            g.book.cohesion.pop(p, None)
        if not ids:
            continue
        rank = {a: i for i, a in enumerate(before[sid][0] if sid in before else [])}
        ids.sort(key=lambda a: rank.get(a, len(rank)))
        for a in ids:
            docs[a].placement.story = sid
            g.book.join(docs[a], sid)
    for sid, (members, cohesion) in before.items():
        if cohesion is not None and stories.get(sid) == members:
            g.book.cohesion[sid] = cohesion


def keep_ids(
    g: GroupContext, placed: list[DocEntry], had: dict[str, str], stood: set[str], left: set[str]
) -> None:
    """A story made by this batch (not in ``stood``) takes back the id most of its members
    ``had`` before when that is one of the stories ``left`` (of articles left behind) that they
    have all moved out of across languages: the others, placed again first, were given a new
    id while the old one was still taken (ids stay stable)."""
    stories = g.book.stories
    gone = {s for s in left if s not in stories}
    for sid in dict.fromkeys(e.placement.story for e in placed) if gone else ():
        if sid in stood or sid not in stories:
            continue
        ids = Counter(had[a] for a in stories[sid] if a in had).most_common(1)
        if not ids or ids[0][0] not in gone:
            continue
        new = ids[0][0]
        gone.discard(new)
        stories[new] = stories.pop(sid)
        if sid in g.book.spans:
            g.book.spans[new] = g.book.spans.pop(sid)
        if sid in g.book.cohesion:
            g.book.cohesion[new] = g.book.cohesion.pop(sid)
        for a in stories[new]:
            g.book.docs[a].placement.story = new


def locked_stories(g: GroupContext) -> set[str]:
    """Stories holding a pinned article or an article kept apart from another."""
    docs, c = g.book.docs, g.corrections
    out = set(c.pinned.values())
    for pair in c.cannot_link:
        out.update(docs[a].placement.story for a in pair if a in docs)
    return out


def keep(g: GroupContext, packs: dict[str, Packed]) -> None:
    """Remember the counted evidence of articles in young groups; forget it for groups that
    have grown up."""
    limit = g.params.young
    size = g.words.n_group
    for aid, pack in packs.items():
        if size.get(pack.group, 0) <= limit:
            g.book.young[aid] = pack
    for aid in [a for a, p in g.book.young.items() if size.get(p.group, 0) > limit]:
        del g.book.young[aid]
