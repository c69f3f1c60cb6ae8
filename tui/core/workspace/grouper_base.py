"""The grouping cache's base, read lazily: ``.cache/grouper-base.sqlite``.

The base holds the grouper's working set (the open stories whole). Kept as one pickle
(``grouper.pickle``, the older form), every command that places an article unpickled all of it:
at a million articles, 180 MB and a second. Here it is an SQLite file read key by key:

- ``head``: the cache layer's fields (token, journal mark, closed stories...) and the grouper's
  small parts kept whole (settings, corrections, term indexes, young groups, cohesion, which
  slots hold an article);
- ``rows``: one row per article (``state.row_of``), built when the grouper first reads it;
- ``maps``: the book's maps (articles by id, stories, spans, first article of each origin and
  text), one row per key with its place in the map's order (``lazy.BackedMap``).

The file is never changed once written: a save writes a new file beside it and renames it over
(a reader that opened the old one goes on reading it, ``immutable``). The rows and keys the
grouper never read are copied from the old file as they are, without being decoded, so a save
costs the work of the articles touched since the load, plus copying bytes.

Disposable like the rest of the cache: a file that cannot be read is removed (the grouper is
rebuilt from the articles, as for a missing one); an older ``grouper.pickle`` still loads, and
the next save writes this form and removes it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import sqlite3
from pathlib import Path
from typing import NoReturn

from tui.core.workspace.paths import CACHE

NAME = "grouper-base.sqlite"
_log = logging.getLogger(__name__)
REBUILT = "the grouping cache is rebuilt from the articles"
_P = pickle.HIGHEST_PROTOCOL
_FORM = 2  # the tables' form (1: rows without their story)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS head(k TEXT PRIMARY KEY, v BLOB);
CREATE TABLE IF NOT EXISTS rows(slot INTEGER PRIMARY KEY, story TEXT, row BLOB);
CREATE TABLE IF NOT EXISTS maps(kind INTEGER, key BLOB, pos INTEGER, value BLOB);
"""
_INDEXES = ("CREATE UNIQUE INDEX IF NOT EXISTS maps_key ON maps(kind, key)",
            "CREATE INDEX IF NOT EXISTS maps_pos ON maps(kind, pos)")


class _Source:
    """One map's saved entries (what ``lazy.BackedMap`` reads)."""

    def __init__(self, db: sqlite3.Connection, kind: int, count: int) -> None:
        self.db, self.kind, self.count = db, kind, count
        self._keys: list | None = None

    def find(self, key):
        row = _one(self.db, "SELECT value FROM maps WHERE kind=? AND key=?",
                   (self.kind, pickle.dumps(key, _P)))
        return None if row is None else pickle.loads(row[0])

    def keys(self) -> list:
        if self._keys is None:
            self._keys = [pickle.loads(k) for (k,) in self.db.execute(
                "SELECT key FROM maps WHERE kind=? ORDER BY pos", (self.kind,))]
        return self._keys

    def rows(self):
        for k, v in self.db.execute(
                "SELECT key, value FROM maps WHERE kind=? ORDER BY pos", (self.kind,)):
            yield pickle.loads(k), pickle.loads(v)


def _one(db: sqlite3.Connection, sql: str, args: tuple):
    try:
        return db.execute(sql, args).fetchone()
    except sqlite3.Error as e:
        _damaged(db, str(e))


def _damaged(db: sqlite3.Connection, why: str) -> NoReturn:
    """A base found damaged while read (the grouper is half built): removed, and the command
    stops with a message naming it; the next one rebuilds the grouping cache."""
    from tui.core.workspace.errors import WorkspaceError
    from tui.core.workspace.grouping_check import articles_in, rebuild_cost

    n = None
    with contextlib.suppress(sqlite3.Error, OSError, IndexError):
        path = Path(db.execute("PRAGMA database_list").fetchone()[2])
        if path.name == NAME:
            path.unlink()
            n = articles_in(path.parent.parent)
    cost = f" ({rebuild_cost(n)})" if n is not None else ""
    raise WorkspaceError(f"{CACHE}/{NAME}: the grouping cache is damaged ({why}); it was "
                         f"removed: the next command rebuilds it{cost}")


def _open(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True,
                           isolation_level=None, check_same_thread=False)


def load(root: Path, fmt: int) -> dict | None:
    """The base's layer (as the older pickled base's, ``"state"`` aside), with the open
    database under ``"db"``; None when there is none. A damaged file is removed (and None)."""
    path = root / CACHE / NAME
    if not path.exists():
        return None
    try:
        db = _open(path)
        head = dict(db.execute("SELECT k, v FROM head"))
        layer = pickle.loads(head["layer"])
        if not isinstance(layer, dict) or (layer.get("format"), head.get("form")) != (
                fmt, _FORM):  # another version's: rebuilt
            db.close()
            return None
        layer["db"], layer["head"] = db, head["state"]
        return layer
    except (sqlite3.Error, KeyError, pickle.UnpicklingError, EOFError, TypeError, ValueError,
            AttributeError, ImportError, IndexError):
        remove(root)  # damaged: the grouper is rebuilt from the articles
        _log.warning("%s/%s: damaged, removed; %s", CACHE, NAME, REBUILT)
        return None


def grouper(layer: dict):
    """The grouper the base's layer (from ``load``) holds, read lazily."""
    from tui.core.group import Grouper
    from tui.core.group.state import MAPS, load_head

    db = layer["db"]
    head = pickle.loads(layer["head"])
    counts = dict(db.execute("SELECT kind, count(*) FROM maps GROUP BY kind"))

    def row(slot: int) -> bytes:
        got = _one(db, "SELECT row FROM rows WHERE slot=?", (slot,))
        if got is None:
            _damaged(db, f"no row for slot {slot}")
        return got[0]

    def stories(slots: list[int]) -> dict[int, str]:
        want = set(slots)
        try:
            return {s: story for s, story in db.execute(
                "SELECT slot, story FROM rows WHERE slot BETWEEN ? AND ?",
                (min(want), max(want))) if s in want}
        except sqlite3.Error as e:
            _damaged(db, str(e))

    g = Grouper()
    load_head(g, head, row, {name: _Source(db, kind, counts.get(kind, 0))
                             for kind, name in enumerate(MAPS)}, stories)
    g.__dict__["base_db"], g.__dict__["base_present"] = db, head["present"]
    return g


def save(root: Path, g, layer: dict) -> None:
    """Write ``g`` as the new base, with the cache ``layer``'s fields, and rename it over the
    old one. A grouper read from a base starts from a copy of that file's pages (the SQLite
    backup, no row decoded) and writes only the articles it built and the keys it read or
    changed; any other is written whole."""
    from tui.core.group.lazy import BackedMap, LazySlots
    from tui.core.group.state import MAPS, head_of

    path = root / CACHE / NAME
    tmp = path.with_name(f".{NAME}.{os.getpid()}.tmp")
    remove(root, tmp.name)
    old = g.__dict__.get("base_db")
    lazy = old is not None and isinstance(g.book.slots, LazySlots)
    db = sqlite3.connect(tmp, isolation_level=None)
    try:
        if lazy:
            old.backup(db)
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.executescript(_SCHEMA)
        db.execute("BEGIN")
        db.executemany("INSERT OR REPLACE INTO head VALUES(?, ?)", [
            ("form", _FORM), ("layer", pickle.dumps(layer, _P)),
            ("state", pickle.dumps(head_of(g), _P))])
        _save_rows(db, g, lazy)
        for kind, name in enumerate(MAPS):
            m = getattr(g.book, name)
            if lazy and isinstance(m, BackedMap) and not m._all:
                _save_changes(db, kind, m, name == "docs")
            else:
                _save_map(db, kind, m, name == "docs", clear=lazy)
        for statement in _INDEXES:
            db.execute(statement)
        db.execute("COMMIT")
        db.close()
    except BaseException as e:
        db.close()
        remove(root, tmp.name)
        if isinstance(e, (OSError, sqlite3.Error)):
            _unsaved(root, e)
        raise
    try:
        os.replace(tmp, path)
    except OSError as e:
        remove(root, tmp.name)
        _unsaved(root, e)
        raise


def _unsaved(root: Path, e: BaseException) -> None:
    """A save that failed (a full disk, a read-only cache...): the old base no longer
    matches the grouper the articles were placed by, so it goes too, and that is said."""
    remove(root)
    _log.warning("%s/%s: could not be saved (%s); removed: %s", CACHE, NAME, e, REBUILT)


def _save_rows(db: sqlite3.Connection, g, lazy: bool) -> None:
    """The articles' rows: those built written, those gone removed (the rest as copied)."""
    from tui.core.group.lazy import held
    from tui.core.group.state import row_of

    slots = g.book.slots
    cells = ((i, list.__getitem__(slots, i)) for i in held(slots)) if lazy else (
        (i, e) for i, e in enumerate(slots) if e is not None)
    built = [(i, e.placement.story, row_of(e)) for i, e in cells if type(e) is not int]
    if lazy:
        was = g.__dict__.get("base_present", ())
        db.executemany("DELETE FROM rows WHERE slot=?", [
            (i,) for i in was if i >= len(slots) or list.__getitem__(slots, i) is None])
    db.executemany("INSERT OR REPLACE INTO rows(slot, story, row) VALUES(?, ?, ?)", built)


def _enc(v, by_slot: bool) -> bytes:
    return pickle.dumps(v.slot if by_slot else v, _P)


def _save_map(db: sqlite3.Connection, kind: int, m, by_slot: bool, clear: bool) -> None:
    """One map written whole. Articles by id are kept in the order of their slots (as the
    older whole state read them back)."""
    if clear:
        db.execute("DELETE FROM maps WHERE kind=?", (kind,))
    db.executemany("INSERT INTO maps(kind, key, pos, value) VALUES(?, ?, ?, ?)", (
        (kind, pickle.dumps(k, _P), v.slot if by_slot else pos, _enc(v, by_slot))
        for pos, (k, v) in enumerate(m.items())))


def _save_changes(db: sqlite3.Connection, kind: int, m, by_slot: bool) -> None:
    """One map's changes since it was read (``m`` a ``lazy.BackedMap``): keys deleted go,
    entries read are written again in their place, keys added go at the end."""
    top = db.execute("SELECT max(pos) FROM maps WHERE kind=?", (kind,)).fetchone()[0]
    top = -1 if top is None else top
    db.executemany("DELETE FROM maps WHERE kind=? AND key=?",
                   [(kind, pickle.dumps(k, _P)) for k in m._dead])
    db.executemany("UPDATE maps SET value=?, pos=coalesce(?, pos) WHERE kind=? AND key=?", [
        (_enc(v, by_slot), v.slot if by_slot else None, kind, pickle.dumps(k, _P))
        for k in m.touched() if k not in m._dead and (v := dict.get(m, k)) is not None])
    db.executemany("INSERT INTO maps(kind, key, pos, value) VALUES(?, ?, ?, ?)", [
        (kind, pickle.dumps(k, _P), v.slot if by_slot else top + 1 + i, _enc(v, by_slot))
        for i, k in enumerate(m._new) if (v := dict.__getitem__(m, k)) is not None])


def remove(root: Path, name: str = NAME) -> None:
    with contextlib.suppress(OSError):
        (root / CACHE / name).unlink()
