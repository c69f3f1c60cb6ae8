"""The ingest dialog: name files, folders, globs or URLs; watch the progress; read the report.

Collecting and ingesting run in a worker thread; the dialog returns True when anything was
added or updated (the main screen then rebuilds its list).
"""

from __future__ import annotations

import glob
import os
import re
import shlex
from pathlib import Path
from typing import Protocol

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, ProgressBar, Static
from textual.worker import get_current_worker

from tui.core.textutil import safe_line
from tui.core.userpath import is_pattern
from tui.core.workspace.paths import shell_where
from tui.desk.intake import IngestOutcome, Look, Progress, look, look_said, none_said, wide
from tui.desk.intake_walk import Cut, Stop
from tui.keys import binding
from tui.screens.dialog_base import Dialog
from tui.widgets.fields import LineInput
from tui.widgets.suggest import PathSuggester

# The field's placeholder, longest first: the longest that fits is shown (80 columns: the 2nd).
INGEST_HINTS = (
    "~/news/*.html  feed.xml  https://...  (→ completes paths)",
    "~/news/*.html  feed.xml  https://...  (→ completes)",
    "*.html  feed.xml  https://...  (→)",
    "paths, feeds, URLs",
)
URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S+")


def is_source(line: str) -> bool:
    """A pasted line that names a source: a URL, or an existing file, folder or glob's match
    (``-``, standard input, is no source here: nothing would end it)."""
    if URL.fullmatch(line):
        return True
    path = os.path.expanduser(line)
    return line != "-" and (os.path.exists(path) or bool(is_pattern(path) and glob.glob(path)))


def join_pasted(lines: list[str]) -> str:
    """Pasted lines of sources, one each, quoted as one word each (a path with spaces stays
    one); other lines joined with spaces, as they read."""
    if all(map(is_source, lines)):
        return " ".join(map(shlex.quote, lines))
    return " ".join(lines)


EDITED = "Edited while it looked: Enter looks at what the field names now (nothing is read yet)."


class Intake(Protocol):
    """What the dialog ingests into: the desk, or (no workspace yet) ``FirstIngest``."""

    root: Path  # the workspace (its shell commands name it)

    def ingest(self, sources: list[str], on_progress: Progress) -> IngestOutcome: ...


class IngestDialog(Dialog[bool]):
    BINDINGS = [
        binding("dialog.cancel", "close", "Close"),
        binding("dialog.complete", "complete", "Complete", show=False),
    ]

    def __init__(self, desk: Intake) -> None:
        super().__init__()
        self.desk = desk
        self.changed = False
        self.running = False
        self.looking = False  # counting the files of a glob or folder (nothing read yet)
        self.stop_look = Stop()  # set: the look under way ends (edit, close, quit)
        self.prose = ""  # a pasted text that is not a list of sources: Enter does not send it
        self.shown: str | None = None  # the globs or folders whose files were shown: Enter
        # again ingests them (any edit of the field shows them anew)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog--tall", id="ingest-dialog"):
            yield Label(
                "Ingest files, folders, globs, feeds or URLs (space-separated)",
                classes="dialog--title",
            )
            yield LineInput(
                fitted=INGEST_HINTS,
                id="ingest-input",
                suggester=PathSuggester(),
                joiner=join_pasted,
                notice=False,
            )
            where = shell_where(self.desk.root)  # the workspace shown, unless the default
            yield Label(
                Text(
                    f"The same as `wiredesk ingest PATH...{where}` in a shell. Feeds "
                    f"to follow: `wiredesk feeds add URL{where}`, then R here fetches "
                    "them."
                ),
                classes="dialog--hint",
            )
            yield ProgressBar(total=None, show_eta=False, id="ingest-progress")
            yield Label("", id="ingest-status")
            with VerticalScroll(classes="dialog--scroll"):
                yield Static("", id="ingest-report")

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False
        self.query_one(Input).focus()

    def _stdin_hint(self) -> str:
        return (
            f"To take in a pasted text, save it to a file and name the file, or run "
            f"`wiredesk ingest -{shell_where(self.desk.root)}` in a shell and paste it "
            "there (Ctrl-D ends)."
        )

    @on(LineInput.Joined)
    def joined(self, event: LineInput.Joined) -> None:
        """Pasted lines: a list of sources is quoted one per line; a pasted text (an e-mail,
        an article) is not a list of paths, said before Enter and not sent by it."""
        event.stop()
        n = len(event.lines)
        if all(map(is_source, event.lines)):
            self.prose = ""
            said = f"Pasted {n} lines: {n} sources, each quoted as one. Enter ingests them."
        else:
            self.prose = event.text
            bad = next(x for x in event.lines if not is_source(x))
            said = (
                f"Pasted {n} lines, joined into one: {safe_line(bad)[:40]!r} is no file, "
                f"folder or URL, so Enter will not ingest them. {self._stdin_hint()}"
            )
        self.query_one("#ingest-status", Label).update(Text(said))

    @on(Input.Changed)
    def cleared(self, event: Input.Changed) -> None:
        if not event.value.strip():
            self.prose = ""
        if event.value != self.shown:
            self.shown = None
        if self.looking:  # the look under way is at the old value: stopped, Enter looks anew
            self._end_look()
            self.query_one("#ingest-status", Label).update(EDITED)

    def _end_look(self) -> None:
        """The look under way stopped at once (its thread ends; its answer is dropped)."""
        self.stop_look.set()
        self.looking = self.running = False

    @on(Input.Submitted)
    def start(self, event: Input.Submitted) -> None:
        if self.running:
            return
        status = self.query_one("#ingest-status", Label)
        if self.prose:  # (held until the field is cleared: an edit of the text is still it)
            status.update(
                Text(
                    "Nothing ingested: the pasted lines are not files, folders or "
                    f"URLs (clear the field to name some). {self._stdin_hint()}"
                )
            )
            return
        self.prose = ""
        try:
            sources = shlex.split(event.value)
        except ValueError as e:
            status.update(Text(f"Cannot read that: {e}"))
            return
        if "-" in sources:  # standard input: the terminal, which nothing here would end
            status.update(
                Text(
                    "Nothing ingested: `-` (standard input) works in a shell: "
                    f"`wiredesk ingest -{shell_where(self.desk.root)}`, then paste "
                    "and press Ctrl-D. Here, name files, folders, feeds or URLs."
                )
            )
            return
        if not sources:
            return
        self.running = True
        if event.value != self.shown and wide(sources):
            # a glob or a folder: its files are counted and named first, and a second Enter
            # ingests them (a stray `*` would take in the folder the app was started in)
            status.update("Looking at what that names... (Esc closes: nothing is read yet)")
            self.looking = True
            self.stop_look = Stop()
            self.look(event.value, sources, self.stop_look)
            return
        self._start(sources)

    def _start(self, sources: list[str]) -> None:
        self.shown = None
        self.query_one(ProgressBar).display = True
        self.query_one("#ingest-status", Label).update("Reading sources...")
        self.ingest(sources)

    @work(thread=True, exclusive=True, group="ingest")
    def look(self, typed: str, sources: list[str], stop: Stop) -> None:
        worker = get_current_worker()
        try:  # (stopped when the field is edited, the dialog closed or the app quits)
            got: Look | Exception = look(sources, lambda: stop.is_set() or worker.is_cancelled)
        except Cut:
            return  # (its answer no longer wanted)
        except Exception as e:  # (an unreadable folder): said, never a crash
            got = e
        if not stop.is_set() and not worker.is_cancelled:
            self.app.call_from_thread(self._looked, typed, sources, got, stop)

    def _looked(self, typed: str, sources: list[str], got: Look | Exception, stop: Stop) -> None:
        if stop.is_set() or stop is not self.stop_look:
            return  # (a look stopped meanwhile: a newer one, or none, is under way)
        self.looking = False
        if self not in self.app.screen_stack:
            return  # closed while it looked: nothing was read, nothing is
        if self.query_one(Input).value != typed:  # edited meanwhile: Enter looks again
            self.running = False
            self.query_one("#ingest-status", Label).update(EDITED)
            return
        if isinstance(got, Look) and not got.files and (got.urls or got.failed):
            self._start(sources)  # no file: the ingest's report says why (no match...)
            return
        self.running = False
        self.query_one(ProgressBar).display = False  # (an earlier ingest's bar and report)
        self.query_one("#ingest-report", Static).update("")
        if isinstance(got, Look) and not got.files and not (got.cut or got.loops):  # why none
            self.query_one("#ingest-status", Label).update(Text(none_said(got)))
            return
        self.shown = None if isinstance(got, Look) and got.loops else typed  # (loop: not sent)
        said = (
            look_said(got)
            if isinstance(got, Look)
            else (
                f"Cannot list what that names ({safe_line(str(got))}). Enter again tries to "
                "ingest it anyway."
            )
        )
        self.query_one("#ingest-status", Label).update(Text(said))

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
            Text(f"{n}/{total} {safe_line(origin)[-60:]}")
        )

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
        if self.running and not self.looking:
            self.notify("Still ingesting: the dialog closes when it is done.")
            return
        self._end_look()
        self.dismiss(self.changed)

    def on_unmount(self) -> None:
        self.stop_look.set()  # (the app quit while it looked: its thread ends at once)
