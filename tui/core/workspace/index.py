"""The index beside the truth: an SQLite database in ``.cache/index.sqlite``.

It holds a row per article (everything its TOML file says, with the file's mtime and size), the
story faces, the folded tags, and an FTS5 full-text index of titles, bodies, notes and other
short fields. Wiredesk's writers update it in the same step as the TOML write, holding the
writer lock (the file first, then the row, in one transaction); readers read it beside a writer
(WAL). Nothing lives only in the index: it is rebuilt from the TOML when it is missing, damaged
or of another version (and by ``wiredesk doctor --reindex``).

Changes not made by Wiredesk are noticed cheaply: the index remembers each ``articles/<ab>/``
folder's modification time; replacing or adding a file (an editor's save-and-rename, a copy,
a ``git pull``) changes it, and before answering a query the index re-reads the files of the
folders that changed, comparing each file's size and mtime with its row. An edit made in place
(no rename) is found by ``wiredesk doctor --rescan``, and by the app's full open.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from pathlib import Path

from tui.core.workspace import index_grams, index_vocab
from tui.core.workspace.index_rows import ARTICLE_COLS, STORY_COLS, article_row, tag_rows
from tui.core.workspace.paths import ARTICLES, CACHE

NAME = "index.sqlite"
# the schema below and how its rows were read; another value in ``meta`` means "rebuild"
# (4: a hand-written flag string reads as it says, ``starred = "false"`` is not a star)
VERSION = "4"
FILES = (NAME, NAME + "-wal", NAME + "-shm", "index-vocab.txt")  # the last: index_vocab.NAME

SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE articles(rid INTEGER PRIMARY KEY, {', '.join(ARTICLE_COLS)});
CREATE UNIQUE INDEX articles_id ON articles(id);
CREATE INDEX articles_origin ON articles(origin);
CREATE INDEX articles_story ON articles(story);
CREATE INDEX articles_date ON articles(date);
CREATE TABLE tags(id TEXT, tag TEXT, PRIMARY KEY(tag, id)) WITHOUT ROWID;
CREATE INDEX tags_id ON tags(id);
CREATE TABLE stories({', '.join(STORY_COLS)}, PRIMARY KEY(id)) WITHOUT ROWID;
CREATE INDEX stories_order ON stories(size DESC, date_last DESC, id);
CREATE TABLE states(id TEXT PRIMARY KEY, archived INTEGER, title TEXT);
CREATE TABLE folders(name TEXT PRIMARY KEY, mtime_ns INTEGER);
CREATE TABLE problems(path TEXT PRIMARY KEY, message TEXT);
CREATE VIRTUAL TABLE search USING fts5(title, body, extra,
    tokenize='unicode61 remove_diacritics 2');
""" + index_grams.SCHEMA + index_vocab.LOG_SCHEMA  # (an index made before them works without)


class IndexUnusable(Exception):
    """The index file cannot be opened or read (damaged, unwritable, locked too long)."""


def path_of(root: Path) -> Path:
    return Path(root) / CACHE / NAME


def exists(root: Path) -> bool:
    return path_of(root).exists()


def remove(root: Path) -> None:
    for name in FILES:
        with contextlib.suppress(OSError):
            os.unlink(Path(root) / CACHE / name)


class Index:
    """One connection to a workspace's index. Writes happen under the workspace's writer lock;
    a thread lock keeps the app's worker threads from sharing the connection at once."""

    def __init__(self, root: Path, db: sqlite3.Connection) -> None:
        self.root = Path(root)
        self.db = db
        self.guard = threading.RLock()
        self.inode = _inode(path_of(root))

    @property
    def replaced(self) -> bool:
        """True when the file this connection reads was removed or replaced since it opened
        (``doctor --repair`` dropped the cache, another process rebuilt the index)."""
        return _inode(path_of(self.root)) != self.inode

    # ---- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, root: Path, *, create: bool = False) -> Index | None:
        """The index, or None when there is none of this version (``create``: make an empty
        one, to be filled by :meth:`fill`). ``IndexUnusable`` for a damaged file."""
        path = path_of(root)
        if not path.exists() and not create:
            return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=30, check_same_thread=False,
                                 isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA recursive_triggers=ON")  # a REPLACE's delete keeps index_grams
            version = _version(db)
            if version is None and create:
                db.executescript(SCHEMA)
                db.execute("INSERT INTO meta VALUES('version', ?), ('complete', '0')",
                           (VERSION,))
                version = VERSION
        except (sqlite3.Error, OSError) as e:
            raise IndexUnusable(f"{path}: {e}") from None
        if version != VERSION:
            db.close()
            return None
        return cls(root, db)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()

    @property
    def complete(self) -> bool:
        """True once a fill finished: an index cut short by a crash is rebuilt."""
        row = self.db.execute("SELECT value FROM meta WHERE key='complete'").fetchone()
        return bool(row and row[0] == "1")

    @contextlib.contextmanager
    def writing(self):
        """One transaction (the caller holds the workspace's writer lock)."""
        with self.guard:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    # ---- writing -------------------------------------------------------------------------
    def fill(self, db, arts_sigs, bodies) -> None:
        """Insert articles into an empty index (a rebuild): in bulk, without looking up rows."""
        cols = ", ".join(ARTICLE_COLS)
        marks = ", ".join("?" * (len(ARTICLE_COLS) + 1))
        batch: list = []

        def flush() -> None:
            db.executemany(f"INSERT INTO articles(rid, {cols}) VALUES({marks})",
                           [(rid, *article_row(a, sig)) for rid, a, sig in batch])
            db.executemany("INSERT OR IGNORE INTO tags VALUES(?, ?)",
                           [t for _, a, _ in batch for t in tag_rows(a)])
            db.executemany("INSERT INTO search(rowid, title, body, extra) VALUES(?, ?, ?, ?)",
                           [(rid, a.meta.get("title") or "", bodies.get(a.id) or "", _extra(a))
                            for rid, a, _ in batch])
            batch.clear()

        index_vocab.log_writes(db, False)  # not the rows of a new index
        for rid, (a, sig) in enumerate(arts_sigs, 1):
            batch.append((rid, a, sig))
            if len(batch) >= 2000:
                flush()
        flush()
        index_vocab.log_writes(db)  # from now on (a new index's words are read whole first)

    def put_articles(self, db, arts_sigs, bodies: dict[str, str] | None = None,
                     rows: list[tuple] | None = None) -> None:
        """Insert or replace articles (``(Article, (mtime, size))`` pairs). ``bodies`` gives
        the newest body of articles whose text is (re)indexed; others keep theirs. ``rows``:
        their ``article_row``s when the caller has built them already, in the same order."""
        bodies = {} if bodies is None else bodies
        marks = ", ".join("?" * len(ARTICLE_COLS))
        upd = ", ".join(f"{c}=excluded.{c}" for c in ARTICLE_COLS[1:])
        for k, (a, sig) in enumerate(arts_sigs):
            row = rows[k] if rows is not None else article_row(a, sig)
            rid = db.execute(
                f"INSERT INTO articles({', '.join(ARTICLE_COLS)}) VALUES({marks}) "
                f"ON CONFLICT(id) DO UPDATE SET {upd} RETURNING rid", row).fetchone()[0]
            db.execute("DELETE FROM tags WHERE id=?", (a.id,))
            db.executemany("INSERT OR IGNORE INTO tags VALUES(?, ?)", tag_rows(a))
            body = bodies.get(a.id)
            old = db.execute("SELECT title, body, extra FROM search WHERE rowid=?",
                             (rid,)).fetchone()
            if body is None:
                body = old[1] if old else ""
            new = (a.meta.get("title") or "", body, _extra(a))
            if old is not None and tuple(old) == new:
                continue  # a star, a read mark: the text indexed is the same (and its words)
            if old is not None:
                db.execute("DELETE FROM search WHERE rowid=?", (rid,))
            db.execute("INSERT INTO search(rowid, title, body, extra) VALUES(?, ?, ?, ?)",
                       (rid, *new))

    def drop_articles(self, db, ids) -> None:
        for aid in ids:
            row = db.execute("SELECT rid FROM articles WHERE id=?", (aid,)).fetchone()
            if row:
                db.execute("DELETE FROM search WHERE rowid=?", row)
                db.execute("DELETE FROM articles WHERE rid=?", row)
                db.execute("DELETE FROM tags WHERE id=?", (aid,))

    def put_folders(self, db, folders: dict[str, int]) -> None:
        db.executemany("INSERT OR REPLACE INTO folders VALUES(?, ?)", folders.items())

    def put_problems(self, db, problems: dict[str, str], *, every: bool = False,
                     cleared=()) -> None:
        """Record damaged files (``every``: these are all of them now); ``cleared`` paths are
        healthy again."""
        if every:
            db.execute("DELETE FROM problems")
        db.executemany("DELETE FROM problems WHERE path=?", [(p,) for p in cleared])
        db.executemany("INSERT OR REPLACE INTO problems VALUES(?, ?)", problems.items())

    def problems(self) -> list[str]:
        with self.guard:
            return [m for (m,) in self.db.execute("SELECT message FROM problems ORDER BY path")]

    def mark_complete(self, db, done: bool = True) -> None:
        db.execute("INSERT OR REPLACE INTO meta VALUES('complete', ?)", ("1" if done else "0",))

    # ---- the cheap change signal -----------------------------------------------------------
    def changed_folders(self, extra: dict[str, int]) -> list[str]:
        """``articles/<ab>`` folders (and the ``extra`` entries) whose modification time
        differs from the one recorded (new, changed or vanished folders): a stat per folder."""
        with self.guard:
            known = dict(self.db.execute("SELECT name, mtime_ns FROM folders"))
        now = {**folder_times(self.root), **extra}
        return sorted(n for n in known.keys() | now.keys() if known.get(n) != now.get(n))

    def signatures(self, folder: str) -> dict[str, tuple[int, int]]:
        """Id -> (mtime, size) of the rows of one ``articles/<ab>`` folder (a range of the id
        index, not a scan of every row)."""
        end = folder[:-1] + chr(ord(folder[-1]) + 1) if folder else "\U0010ffff"
        with self.guard:
            return {aid: (m, s) for aid, m, s in self.db.execute(
                "SELECT id, mtime_ns, size FROM articles WHERE id >= ? AND id < ?",
                (folder, end)) if aid[:2] == folder}


def folder_times(root: Path) -> dict[str, int]:
    """Modification time of every ``articles/<ab>`` folder."""
    out = {}
    try:
        with os.scandir(Path(root) / ARTICLES) as it:
            for e in it:
                if e.is_dir(follow_symlinks=False):
                    out[e.name] = e.stat(follow_symlinks=False).st_mtime_ns
    except OSError:
        pass
    return out


def folder_time(root: Path, name: str) -> int | None:
    try:
        return os.stat(Path(root) / ARTICLES / name).st_mtime_ns
    except OSError:
        return None


def _inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except OSError:
        return None


def _version(db: sqlite3.Connection) -> str | None:
    try:
        row = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
    except sqlite3.OperationalError as e:
        if "no such table" in str(e):
            return None
        raise
    return row[0] if row else "?"


def _extra(a) -> str:
    m = a.meta
    return " ".join(x for x in (m.get("source"), m.get("author"), " ".join(a.triage.tags),
                                a.triage.note) if x)
