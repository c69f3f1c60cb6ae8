"""Whether the grouping cache still matches the articles when the change journal cannot tell.

The journal names what changed since the cache was written, unless it was started again twice
since (a long run of writes), removed, or said "everything" (many hand edits found at once).
Then, instead of reading every article (and grouping them all again when the cache kept no
signature, as after a bulk ingest that forgot its records: an hour at a million articles),
the article files are stat-ed: a file whose status changed (``st_ctime``, which no program can
set back) after the cache was written names an article to compare, and the count of files
must be the count of articles the grouper holds (a file removed changes it). A million stats
take seconds. The named articles are then compared one by one (``grouping.matches``).
"""

from __future__ import annotations

import time

from tui.core.workspace import cache, journal, working_set

SLACK_NS = 2_000_000_000  # a file's ctime comes from a coarser clock than time.time_ns()
CHANGED_MAX = 5000  # more files changed since: False (read everything, as before)


def changed_since(ws, g, layer: dict, corr: str, layer_file) -> set[str] | None:
    """The articles whose files changed since ``layer`` (a base or a delta of the grouping
    cache) was written; None when they cannot be told or are too many, or when the files are
    not the articles the grouper holds. Records the journal's mark taken before the scan in
    ``ws._grouper_told`` (for ``grouping`` to save, so the next load reads the journal).
    ``corr`` is the digest of the corrections file; ``layer_file`` the path ``layer`` was read
    from (its time stands in for a layer written without its own)."""
    at = layer.get("at") or _written(layer_file)
    if at is None:
        return None
    told = {"sig": None, "mark": journal.mark(ws.root), "at": time.time_ns(),
            "corr": corr}
    count, recent = _scan(ws.root, at - SLACK_NS)
    if len(recent) > CHANGED_MAX or count != _held(g):
        return None
    ws.__dict__["_grouper_told"] = told
    return recent


def _written(layer_file) -> int | None:
    """When a layer written without its time was written: its file's time."""
    try:
        return layer_file.stat().st_mtime_ns
    except OSError:
        return None


def _scan(root, since_ns: int) -> tuple[int, set[str]]:
    """How many article files there are, and the ids of those changed at or after
    ``since_ns``."""
    count, recent = 0, set()
    try:
        for _shard, e in cache.article_entries(root):
            count += 1
            if e.stat(follow_symlinks=False).st_ctime_ns >= since_ns:
                recent.add(e.name[:-5])
    except OSError:  # unreadable: the caller cannot tell (a count of 0 matches no grouper)
        return 0, set()
    return count, recent


def _held(g) -> int:
    """How many articles the grouper holds: in memory, and in its closed store."""
    held = len(g.book.docs)  # (a length does not bring closed stories back)
    store = working_set.store_of(g)
    if store is None:
        return held
    from tui.core.workspace.closed_store import ID

    db = store.db
    held += db.execute("SELECT count(*) FROM keys WHERE kind=?", (ID,)).fetchone()[0]
    back = sorted(working_set.attached(g))  # in both: brought back from the store
    for at in range(0, len(back), 500):
        part = back[at : at + 500]
        held -= db.execute(
            f"SELECT count(*) FROM keys WHERE kind=? AND sid IN ({', '.join('?' * len(part))})",
            (ID, *part)).fetchone()[0]
    return held

