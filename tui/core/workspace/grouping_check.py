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

import contextlib
import logging
import os
import sqlite3
import time
from pathlib import Path

from tui.core.workspace import cache, journal, working_set
from tui.core.workspace.paths import CACHE

_log = logging.getLogger(__name__)

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



# ---- a rebuild of the grouping cache, said with what it costs --------------------------------
REBUILD_RATE = 1000  # articles a second a rebuild places again, every file read (1,349 per
# CPU second measured at 100,000 articles, 1,792 at 5,000; a million not measured)
REBUILD_SAID = 20_000  # articles from which a rebuild is said before it starts (a minute)


def rebuild_cost(n: int) -> str:
    """What rebuilding the grouping cache from ``n`` articles costs, in words."""
    minutes = n / REBUILD_RATE / 60
    took = f"about {minutes:.0f} minutes" if minutes >= 2 else "about a minute or less"
    return f"every article placed again: {n:,} articles, {took}"


def rebuilding(n: int, older: bool = False) -> None:
    """Say, before it starts, that the grouping cache is rebuilt from ``n`` articles (when
    that takes a minute or more, or once after an upgrade, ``older``): the first command after
    a lost cache is slow for this."""
    if older and n:
        _log.warning("%s/grouper-base.sqlite: made by an older version of Wiredesk; the "
                     "grouping cache is rebuilt once for this version (%s; the articles' "
                     "stories are kept as they are)", CACHE, rebuild_cost(n))
    elif n >= REBUILD_SAID:
        _log.warning("%s/grouper-base.sqlite: missing or unusable, the grouping cache is "
                     "rebuilt (%s; the articles' stories are kept as they are)", CACHE,
                     rebuild_cost(n))


def articles_in(root) -> int:
    """How many articles the workspace holds: its index's count, else its article files
    counted (names listed, no stat)."""
    from tui.core.workspace import index as ix
    from tui.core.workspace.paths import ARTICLES

    path = ix.path_of(root)
    with contextlib.suppress(sqlite3.Error):
        if path.exists():
            db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
            try:
                return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])
            finally:
                db.close()
    n = 0
    with contextlib.suppress(OSError), os.scandir(Path(root) / ARTICLES) as folders:
        for f in folders:
            with contextlib.suppress(OSError):
                n += sum(1 for name in os.listdir(f.path)
                         if name.endswith(".toml") and name[0] != ".")
    return n
