"""A one-line input that does not blink: no repaint traffic over slow SSH links, and stable
screenshots. Its placeholder can come in several lengths (``fitted``, longest first): the
longest that fits the field is shown, so an 80-column terminal gets a shorter hint instead of
a clipped one. ``complete`` takes the suggestion shown after the text (what → does at its end),
for the dialogs' Tab, which would otherwise move the focus off a field alone in its dialog (and
Tab again select all it held, for the next key to replace); ``refocus`` brings the focus back
without selecting it all. A text of several lines pasted into it is joined into one line
(Input kept its first line alone, the rest dropped without a word) with the field's
``joiner`` (a string, or a function of the lines), said in a notice (``notice=False``: its
dialog says it) and posted as ``Joined``; a paste of one line among blank ones is that line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input

JOINERS = {" ": " with spaces", ", ": " with commas"}  # what a notice calls a joiner
# What a one-line field takes of a paste: a pasted book in the search field crashed the app
# (final review: 317 KB, 4,000 lines); the rest is named, not dropped silently.
PASTE_CHARS = 10_000


class LineInput(Input):
    cursor_blink = reactive(False, init=False)

    def __init__(self, *args, fitted: Sequence[str] = (),
                 joiner: str | Callable[[list[str]], str] = " ", notice: bool = True,
                 **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fitted = tuple(fitted)
        self.joiner, self.notice = joiner, notice
        if self.fitted:
            self.placeholder = self.fitted[0]
        self._selects: bool | None = None  # select_on_focus, while refocus sets it aside

    @dataclass
    class Joined(Message):
        """Several lines were pasted, and joined into the field as ``text``."""

        field: LineInput
        lines: list[str]
        text: str

    def on_paste(self, event: events.Paste) -> None:
        lines = [line.strip() for line in event.text.splitlines() if line.strip()]
        if len(event.text.splitlines()) < 2 and len(event.text) <= PASTE_CHARS:
            return  # one line: as Input does
        event.prevent_default()  # (Input's own: the first line alone, blank if it was)
        event.stop()
        if not lines:
            return
        joiner = self.joiner
        text = lines[0] if len(lines) == 1 else (
            joiner(lines) if callable(joiner) else joiner.join(lines))
        if len(text) > PASTE_CHARS:
            self.notify(f"Pasted {len(text):,} characters: a one-line field takes the first "
                        f"{PASTE_CHARS:,}, the rest was left out.", severity="warning")
            text = text[:PASTE_CHARS]
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)
        if len(lines) > 1:
            if self.notice:
                said = JOINERS.get(joiner, f" with {joiner!r}") if isinstance(joiner, str) else ""
                self.notify(f"Pasted {len(lines)} lines, joined into one{said}.")
            self.post_message(self.Joined(self, lines, text))

    def on_resize(self, event: events.Resize) -> None:
        if self.fitted:
            self.placeholder = fit(self.fitted, self.content_size.width)

    def complete(self) -> None:
        """Take the suggestion shown after the text, if any; the cursor goes to the end."""
        self.cursor_position = len(self.value)
        self.action_cursor_right()

    def refocus(self) -> None:
        """Focus the field again with its text as it was, the cursor at its end (Input selects
        all it holds on focus, and the next key would replace a path or filter typed so far)."""
        if not self.has_focus:
            self._selects, self.select_on_focus = self.select_on_focus, False
            self.cursor_position = len(self.value)
            self.focus()

    def on_blur(self, event: events.Blur) -> None:
        if self._selects is not None:
            self.select_on_focus, self._selects = self._selects, None


def fit(choices: Sequence[str], width: int) -> str:
    """The first (longest) of ``choices`` that fits ``width`` cells with the cursor after it;
    the last when none does."""
    room = width - 1
    return next((c for c in choices if cell_len(c) <= room), choices[-1])
