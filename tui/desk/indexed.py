"""What the desk asks the index of a workspace not read whole (as the app opens it): the tags,
outlets and languages in use, and a look over every article file beside the first screen."""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tui.core.workspace import index as ix
from tui.core.workspace import index_list as lists
from tui.core.workspace import index_sync


@dataclass(frozen=True, slots=True)
class Fields:
    """A story's outlets and languages (what the filter field completes)."""

    sources: list[str]
    langs: list[str]


def tags(ws: Any, changed: Iterable[str] = ()) -> list[str]:
    """Every tag in use: the index's, with those of the articles ``changed`` here (maybe not
    saved yet)."""
    found = set(lists.tags(ws.index))
    found.update(t for aid in list(changed) for t in ws.get(aid).triage.tags)
    return sorted(found)


def outlets_and_langs(ws: Any) -> list[Fields]:
    return [Fields(s, la) for s, la in lists.outlets_and_langs(ws.index)]


def look_over(ws: Any, lock: Any = None) -> tuple[int, list[str]]:
    """Compare each article file with the index the list was read from (a stat of every
    file), reading again those edited in place (their folder's time did not change), as
    ``wiredesk doctor --rescan`` does; then read the vocabulary the typo search needs (0.2-0.7
    s at 100,000). Returns how many articles changed, came or went, and the damaged files not
    named before.

    One folder at a time, each under ``lock`` (the desk's) and the workspace's lock for its own
    look only: at 1,000,000 articles the whole look takes 8 s of CPU (15 s on a busy machine),
    and a star's save, or another process's command, waited for all of it."""
    known = set(ws.problems)
    held = lock if lock is not None else contextlib.nullcontext()
    found: Counter[str] = Counter()
    for name in [*sorted(ix.folder_times(ws.root)), index_sync.STATES]:
        with held, ws:  # the writer lock: the index is written
            found.update(index_sync.rescan(ws, [name]))
    with held, ws:
        idx = index_sync.current(ws)
        if idx is not None:
            ws.problems = idx.problems()
    new = [p for p in ws.problems if p not in known]
    ws.index.warm()  # and the typo search's vocabulary, read before the first search
    return found["changed"] + found["gone"] + found["rebuilt"], new
