"""The app on a workspace that does not exist yet: reading never creates one.

Nothing is read or written while this screen shows; it says where the workspace would be and
how to add articles. The first ingest that reads a document makes the workspace
(``tui.desk.intake.FirstIngest``, as `wiredesk ingest` does); the app then opens it.
"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from tui.core.textutil import safe_line
from tui.core.workspace import Workspace, WorkspaceError
from tui.core.workspace.paths import shell_arg, shell_where
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


def cut_cells(text: str, width: int) -> str:
    """The longest start of ``text`` in ``width`` cells (tui.render.header's would import the
    diff, and rapidfuzz with it, before the first screen is painted)."""
    return chop_cells(text, width)[0] if text and width > 0 else ""


def middle_cut(text: str, width: int) -> str:
    """``text`` in ``width`` cells: whole if it fits, else its start and its end around "…"
    (a path's tail names the folder: it keeps two thirds)."""
    if cell_len(text) <= width:
        return text
    if width < 2:
        return "\u2026"[:width]
    tail_w = (width - 1) * 2 // 3
    tail = cut_cells(text[::-1], tail_w)[::-1]
    return cut_cells(text, width - 1 - cell_len(tail)) + "\u2026" + tail


class StatusFitted(Static):
    """The status line, "no workspace at PATH yet", fitted to its width: a long path is cut
    in its middle with "…" (it was cut at the end of the line, without a sign)."""

    def __init__(self, shown: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown = shown

    def render(self) -> Text:
        width = self.content_region.width or 10_000
        head, tail = "Wiredesk  no workspace at ", " yet"
        room = width - cell_len(head + tail)
        if room < 12:  # no room for a path that says anything: the guide below shows it
            return Text("Wiredesk  no workspace yet", no_wrap=True, overflow="ellipsis")
        return Text(head + middle_cut(self.shown, room) + tail, no_wrap=True)


class Folded:
    """A path on lines of its own, cut by cells, each line indented: all of it shown (a path
    wrapped into the text was broken at a hyphen, its tail at the margin)."""

    def __init__(self, text: str, indent: int = 2, style: str = "bold") -> None:
        self.text, self.indent, self.style = text, indent, style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room, rest = max(8, options.max_width - self.indent), self.text
        while True:
            part = cut_cells(rest, room) or rest[:1]
            yield Text(" " * self.indent + part, style=self.style, no_wrap=True, end="\n")
            rest = rest[len(part) :]
            if not rest:
                return


class ShellLines:
    """The shell commands, each on one line: with the workspace's path when they fit the
    width, else with ``-w DIR`` and a line saying DIR is the folder above (a command wrapped
    at the margin cannot be copied)."""

    def __init__(self, root: Path, shell: list[str]) -> None:
        self.root, self.shell = root, shell

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = ["  " + line for line in self.shell]
        where = shell_where(self.root)
        if where and max(cell_len(line) for line in lines) > options.max_width:
            lines = [line.replace(where, " -w DIR") for line in lines]
            word = shell_arg(str(self.root))
            said = "in quotes, as one word" if word != str(self.root) else "as shown"
            yield from (Text(line, style="bold", no_wrap=True) for line in lines)
            yield Text(f"  (DIR: the workspace folder above, {said})")
            return
        yield from (Text(line, style="bold") for line in lines)


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
        yield StatusFitted(self.shown, id="status")
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
            Text("There is no workspace in this folder yet:"),
            Folded(self.shown),
            Text("Opening the app made none: it is made when you first add articles. To start:\n"),
            table,
            Text(
                "\nOr from a shell (ingest a file or folder, follow a feed, or the five "
                "sample articles):"
            ),
            ShellLines(self.root, shell),
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
