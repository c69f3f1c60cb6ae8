"""A one-line input that does not blink: no repaint traffic over slow SSH links, and stable
screenshots."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Input


class LineInput(Input):
    cursor_blink = reactive(False, init=False)
