"""The story list: saved filters, stories, and the articles of the story under the cursor.

A Line-API :class:`ScrollView`: only the visible rows are rendered, so 100,000 stories cost no
more to draw than ten. Rows are computed from indexes, never materialised, and the stories
themselves may be a window onto the workspace's index (``Listing.window``): a row reads its
story's face when drawn, a page of faces at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message

from tui.desk import Listing
from tui.keys import binding
from tui.widgets.outward import copy_text, open_origin, origin_url
from tui.widgets.palette import terminal_bidi
from tui.widgets.story_draw import Row, RowDrawing
from tui.widgets.story_order import SORTS, order_label

__all__ = ["Row", "StoryList"]


class StoryList(RowDrawing, can_focus=True):
    """Stories with the focused one opened onto its articles."""

    BINDINGS: ClassVar[list[BindingType]] = [
        binding("main.down", "cursor_down", "Down", show=False),
        binding("main.up", "cursor_up", "Up", show=False),
        binding("main.page_down", "page_down", "Page down", show=False),
        binding("main.page_up", "page_up", "Page up", show=False),
        binding("main.first", "first", "First", show=False),
        binding("main.last", "last", "Last", show=False),
        binding("main.sort", "cycle_sort", "Sort", show=False),
        binding("main.open_origin", "open_origin", "Open the origin (or copy its address)",
                show=False),
        binding("main.copy", "copy", "Copy the article's address", show=False),
    ]

    class CursorMoved(Message):
        """The cursor is on another row."""

        def __init__(self, story_list: StoryList, row: Row) -> None:
            super().__init__()
            self.story_list = story_list
            self.row = row

        @property
        def control(self) -> StoryList:
            return self.story_list

    class SortChanged(Message):
        """The stories are in another order (the screen remembers it)."""

        def __init__(self, story_list: StoryList, mode: str) -> None:
            super().__init__()
            self.story_list = story_list
            self.mode = mode

    class Activated(Message):
        """A row was clicked twice (or chosen with the mouse)."""

        def __init__(self, story_list: StoryList, row: Row) -> None:
            super().__init__()
            self.story_list = story_list
            self.row = row

    def __init__(self, lookup: Callable, *, id: str | None = None,
                 listing: Listing | None = None, brief: Callable | None = None,
                 where: str = "") -> None:
        super().__init__(id=id)
        self.lookup = lookup  # article id -> Article
        # how a row reads its article, with the ids drawn next (the desk: from the index)
        self.brief = brief or (lambda aid, ahead=(): lookup(aid))
        self.listing = listing or Listing()  # shown from the first frame (set_data on mount)
        self.filters: list[tuple[str, str]] = []  # saved (name, query)
        self.active_filter: str = ""
        self.marked: set[str] = set()
        self.rtl = True
        self.terminal_bidi = terminal_bidi()
        self.sort = "size"
        self.keys: dict[str, str] = {}  # the keymap, for the empty list's guide
        self.where = where  # `` -w DIR`` for its shell commands (none: the default workspace)
        self._open = 0  # story index whose articles are shown
        self._row = Row("story", 0)
        self._unsorted: Listing | None = listing  # the listing given, in the workspace's order

    # ---- data ------------------------------------------------------------------------------
    def set_data(self, listing: Listing, filters: list[tuple[str, str]], active: str,
                 keep: tuple[str | None, str | None] = (None, None)) -> None:
        """Show a new listing, keeping the cursor on story ``keep[0]``/article ``keep[1]``.

        A cursor on a saved filter stays on that filter (found by name) when it still exists.
        ``keep[0] == ""``: the first story, wherever the cursor was (a new search: its best).
        """
        on_filter = (self.filters[self._row.index][0]
                     if self._row.kind == "filter" and self._row.index < len(self.filters)
                     else None)
        if listing is not self.listing:  # a new listing: its order is the workspace's
            self._unsorted = listing
        listing = (self._unsorted or listing).ordered(self.sort)
        self.listing, self.filters, self.active_filter = listing, filters, active
        names = [name for name, _ in filters]
        sid, aid = keep
        was = self._row.article if self._row.kind == "article" else -1
        si = listing.index_of(sid) if sid else None
        if si is None and aid:  # the story is gone (joined, undone): follow the article
            si = listing.story_of_article(aid)
        if sid is None and on_filter in names:
            self._open = self._open if self._open < len(listing.stories) else 0
            self._row = Row("filter", names.index(on_filter))
        elif si is None:
            self._open, self._row = 0, Row("story", 0)
        else:
            self._open = si
            arts = self._articles(si)
            ai = arts.index(aid) if aid in arts else -1
            if ai < 0 and was >= 0 and arts:  # the article left (split out): same place
                ai = min(was, len(arts) - 1)
            self._row = Row("article", si, ai) if ai >= 0 else Row("story", si)
        if not listing.stories and filters:
            self._row = Row("filter", 0)
        self._resize()
        self.scroll_to_cursor()
        self.forget()
        self.refresh()
        self._retitle()  # a word search may rank title matches first: said in the title
        self.post_message(self.CursorMoved(self, self._row))

    def redraw(self, story_ids: Iterable[str] | None = None,
               articles: Iterable[str] | None = None) -> None:
        """Draw again the rows of these stories (None: every row) after what they show changed:
        counts, flags, marks. ``articles``: only these articles changed, so of the article rows
        only theirs are drawn again (a star in a story of 2,000 articles repaints two rows, not
        a screenful). Rows out of view are forgotten, to be drawn when seen."""
        if story_ids is None:
            self.forget()
            self.refresh()
            return
        places = {i for i in map(self.listing.index_of, story_ids) if i is not None}
        changed = set(articles) if articles is not None else None
        self.forget(places, changed)
        for i in places:
            rows = 1 + (len(self._articles(i)) if i == self._open else 0)
            if changed is None or rows == 1 or len(changed) > self.size.height:
                self.refresh_lines(self.y_of(Row("story", i)), rows)
                continue
            self.refresh_lines(self.y_of(Row("story", i)), 1)
            for k, aid in enumerate(self._articles(i)):
                if aid in changed:
                    self.refresh_lines(self.y_of(Row("article", i, k)), 1)

    def set_sort(self, mode: str) -> None:
        """Order the stories by ``mode`` (one of :data:`SORTS`), the cursor kept on its row."""
        if mode not in SORTS:
            raise ValueError(f"unknown sort {mode!r}")
        self.sort = mode
        self._retitle()
        if self.listing.stories:
            story = self.story
            keep = (story.id if story else None, self.article_id if story else None)
            self.set_data(self.listing, self.filters, self.active_filter, keep)

    def _article(self):
        aid = self.article_id
        return self.lookup(aid) if aid else None

    def action_open_origin(self) -> None:
        open_origin(self.app, self._article())

    def action_copy(self) -> None:
        """On the list, copy the article's address (its title when it has none)."""
        a = self._article()
        if a is not None:
            url = origin_url(a)
            copy_text(self.app, None, url or a.title, "its address" if url else "its title")

    def action_cycle_sort(self) -> None:
        mode = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.set_sort(mode)
        self.post_message(self.SortChanged(self, mode))

    def _articles(self, si: int) -> list[str]:
        """The article rows under story ``si`` (none for a story of one shown article)."""
        stories = self.listing.stories
        if not 0 <= si < len(stories):
            return []
        ids = self.listing.members[stories[si].id]
        return ids if len(ids) > 1 else []

    @property
    def row_count(self) -> int:
        return len(self.filters) + len(self.listing.stories) + len(self._articles(self._open))

    def _resize(self) -> None:
        self.set_virtual_size(Size(self.size.width, self.row_count))

    def on_resize(self, event: events.Resize) -> None:
        self._resize()

    @property
    def reorder(self) -> bool:
        """Draw right-to-left titles in visual order: on, unless the layout is off or the
        terminal reorders by itself."""
        return self.rtl and not self.terminal_bidi

    # ---- focus -----------------------------------------------------------------------------
    def pane_title(self) -> str:
        """Says which order the stories are in."""
        return f"Stories · {self.order_said()}"

    def order_said(self) -> str:
        """The stories' order in words (the title, the sort's notice): the sort's, after a
        word search's title matches when it ranks them first."""
        return order_label(self.sort, self.listing.misses)

    # ---- rows ------------------------------------------------------------------------------
    def row_at(self, y: int) -> Row | None:
        nf = len(self.filters)
        if y < 0 or y >= self.row_count:
            return None
        if y < nf:
            return Row("filter", y)
        y -= nf
        n_open = len(self._articles(self._open))
        if y <= self._open:
            return Row("story", y)
        if y <= self._open + n_open:
            return Row("article", self._open, y - self._open - 1)
        return Row("story", y - n_open)

    def y_of(self, row: Row) -> int:
        nf = len(self.filters)
        if row.kind == "filter":
            return row.index
        y = nf + row.index
        if row.kind == "article":
            return y + 1 + row.article
        if row.index > self._open:
            y += len(self._articles(self._open))
        return y

    @property
    def cursor(self) -> Row:
        return self._row

    @property
    def story(self):
        """The story under the cursor (or None on a filter row or an empty list)."""
        if self._row.kind == "filter" or not self.listing.stories:
            return None
        return self.listing.stories[self._row.index]

    @property
    def article_id(self) -> str | None:
        """The article under the cursor; on a story row, its first shown article."""
        s = self.story
        if s is None:
            return None
        ids = self.listing.members[s.id]
        if self._row.kind == "article" and self._row.article < len(ids):
            return ids[self._row.article]
        return ids[0] if ids else None

    def move_to(self, y: int) -> None:
        y = max(0, min(y, self.row_count - 1))
        row = self.row_at(y)
        if row is None:
            return
        old_y, top = self.y_of(self._row), self.scroll_offset.y
        was_open, had_rows = self._open, bool(self._articles(self._open))
        if row.kind == "story" and row.index != self._open:
            self._open = row.index
            self._resize()
        # The same rows in the same places unless a story's article rows came or went.
        same_rows = self._open == was_open or not (had_rows or self._articles(self._open))
        self._row = row
        self.scroll_to_cursor()
        if self.scroll_offset.y != top:
            pass  # scrolled: the scroll repaints the whole view (rows drawn are kept)
        elif same_rows:  # only the two cursor rows changed
            self.refresh_line(old_y)
            self.refresh_line(y)
        else:  # article rows came or went: the rows from the first opened story down moved
            first = min(old_y, y, len(self.filters) + min(was_open, self._open)) - top
            self.refresh(Region(0, first, self.size.width, max(1, self.size.height - first)))
        self.post_message(self.CursorMoved(self, row))

    def goto(self, sid: str, aid: str | None = None) -> None:
        """Put the cursor on story ``sid`` (on its row for article ``aid`` when shown)."""
        si = self.listing.index_of(sid)
        if si is None:
            return
        self._open = si
        arts = self._articles(si)
        self._row = Row("article", si, arts.index(aid)) if aid in arts else Row("story", si)
        self._resize()
        self.scroll_to_cursor()
        self.refresh()
        self.post_message(self.CursorMoved(self, self._row))

    def scroll_to_cursor(self) -> None:
        y, height = self.y_of(self._row), max(1, self.size.height)
        top = self.scroll_offset.y
        if y < top:
            self.scroll_to(y=y, animate=False, immediate=True)
        elif y >= top + height:
            self.scroll_to(y=y - height + 1, animate=False, immediate=True)

    # ---- actions ---------------------------------------------------------------------------
    def action_cursor_down(self) -> None:
        self.move_to(self.y_of(self._row) + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.y_of(self._row) - 1)

    def action_page_down(self) -> None:
        self.move_to(self.y_of(self._row) + max(1, self.size.height - 1))

    def action_page_up(self) -> None:
        self.move_to(self.y_of(self._row) - max(1, self.size.height - 1))

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(self.row_count - 1)

    def on_click(self, event: events.Click) -> None:
        row_y = event.y + self.scroll_offset.y
        same = self.row_at(row_y) == self._row
        self.move_to(row_y)
        if same or event.chain > 1:
            self.post_message(self.Activated(self, self._row))
