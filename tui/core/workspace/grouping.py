"""The workspace side of grouping: feeding the grouper, keeping its index in the cache, and
writing its decisions and the user's corrections into the TOML files.

The truth is each article's ``story`` field and ``corrections.toml``. The grouper's candidate
index is derived data: it is cached in ``.cache/grouper.pickle`` and rebuilt from the articles
(in the order they were added) when it is missing or does not match them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sqlite3
import time
import tomllib
from typing import TYPE_CHECKING

import tomli_w

from tui.core.model import Article
from tui.core.workspace import cache, closed_store, grouper_base, index_sync, journal, working_set
from tui.core.workspace.atomic import write_atomic
from tui.core.workspace.errors import WorkspaceError
from tui.core.workspace.paths import CACHE, CORRECTIONS
from tui.core.workspace.records import toml_error
from tui.core.workspace.unknown_keys import keeping_top_keys

if TYPE_CHECKING:
    from tui.core.group import Placement


def group_doc(ws, a: Article):
    from tui.core.group import GroupDoc

    m = a.meta
    return GroupDoc(id=a.id, title=m.get("title") or "", body=ws.body(a), lang=m.get("lang"),
                    date=m.get("date"), source=m.get("source"), origin=a.origin)


def signature(ws) -> str:
    """What the grouping index depends on: every article's id, newest version and story (in
    id order: a line starts with its id), and the corrections."""
    rows = sorted([f"{a.id} {a.newest.hash} {a.story}\n" for a in ws.articles()])
    h = hashlib.sha256("".join(rows).encode())  # one update: a third of the time of one a line
    h.update(corrections_text(ws).encode())
    return h.hexdigest()


def corrections_text(ws) -> str:
    try:
        return (ws.root / CORRECTIONS).read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    except OSError as e:
        raise WorkspaceError(f"{CORRECTIONS}: cannot read ({e.strerror or e})") from None


def load_corrections(ws):
    from tui.core.group import Corrections

    text = corrections_text(ws)
    if not text:
        return Corrections()
    try:
        return Corrections.from_toml_dict(tomllib.loads(text))
    except tomllib.TOMLDecodeError as e:
        raise WorkspaceError(
            f"{CORRECTIONS}: damaged, {toml_error(text, e)}; fix it or run `wiredesk doctor`"
        ) from None
    except (TypeError, ValueError, AttributeError, KeyError) as e:
        raise WorkspaceError(
            f"{CORRECTIONS}: an entry has the wrong shape ({e}); fix it or run `wiredesk doctor`"
        ) from None


def save_corrections(ws, corrections) -> None:
    head = "# Corrections to story grouping (merge, split, move); later ingests respect them.\n"
    doc = keeping_top_keys(ws.root / CORRECTIONS, corrections.to_toml_dict())  # (a person's)
    write_atomic(ws.root / CORRECTIONS, head + tomli_w.dumps(doc))


# The delta lists moved articles since format 2 of its name: a Wiredesk that does not know them
# must not read it (it would keep those articles where they were); "grouper-delta.pickle" was
# the first format, ignored and removed.
# The base is read lazily since ``grouper_base`` (``OLD_BASE``, one pickle, still loads; the
# next base save converts it).
BASE, DELTA, OLD_DELTA = grouper_base.NAME, "grouper-delta-2.pickle", "grouper-delta.pickle"
OLD_BASE = "grouper.pickle"
DELTA_MAX = 100  # articles replayed on top of the base before it is rewritten (a replay
# costs under a millisecond each, on every load; a base save of the working set 1-2 s)


def grouper(ws, *, whole: bool = False):
    """The grouper for this workspace, from the cache when it matches the articles.

    The cache is a base (the whole index) plus a delta: the ids of articles ingested since,
    replayed with their recorded placements on load, and the ids of older articles moved since
    (by corrections or by a story merge), put where their files say. A small ingest or a
    correction then writes only the delta instead of the whole index.

    Whether the cache matches is told cheaply when it can be (``matches``): the change journal
    since the cache was written names the only articles that can differ, and those are
    compared with it (after the index caught up with hand edits the folder times show).
    Otherwise every article is read and compared through :func:`signature`.

    Closed stories kept in the closed store come back only when a key names them, or all of
    them with ``whole`` (corrections may name any story)."""
    g = _grouper(ws)
    if whole:
        working_set.attach_all(g)
    return g


def _grouper(ws):
    from tui.core.group import Grouper

    base, delta = base_layers(ws.root)
    if base and "token" not in base:  # an older cache, told by its signature only
        base, delta = cache.load_layers(ws.root, OLD_BASE, DELTA, "sig")
        if base:
            base["token"] = base.get("sig")
    if base and (g := _from(ws, base, delta)) is not None and matches(ws, g, delta or base):
        if (told := ws.__dict__.pop("_grouper_told", None)) is not None and ws.lock.held:
            # matched by the files' times: told the journal's mark now, so the next load
            # reads the journal again (the base and the delta's ids are unchanged)
            cache.save(ws.root, DELTA, {"base": base["token"], "ids": [], "moved": [],
                                        **(delta or {}), **told})
        return g
    sig = signature(ws)
    for layers in ([base, delta], [base]) if delta else ([base],) if base else ():
        if layers[-1].get("sig") == sig and (g := _from(ws, *layers)) is not None:
            return g
    g = Grouper(load_corrections(ws))
    ids = [a.id for a in sorted(ws.articles(), key=lambda a: (a.added, a.id))]
    from tui.core.group.model import WORDS_VERSION
    from tui.core.workspace.grouping_check import rebuilding

    rebuilding(len(ids), bool(base) and base.get("words") != WORDS_VERSION)  # an older version's
    replay(ws, g, ids)
    ws._grouper_base = None
    if not ws.lock.held:  # a command that only reads: saved too, or the next one rebuilds
        cache.save_unlocked(ws.root, ws.records.mark, lambda: save_grouper(ws, g))
    return g


def base_layers(root) -> tuple[dict | None, dict | None]:
    """The base (the lazily read one, else the older pickle) and the delta written on it."""
    base = grouper_base.load(root, cache.CACHE_FORMAT)
    if base is None:
        return cache.load_layers(root, OLD_BASE, DELTA, "token")
    delta = cache.load(root, DELTA)
    return base, delta if delta is not None and delta.get("base") == base["token"] else None


def _from(ws, base: dict, delta: dict | None = None):
    """The grouper a cached base (and delta) make, or None for a stale or foreign state (then
    the lazily read base's database is closed: nothing reads it any more)."""
    g = _built(ws, base, delta)
    if g is None and "db" in base:
        base["db"].close()
    return g


def _built(ws, base: dict, delta: dict | None):
    from tui.core.group import Grouper, Params
    from tui.core.group.model import WORDS_VERSION

    if base.get("words") != WORDS_VERSION:  # another version's words and weights: rebuilt
        return None
    try:
        g = grouper_base.grouper(base) if "db" in base else Grouper.from_state(base["state"])
        if g.params != Params():  # written by a Wiredesk of other parameters: rebuilt
            return None
        ids = list(delta["ids"]) if delta else []
        moved = list(delta.get("moved", ())) if delta else []
        if delta:  # corrections made since the base are in the file
            g.corrections = load_corrections(ws)
        if (token := base.get("store")) is not None:  # the closed stories kept apart
            store = closed_store.Store.open(ws.root)
            if store is None or store.token() != token:
                return None
            g.__dict__["closed_store"] = store
            working_set.fault_in(g)
        working_set.closed(g).update(base.get("closed", ()))
        arts = [a for aid in [*ids, *moved] if (a := ws.find(aid)) is not None]
        working_set.attach_found(g, [], [a.id for a in arts], {a.story for a in arts if a.story})
        relocate(ws, g, moved)
        replay(ws, g, ids)
        # a closed story that took an article since the base was written is open again
        working_set.reopen(g, working_set.matched(g, (), [*ids, *moved]), _doc_of(ws))
    except WorkspaceError:
        raise
    except Exception:  # a stale or foreign pickle is only a slower start
        return None
    ws._grouper_base = (base["token"], ids, moved)
    return g


CHECK_MAX = 5000  # articles changed since the cache was written, compared one by one at most


def matches(ws, g, layer: dict) -> bool:
    """The cached grouper ``g`` matches the articles, told without reading them all: nothing
    but what the journal names changed since ``layer`` was written (and the corrections are
    the same), and those articles are in ``g`` with their story and text. False when that
    cannot be told (no journal mark, a journal started again, too many changes)."""
    from tui.core.group.features import text_key

    mark = layer.get("mark")
    if mark is None or layer.get("corr") != _digest(corrections_text(ws)):
        return False
    if not ws.loaded:
        index_sync.caught_up(ws)  # hand edits the folder times show go into the journal
    now = journal.mark(ws.root)
    if mark.token and now.token == mark.token:  # the same journal (its random first line),
        mark = dataclasses.replace(mark, inode=now.inode)  # maybe copied with the workspace
    keys, _ = journal.read_since(ws.root, mark)
    if keys is None:  # the journal cannot tell: the files changed since, by their times
        from tui.core.workspace.grouping_check import changed_since

        layer_file = ws.root / CACHE / (DELTA if "base" in layer else
                                        BASE if "db" in layer else OLD_BASE)
        found = changed_since(ws, g, layer, layer["corr"], layer_file)
        if found is None:
            return False
        ids = found | ws.records.noticed
    else:
        ids = {k[2:] for k in keys if k.startswith("a:")} | ws.records.noticed
    if len(ids) > CHECK_MAX:
        return False
    working_set.attach_found(g, [], sorted(ids))  # closed stories they are in, as stubs
    for aid in sorted(ids):
        a, e = ws.find(aid), g.book.docs.get(aid)
        if a is None or e is None:
            if a is not e:  # an article gone, or one the grouper does not hold
                return False
            continue
        if a.story and e.placement.story != a.story:
            return False
        try:
            if e.text_key != text_key(ws.body(a) or a.meta.get("title") or ""):
                return False
        except WorkspaceError:
            return False
    return True


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _recorded(a: Article, story: str) -> Placement:
    """The placement the workspace recorded for an article (``story``: its ``a.story``)."""
    from tui.core.group import Placement

    return Placement(story, a.sameness, a.copy_of, [])


def relocate(ws, g, ids: list[str]) -> None:
    """Put articles already in the index where the workspace recorded them."""
    for aid in ids:
        a = ws.find(aid)
        if a is not None and a.story:
            g.relocate(aid, _recorded(a, a.story))


REPLAY_CHUNK = 10_000  # articles replayed together (stories closed in between)


def replay(ws, g, ids: list[str]) -> None:
    """Feed articles to the grouper with the placements the workspace recorded for them, a
    chunk at a time, closing stories in between (the working set stays bounded)."""
    from tui.core.group.features import text_key

    arts = [a for i in ids if (a := ws.find(i)) is not None]
    for at in range(0, len(arts), REPLAY_CHUNK):
        if at:
            working_set.close(g)
        part = arts[at : at + REPLAY_CHUNK]
        known = {a.id: _recorded(a, a.story) for a in part if a.story}
        docs = [group_doc(ws, a) for a in part]
        if working_set.store_of(g) is not None:  # closed stories their keys reach, back
            working_set.attach_found(g, [(text_key(d.body or d.title or ""), d.origin)
                                         for d in docs], [])
        g.add_many(docs, known=known)


def _doc_of(ws):
    """Article id -> its GroupDoc read from the workspace (None when it is gone)."""
    def doc(aid: str):
        a = ws.find(aid)
        return group_doc(ws, a) if a is not None else None

    return doc


def save_grouper(ws, g, ingested: list[str] | None = None,
                 moved: list[str] | None = None) -> None:
    """Cache the grouper: a delta after a small ingest or correction, else the whole index.

    ``ingested``: articles new or re-versioned since the index was loaded; ``moved``: older
    articles whose story changed (None for either: not known, save the whole index)."""
    from tui.core.group.model import WORDS_VERSION

    at = time.time_ns()  # files written after this are newer than the saved index
    sig = signature(ws) if ws.loaded else None  # (read whole: the slow check is possible)
    told = {"sig": sig, "mark": journal.mark(ws.root), "corr": _digest(corrections_text(ws)),
            "at": at}
    held = getattr(ws, "_grouper_base", None)
    if held is not None and not (ws.root / CACHE / BASE).exists():
        held = None  # an older base (one pickle): written again in the lazily read form
    if (ingested is not None or moved is not None) and held is not None:
        ids, shifted = _joined(held[1], ingested), _joined(held[2], moved)
        if len(ids) + len(shifted) <= DELTA_MAX:
            cache.save(ws.root, DELTA, {"base": held[0], "ids": ids, "moved": shifted, **told})
            ws._grouper_base = (held[0], ids, shifted)
            return
    working_set.close(g)  # the base holds the open stories; the closed go to the store
    working_set.plain(g)
    token = os.urandom(8).hex()
    store = _store_closed(ws, g, token)
    try:
        grouper_base.save(ws.root, g, {"token": token, "closed": sorted(working_set.closed(g)),
                                       "store": token if store else None, **told,
                                       "words": WORDS_VERSION,
                                       "format": cache.CACHE_FORMAT})
    except (OSError, sqlite3.Error):  # a cache that cannot be written is only slower next time
        grouper_base.remove(ws.root)
    working_set.fault_in(g)
    for name in (DELTA, OLD_DELTA, OLD_BASE):
        cache.remove(ws.root, name)
    ws._grouper_base = (token, [], [])


def _store_closed(ws, g, token: str) -> bool:
    """Move the grouper's closed stories into the closed store (a store this grouper did not
    come from is emptied first); False when there is no store to write (they stay in)."""
    held = working_set.store_of(g)
    store = held or closed_store.Store.open(ws.root, create=True)
    if store is None:
        return False
    put = working_set.detach(g, sorted(working_set.closed(g)))
    try:
        store.write(token, put, drop=sorted(working_set.attached(g)), clear=held is None)
    except sqlite3.Error:  # (a full disk...): kept in the base, as stubs
        working_set.attach(g, put)
        g.__dict__.pop("closed_store", None)
        closed_store.remove(ws.root)
        return False
    g.__dict__["closed_store"] = store
    working_set.attached(g).clear()
    return True


def _joined(kept: list[str], more) -> list[str]:
    """``kept`` then the ids of ``more`` not in it, each once, in order."""
    return list(dict.fromkeys([*kept, *(more or ())]))


def apply_changes(ws, g, changes: dict[str, str]) -> list[Article]:
    """Write the grouper's placements into the articles; returns the articles that changed."""
    changed = []
    for aid, sid in sorted(changes.items()):
        a = ws.find(aid)
        if a is None:
            continue
        p = g.placement(aid)
        new = (sid, p.sameness, p.copy_of)
        if (a.story, a.sameness, a.copy_of) != new:
            a.story, a.sameness, a.copy_of = new
            changed.append(a)
    return changed


def place(ws, g, added: list[Article], updated: list[Article]) -> list[Article]:
    from tui.core.group.features import text_key

    changes: dict[str, str] = {}
    docs = [group_doc(ws, a) for a in added]
    # closed stories that these articles find by key (a copy, a new version) open first
    if working_set.closed(g) or working_set.store_of(g) is not None:
        keys = [(text_key(d.body or d.title or ""), d.origin) for d in docs]
        found = working_set.matched(g, keys, [a.id for a in updated])
        working_set.reopen(g, found, _doc_of(ws))
    if docs:
        changes.update(g.add_many(docs))
    for a in updated:
        changes.update(g.update(group_doc(ws, a)))
    return apply_changes(ws, g, changes)


def explain(ws, g, aid: str) -> list[str]:
    """Why an article is in its story (a closed story is opened again to say it)."""
    working_set.attach_found(g, [], [aid])
    e = g.book.docs.get(aid)
    if e is not None:
        working_set.reopen(g, [e.placement.story], _doc_of(ws))
    return g.explain(aid)
