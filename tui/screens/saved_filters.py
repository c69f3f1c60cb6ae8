"""Saved filters (search strings with a name), kept in the workspace's ``filters.toml``.

Like newsboat's query feeds: each one shows above the stories, and choosing it applies it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import tomli_w

from tui.core.workspace.atomic import write_atomic

FILE = "filters.toml"


def load(root: Path) -> list[tuple[str, str]]:
    """(name, query) pairs in file order; a damaged file gives none (and is left alone)."""
    path = Path(root) / FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []
    table = data.get("filters", {})
    if not isinstance(table, dict):
        return []
    return [(str(k), v) for k, v in table.items() if isinstance(v, str)]


def save(ws, name: str, query: str) -> list[tuple[str, str]]:
    """Add or replace the filter ``name`` (under the workspace's writer lock)."""
    return _change(ws, lambda table: table.__setitem__(name, query))


def delete(ws, name: str) -> list[tuple[str, str]]:
    return _change(ws, lambda table: table.pop(name, None))


def _change(ws, edit) -> list[tuple[str, str]]:
    with ws.lock:
        table = dict(load(ws.root))
        edit(table)
        head = "# Saved filters of the Wiredesk app: name = \"search string\".\n"
        write_atomic(Path(ws.root) / FILE, head + tomli_w.dumps({"filters": table}))
        return list(table.items())
