"""The desk: the app's service layer between the screens and the core (no Textual, no Rich).

:class:`Desk` owns the workspace, the writer thread and its lock, the undo history, the story
faces shown, saved filters and change detection; :func:`select` is the one selection rule for
the app, ``wiredesk stories`` and ``wiredesk export``.
"""

from tui.desk.select import Cancelled, Listing, hides_archived, select, select_articles
from tui.desk.service import Desk, IngestOutcome
from tui.desk.steps import Correction, Merge, Move, Regroup, Snapshot, Split, Step
from tui.desk.watch import DiskChange, Stamp, stamp
from tui.desk.writer import TriageWriter

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
