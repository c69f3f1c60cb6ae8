"""The words of the full-text index (for the typo search), kept in a file beside the index.

The typo search compares each typed word with every word the index holds. Reading them from
SQLite (``fts5vocab``) walks the whole full-text index: 0.2-0.8 s at 100,000 articles, at the
start of every ``wiredesk stories --filter WORDS``. The file ``.cache/index-vocab.txt`` keeps
them with a stamp of the index's state: a hash of FTS5's structure record, which every change
of the full-text index rewrites (a new segment, a merge, a delete). A stamp that differs means
the words are read again and the file rewritten; the file is a cache, never the truth, and a
workspace that cannot be written just reads the words each time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from tui.core.workspace.paths import CACHE

NAME = "index-vocab.txt"
HEAD = "wiredesk index words "
MIN_LEN = 3  # shorter words are never typo candidates (fuzzy.allowed_edits gives them none)


def path_of(root: Path) -> Path:
    return Path(root) / CACHE / NAME


def stamp(db) -> str:
    """The full-text index's state: a hash of its structure record ("" with none yet)."""
    row = db.execute("SELECT block FROM search_data WHERE id = 10").fetchone()
    return hashlib.blake2b(bytes(row[0]), digest_size=16).hexdigest() if row else ""


def words(idx) -> list[str]:
    """The indexed words of at least :data:`MIN_LEN` characters, from the file when it is of
    this state of the index, else from the index (and the file written again)."""
    path = path_of(idx.root)
    with idx.guard:
        db = idx.db
        own = not db.in_transaction
        if own:
            db.execute("BEGIN")  # one snapshot: the stamp and the words of the same state
        try:
            mark = stamp(db)
            kept = _read(path, mark)
            if kept is not None:
                return kept
            db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab "
                       "USING fts5vocab(main, search, 'row')")
            found = [t for (t,) in db.execute("SELECT term FROM temp.vocab")
                     if len(t) >= MIN_LEN]
        finally:
            if own:
                db.execute("COMMIT")
    _write(path, mark, found)
    return found


def _read(path: Path, mark: str) -> list[str] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    head, _, rest = text.partition("\n")
    if not mark or head != HEAD + mark:
        return None
    return rest.split("\n") if rest else []


def _write(path: Path, mark: str, found: list[str]) -> None:
    if not mark:
        return
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with contextlib.suppress(OSError):  # a read-only workspace: the words are read each time
        tmp.write_text(HEAD + mark + "\n" + "\n".join(found), encoding="utf-8")
        os.replace(tmp, path)
    with contextlib.suppress(OSError):
        tmp.unlink()
