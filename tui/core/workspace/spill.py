"""The report of a long ingest, kept on disk instead of in memory.

A bulk ingest of a million articles names every article it added, every new version, every
duplicate and every failed record: held as Python lists, those names alone grow with the run
(about 100 bytes an article, with the set that lists each article once). Here they go to a
private temporary SQLite database (``sqlite3.connect("")``: a file SQLite removes when it is
closed), in order, a batch at a time: memory holds one batch, whatever the run's length.
Nothing is dropped: every item is read back, in the order it came, when the report is printed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

from tui.core.workspace.adding import IngestReport

BATCH = 10_000  # items held in memory before they are written to the database


class Spill:
    """An append-only sequence of ids (str) or (str, str) pairs in one table of ``db``: what
    a report's list is used for (append, extend, len, truth, iteration in order, equality)."""

    def __init__(self, db: sqlite3.Connection, name: str, items: Iterable = ()) -> None:
        self._db, self._name = db, name
        db.execute(f"CREATE TABLE {name}(a TEXT, b TEXT)")
        self._held: list = []
        self._n = 0
        self.extend(items)

    def append(self, item) -> None:
        self._held.append(item)
        self._n += 1
        if len(self._held) >= BATCH:
            self.flush()

    def extend(self, items: Iterable) -> None:
        for item in items:
            self.append(item)

    def __iadd__(self, items: Iterable) -> Spill:
        self.extend(items)
        return self

    def flush(self) -> None:
        if self._held:
            rows = [(x, None) if isinstance(x, str) else (x[0], x[1]) for x in self._held]
            self._db.executemany(f"INSERT INTO {self._name} VALUES (?, ?)", rows)
            self._held = []

    def __len__(self) -> int:
        return self._n

    def __bool__(self) -> bool:
        return self._n > 0

    def __iter__(self) -> Iterator:
        self.flush()
        cur = self._db.execute(f"SELECT a, b FROM {self._name} ORDER BY rowid")
        while rows := cur.fetchmany(BATCH):
            for a, b in rows:
                yield a if b is None else (a, b)

    def __getitem__(self, i):
        return list(self)[i]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Spill | list | tuple):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Spill({self._name}, {self._n} items)"


class SpilledReport(IngestReport):
    """An :class:`IngestReport` whose four lists are :class:`Spill` s, plus the set of ids
    already listed (added or updated), all in one temporary database. ``close`` removes it."""

    def __init__(self) -> None:
        self.db = sqlite3.connect("")  # a private temporary file, deleted when closed
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("CREATE TABLE listed(id TEXT PRIMARY KEY) WITHOUT ROWID")
        self.db.execute("CREATE TABLE moved(id TEXT PRIMARY KEY) WITHOUT ROWID")
        super().__init__(added=Spill(self.db, "added"),  # type: ignore[arg-type]
                         updated=Spill(self.db, "updated"),  # type: ignore[arg-type]
                         duplicates=Spill(self.db, "duplicates"),  # type: ignore[arg-type]
                         failed=Spill(self.db, "failed"))  # type: ignore[arg-type]
        self.n_listed = 0
        self._copies = 0

    def join(self, part: IngestReport) -> None:
        """Add one chunk's report (an article added or updated in an earlier chunk is listed
        once, where it was first)."""
        fresh = [i for i in part.updated if not self.is_listed(i)]
        self.added += part.added
        self.updated += fresh
        before = self.db.total_changes
        self.db.executemany("INSERT OR IGNORE INTO listed VALUES (?)",
                            [(i,) for i in [*part.added, *fresh]])
        self.n_listed += self.db.total_changes - before
        self.duplicates += part.duplicates
        self.failed += part.failed

    def is_listed(self, aid: str) -> bool:
        return self.db.execute("SELECT 1 FROM listed WHERE id=?", (aid,)).fetchone() is not None

    def listed(self) -> Iterator[str]:
        """The added then updated ids, in order, each once."""
        yield from self.added
        yield from self.updated

    def move(self, ids: Iterable[str]) -> None:
        """Older articles whose story changed in this run."""
        self.db.executemany("INSERT OR IGNORE INTO moved VALUES (?)", [(i,) for i in ids])

    def moved(self) -> list[str]:
        """Those of :meth:`move` not listed, sorted (call only when few: see ``n_moved``)."""
        return [r[0] for r in self.db.execute(
            "SELECT id FROM moved WHERE id NOT IN (SELECT id FROM listed) ORDER BY id")]

    def n_moved(self) -> int:
        return self.db.execute(
            "SELECT count(*) FROM moved WHERE id NOT IN (SELECT id FROM listed)").fetchone()[0]

    def put_first(self, failures: Iterable[tuple[str, str]]) -> None:
        """The sources' failures before the documents' (as one batch reports them)."""
        first = list(failures)
        if first:  # (the rest read back as they are copied: never all held)
            self.failed = Spill(self.db, f"failed{self._copies}",  # type: ignore[assignment]
                                chain(first, self.failed))
            self._copies += 1

    def as_dict(self) -> dict[str, Any]:
        """As :meth:`IngestReport.as_dict`, with lists: all held (the command line prints the
        report a piece at a time instead: ``ingest_cmd.report_json``)."""
        return IngestReport(added=list(self.added), updated=list(self.updated),
                            duplicates=list(self.duplicates),
                            failed=list(self.failed)).as_dict()

    def close(self) -> None:
        self.db.close()
