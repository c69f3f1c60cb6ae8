"""The note editor: a multi-line text area; the save key keeps the note, Esc cancels.

Cancelling a changed note asks first (a second Esc discards it): a note is never lost to a
stray key, and never saved by one either.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from tui.keys import binding
from tui.screens.dialogs import shown_title
from tui.widgets.keylabels import keys_label


class NoteEditor(ModalScreen[str | None]):
    """Edit a note; returns the text to save, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        binding("dialog.submit", "save", "Save the note and close"),
        binding("dialog.cancel", "cancel", "Cancel (asks first when the note was changed)"),
    ]

    def __init__(self, title: str, text: str, *, unsaved: bool = False) -> None:
        super().__init__()
        self.title_text, self.text, self.unsaved = title, text, unsaved
        self._asked = False  # Esc was pressed once on a changed note

    def compose(self) -> ComposeResult:
        keys = getattr(self.app, "keys", {})
        self.save_key = keys_label(keys.get("dialog.submit", "ctrl+s"), 1)
        self.back_key = keys_label(keys.get("dialog.cancel", "escape"), 1)
        with Vertical(classes="dialog dialog--tall", id="note-editor"):
            yield Label(shown_title(self.app, "Note: " + self.title_text),
                        classes="dialog--title")
            if self.unsaved:
                yield Label("This note was not saved last time: here it is again.",
                            classes="dialog--warning")
            yield TextArea(self.text, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Label(self._hint(), id="note-hint", classes="dialog--hint")

    def _hint(self) -> str:
        return f"{self.save_key} saves and closes · {self.back_key} cancels"

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.cursor_blink = False  # no blinking repaints over slow SSH links
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def changed(self) -> bool:
        return self.query_one(TextArea).text != self.text or self.unsaved

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self._asked:  # typing again: the question no longer stands
            self._asked = False
            self.query_one("#note-hint", Label).update(self._hint())
            self.query_one("#note-hint").remove_class("dialog--warning")

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        if not self.changed or self._asked:
            self.dismiss(None)
            return
        self._asked = True
        hint = self.query_one("#note-hint", Label)
        hint.update(f"The note was changed: {self.back_key} again discards the changes, "
                    f"{self.save_key} saves them.")
        hint.add_class("dialog--warning")
