"""What shows while a big workspace opens (a worker reads it): the app answers at once."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static

SPIN_AFTER = 0.5  # seconds: an open that takes longer gets the moving indicator


class LoadingScreen(Screen):
    def __init__(self, root) -> None:
        super().__init__()
        self.root = root

    def compose(self) -> ComposeResult:
        with Middle(id="loading"):
            with Center():
                yield Static(Text(f"Opening {self.root} ..."), id="loading-text")

    def on_mount(self) -> None:
        # Not at once: the indicator repaints the screen 16 times a second, and that CPU (0.3 s
        # in a 1.2 s open, with the GIL) is taken from the worker that opens the workspace.
        self.set_timer(SPIN_AFTER, self.spin)

    def spin(self) -> None:
        self.query_one("#loading", Middle).mount(LoadingIndicator())
