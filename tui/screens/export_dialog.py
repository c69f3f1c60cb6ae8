"""The export dialog: format, which articles (a filter), where to write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Select

from tui.core.query import QueryError, parse
from tui.core.userpath import user_path
from tui.keys import binding
from tui.screens.dialog_base import Dialog
from tui.widgets.fields import LineInput


@dataclass(frozen=True, slots=True)
class ExportRequest:
    fmt: str
    query: str  # empty: the articles with a note, a tag or a star
    path: Path
    force: bool


def overwrite_label(on: bool) -> str:
    """The overwrite box says its state in words: its X is only dimmer when off, which
    NO_COLOR and the Linux console hardly show."""
    return f"Overwrite an existing file: {'yes' if on else 'no'}"


class ExportDialog(Dialog[ExportRequest | None]):
    BINDINGS = [
        binding("dialog.cancel", "cancel", "Cancel"),
        binding("dialog.submit", "submit", "Export"),
    ]

    def __init__(self, formats: list[str], query: str, folder: Path) -> None:
        super().__init__()
        self.formats, self.query_text, self.folder = formats, query, folder

    def compose(self) -> ComposeResult:
        # (scrolls: at 80x24 it is taller than the screen, and the focus is kept in view)
        with VerticalScroll(classes="dialog", id="export-dialog", can_focus=False):
            yield Label("Export notes and metadata", classes="dialog--title")
            yield Label("Format")
            yield Select([(f, f) for f in self.formats], value=self.formats[0],
                         allow_blank=False, id="export-format")
            yield Label("Articles: a filter (empty: those with a note, tag or star)")
            yield LineInput(self.query_text, id="export-filter")
            yield Label("Write to")
            default = self.folder / f"wiredesk-export.{self.formats[0]}"
            yield LineInput(str(default), id="export-path")
            yield Checkbox(overwrite_label(False), id="export-force")
            yield Label("", id="export-error", classes="dialog--warning")
            with Horizontal(classes="dialog--buttons"):
                yield Button("Export", variant="primary", id="export-go")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-error").display = False
        self.query_one("#export-format").focus()

    @on(Select.Changed, "#export-format")
    def format_changed(self, event: Select.Changed) -> None:
        field = self.query_one("#export-path", Input)
        path = Path(field.value)
        ext = "json" if event.value == "csl-json" else str(event.value)
        if path.name.startswith("wiredesk-export."):
            field.value = str(path.with_name(f"wiredesk-export.{ext}"))

    @on(Checkbox.Changed, "#export-force")
    def force_changed(self, event: Checkbox.Changed) -> None:
        event.checkbox.label = overwrite_label(event.value)

    @on(Button.Pressed, "#export-go")
    @on(Input.Submitted)
    def action_submit(self) -> None:
        query = self.query_one("#export-filter", Input).value.strip()
        path = self.query_one("#export-path", Input).value.strip()
        error = self.query_one("#export-error", Label)
        try:
            parse(query)
        except QueryError as e:
            error.update(Text(f"Filter: {e}"))
            error.display = True
            return
        if not path:
            error.update("Give a file to write to.")
            error.display = True
            return
        self.dismiss(ExportRequest(str(self.query_one("#export-format", Select).value), query,
                                   user_path(path),
                                   self.query_one("#export-force", Checkbox).value))

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
