"""Closed stories kept out of the grouping cache's base, in ``.cache/grouper-closed.sqlite``.

The base (``grouper.pickle``) holds the working set: the open stories whole. The closed ones
(see ``working_set``) are rows here, one a story: its members' stubs and its entries of the
grouper's maps, found by the keys that can reach a closed story (an article id, an origin, a
text key). Loading the grouper reads only the base; placing one article looks up its keys
here and brings back the few stories they name. A base save adds the stories closed since and
removes those brought back: its cost follows the changes, not the workspace.

Disposable like the rest of the cache: it matches a base only when both carry the same token
(written last in the same transaction as the rows); otherwise the grouper is rebuilt from the
articles.
"""

from __future__ import annotations

import contextlib
import pickle
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from tui.core.workspace.paths import CACHE

NAME = "grouper-closed.sqlite"
ID, ORIGIN, TEXT, STORY = 0, 1, 2, 3  # kinds of key
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS stories(sid TEXT PRIMARY KEY, payload BLOB);  -- (rows of ~1 KB: rowid)
CREATE TABLE IF NOT EXISTS keys(kind INTEGER, key TEXT, sid TEXT, PRIMARY KEY(kind, key))
    WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS keys_sid ON keys(sid);
"""


class Store:
    """The closed stories of one workspace's grouping cache."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    @classmethod
    def open(cls, root: Path, *, create: bool = False) -> Store | None:
        path = root / CACHE / NAME
        if not create and not path.exists():
            return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=10, isolation_level=None)
            db.executescript(_SCHEMA)
        except sqlite3.Error:
            with contextlib.suppress(OSError):
                path.unlink()  # damaged: the grouper is rebuilt from the articles
            return None
        return cls(db)

    def close(self) -> None:
        self.db.close()

    def token(self) -> str | None:
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key='token'").fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def find(self, keys: Iterable[tuple[int, str]]) -> set[str]:
        """The closed stories these (kind, key) pairs name."""
        out = set()
        for kind, key in keys:
            row = self.db.execute("SELECT sid FROM keys WHERE kind=? AND key=?",
                                  (kind, key)).fetchone()
            if row:
                out.add(row[0])
        return out

    def payloads(self, sids: Iterable[str]) -> dict[str, dict]:
        out = {}
        for sid in sorted(set(sids)):
            row = self.db.execute("SELECT payload FROM stories WHERE sid=?", (sid,)).fetchone()
            if row:
                out[sid] = pickle.loads(row[0])
        return out

    def all_stories(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT sid FROM stories")]

    def write(self, token: str, put: dict[str, dict], drop: Iterable[str], *,
              clear: bool = False) -> None:
        """One transaction: ``drop`` (or everything, ``clear``) removed, ``put`` stories
        stored with their keys, then the new token."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            if clear:
                db.execute("DELETE FROM stories")
                db.execute("DELETE FROM keys")
            for sid in drop:
                db.execute("DELETE FROM stories WHERE sid=?", (sid,))
                db.execute("DELETE FROM keys WHERE sid=?", (sid,))
            for sid, payload in put.items():
                db.execute("INSERT OR REPLACE INTO stories VALUES(?, ?)",
                           (sid, pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)))
                db.executemany("INSERT OR REPLACE INTO keys VALUES(?, ?, ?)",
                               [(kind, key, sid) for kind, key in keys_of(sid, payload)])
            db.execute("INSERT OR REPLACE INTO meta VALUES('token', ?)", (token,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise


def keys_of(sid: str, payload: dict) -> list[tuple[int, str]]:
    """The keys that reach a closed story: its id, its members' ids, and the origins and text
    keys whose first article it holds."""
    return ([(STORY, sid)] + [(ID, e.id) for e in payload["members"]]
            + [(ORIGIN, o) for o in payload["origins"]]
            + [(TEXT, str(k)) for k in payload["texts"]])


def remove(root: Path) -> None:
    with contextlib.suppress(OSError):
        (root / CACHE / NAME).unlink()
