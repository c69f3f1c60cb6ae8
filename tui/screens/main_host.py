"""What the main screen's key helpers may use of it: declared here, not reached into.

:class:`DeskScreen` is the main screen as its helpers (``TriageKeys``, ``GroupingKeys``,
``ToolKeys``) see it: the desk, the list, the reader, the filter, and the few operations they
call back. ``MainScreen`` implements it; the helpers import only this module, so no cycle runs
between the screen and its helpers.
"""

from __future__ import annotations

from textual.screen import Screen

from tui.core.query import Filter, parse
from tui.desk import Desk
from tui.desk.filters import SavedFilters
from tui.widgets.keylabels import keys_label
from tui.widgets.reader import Reader
from tui.widgets.story_list import StoryList


class DeskScreen(Screen):
    desk: Desk
    query_text: str  # the filter applied, as typed

    @property
    def saved(self) -> SavedFilters:
        return self.desk.saved

    @property
    def stories(self) -> StoryList:
        return self.query_one(StoryList)

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    def current_id(self) -> str | None:
        """The article under the cursor (on a story row: the one the reader shows)."""
        return self.stories.article_id

    def nothing_here(self) -> None:
        """Say why a key for an article did nothing: an empty list, or a saved filter's row
        (the keys were ignored without a word; the key bar offers them everywhere)."""
        keys: dict[str, str] = getattr(self.app, "keys", {})

        def k(bid: str, fallback: str) -> str:
            return keys_label(keys.get(bid, fallback), 1)

        listing = self.stories.listing
        if listing.stories:
            self.notify("Nothing to act on here: put the cursor on a story or an article.")
            return
        help_ = f"{k('app.help', 'question_mark')} lists every key"
        if listing.archived_left_out:  # not empty: every story it would show is archived
            n = listing.archived_left_out
            self.notify(
                f"Nothing to act on: {n} archived {'story is' if n == 1 else 'stories are'} left "
                f"out of the list ({k('main.filter', 'f')} then archived shows them; "
                f"{k('main.undo', 'u')} undoes the last archive; {help_})."
            )
            return
        if self.query_text:
            what = f"{k('main.clear_filter', 'F')} clears the filter"
        else:
            what = f"{k('main.ingest', 'i')} ingests a file or folder"
        self.notify(f"Nothing to act on: the list is empty ({what}; {help_}).")

    def current_filter(self) -> Filter | None:
        return parse(self.query_text) if self.query_text else None

    def targets(self) -> list[str]:
        """The articles an action applies to, in list order: the marked ones, else the whole
        story on a story row, else the article under the cursor."""
        sl = self.stories
        if sl.marked:
            return sl.listing.in_order(sl.marked)
        story = sl.story
        if story is not None and sl.cursor.kind == "story":
            return list(sl.listing.members.get(story.id, ()))
        aid = self.current_id()
        if not aid:
            self.nothing_here()
        return [aid] if aid else []

    def marked_targets(self) -> list[str]:
        """The marked articles in list order (none marked: none)."""
        return self.targets() if self.stories.marked else []

    def apply_query(self, query: str, typed: bool = False) -> None:
        """Filter the list by a search string ("" clears the filter)."""
        raise NotImplementedError

    def rebuild(self, flt: Filter | None = None, reload: bool = False,
                regrouped: bool = False, first: bool = False, top: bool = False) -> None:
        """Select the list again off the UI thread."""
        raise NotImplementedError

    def refresh_rows(self, *story_ids: str) -> None:
        """Repaint after a triage change (counts of the given stories recomputed)."""
        raise NotImplementedError


class ScreenKeys:
    """What each key helper of the main screen starts from: the screen and its desk."""

    def __init__(self, screen: DeskScreen) -> None:
        self.screen = screen
        self.desk = screen.desk
