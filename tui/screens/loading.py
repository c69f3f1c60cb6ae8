"""What shows while a big workspace opens (a worker reads it): the app answers at once."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static


class LoadingScreen(Screen):
    def __init__(self, root) -> None:
        super().__init__()
        self.root = root

    def compose(self) -> ComposeResult:
        with Middle():
            with Center():
                yield Static(Text(f"Opening {self.root} ..."), id="loading-text")
            yield LoadingIndicator()
