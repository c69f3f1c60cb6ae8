"""The main screen: the story list beside (or, below 100 columns, instead of) the reader."""

from __future__ import annotations

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from tui.core.query import QueryError, parse
from tui.core.textutil import safe_line
from tui.keys import binding
from tui.screens import saved_filters
from tui.screens.listing import Cancelled, Listing, build_listing
from tui.screens.main_stories import StoryActions
from tui.screens.main_tools import ToolActions
from tui.screens.main_triage import TriageActions
from tui.screens.watch import stamp
from tui.widgets.reader import Reader
from tui.widgets.rows import outlet_of
from tui.widgets.story_list import StoryList

NARROW = 100  # below this many columns the reader replaces the list instead of sitting beside it
POLL_SECONDS = 2.0


class MainScreen(TriageActions, StoryActions, ToolActions, Screen):
    BINDINGS = [
        binding("main.open", "open", "Open", show=False),
        binding("main.quit", "quit", "Quit"),
        binding("main.quit", "close_reader", "Back"),  # the same key, while reading
        binding("app.back", "back", "Back", show=False),
        binding("main.next_unread", "next_unread", "Next unread", show=False),
        binding("main.focus_next", "switch_pane", "Other pane", show=False),
        binding("main.focus_previous", "switch_pane", "Other pane", show=False),
        *TriageActions.TRIAGE_BINDINGS,
        *StoryActions.STORY_BINDINGS,
        *ToolActions.TOOL_BINDINGS,
    ]

    def __init__(self, ws, triage, config, listing: Listing | None = None) -> None:
        """``listing``: the unfiltered list if already built (off the UI thread)."""
        super().__init__()
        self.ws, self.triage, self.config = ws, triage, config
        self.query_text = ""
        self.saved = saved_filters.load(ws.root)
        self.show_raw = False
        self.reading = False  # narrow layout: the reader is shown instead of the list
        self._stamp = stamp(ws.root)
        # The story faces shown (kept current between regroupings); cached by the workspace.
        self._faces = ws.stories() if listing else None
        self._faces_by_id: tuple = (None, {})
        self._first_listing = listing

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Horizontal(id="panes"):
            yield StoryList(self.ws.get, id="stories")
            yield Reader(id="reader")
        yield Footer(show_command_palette=False)  # the help screen names its key

    @property
    def stories(self) -> StoryList:
        return self.query_one(StoryList)

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    def on_mount(self) -> None:
        self.reader.rtl_mode = self.config.rtl_layout
        self.stories.rtl = self.config.rtl_layout != "off"
        self._narrow(self.app.size.width)
        listing, self._first_listing = self._first_listing, None
        if listing is None:
            self._faces = self.ws.stories()
            listing = build_listing(self.ws, None, stories=self._faces)
        self.stories.set_data(listing, self.saved, "")
        self.stories.focus()
        self.update_status()
        self.set_interval(POLL_SECONDS, self.poll_disk)

    def on_resize(self, event: events.Resize) -> None:
        self._narrow(event.size.width)

    def _narrow(self, width: int) -> None:
        self.set_class(width < NARROW, "-narrow")
        self.set_class(self.reading, "-reading")
        self.refresh_bindings()

    @property
    def in_reader(self) -> bool:
        """Reading an article: ``q`` goes back to the list instead of quitting."""
        return self.reading or isinstance(self.focused, Reader)

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

    @on(StoryList.Activated)
    def activated(self, event: StoryList.Activated) -> None:
        self.action_open()

    def current_id(self) -> str | None:
        return self.stories.article_id

    def show_article(self) -> None:
        aid = self.current_id()
        if aid is None:
            self.reader.show(None, [], "")
            return
        a = self.ws.get(aid)
        try:
            body = self.ws.raw(a) if self.show_raw else self.ws.body(a)
        except Exception as e:  # an unreadable body file is shown, not raised
            body = f"(cannot read this article's text: {e})"
        self.reader.show(aid, article_header(a, raw=self.show_raw), body)

    def refresh_rows(self, *story_ids: str) -> None:
        """Repaint after a triage change (counts of the given stories recomputed)."""
        from tui.screens.listing import recount

        by_id = self.faces_by_id()
        for sid in story_ids:
            if sid in by_id:
                recount(self.ws, by_id[sid])
        self.stories.refresh()
        self.show_article()
        self.update_status()

    def faces_by_id(self) -> dict:
        """Story id -> the story face shown for it (rebuilt only when the faces are)."""
        if self._faces_by_id[0] is not self._faces:
            self._faces_by_id = (self._faces, {s.id: s for s in self._faces or ()})
        return self._faces_by_id[1]

    def update_status(self) -> None:
        listing = self.stories.listing
        line = Text("Wiredesk ", style="bold")
        line.append(f"{plural(len(listing.stories), 'story', 'stories')}, "
                    f"{plural(listing.article_count, 'article')}")
        if self.query_text:
            line.append("  filter: ")
            line.append(safe_line(self.query_text), style="bold")
        if self.stories.marked:
            line.append(f"  {len(self.stories.marked)} marked", style="bold")
        if self.show_raw:
            line.append("  [raw text]")
        self.query_one("#status", Static).update(line)

    # ---- filters -----------------------------------------------------------------------------
    def apply_query(self, query: str) -> None:
        try:
            flt = parse(query) if query.strip() else None
        except QueryError as e:
            self.notify(str(e), severity="error")
            return
        self.query_text = query.strip()
        self.query_one("#status", Static).update(Text("Searching..."))
        self.rebuild(flt)

    def keep(self) -> tuple[str | None, str | None]:
        story = self.stories.story
        return (story.id if story else None, self.current_id())

    @work(thread=True, exclusive=True, group="listing")
    def rebuild(self, flt=None, reload: bool = False, regrouped: bool = False) -> None:
        """Recompute the list off the UI thread (a free-text filter reads bodies).

        ``reload``: read what other processes changed; ``regrouped``: articles were added or
        moved (the story faces are rebuilt; triage changes keep them, counts are kept current
        by :meth:`refresh_rows`).
        """
        worker = get_current_worker()
        keep = self.keep()
        self.triage.flush(10)  # archive states and counts must be on disk and in memory
        try:
            if reload:
                with self.triage.guard:
                    self.ws.reload()
            if reload or regrouped or self._faces is None:
                with self.triage.guard:  # not while a correction is rewriting the articles
                    self._faces = self.ws.stories()
            listing = build_listing(self.ws, flt, stories=self._faces,
                                    cancelled=lambda: worker.is_cancelled)
        except Cancelled:
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_listing, listing, keep)

    def _show_listing(self, listing: Listing, keep) -> None:
        self.saved = saved_filters.load(self.ws.root)
        if self.stories.marked:
            self.stories.marked &= set(listing.article_ids())
        self.stories.set_data(listing, self.saved, self.query_text, keep)
        self.update_status()

    def current_filter(self):
        return parse(self.query_text) if self.query_text else None

    def poll_disk(self) -> None:
        if not self.triage.pending and self.is_current:
            self.check_disk()

    @work(thread=True, exclusive=True, group="poll")
    def check_disk(self) -> None:
        """Pick up changes another process (the command line) made to the workspace."""
        now = stamp(self.ws.root)
        before, self._stamp = self._stamp, now
        if before == now:
            return
        # a story folder changed by this app's own archive needs no reload of the workspace
        stories = before.stories != now.stories and now.stories != self.ws.stories_written
        if before.articles != now.articles and self.ws.changed_on_disk() or stories:
            self.app.call_from_thread(self.rebuild, self.current_filter(), True)
        elif before.filters != now.filters:
            self.app.call_from_thread(self._reload_filters)

    def _reload_filters(self) -> None:
        self.saved = saved_filters.load(self.ws.root)
        self.stories.set_data(self.stories.listing, self.saved, self.query_text, self.keep())

    # ---- moving around -----------------------------------------------------------------------
    def action_open(self) -> None:
        row = self.stories.cursor
        if row.kind == "filter":
            query = self.saved[row.index][1]
            self.apply_query("" if query == self.query_text else query)
            return
        aid = self.current_id()
        if aid is None:
            return
        if self.config.mark_read_on_open and not self.ws.get(aid).triage.read:
            self.triage.change("read", [aid], read=True, record=False)
            self.refresh_rows(self.ws.get(aid).story or aid)
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

    def action_close_reader(self) -> None:
        self.action_back()

    def action_switch_pane(self) -> None:
        if self.reader.has_focus:
            self.action_back()
        else:
            self.reading = True
            self._narrow(self.app.size.width)
            self.reader.focus()

    def action_next_unread(self) -> None:
        sl = self.stories
        stories, cur = sl.listing.stories, sl.cursor
        start = cur.index if cur.kind != "filter" else 0
        after = cur.article if cur.kind == "article" else -1
        for si in range(start, len(stories)):
            ids = sl.listing.members[stories[si].id]
            for ai, aid in enumerate(ids):
                if si == start and cur.kind != "filter" and ai <= after:
                    continue
                if not self.ws.get(aid).triage.read:
                    sl.goto(stories[si].id, aid)
                    return
        self.notify("No unread article below.")


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def article_header(a, *, raw: bool = False) -> list[tuple[str, str]]:
    """The reader's header lines for article ``a``: (style part, text)."""
    m, t = a.meta, a.triage
    head = [("title", a.title)]
    facts = [outlet_of(a)[0], m.get("author"), m.get("date"), m.get("dateline"),
             m.get("lang"), a.sameness]
    head.append(("meta", "  ·  ".join(x for x in facts if x)))
    marks = ["starred" if t.starred else "", "read" if t.read else "unread"]
    if t.tags:
        marks.append("tags: " + ", ".join(t.tags))
    head.append(("triage", "  ·  ".join(x for x in marks if x)))
    if t.note:
        head.append(("triage", "note: " + " ".join(t.note.split())[:200]))
    if len(a.versions) > 1:
        head.append(("meta", f"{len(a.versions)} versions: the newest is shown, "
                              "the comparison view shows what changed"))
    if raw:
        head.append(("meta", "original text as ingested (o shows the cleaned text)"))
    return head
