"""Typed messages the main screen's workers post back to it (workers never touch widgets).

Every worker of the main screen calls the desk (``tui.desk``) in its thread and reports with one
of these; the screen handles them on the UI thread with ``@on(...)``.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.message import Message

from tui.desk import DiskChange, Listing
from tui.desk.filters import SavedFilters

Keep = tuple[str | None, str | None]  # (story id, article id) the cursor stays on
TOP: Keep = ("", None)  # a new search: the cursor on its first story (``StoryList.set_data``)


class ListingReady(Message):
    """A new list was selected off the UI thread."""

    def __init__(self, listing: Listing, keep: Keep, search: int = 0) -> None:
        super().__init__()
        self.listing, self.keep = listing, keep
        self.search = search  # the typed search it answers (MainScreen._searches then)


class DiskChanged(Message):
    """Another process changed the workspace (a newer report replaces an older one)."""

    def __init__(self, change: DiskChange) -> None:
        super().__init__()
        self.change = change

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, DiskChanged) and message.change == self.change


class Regrouped(Message):
    """A grouping correction (or its undo) was written: ``changed`` article ids."""

    def __init__(self, label: str, changed: list[str], *, undone: bool) -> None:
        super().__init__()
        self.label, self.changed, self.undone = label, changed, undone


class FiltersSaved(Message):
    """The saved filters changed (saved, deleted, or put back by undo)."""

    def __init__(self, saved: SavedFilters, notice: str) -> None:
        super().__init__()
        self.saved, self.notice = saved, notice


class Notice(Message):
    """Something to tell the user from a worker (``severity`` as ``App.notify`` takes it)."""

    def __init__(self, text: str, severity: str = "information", *, rebuild: bool = False) -> None:
        super().__init__()
        self.text, self.severity, self.rebuild = text, severity, rebuild


class Progress(Message):
    """A line for the status bar while a long job runs (feed refresh, a big save); ``done``:
    the job ended (the status line shows the list again)."""

    def __init__(self, text: str, done: bool = False) -> None:
        super().__init__()
        self.text, self.done = text, done

    def can_replace(self, message: Message) -> bool:  # (Textual drops *this* one then)
        return isinstance(message, Progress) and not message.done


class Recounted(Message):
    """From the writer thread: these stories' counts changed once their saves were done (their
    rows are drawn again). Never dropped for a newer message (the default ``can_replace``)."""

    def __init__(self, stories: Sequence[str]) -> None:
        super().__init__()
        self.stories = stories
