"""The ingest dialog: name files, folders, globs or URLs; watch the progress; read the report.

Collecting and ingesting run in a worker thread; the dialog returns True when anything was
added or updated (the main screen then rebuilds its list).
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Protocol

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, ProgressBar, Static

from tui.core.textutil import safe_line
from tui.core.workspace.paths import shell_where
from tui.desk.intake import IngestOutcome, Progress
from tui.keys import binding
from tui.widgets.fields import LineInput
from tui.widgets.suggest import PathSuggester

# The field's placeholder, longest first: the longest that fits is shown (80 columns: the 2nd).
INGEST_HINTS = ("~/news/*.html  feed.xml  https://...  (→ completes paths)",
                "~/news/*.html  feed.xml  https://...  (→ completes)",
                "*.html  feed.xml  https://...  (→)",
                "paths, feeds, URLs")


class Intake(Protocol):
    """What the dialog ingests into: the desk, or (no workspace yet) ``FirstIngest``."""

    root: Path  # the workspace (its shell commands name it)

    def ingest(self, sources: list[str], on_progress: Progress) -> IngestOutcome: ...


class IngestDialog(ModalScreen[bool]):
    BINDINGS = [binding("dialog.cancel", "close", "Close"),
                binding("dialog.complete", "complete", "Complete", show=False)]

    def __init__(self, desk: Intake) -> None:
        super().__init__()
        self.desk = desk
        self.changed = False
        self.running = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog--tall", id="ingest-dialog"):
            yield Label("Ingest files, folders, globs, feeds or URLs (space-separated)",
                        classes="dialog--title")
            yield LineInput(fitted=INGEST_HINTS, id="ingest-input", suggester=PathSuggester())
            where = shell_where(self.desk.root)  # the workspace shown, unless the default
            yield Label(Text(f"The same as `wiredesk ingest PATH...{where}` in a shell. Feeds "
                             f"to follow: `wiredesk feeds add URL{where}`, then R here fetches "
                             "them."), classes="dialog--hint")
            yield ProgressBar(total=None, show_eta=False, id="ingest-progress")
            yield Label("", id="ingest-status")
            with VerticalScroll(classes="dialog--scroll"):
                yield Static("", id="ingest-report")

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def start(self, event: Input.Submitted) -> None:
        if self.running:
            return
        try:
            sources = shlex.split(event.value)
        except ValueError as e:
            self.query_one("#ingest-status", Label).update(Text(f"Cannot read that: {e}"))
            return
        if not sources:
            return
        self.running = True
        self.query_one(ProgressBar).display = True
        self.query_one("#ingest-status", Label).update("Reading sources...")
        self.ingest(sources)

    @work(thread=True, exclusive=True, group="ingest")
    def ingest(self, sources: list[str]) -> None:
        try:
            got = self.desk.ingest(sources, self._progress_from_thread)
        except Exception as e:  # report, never crash: the workspace may be locked
            self.app.call_from_thread(self._done, [f"Ingest failed: {e}"], False)
            return
        self.app.call_from_thread(self._done, got.lines, got.changed)

    def _progress_from_thread(self, n: int, total: int, origin: str) -> None:
        if n == total or n % 10 == 0:
            self.app.call_from_thread(self._progress, n, total, origin)

    def _progress(self, n: int, total: int, origin: str) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=n)
        self.query_one("#ingest-status", Label).update(
            Text(f"{n}/{total} {safe_line(origin)[-60:]}"))

    def _done(self, lines: list[str], changed: bool) -> None:
        self.running = False
        self.changed = self.changed or changed
        self.query_one("#ingest-status", Label).update("Done. Escape closes this dialog.")
        self.query_one("#ingest-report", Static).update(Text("\n".join(lines)))
        self.query_one(ProgressBar).update(total=1, progress=1)

    def action_complete(self) -> None:
        """Tab completes the path (as → does) and keeps the focus in the field: moved off it,
        a second Tab would select the whole line for the next key to replace. With nothing to
        complete after an ingest, it goes to the report (to scroll it), and back."""
        field = self.query_one(LineInput)
        if not field.has_focus:
            field.refocus()
            return
        before = field.value
        field.complete()
        if field.value == before and str(self.query_one("#ingest-report", Static).render()):
            self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        if self.running:
            self.notify("Still ingesting: the dialog closes when it is done.")
            return
        self.dismiss(self.changed)
