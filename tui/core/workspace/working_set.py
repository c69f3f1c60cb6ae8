"""Grouping with a working set: open stories are candidates, closed ones are found by keys.

A story is *open* while it took an article among the newest ``OPEN_ARTICLES`` arrivals (about
ten days of a desk that takes in 2,500 articles a day); otherwise it is *closed*. The articles
of a closed story stay in the grouper as small stubs: their story, day, origin, text key and
counted term ids (so frequencies stay exact), without their term vectors, sentence sketch and
opening, and without postings, so they are never candidates again. The grouper's memory and its
cache then grow with the open stories, not with the workspace.

A closed story is found again only through exact keys: an article from the same origin (a new
version) or with the same text (a copy). Such an article reopens the story first: its members
are read from their files and weighed again, and the new article is placed as if the story had
never closed. Explaining an article of a closed story reopens it too.

Which stories are closed is kept beside the grouper's state in its cache; the truth stays in
the articles' files (their ``story`` field), so losing the cache loses nothing.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable

OPEN_ARTICLES = 25_000  # a story that took an article among this many newest arrivals is open


def closed(g) -> set[str]:
    """The closed stories of grouper ``g`` (held on it)."""
    return g.__dict__.setdefault("closed_stories", set())


def close(g, keep: int | None = None) -> list[str]:
    """Close the stories that took no article among the newest ``keep`` arrivals (default
    ``OPEN_ARTICLES``); returns them. Stories holding an article of a young language group stay
    open (those are placed again with every ingest)."""
    keep = OPEN_ARTICLES if keep is None else keep
    slots, book = g.book.slots, g.book
    start = len(slots) - keep
    if start <= 0:
        return []
    shut = closed(g)
    open_now = {e.placement.story for e in (slots[i] for i in range(start, len(slots)))
                if e is not None}
    young = {e.placement.story for aid in book.young if (e := book.docs.get(aid)) is not None}
    newly = [sid for sid in book.stories
             if sid not in shut and sid not in open_now and sid not in young]
    gone_words: dict[int, set[int]] = defaultdict(set)
    gone_keys: dict[int, set[int]] = defaultdict(set)
    n = g.params.query_terms
    for sid in newly:
        for aid in book.stories[sid]:
            e = book.docs.get(aid)
            if e is None:
                continue
            for tid in e.terms[:n]:
                gone_words[tid].add(e.slot)
            for kid in e.cross:
                gone_keys[kid].add(e.slot)
            _stub(e)
    _unpost(g.words, gone_words)
    _unpost(g.cross, gone_keys)
    shut.update(newly)
    return newly


def _stub(e) -> None:
    """Keep of an article what finding its story by key and counting its terms need."""
    e.terms, e.weights, e.cross = array("i"), array("f"), array("i")
    e.sketch, e.lead = array("I"), ""


def _unpost(ix, gone: dict[int, set[int]]) -> None:
    for tid, slots in gone.items():
        docs = ix.postings.get(tid)
        if docs is not None:
            ix.postings[tid] = array("i", [s for s in docs if s not in slots])


def matched(g, keys: Iterable[tuple[int | None, str | None]], ids: Iterable[str] = ()
            ) -> set[str]:
    """The closed stories that new articles' keys find: ``keys`` are (text key, origin) of
    new articles, ``ids`` articles already in the grouper (new versions)."""
    shut = closed(g)
    if not shut:
        return set()
    book = g.book
    found = set()
    for text, origin in keys:
        for aid in (book.texts.get(text), book.origins.get(origin) if origin else None):
            e = book.docs.get(aid) if aid else None
            if e is not None and e.placement.story in shut:
                found.add(e.placement.story)
    for aid in ids:
        e = book.docs.get(aid)
        if e is not None and e.placement.story in shut:
            found.add(e.placement.story)
    return found


def reopen(g, sids: Iterable[str], doc_of) -> None:
    """Open closed stories again: every member weighed again from ``doc_of(article id)`` (a
    ``GroupDoc``, or None for an article gone from the workspace, which stays a stub)."""
    shut = closed(g)
    for sid in sorted(set(sids) & shut):
        shut.discard(sid)
        for aid in list(g.book.stories.get(sid, ())):
            doc = doc_of(aid)
            if doc is not None:
                g.update(doc)
