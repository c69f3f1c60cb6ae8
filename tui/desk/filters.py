"""Saved filters (search strings with a name), kept in the workspace's ``filters.toml``.

Like newsboat's query feeds: each one shows above the stories, and choosing it applies it.
The file name is the workspace's (:data:`tui.core.workspace.paths.FILTERS`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import tomli_w

from tui.core.workspace.atomic import write_atomic
from tui.core.workspace.lock import WriterLock
from tui.core.workspace.paths import FILTERS

SavedFilters = list[tuple[str, str]]  # (name, search string) in file order


class Locked(Protocol):
    root: Path
    lock: WriterLock


def load(root: Path) -> SavedFilters:
    """(name, query) pairs in file order; a damaged file gives none (and is left alone)."""
    path = Path(root) / FILTERS
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []
    table = data.get("filters", {})
    if not isinstance(table, dict):
        return []
    return [(str(k), v) for k, v in table.items() if isinstance(v, str)]


def save(ws: Locked, name: str, query: str) -> SavedFilters:
    """Add or replace the filter ``name`` (under the workspace's writer lock)."""
    return _change(ws, lambda table: table.__setitem__(name, query))


def delete(ws: Locked, name: str) -> SavedFilters:
    return _change(ws, lambda table: table.pop(name, None))


def _change(ws: Locked, edit: Callable[[dict[str, str]], object]) -> SavedFilters:
    with ws.lock:
        table = dict(load(ws.root))
        edit(table)
        head = '# Saved filters of the Wiredesk app: name = "search string".\n'
        write_atomic(Path(ws.root) / FILTERS, head + tomli_w.dumps({"filters": table}))
        return list(table.items())
