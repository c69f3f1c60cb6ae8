"""The main screen's status line, and the two reports its workers send for it: a long job's
progress line (``Progress``), and the stories whose counts changed once their saves were done
(``Recounted``: their rows are drawn again)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import Static

from tui.screens import main_messages as msg
from tui.screens.main_header import status_line
from tui.screens.main_host import DeskScreen


class StatusScreen(DeskScreen):
    show_raw: bool  # the reader shows an article's text as it was ingested

    def update_status(self) -> None:
        line = status_line(
            self.stories.listing, self.query_text, len(self.stories.marked), raw=self.show_raw
        )
        self.query_one("#status", Static).update(line, layout=False)  # one fixed line

    @on(msg.Progress)
    def progress(self, event: msg.Progress) -> None:
        if event.done:
            self.update_status()
        else:
            self.query_one("#status", Static).update(Text(event.text), layout=False)

    @on(msg.Recounted)
    def recounted(self, event: msg.Recounted) -> None:
        self.stories.redraw(self.stories.listing.held(event.stories), ())  # (counts only)
        self.update_status()
