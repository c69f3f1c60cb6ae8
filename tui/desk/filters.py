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
from tui.core.workspace.errors import WorkspaceError
from tui.core.workspace.lock import WriterLock
from tui.core.workspace.paths import FILTERS
from tui.core.workspace.records import key_line, toml_error

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
    return _change(ws, name, lambda table: table.__setitem__(name, query))


def delete(ws: Locked, name: str) -> SavedFilters:
    return _change(ws, name, lambda table: table.pop(name, None))


def _change(ws: Locked, name: str, edit: Callable[[dict[str, str]], object]) -> SavedFilters:
    """Edit the ``[filters]`` table (its key ``name``) and write the file again; what it holds
    besides (other keys, values that are not search strings) is kept. A damaged file is not
    written over: a ``WorkspaceError`` names its line (the filters it holds are the reader's);
    nor is a value of ``name`` that is not a search string (the error names the key)."""
    with ws.lock:
        path = Path(ws.root) / FILTERS
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            text = ""
        except (OSError, UnicodeDecodeError) as e:
            raise WorkspaceError(f"{FILTERS}: cannot read ({e}); not overwritten") from None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise WorkspaceError(
                f"{FILTERS}: damaged, {toml_error(text, e)}; fix it by hand (not overwritten)"
            ) from None
        table = data.get("filters", {})
        if not isinstance(table, dict):
            raise WorkspaceError(f"{FILTERS}: `filters` is not a table; fix it by hand")
        table = dict(table)
        if name in table and not isinstance(table[name], str):  # a person's own: kept
            line = key_line(text, name, "filters")
            raise WorkspaceError(
                f"{FILTERS}: {f'line {line}: ' if line else ''}`{name}` is not a search string "
                f"({type(table[name]).__name__}, written by hand): not overwritten; choose "
                "another name or fix it by hand"
            )
        edit(table)
        head = '# Saved filters of the Wiredesk app: name = "search string".\n'
        write_atomic(path, head + tomli_w.dumps({**data, "filters": table}))
        return [(str(k), v) for k, v in table.items() if isinstance(v, str)]
