"""The keys the app holds on every screen (quit, help, palette).

Kept apart from ``tui.app`` so the help screen can list them without importing the app (the
app imports the screens, never the other way round).
"""

from __future__ import annotations

from textual.binding import BindingType

from tui.keys import binding


class AppKeys:
    BINDINGS: list[BindingType] = [
        binding("app.quit", "quit", "Quit", show=False, priority=True),
        binding("app.help", "help", "Help"),
        binding("app.palette", "command_palette", "Commands", show=False, priority=True),
        # ^g closes the command palette (as Esc does), emacs' "cancel"; elsewhere it is skipped
        binding("app.close_palette", "close_palette", "", show=False, priority=True),
    ]
