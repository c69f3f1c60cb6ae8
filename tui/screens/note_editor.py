"""The note editor: a multi-line text area; the save key keeps the note, Esc cancels.

Cancelling a changed note asks first (a second Esc discards it): a note is never lost to a
stray key, and never saved by one either. Tab (``dialog.indent``) indents, as in any text
editor, instead of moving the focus (the editor is the dialog's only field: Textual's
"focus" Tab went nowhere and the key was lost without a word): at the cursor, spaces to the
next stop; over a selection, each line it touches (the selection is kept, never replaced).
Shift+Tab (``dialog.unindent``) takes a line's, or each selected line's, indent back to the
previous stop (a tab character in it reaches the next stop, as an editor shows it). The
ways out of the editor, save and cancel, are named in its hint line and on the help screen.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Label, TextArea
from textual.widgets.text_area import Selection

from tui.keys import binding
from tui.screens.dialog_base import Dialog
from tui.screens.dialogs import shown_title
from tui.widgets.keylabels import keys_label

INDENT = 4  # columns between tab stops


class NoteEditor(Dialog[str | None]):
    """Edit a note; returns the text to save, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        binding("dialog.submit", "save", "Save the note and close"),
        binding("dialog.cancel", "cancel", "Cancel (asks first when the note was changed)"),
        binding("dialog.indent", "indent", "Indent in the note editor (save or cancel leave it)"),
        binding("dialog.unindent", "unindent", "Unindent in the note editor"),
    ]

    def __init__(self, title: str, text: str, *, unsaved: bool = False) -> None:
        super().__init__()
        self.title_text, self.text, self.unsaved = title, text, unsaved
        self._asked = False  # Esc was pressed once on a changed note

    def compose(self) -> ComposeResult:
        keys = getattr(self.app, "keys", {})
        self.save_key = keys_label(keys.get("dialog.submit", "ctrl+s"), 1)
        self.back_key = keys_label(keys.get("dialog.cancel", "escape"), 1)
        self.indent_key = keys_label(keys.get("dialog.indent", "tab"), 1)
        self.unindent_key = keys_label(keys.get("dialog.unindent", "shift+tab"), 1)
        with Vertical(classes="dialog dialog--tall", id="note-editor"):
            yield Label(shown_title(self.app, "Note: " + self.title_text),
                        classes="dialog--title")
            if self.unsaved:
                yield Label("This note was not saved last time: here it is again.",
                            classes="dialog--warning")
            yield TextArea(self.text, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Label(self._hint(), id="note-hint", classes="dialog--hint")

    def _hint(self) -> str:
        return (f"{self.save_key} saves · {self.back_key} cancels · "  # one line at 80 columns
                f"{self.indent_key} indents · {self.unindent_key} unindents")

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

    def action_indent(self) -> None:
        """Spaces to the next tab stop (spaces: the note reads the same in every export); with
        a selection, every line it touches is indented instead."""
        area = self.query_one(TextArea)
        start, end = sorted(area.selection)
        if start != end:
            self._reindent(area, lambda line: " " * INDENT + line)
            return
        width = cell_len(area.document[start[0]][: start[1]])
        area.replace(" " * (INDENT - width % INDENT), start, end, maintain_selection_offset=False)

    def action_unindent(self) -> None:
        """The cursor's line, or every line a selection touches, back to the previous stop."""

        def back(line: str) -> str:
            indent = len(line) - len(line.lstrip(" \t"))  # a tab goes on to the next stop
            if not indent:
                return line
            ends = [0]  # the column after each character of the indent
            for ch in line[:indent]:
                ends.append(ends[-1] + (INDENT - ends[-1] % INDENT if ch == "\t" else 1))
            stop = (ends[-1] - 1) // INDENT * INDENT  # the previous stop
            return line[: max(k for k, col in enumerate(ends) if col <= stop)] + line[indent:]

        self._reindent(self.query_one(TextArea), back)

    @staticmethod
    def _reindent(area: TextArea, change) -> None:
        """``change`` applied to the lines of the selection (the cursor's line when there is
        none) as one edit (one undo); the selection then covers those lines whole, so that
        another Tab or Shift+Tab moves them again."""
        start, end = sorted(area.selection)
        (first, col), (last, end_col) = start, end
        if last > first and end_col == 0:
            last -= 1  # a selection ending at a line's start does not touch that line
        old = [area.document[n] for n in range(first, last + 1)]
        new = [change(line) for line in old]
        if new == old:
            return
        area.replace("\n".join(new), (first, 0), (last, len(old[-1])))
        if start == end:  # no selection: the cursor stays by its text
            area.move_cursor((first, max(0, col + len(new[0]) - len(old[0]))))
        else:
            area.selection = Selection((first, 0), (last, len(new[-1])))

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
