"""What the desk asks the index of a workspace not read whole (as the app opens it): the tags,
outlets and languages in use, and a look over every article file beside the first screen."""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tui.core.workspace import index as ix
from tui.core.workspace import index_list as lists
from tui.core.workspace import index_look, index_sync, index_vocab
from tui.core.workspace.paths import ARTICLES


@dataclass(frozen=True, slots=True)
class Fields:
    """Outlets and languages of ``count`` stories (what the filter field completes)."""

    sources: list[str]
    langs: list[str]
    count: int = 1


def tags(ws: Any, changed: Iterable[Iterable[str]] = ()) -> list[str]:
    """Every tag in use: the index's, with ``changed``: the tags of the articles changed here
    (maybe not saved yet)."""
    found = set(lists.tags(ws.index))
    found.update(t for tags in changed for t in tags)
    return sorted(found)


def outlets_and_langs(ws: Any) -> list[Fields]:
    return [Fields(s, la, n) for s, la, n in lists.outlets_and_langs(ws.index)]


LOOKED = index_look.LOOKED  # in .cache: each folder's files as the last look found them


def look_over(ws: Any, lock: Any = None, pause: float = 0.0) -> tuple[int, list[str]]:
    """Compare each article file with the index the list was read from (a stat of every
    file), reading again those edited in place (their folder's time did not change), as
    ``wiredesk doctor --rescan`` does; then read the vocabulary the typo search needs (0.2-0.7
    s at 100,000). Returns how many articles changed, came or went, and the damaged files not
    named before.

    A folder whose files (names, sizes, times) are as the last look over this index left it
    (``.cache/look-over.json``: a digest a folder, ``index_look``) is not compared with the
    index again: the index was in step with them then, and only a change of a file can put it
    out of step. The others are compared one at a time (from the same stats: a folder is
    stat-ed once), each under ``lock`` (the desk's) and the workspace's lock for its own look
    only. ``pause``: after each folder, wait that many times what its look took (the app's look
    stays beside its keys: at 1,000,000 articles the stats alone take 3-4 s of CPU)."""
    known = set(ws.problems)
    held = lock if lock is not None else contextlib.nullcontext()
    found: Counter[str] = Counter()
    idx = index_sync.current(ws)
    looked = index_look.looked(ws.root, _mark(idx)) if idx is not None else {}
    now: dict[str, str] = {}
    for name in [*sorted(ix.folder_times(ws.root)), index_sync.STATES]:
        t = time.perf_counter()
        digest, sigs = (
            (None, None)
            if name == index_sync.STATES
            else index_look.folder_look(ws.root / ARTICLES / name, sigs=name not in looked)
        )
        if digest is None or looked.get(name) != digest:
            with held, ws:  # the writer lock: the index is written
                found.update(index_sync.rescan(ws, [name], None if sigs is None else {name: sigs}))
        if digest is not None:
            now[name] = digest  # read before the rescan: a later change is seen next time
        if pause:
            time.sleep(pause * (time.perf_counter() - t))
    with held, ws:
        idx = index_sync.current(ws)
        if idx is not None:
            ws.problems = idx.problems()
            index_look.remember(ws.root, _mark(idx), now)
    new = [p for p in ws.problems if p not in known]
    ws.index.warm()  # and the typo search's vocabulary, read before the first search
    return found["changed"] + found["gone"] + found["rebuilt"], new


def _mark(idx: Any) -> str:
    with idx.guard:
        return index_vocab.log_of(idx.db)
