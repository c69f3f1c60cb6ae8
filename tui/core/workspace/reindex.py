"""``wiredesk doctor --reindex`` and ``--rescan``: the index built again from the TOML, or
every article file compared with its row (``index_sync`` does the work on an open workspace).
A rescan also gives an index made before them the trigram tables of free words
(``index_grams.add``: from the index's own rows, about 30 s of CPU at 1,000,000 articles).
"""

from __future__ import annotations

import time

from tui.core.workspace import index_grams, index_sync, index_vocab
from tui.core.workspace.store import Workspace


def doctor(root, *, reindex: bool = False, lock_timeout: float = 10.0) -> str:
    """One line saying what was done."""
    t = time.perf_counter()
    ws = Workspace.open(root, create=False, lazy=True, lock_timeout=lock_timeout)
    if reindex:
        idx = index_sync.rebuild(ws)
        with idx.guard:
            n = idx.db.execute("SELECT count(*) FROM articles").fetchone()[0]
            s = idx.db.execute("SELECT count(*) FROM stories").fetchone()[0]
        return (f"index rebuilt from the TOML: {n} articles, {s} stories "
                f"({time.perf_counter() - t:.1f} s)")
    with ws:
        found = index_sync.rescan(ws)
        added = not found.get("rebuilt") and _add_grams(ws)
        trimmed = 0 if found.get("rebuilt") else _fold_log(ws)
    if found.get("rebuilt"):
        return f"no usable index: rebuilt from the TOML ({time.perf_counter() - t:.1f} s)"
    return (f"rescan: {found['changed']} article files read again, {found['gone']} gone, "
            f"{found['damaged']} damaged, {found['stories']} story files changed"
            f"{'; search by parts of words indexed' if added else ''}"
            f"{f'; {trimmed} rows of the typo words log folded in' if trimmed else ''} "
            f"({time.perf_counter() - t:.1f} s)")


def _fold_log(ws) -> int:
    """The typo words brought up to date (the log of written articles read into their file),
    then the log emptied up to the file's position; returns the rows dropped."""
    idx = index_sync.current(ws)
    if idx is None:
        return 0
    index_vocab.words(idx)
    with idx.writing() as db:
        return index_vocab.trim(db, ws.root, force=True)


def _add_grams(ws) -> bool:
    """Give the index the trigram tables when it has none (the caller holds the lock)."""
    idx = index_sync.current(ws)
    if idx is None:
        return False
    with idx.guard:
        grams = index_grams.has(idx.db)
        logged = bool(index_vocab.log_of(idx.db))
    if not logged:  # the log of written articles the typo words are kept up by
        with idx.writing() as db:
            index_vocab.add_log(db)
    if grams:
        return False
    with idx.writing() as db:
        index_grams.add(db)
    return True
