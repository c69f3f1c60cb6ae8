"""Older stories in other languages that a batch's articles match across languages.

One batch offers every one-language story the cross-language pass (``placing._cross_pass``), so
a translation joins the story its originals make, whichever came first. In batches, a story
made or grown in one language by a later batch could not take in an older story in another
language: a translation ingested first, then the articles of its story in their language in one
batch, stayed alone, each new article held by its mates (issue #14, the mirror case). So the
older stories in other languages that the new articles match across languages are offered the
pass too (each language's part of one in several languages, as ``young.parts`` makes them),
and may move only into a story of this batch (``placing``): what earlier batches decided
between older stories stays as it was. They come from the cross-language index (the articles
in other languages that share a new article's names and numbers), never from a scan of the
stories, the best matched first within a budget per batch. An older article moves only on
evidence one batch would trust (``strong``): scored with the frequencies known now too (its
own were fixed when it came), and, when weak, matched by the story's articles in two languages
or by two of its distinct articles (not copies, versions or spelling variants of one another).
"""

from __future__ import annotations

import math
from array import array

from rapidfuzz import fuzz

from .model import DocEntry, GroupContext, Packed
from .scoring import cross_candidates, cross_groups, cross_score, in_window
from .young import locked_stories

OFFER_SIZE = 30  # older stories offered have at most this many articles (reading more costs)
OFFER_PER_NEW = 2  # older articles offered per new article of a batch (and one story) at most
SUPPORT_READ = 60  # newest members of a story read for the languages that support a weak join


def offered(g: GroupContext, entries: list[DocEntry], taken: set[str]) -> list[DocEntry]:
    """The members of the older stories (not in ``taken``: those decided again already) that
    a new article of ``entries`` matches across languages about as well as a join needs, in
    the order found: the best matched first while they fit ``OFFER_PER_NEW`` articles per new
    article and one story more (each offered article is looked up and placed again: without
    a budget a batch of 100 offered up to ~900). Only stories all of whose language groups
    the pass visits after the new article's (smaller groups): one holding its group or a
    larger one is a target of the pass already, as in one batch (offered, it was split in
    parts that moved apart: in ntrex in batches, each new translation split the story of its
    original). Stories the reader corrected stay as they are."""
    p, book = g.params, g.book
    if not entries or not book.stories or len([n for n in cross_groups(g.cross) if n]) < 2:
        return []
    floor = p.cross_join - p.cross_weekday  # (a shared weekday adds this much)
    seen, locked = set(taken), None
    found: dict[str, float] = {}  # story -> its best match
    size = g.words.n_group

    def rank(group: str) -> tuple[int, str]:  # (the order the cross-language pass visits)
        return -size.get(group, 0), group

    for e in entries:
        for sim, other in cross_candidates(e, g.cross, book.slots, p):
            if sim < floor:
                break  # (best first)
            sid = other.placement.story
            if sid in found:
                found[sid] = max(found[sid], sim)
                continue
            if not sid or sid in seen or len(book.stories.get(sid, ())) > OFFER_SIZE:
                continue
            members = book.stories[sid]
            if any(rank(book.docs[a].group) <= rank(e.group) for a in members):
                continue  # (a group the pass visits first: its story is a target already)
            if not in_window(e.day, book.spans.get(sid), p.window_days):
                continue
            locked = locked_stories(g) if locked is None else locked
            if sid not in locked:
                found[sid] = sim
            seen.add(sid)  # (decided: locked, or found)
    # a budget: the best matched first, while they fit (a batch of 100 read ~900 before)
    budget, kept = len(entries) * OFFER_PER_NEW + OFFER_SIZE, set()
    for sid in sorted(found, key=lambda s: -found[s]):
        if len(book.stories[sid]) <= budget:
            budget -= len(book.stories[sid])
            kept.add(sid)
    return [book.docs[a] for sid in found if sid in kept for a in book.stories[sid]]


def followers(g: GroupContext, offered: list[DocEntry]) -> tuple[list[DocEntry], list[DocEntry]]:
    """``offered`` split in the articles that lead and the copies and versions that follow
    their first (one offered, or placed in this batch: not placed yet) wherever it goes, as
    one batch places a copy or a version with its first after the cross-language pass (a
    story offered with them is still offered whole)."""
    docs, ids = g.book.docs, {e.id for e in offered}
    lead, follow = [], []
    for e in offered:
        first = docs.get(e.placement.copy_of or "")
        if (
            e.placement.sameness != "coverage"
            and first is not None
            and first is not e
            and (first.id in ids or not first.placement.story)
        ):
            follow.append(e)
        else:
            lead.append(e)
    return lead, follow


def follow(g: GroupContext, follow: list[DocEntry]) -> None:
    """Copies and versions into the story their first is in now."""
    for e in follow:
        first = g.book.docs[e.placement.copy_of or ""]
        sid = first.placement.story
        if sid and sid != e.placement.story:
            g.book.leave(e)
            e.placement.story = sid
            g.book.join(e, sid)


def strong(g: GroupContext, e: DocEntry, other: DocEntry, sim: float) -> bool:
    """Whether the evidence that moves offered ``e`` into ``other``'s story holds as one batch
    would weigh it. Its cross-language keys and their mass were fixed when it came (alone, a
    lone translation's generic names weighed little, its mass was small and its scores high:
    it joined an unrelated story one batch keeps apart): it must clear ``cross_join`` with
    the frequencies known now too. And weak evidence (under twice ``cross_join``) counts only
    where it matches articles of two languages of that story (the story's own translations
    agree) or two distinct articles of it (a story a batch made in one language: a translation
    that came first, issue #14), not one article and its copies in other spellings (en,
    en-GB, en-IN). ``sim``: the score the pass found (a shared weekday's share counts as it
    did there)."""
    p = g.params
    if sim < p.cross_join or now_score(g, e, other) + sim - cross_score(e, other, g.cross) < (
        p.cross_join
    ):
        return False
    if sim >= 2 * p.cross_join:
        return True
    docs, mine = g.book.docs, e.group
    members = [docs[a] for a in g.book.stories[other.placement.story][-SUPPORT_READ:]]
    agree = [m for m in members if m.group != mine and cross_score(e, m, g.cross) >= p.cross_join]
    langs = {(m.lang or m.group).split("-")[0] for m in agree}
    return len(langs) >= 2 or distinct(p, agree) >= 2


def distinct(p, members: list[DocEntry]) -> int:
    """How many of ``members`` are distinct articles: a copy or a version of one counted, or
    one with nearly its opening (a spelling variant: en, en-GB, en-IN), counts with it."""

    def root(m: DocEntry) -> str:  # (the article it is a copy or a version of, or itself)
        return (m.placement.sameness != "coverage" and m.placement.copy_of) or m.id

    firsts: list[DocEntry] = []
    for m in members:
        if not any(
            root(f) == root(m) or (m.lead and fuzz.ratio(m.lead, f.lead) >= p.copy_ratio)
            for f in firsts
        ):
            firsts.append(m)
    return len(firsts)


def now_score(g: GroupContext, e: DocEntry, other: DocEntry) -> float:
    """``e``'s cross-language score to ``other`` with ``e`` weighed with the frequencies known
    now (its keys and their mass chosen again; nothing is changed)."""
    tids, keys = e.counted
    if len(e.counts) != len(tids):
        return cross_score(e, other, g.cross)  # (counts not kept: weighed as it came)
    mates = g.book.stories.get(e.placement.story, ())
    twins = sum(1 for a in mates if a != e.id and g.book.docs[a].text_key == e.text_key)
    names = set(e.names)
    pack = Packed(
        group=e.group,
        tids=tids,
        counts=array("i", list(e.counts)),
        boosted=bytes(t in names for t in tids),
        keys=keys,
        days=e.days,
        mass=e.mass,
    )
    cross, (norm, han) = g.weigh(pack, twins)[2:]
    idf = g.cross.idf
    shared = sum(idf(k) for k in set(cross) & set(other.cross))
    mine = norm + han if han and other.cross_norm[1] else norm
    theirs = sum(other.cross_norm) if han and other.cross_norm[1] else other.cross_norm[0]
    return shared / math.sqrt(mine * theirs)
