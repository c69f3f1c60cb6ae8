"""A one-line input that does not blink: no repaint traffic over slow SSH links, and stable
screenshots. Its placeholder can come in several lengths (``fitted``, longest first): the
longest that fits the field is shown, so an 80-column terminal gets a shorter hint instead of
a clipped one."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual import events
from textual.reactive import reactive
from textual.widgets import Input


class LineInput(Input):
    cursor_blink = reactive(False, init=False)

    def __init__(self, *args, fitted: Sequence[str] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fitted = tuple(fitted)
        if self.fitted:
            self.placeholder = self.fitted[0]

    def on_resize(self, event: events.Resize) -> None:
        if self.fitted:
            self.placeholder = fit(self.fitted, self.content_size.width)


def fit(choices: Sequence[str], width: int) -> str:
    """The first (longest) of ``choices`` that fits ``width`` cells with the cursor after it;
    the last when none does."""
    room = width - 1
    return next((c for c in choices if cell_len(c) <= room), choices[-1])
