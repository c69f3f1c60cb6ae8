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
from typing import Any, cast

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
    from tui.core.group.lazy import LazySlots

    if isinstance(slots, LazySlots):  # (a lazily read base: the stories read, not the articles)
        open_now = slots.stories_from(start)
    else:
        open_now = {e.placement.story for e in (slots[i] for i in range(start, len(slots)))
                    if e is not None}
    young = {e.placement.story for aid in book.young if (e := book.docs.get(aid)) is not None}
    newly = [sid for sid in book.stories
             if sid not in shut and sid not in open_now and sid not in young]
    gone_words: dict[int, set[int]] = defaultdict(set)
    gone_keys: dict[int, set[int]] = defaultdict(set)
    n, stubbed = g.params.query_terms, []
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
            stubbed.append(e.slot)
    _unpost(g.words, gone_words)
    _unpost(g.cross, gone_keys)
    if (keys := g.words.keys) is not None:  # (a stub has no postings: no place in their order)
        for slot in stubbed:
            keys.pop(slot, None)
    shut.update(newly)
    return newly


def _stub(e) -> None:
    """Keep of an article what finding its story by key and counting its terms need."""
    e.terms, e.weights, e.cross = array("i"), array("f"), array("i")
    e.sketch, e.lead, e.counts = array("I"), "", b""


def _unpost(ix, gone: dict[int, set[int]]) -> None:
    ix.memo.clear()  # (look-ups remembered on the old postings)
    for tid, slots in gone.items():
        docs = ix.postings.get(tid)
        if docs is not None:
            ix.postings[tid] = array("i", [s for s in docs if s not in slots])


def matched(g, keys: Iterable[tuple[int | None, str | None]], ids: Iterable[str] = ()
            ) -> set[str]:
    """The closed stories that new articles' keys find: ``keys`` are (text key, origin) of
    new articles, ``ids`` articles already in the grouper (new versions). Those kept in the
    closed store (``closed_store``) are brought back into the grouper first, as stubs."""
    keys, ids = list(keys), list(ids)
    attach_found(g, keys, ids)
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


# ---- closed stories kept out of the grouper (``closed_store``) ------------------------------
def store_of(g):
    """The closed store the grouper was loaded with (None: every closed story is held)."""
    return g.__dict__.get("closed_store")


def attached(g) -> set[str]:
    """Stories brought back from the closed store in this process (dropped from it at the
    next base save, or stored again if still closed)."""
    return g.__dict__.setdefault("attached_stories", set())


def attach_found(g, keys: list, ids: list, stories: Iterable[str] = ()) -> None:
    """Bring back the stories of the closed store that these (text key, origin) pairs,
    article ids or story ids name (as stubs, still closed)."""
    from tui.core.workspace.closed_store import ID, ORIGIN, STORY, TEXT

    store = store_of(g)
    if store is None:
        return
    wanted = [(TEXT, str(t)) for t, _ in keys if t is not None]
    wanted += [(ORIGIN, o) for _, o in keys if o] + [(ID, a) for a in ids]
    wanted += [(STORY, s) for s in stories]
    sids = store.find(wanted) - attached(g)
    if sids:
        attach(g, store.payloads(sids))


def attach_all(g) -> None:
    """Every story of the closed store brought back (for corrections, which may name any)."""
    store = store_of(g)
    if store is not None:
        attach(g, store.payloads(set(store.all_stories()) - attached(g)))


def attach(g, payloads: dict[str, dict]) -> None:
    """Put closed stories back into the grouper as they were detached (stubs, closed)."""
    book = g.book
    for sid, p in payloads.items():
        for e in p["members"]:
            book.docs[e.id] = e
            book.slots[e.slot] = e
        book.stories[sid] = list(p["order"])
        if p["span"] is not None:
            book.spans[sid] = p["span"]
        if p["cohesion"] is not None:
            book.cohesion[sid] = p["cohesion"]
        book.origins.update(p["origins"])
        book.texts.update(p["texts"])
        closed(g).add(sid)
        attached(g).add(sid)


def detach(g, sids: Iterable[str]) -> dict[str, dict]:
    """Take closed stories out of the grouper: {story: what :func:`attach` puts back}."""
    book, out = g.book, {}
    for sid in sids:
        members = book.stories.get(sid)
        if members is None:
            continue
        entries = [e for a in members if (e := book.docs.get(a)) is not None]
        origins = {e.origin: e.id for e in entries
                   if e.origin and book.origins.get(e.origin) == e.id}
        texts = {e.text_key: e.id for e in entries if book.texts.get(e.text_key) == e.id}
        out[sid] = {"members": entries, "order": list(members), "span": book.spans.get(sid),
                    "cohesion": book.cohesion.get(sid), "origins": origins, "texts": texts}
        for e in entries:
            del book.docs[e.id]
            book.slots[e.slot] = None
        for o in origins:
            del book.origins[o]
        for k in texts:
            del book.texts[k]
        del book.stories[sid]
        book.spans.pop(sid, None)
        book.cohesion.pop(sid, None)
        closed(g).discard(sid)
    return out


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
# ---- lookups that bring closed stories back when they miss ---------------------------------
class _Faulting:
    """A grouper map whose miss looks the key up in the closed store and, when a closed story
    holds it, brings that story back first: the grouper reads the map as if every closed story
    were held (a copy's first article, a partner, a story id taken)."""

    kind = 0
    _owner = None

    def _miss(self, key) -> bool:
        g = self._owner
        store = store_of(g) if g is not None else None
        if store is None or key is None:
            return False
        sids = store.find([(self.kind, str(key))]) - attached(g)
        if not sids:
            return False
        attach(g, store.payloads(sids))
        return True

    def get(self, key, default=None):
        v = super().get(key)  # type: ignore[misc]
        if v is None and self._miss(key):
            v = super().get(key)  # type: ignore[misc]
        return default if v is None else v

    def __contains__(self, key) -> bool:
        return super().__contains__(key) or (  # type: ignore[misc]
            self._miss(key) and super().__contains__(key))  # type: ignore[misc]

    def __getitem__(self, key):
        v = self.get(key)
        if v is None:
            raise KeyError(key)
        return v

    def setdefault(self, key, default=None):
        if not super().__contains__(key):  # type: ignore[misc]
            self._miss(key)
        return super().setdefault(key, default)  # type: ignore[misc]


def _faulting(kind: int, base: type) -> type:
    return type(f"Faulting{base.__name__}", (_Faulting, base), {"kind": kind})


_CLASSES: dict = {}


def fault_in(g) -> None:
    """Make the grouper's maps bring closed stories back from its store on a miss."""
    from tui.core.workspace.closed_store import ID, ORIGIN, STORY, TEXT

    if store_of(g) is None:
        return
    book = g.book
    for name, kind in (("docs", ID), ("stories", STORY), ("origins", ORIGIN), ("texts", TEXT)):
        m = getattr(book, name)
        if isinstance(m, _Faulting):
            continue
        base = type(m)
        cls = _CLASSES.get((kind, base)) or _CLASSES.setdefault(
            (kind, base), _faulting(kind, base))
        if base is dict:
            m = cls(m)
        else:  # (the loaded grouper's lazy dict of articles: kept, its class changed)
            m.__class__ = cls
        m._owner = g
        setattr(book, name, m)


def plain(g) -> None:
    """The grouper's maps as plain ones again (to be saved, or to take stories out)."""
    book = g.book
    for name in ("docs", "stories", "origins", "texts"):
        m: Any = getattr(book, name)
        if isinstance(m, _Faulting):
            base = type(m).__mro__[2]
            if base is dict:
                setattr(book, name, dict(cast(dict, m)))  # (iterating does not fault)
            else:
                m.__class__ = base
                del m._owner
