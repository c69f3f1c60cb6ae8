"""The desk: the app's service layer between the screens and the core (no Textual, no Rich).

:class:`Desk` owns the workspace, the writer thread and its lock, the undo history, the story
faces shown, saved filters and change detection; :func:`select` is the one selection rule for
the app, ``wiredesk stories`` and ``wiredesk export``.

The desk's own names are imported on first use: ``wiredesk stories`` needs ``select`` alone,
not the threads, asyncio and the writer behind :class:`Desk`, nor the export's modules behind
``select_articles`` (a tenth of a second at the start of a command). ``select``'s names are
imported at once: the module shares its name with the function, and a submodule imported later
would replace a lazy function.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from tui.desk.select import Cancelled, Listing, hides_archived, select

if TYPE_CHECKING:
    from tui.desk.exported import select_articles
    from tui.desk.service import Desk, IngestOutcome
    from tui.desk.steps import Correction, Merge, Move, Regroup, Snapshot, Split, Step
    from tui.desk.watch import DiskChange, Stamp, stamp
    from tui.desk.writer import TriageWriter

_LAZY = {
    "tui.desk.exported": ("select_articles",),
    "tui.desk.service": ("Desk", "IngestOutcome"),
    "tui.desk.steps": ("Correction", "Merge", "Move", "Regroup", "Snapshot", "Split", "Step"),
    "tui.desk.watch": ("DiskChange", "Stamp", "stamp"),
    "tui.desk.writer": ("TriageWriter",),
}
_MODULE_OF = {name: module for module, names in _LAZY.items() for name in names}

__all__ = [
    "Cancelled",
    "Correction",
    "Desk",
    "DiskChange",
    "IngestOutcome",
    "Listing",
    "Merge",
    "Move",
    "Regroup",
    "Snapshot",
    "Split",
    "Stamp",
    "Step",
    "TriageWriter",
    "hides_archived",
    "select",
    "select_articles",
    "stamp",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'tui.desk' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # looked up once
    return value
