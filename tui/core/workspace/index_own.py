"""Read-only connections to the index that one :class:`~tui.core.workspace.index_query.Queries`
opens for itself, one for each use (no Textual). The shared connection is held by the writer
thread for a whole write, so reads that must not wait for it use their own connection: "scan"
(long reads), "point" (the keys' short reads: its ``data_version`` is the mark that
``tui.desk.ahead`` compares), "ahead" (a story read before its key, off the UI thread, so that
the keys' connection stays free meanwhile). In WAL a reader beside a writer reads the last
commit without waiting. None of these connections ever writes.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path
from typing import Any

from tui.core.workspace import index as ix


class OwnReads:
    """Connections by use: ``held[use]`` = (the index it reads, the connection, its lock)."""

    def __init__(self) -> None:
        self.held: dict[str, tuple[Any, sqlite3.Connection, threading.Lock]] = {}
        self._opening = threading.Lock()  # one connection a use, though threads open at once

    def read(self, use: str, idx: Any, sql: str, params: Any = ()) -> list:
        """``sql`` on connection ``use`` to index ``idx``, opened if needed (read-only: it
        never creates a file; "point" waits at most a second for a lock, as it runs on the UI
        thread). An error of SQLite, at the open or in the read (the index removed or
        replaced meanwhile, a busy recovery): the connection is dropped and the error raised."""
        held = None
        try:
            held = self._open(use, idx)
            with held[2]:
                return held[1].execute(sql, params).fetchall()
        except sqlite3.Error:
            if held is not None:  # (an open that failed holds nothing: another thread's stays)
                self.close(use, held)
            raise

    def _open(self, use: str, idx: Any) -> tuple[Any, sqlite3.Connection, threading.Lock]:
        old = None
        try:
            with self._opening:
                return self._opened(use, idx, old := self.held.get(use))
        finally:  # a connection to another index is closed outside the opening lock: a key
            if old is not None and old[0] is not idx:  # does not wait behind a long scan
                _shut(old)

    def _opened(self, use: str, idx: Any, held: Any) -> tuple[Any, sqlite3.Connection, Any]:
        if held is not None and held[0] is idx:
            return held
        self.held.pop(use, None)
        uri = Path(ix.path_of(idx.root)).absolute().as_uri() + "?mode=ro"
        db = sqlite3.connect(
            uri,
            uri=True,
            timeout=1 if use == "point" else 30,
            check_same_thread=False,
            isolation_level=None,
        )
        try:
            db.execute("PRAGMA query_only = 1")
        except sqlite3.Error:
            db.close()
            raise
        held = self.held[use] = (idx, db, threading.Lock())
        return held

    def mark(self, use: str) -> tuple | None:
        """Connection ``use`` and its ``data_version``, read together (the same mark later:
        no other connection committed to its index meanwhile); None: no such connection."""
        if (held := self.held.get(use)) is None:
            return None
        with contextlib.suppress(sqlite3.Error), held[2]:
            return held[1], held[1].execute("PRAGMA data_version").fetchone()[0]
        return None

    def close(self, use: str, only: Any = None) -> None:
        """Close connection ``use`` (``only``: if it is still that one)."""
        held = self.held.get(use)
        if held is None or (only is not None and held is not only):
            return
        self.held.pop(use, None)
        _shut(held)

    def close_all(self) -> None:
        for use in list(self.held):
            self.close(use)


def _shut(held: tuple[Any, sqlite3.Connection, threading.Lock]) -> None:
    with held[2]:  # not under a read of another thread
        held[1].close()
