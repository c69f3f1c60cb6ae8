"""The app on a workspace that does not exist yet: reading never creates one.

Nothing is read or written while this screen shows; it says where the workspace would be and
how to add articles. The first ingest that reads a document makes the workspace
(``tui.desk.intake.FirstIngest``, as `wiredesk ingest` does); the app then opens it.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from tui.core.textutil import safe_line
from tui.core.workspace import Workspace, WorkspaceError
from tui.core.workspace.paths import shell_where
from tui.desk.intake import FirstIngest
from tui.keys import binding
from tui.widgets.keybar import KeyBar
from tui.widgets.keylabels import keys_label


def missing_guide(root: Path, keys: dict[str, str]) -> tuple[list[tuple[str, str]], list[str]]:
    """How to make the workspace at ``root``: (key, what it does) here, and shell commands."""

    def k(bid: str, fallback: str) -> str:
        return keys_label(keys.get(bid, fallback), 1)

    where = shell_where(root)  # none for the default workspace: the commands act on it
    here = [
        (k("main.ingest", "i"), "ingest a file or folder (makes the workspace)"),
        (k("app.help", "question_mark"), "every key and every mark"),
        (k("main.quit", "q"), "quit (nothing is made)"),
    ]
    shell = [
        f"wiredesk ingest PATH{where}",
        f"wiredesk feeds add URL{where}",
        f"wiredesk demo{where}",
    ]
    return here, shell


class NoWorkspaceScreen(Screen[None]):
    BINDINGS = [
        binding("main.ingest", "ingest", "Ingest"),
        binding("main.quit", "quit", "Quit"),
        binding("main.refresh_feeds", "refresh_feeds", "Refresh feeds", show=False),
    ]

    def __init__(self, root: Path, keys: dict[str, str]) -> None:
        super().__init__()
        self.root, self.keys = Path(root), keys
        self.shown = safe_line(str(self.root))  # one line; control characters shown, not obeyed
        self.intake = FirstIngest(self.root)

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Wiredesk  no workspace at {self.shown} yet"), id="status")
        with VerticalScroll(id="no-workspace"):
            yield Static(self._guide(), id="no-workspace-guide")
        yield KeyBar("missing")

    def _guide(self) -> Group:
        here, shell = missing_guide(self.root, self.keys)
        table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
        table.add_column("key", style="bold", no_wrap=True, width=6)
        table.add_column("what", ratio=1)
        for key, what in here:
            table.add_row(Text(key), Text(what))
        return Group(
            Text(
                f"There is no workspace at {self.shown} yet, and opening the app made none: "
                "it is made when you first add articles. To start:\n"
            ),
            table,
            Text(
                "\nOr from a shell (ingest a file or folder, follow a feed, or the five "
                "sample articles):"
            ),
            *(Text("  " + line, style="bold") for line in shell),
        )

    def action_ingest(self) -> None:
        from tui.screens.ingest_dialog import IngestDialog  # noqa: PLC0415 (tui.app_later)

        self.app.push_screen(IngestDialog(self.intake), self._ingested)

    def _ingested(self, changed: bool | None) -> None:
        if self.intake.made:  # the app opens it as at start (its own worker, its own list)
            self.app.open_workspace()

    def action_refresh_feeds(self) -> None:
        """A workspace another command made meanwhile (`wiredesk feeds add URL -w DIR`, as
        the ingest dialog advises) is opened, then its feeds fetched; none: said."""
        try:
            there = Workspace.check(self.root)
        except WorkspaceError as e:  # a folder of something else now: said, nothing read
            self.notify(str(e), severity="error", markup=False)
            return
        if there:
            self.notify(
                f"A workspace is at {self.shown} now (made by another command): opened it; "
                "fetching its feeds.",
                markup=False,
            )
            self.app.open_workspace(refresh_feeds=True)
            return
        self.notify(
            "No feeds yet: there is no workspace. Follow one with "
            f"`wiredesk feeds add URL{shell_where(self.root)}`.",
            markup=False,
        )

    async def action_quit(self) -> None:
        await self.app.action_quit()
