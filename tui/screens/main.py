"""The main screen: the story list beside (or, on narrow screens, instead of) the reader.

The screen shows what the desk (``tui.desk.Desk``) gives it and asks the desk for every change;
it holds no lock and touches no file. The keys are handled by four helper objects, each named
for its job (:class:`~tui.screens.main_triage.TriageKeys`, ``GroupingKeys``, ``ToolKeys``, and
``main_hold.HeldKeys`` for keys typed ahead of a search's list); their workers call the desk
and report back with the messages of :mod:`main_messages`.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import Reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import get_current_worker

from tui import app_later
from tui.config import Config, remember, remembered_sort
from tui.core.query import Filter
from tui.desk import Cancelled, Desk, DiskChange, Listing
from tui.desk.select import unreadable_note
from tui.keys import binding
from tui.screens import main_messages as msg
from tui.screens.main_actions import ActionScreen
from tui.screens.main_header import article_header, plural
from tui.screens.main_hold import HOLD_AT_MOST, HeldKeys
from tui.screens.main_stories import STORY_BINDINGS, GroupingKeys
from tui.screens.main_tools import TOOL_BINDINGS, ToolKeys, shell_where
from tui.screens.main_triage import TRIAGE_BINDINGS, TriageKeys
from tui.widgets.keybar import KeyBar
from tui.widgets.keylabels import keys_label
from tui.widgets.panes import NARROW, list_width
from tui.widgets.reader import Reader
from tui.widgets.story_list import StoryList

POLL_SECONDS = 2.0
LOOK_AFTER = 1.5  # seconds: the look over every file (a thread) waits for the first paint
__all__ = ["MainScreen", "article_header", "plural"]


class MainScreen(ActionScreen):
    # Textual repaints the whole screen when the focus moves (open, back: two a key); the two
    # panes repaint themselves (their styles and titles change), nothing else shows the focus
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    BINDINGS = [
        binding("main.open", "open", "Open", show=False),
        binding("main.quit", "quit", "Quit"),
        binding("main.quit", "close_reader", "Back"),  # the same key, while reading
        binding("app.back", "back", "Back", show=False),
        binding("main.next_unread", "next_unread", "Next unread", show=False),
        binding("main.focus_next", "switch_pane", "Other pane", show=False),
        binding("main.focus_previous", "switch_pane", "Other pane", show=False),
        binding("main.sort", "cycle_sort", "Sort", show=False),
        *TRIAGE_BINDINGS,
        *STORY_BINDINGS,
        *TOOL_BINDINGS,
    ]

    def __init__(
        self,
        desk: Desk,
        config: Config,
        listing: Listing | None = None,
        keys: dict[str, str] | None = None,
    ) -> None:
        """``listing``: the unfiltered list if already built (off the UI thread); ``keys``: the
        keymap (binding id -> keys), for the keys the screen names."""
        super().__init__()
        self.desk, self.config, self.keys = desk, config, keys or {}
        self.query_text, self.show_raw = "", False
        self.reading = False  # narrow layout: the reader is shown instead of the list
        self._first_listing = listing
        self._first_part: tuple[msg.Keep, msg.Keep] = ((None, None), (None, None))
        self.held: list[events.Key] | None = None  # keys typed while a search's list is read
        self._searches = 0  # typed searches so far: a list releases the held keys of its own
        self._hold_timer: Timer | None = None  # one release timer: the latest search's
        self.triage = TriageKeys(self)
        self.grouping = GroupingKeys(self)
        self.tools = ToolKeys(self)
        self.hold = HeldKeys(self)  # keys typed after a search's Enter, for its list

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Horizontal(id="panes"):
            yield StoryList(
                self.desk.get,
                id="stories",
                listing=self._first_listing,
                brief=self.desk.held.brief,
                where=shell_where(self.desk.root),
            )
            yield Reader(id="reader")
        yield KeyBar("list")  # the keys that matter here, fitted; the help screen has them all

    def on_mount(self) -> None:
        self.reader.rtl_mode = self.config.rtl_layout
        self.stories.rtl = self.config.rtl_layout != "off"
        self.stories.sort, self.stories.keys = remembered_sort(self.config), self.keys
        self._narrow(self.app.size.width)
        listing, self._first_listing = self._first_listing, None
        if listing is None:
            listing = self.desk.select(None)
        self.stories.set_data(listing, self.saved, "")
        self.stories.focus()
        self.update_status()
        self.set_interval(POLL_SECONDS, self.poll_disk)
        self.set_timer(LOOK_AFTER, self.tools.look_over)  # in-place edits, damage: once painted
        self.call_after_refresh(self.set_timer, app_later.AFTER, app_later.start)  # once painted

    def on_resize(self, event: events.Resize) -> None:
        self._narrow(event.size.width)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.query_one(KeyBar).mode = "reader" if self.in_reader else "list"  # (a click too)

    def _narrow(self, width: int) -> None:
        narrow = width < NARROW
        self.set_class(narrow, "-narrow")  # changes only on a resize across NARROW
        self.stories.styles.width = None if narrow else list_width(width)
        # Reading when narrow: the reader in the list's place. Shown and hidden on the two
        # panes, not by a class of the screen: a class that changes restyles every widget on
        # the screen (7 ms of the 17 ms an open took at 1,000,000 articles, and again back).
        reading = self.reading and narrow
        self.stories.display = not reading
        self.reader.display = reading or not narrow
        self.query_one(KeyBar).mode = "reader" if self.in_reader else "list"
        self.refresh_bindings()

    @property
    def in_reader(self) -> bool:
        """Reading an article: ``q`` goes back to the list instead of quitting."""
        return self.reading or isinstance(self.focused, Reader)

    @property
    def help_section(self) -> str | None:  # where help (?) opens: the reader's keys, the top
        return "reader" if self.in_reader else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show (and run) "Quit" on the list and "Back" in the reader: one key, two meanings."""
        if action == "quit":
            return not self.in_reader
        if action == "close_reader":
            return self.in_reader
        return True

    # ---- the list and the reader -------------------------------------------------------------
    @on(StoryList.CursorMoved)
    def cursor_moved(self, event: StoryList.CursorMoved) -> None:
        self.show_article()
        self.triage.read_ahead()  # its story's triage, for a first key on its row (issue 16)

    @on(StoryList.SortChanged)
    def sort_changed(self, event: StoryList.SortChanged) -> None:
        remember("sort", event.mode)
        q = keys_label(self.keys.get("main.quit", "q"), 1)
        hidden = "" if self.stories.display else f" (the list behind the reader: {q} shows it)"
        self.notify(f"Stories sorted {self.stories.order_said()}{hidden}.")

    @on(StoryList.Activated)
    def activated(self, event: StoryList.Activated) -> None:
        self.action_open()

    def show_article(self) -> None:
        aid = self.current_id()
        if aid is None:
            self.reader.show(None, [], "")
            return
        body = self.desk.text(aid, raw=self.show_raw)
        a = self.desk.held.brief(aid)  # the index's row (or this process's copy): no file read
        story = self.stories.story  # the whole story's size, not the filter's
        head = article_header(a, raw=self.show_raw, alone=story is None or story.size < 2)
        self.reader.show(aid, head, body, article=a, verbatim=self.show_raw)

    def refresh_rows(self, *story_ids: str, articles: Iterable[str] | None = None) -> None:
        """Repaint after a triage change (counts of the given stories recomputed; ``articles``:
        the articles changed, when known: of the article rows only theirs are drawn again)."""
        self.desk.recount(story_ids, self.stories.listing)
        self.stories.redraw(story_ids or None, articles)
        self.show_article()
        self.update_status()

    @on(msg.Notice)
    def notice(self, event: msg.Notice) -> None:
        self.notify(event.text, severity=event.severity)  # type: ignore[arg-type]
        if event.rebuild:
            self.rebuild(self.current_filter(), regrouped=True)

    # ---- filters and the list ----------------------------------------------------------------
    def keep(self) -> msg.Keep:
        story = self.stories.story
        return (story.id if story else None, self.current_id())

    def rebuild(
        self,
        flt: Filter | None = None,
        reload: bool = False,
        regrouped: bool = False,
        first: bool = False,
        top: bool = False,
    ) -> None:
        """Select the list again off the UI thread (a free-text filter reads bodies).

        ``reload``: read what other processes changed; ``regrouped``: articles were added or
        moved (the story faces are rebuilt; triage changes keep them). ``first``: a new filter,
        whose first part (the index's first results of words, the top of a dated filter) is
        shown at once, the whole answer after it; other rebuilds (the poll, archive, undo,
        corrections) leave the list shown until the whole answer comes. ``top``: a new search,
        whose lists (its first part, then the whole, unless the cursor moved) put the cursor on
        their first story.
        """
        if top:
            self._first_part = (msg.TOP, self.keep())  # (a first part still shown: the same)
            self.held = self.held or []  # keys typed now act on the list the search gives
            self._searches += 1
            if self._hold_timer is not None:  # (an earlier search's: its keys were for this one)
                self._hold_timer.stop()
            self._hold_timer = self.set_timer(HOLD_AT_MOST, self.hold.long)
        keep, order = msg.TOP if top else self._keep_whole(), self.stories.sort
        search = self._searches

        def work() -> None:
            worker = get_current_worker()
            stop = lambda: worker.is_cancelled
            try:
                listing = self.desk.select(
                    flt,
                    reload=reload,
                    regrouped=regrouped,
                    quick=first,
                    order=order,
                    cancelled=stop,
                )
                if listing.partial and not worker.is_cancelled:
                    self.post_message(msg.ListingReady(listing, keep, search))
                    listing = self.desk.select(flt, cancelled=stop)
            except Cancelled:
                return
            if not worker.is_cancelled:
                self.post_message(msg.ListingReady(listing, keep, search))

        self.run_worker(work, thread=True, exclusive=True, group="listing", name="rebuild")

    def _keep_whole(self) -> msg.Keep:
        """Where the next list puts the cursor: where it is, but while a first part is shown
        and the cursor has not moved since, where it was before that part came."""
        given, placed = self._first_part
        here = self.keep()
        return given if self.stories.listing.partial and here == placed else here

    @on(msg.ListingReady)
    def show_listing(self, event: msg.ListingReady) -> None:
        listing, sl = event.listing, self.stories
        keep = self._keep_whole() if sl.listing.partial else event.keep
        if sl.marked and not listing.partial:  # (a first part: the marks outside it stay)
            sl.marked &= set(listing.in_order(sl.marked))
        sl.set_data(listing, self.desk.reload_filters(), self.query_text, keep)
        self._first_part = (keep, self.keep())
        self.update_status()
        if event.search == self._searches:  # (an earlier search's list: not the one awaited)
            self.hold.send()
        if listing.unreadable:
            self.notify(unreadable_note(listing.unreadable), severity="warning", timeout=8)

    def holds(self, key: events.Key) -> bool:
        """Called by the app with each key while this screen is in front (see main_hold)."""
        return self.hold.holds(key)

    def on_screen_resume(self) -> None:
        self.hold.resume()

    def poll_disk(self) -> None:
        if not self.desk.pending and self.is_current:
            self.check_disk()

    def check_disk(self) -> None:
        """Ask the desk (off the UI thread) what another process changed."""
        self.run_worker(
            lambda: self.post_message(msg.DiskChanged(self.desk.check_disk())),
            thread=True,
            exclusive=True,
            group="poll",
            name="check_disk",
        )

    @on(msg.DiskChanged)
    def disk_changed(self, event: msg.DiskChanged) -> None:
        """Pick up changes another process (the command line) made to the workspace."""
        if event.change is DiskChange.WORKSPACE:
            self.rebuild(self.current_filter(), reload=True)
        elif event.change is DiskChange.FILTERS:
            self._reload_filters()

    def _reload_filters(self) -> None:
        self.stories.set_data(
            self.stories.listing, self.desk.reload_filters(), self.query_text, self.keep()
        )

    @on(msg.FiltersSaved)
    def filters_saved(self, event: msg.FiltersSaved) -> None:
        self.stories.set_data(self.stories.listing, event.saved, self.query_text, self.keep())
        self.notify(event.notice)

    @on(msg.Regrouped)
    def regrouped(self, event: msg.Regrouped) -> None:
        self.grouping.regrouped(event)

    # ---- moving around -----------------------------------------------------------------------
    def action_open(self) -> None:
        row = self.stories.cursor
        if row.kind == "filter":
            query = self.saved[row.index][1]
            self.apply_query("" if query == self.query_text else query)
            return
        aid = self.current_id()
        if aid is None:
            self.nothing_here()
            return
        if self.config.mark_read_on_open and self.desk.mark_read(aid):
            self.refresh_rows(self.desk.story_of(aid), articles=[aid])
        self.reading = True
        self._narrow(self.app.size.width)
        self.reader.focus()

    def action_back(self) -> None:
        if self.in_reader:
            self.reading = False
            self._narrow(self.app.size.width)
            self.stories.focus()
        elif self.stories.marked:
            self.stories.marked.clear()
            self.refresh_rows()

    async def action_quit(self) -> None:
        if self.in_reader:
            self.action_back()
        else:
            await self.app.action_quit()

    def action_close_reader(self) -> None:  # (main.quit while reading)
        self.action_back()

    def action_switch_pane(self) -> None:
        if self.reader.has_focus:
            self.action_back()
        else:
            self.reading = True
            self._narrow(self.app.size.width)
            self.reader.focus()

    def action_cycle_sort(self) -> None:  # S in the reader (the list has its own): said
        self.stories.action_cycle_sort()

    def action_next_unread(self) -> None:
        self.triage.next_unread()

    def action_toggle_raw(self) -> None:
        self.show_raw = not self.show_raw
        self.show_article()
        self.update_status()

    def action_toggle_bidi(self) -> None:
        self.tools.toggle_bidi()
