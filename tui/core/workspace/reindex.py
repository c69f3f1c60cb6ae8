"""``wiredesk doctor --reindex`` and ``--rescan``: the index built again from the TOML, or
every article file compared with its row (``index_sync`` does the work on an open workspace).
"""

from __future__ import annotations

import time

from tui.core.workspace import index_sync
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
    if found.get("rebuilt"):
        return f"no usable index: rebuilt from the TOML ({time.perf_counter() - t:.1f} s)"
    return (f"rescan: {found['changed']} article files read again, {found['gone']} gone, "
            f"{found['damaged']} damaged, {found['stories']} story files changed "
            f"({time.perf_counter() - t:.1f} s)")
