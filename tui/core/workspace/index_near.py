"""Ids next to an id, from the index: what its shortest unique prefix depends on (the
command line's ``Abbrev`` of a workspace not read whole)."""

from __future__ import annotations

from tui.core.workspace.index_sync import current


def neighbours(ws, aid: str) -> list[str] | None:
    """The article and story ids next to ``aid`` in sorted order (before and after it, and
    itself if known): what a unique prefix of ``aid`` depends on. None without an index."""
    idx = current(ws)
    if idx is None:
        return None
    out = []
    with idx.guard:
        for table in ("articles", "stories"):
            for sql in (f"SELECT max(id) FROM {table} WHERE id < ?",
                        f"SELECT min(id) FROM {table} WHERE id >= ?",
                        f"SELECT min(id) FROM {table} WHERE id > ?"):
                row = idx.db.execute(sql, (aid,)).fetchone()
                if row and row[0] is not None:
                    out.append(row[0])
    return out
