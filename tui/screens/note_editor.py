"""The note editor: a multi-line text area, saved as you leave it (either key)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from tui.core.textutil import safe_line
from tui.keys import binding
from tui.widgets.keylabels import keys_label


class NoteEditor(ModalScreen[str]):
    """Edit a note; leaving (save key or back key) returns the text to save."""

    BINDINGS = [
        binding("dialog.submit", "leave", "Save and close"),
        binding("dialog.cancel", "leave", "Save and close", show=False),
    ]

    def __init__(self, title: str, text: str, *, unsaved: bool = False) -> None:
        super().__init__()
        self.title_text, self.text, self.unsaved = title, text, unsaved

    def compose(self) -> ComposeResult:
        keys = getattr(self.app, "keys", {})
        save = keys_label(keys.get("dialog.submit", "ctrl+s"))
        back = keys_label(keys.get("dialog.cancel", "escape"))
        with Vertical(classes="dialog dialog--tall", id="note-editor"):
            yield Label(Text("Note: " + safe_line(self.title_text)), classes="dialog--title")
            if self.unsaved:
                yield Label("This note was not saved last time: here it is again.",
                            classes="dialog--warning")
            yield TextArea(self.text, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Label(f"{save} or {back}: save and close", classes="dialog--hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.cursor_blink = False  # no blinking repaints over slow SSH links
        area.focus()
        area.move_cursor(area.document.end)

    def action_leave(self) -> None:
        self.dismiss(self.query_one(TextArea).text)
