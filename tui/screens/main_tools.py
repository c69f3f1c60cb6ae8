"""Tool actions of the main screen: search, filters, compare, export, ingest, feeds, explain."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual import work
from textual.widgets import Static

from tui.core.query import QueryError, parse
from tui.core.textutil import safe_line
from tui.keys import binding
from tui.screens import saved_filters
from tui.screens.dialogs import PromptDialog, TextDialog
from tui.screens.export_dialog import ExportDialog, ExportRequest
from tui.screens.ingest_dialog import IngestDialog
from tui.screens.query_dialog import QueryDialog
from tui.widgets.rows import outlet_of


class ToolActions:
    TOOL_BINDINGS = [
        binding("main.compare", "compare", "Compare"),
        binding("main.search", "search", "Search"),
        binding("main.filter", "filter", "Filter"),
        binding("main.clear_filter", "clear_filter", "Clear filter", show=False),
        binding("main.save_filter", "save_filter", "Save filter", show=False),
        binding("main.delete_filter", "delete_filter", "Delete the saved filter under the cursor",
                show=False),
        binding("main.export", "export", "Export", show=False),
        binding("main.ingest", "ingest", "Ingest", show=False),
        binding("main.refresh_feeds", "refresh_feeds", "Refresh feeds", show=False),
        binding("main.explain", "explain", "Why in this story", show=False),
        binding("main.toggle_raw", "toggle_raw", "Original/clean text", show=False),
        binding("main.toggle_bidi", "toggle_bidi", "Right-to-left layout", show=False),
    ]

    # ---- finding -----------------------------------------------------------------------------
    def action_search(self) -> None:
        try:
            flt = parse(self.query_text)
        except QueryError:
            flt = parse("")

        def done(words: str | None) -> None:
            if words is not None:
                self.apply_query(replace(flt, text="").to_string() + " " + words
                                 if words else replace(flt, text="").to_string())

        self.app.push_screen(QueryDialog("Search titles, bodies, tags and notes (fuzzy)",
                                         flt.text, free_text=True), done)

    def action_filter(self) -> None:
        def done(query: str | None) -> None:
            if query is not None:
                self.apply_query(query)

        self.app.push_screen(QueryDialog("Filter", self.query_text, self.saved), done)

    def action_clear_filter(self) -> None:
        self.apply_query("")

    def action_save_filter(self) -> None:
        if not self.query_text:
            self.notify("No filter to save: set one first.", severity="warning")
            return

        def done(name: str | None) -> None:
            if name:
                self.save_filter(safe_line(name), self.query_text)

        self.app.push_screen(PromptDialog("Save this filter as", placeholder="a name"), done)

    def action_delete_filter(self) -> None:
        row = self.stories.cursor
        if row.kind != "filter":
            self.notify("Put the cursor on a saved filter (at the top of the list) first.")
            return
        self.save_filter(self.saved[row.index][0], None)

    @work(thread=True, group="write")
    def save_filter(self, name: str, query: str | None) -> None:
        """Save the filter ``name`` (or delete it when ``query`` is None)."""
        try:
            with self.triage.guard:
                saved = (saved_filters.delete(self.ws, name) if query is None
                         else saved_filters.save(self.ws, name, query))
        except Exception as e:  # locked workspace: say so, keep going
            self.app.call_from_thread(self.notify, f"Filters not saved: {e}", severity="error")
            return
        done = "Deleted" if query is None else "Saved"
        self.app.call_from_thread(self._saved_filters, saved, f"{done} filter {name!r}")

    def _saved_filters(self, saved, message: str) -> None:
        self.saved = saved
        self.stories.set_data(self.stories.listing, saved, self.query_text, self.keep())
        self.notify(message)

    # ---- comparing ---------------------------------------------------------------------------
    def action_compare(self) -> None:
        try:
            from tui.screens.compare import CompareScreen
        except ImportError:
            self.notify("The comparison view is not available yet.", severity="warning")
            return
        story = self.stories.story
        aid = self.current_id()
        if story is None or aid is None:
            return
        items, left, right = compare_items(self.ws, story.article_ids, aid)
        if len(items) < 2:
            self.notify("Only one text in this story: nothing to compare.")
            return
        self.app.push_screen(CompareScreen(items, left=left, right=right))

    # ---- export, ingest, feeds ---------------------------------------------------------------
    def action_export(self) -> None:
        from tui.core.export import FORMATS

        def done(req: ExportRequest | None) -> None:
            if req is not None:
                self.export(req)

        self.app.push_screen(ExportDialog(list(FORMATS), self.query_text, Path.cwd()), done)

    @work(thread=True, exclusive=True, group="export")
    def export(self, req: ExportRequest) -> None:
        from tui.core.export import has_triage, items_from, render, write_output
        from tui.screens.listing import build_listing

        try:
            if req.query:
                ids = build_listing(self.ws, parse(req.query), stories=self._faces).article_ids()
                arts = [self.ws.get(a) for a in ids]
            else:
                arts = [a for a in self.ws.articles() if has_triage(a)]
            text = render(items_from(arts, self.ws.stories()), req.fmt)
            write_output(req.path, text, force=req.force)
        except Exception as e:  # an export error is shown, never raised
            self.app.call_from_thread(self.notify, f"Export failed: {e}", severity="error")
            return
        self.app.call_from_thread(self.notify, f"Exported {len(arts)} articles to {req.path}")

    def action_ingest(self) -> None:
        def done(changed: bool | None) -> None:
            if changed:
                self.rebuild(self.current_filter(), regrouped=True)

        self.app.push_screen(IngestDialog(self.ws, self.triage.guard), done)

    def action_refresh_feeds(self) -> None:
        self.notify("Refreshing feeds...")
        self.refresh_feeds()

    @work(thread=True, exclusive=True, group="feeds")
    def refresh_feeds(self) -> None:
        from tui.core.sources.refresh import refresh
        from tui.core.sources.subscriptions import Subscriptions

        try:
            if not Subscriptions.load(self.ws.root).list():
                self.app.call_from_thread(
                    self.notify, "No feeds yet: add some with `wiredesk feeds add URL`.")
                return
            with self.triage.guard:
                report = refresh(self.ws.root, self.ws.ingest, self._feed_progress,
                                 lock=self.ws.lock)
        except Exception as e:  # network or lock trouble: report it
            self.app.call_from_thread(self.notify, f"Refresh failed: {e}", severity="error")
            return
        finally:
            self.app.call_from_thread(self.update_status)
        self.app.call_from_thread(self.notify, report.lines()[-1])
        self.app.call_from_thread(self.rebuild, self.current_filter(), False, True)

    def _feed_progress(self, done: int, total: int, url: str) -> None:
        """Called from the refreshing thread: show how far it got in the status line."""
        line = Text(f"Refreshing feeds: {done}/{total}  ")
        line.append(safe_line(url), style="dim")
        self.app.call_from_thread(self.query_one("#status", Static).update, line)

    # ---- the reader --------------------------------------------------------------------------
    def action_explain(self) -> None:
        aid = self.current_id()
        if aid:
            self.explain(aid)

    @work(thread=True, exclusive=True, group="explain")
    def explain(self, aid: str) -> None:
        try:
            with self.triage.guard:  # not from a grouper read while a correction is written
                lines = self.ws.explain(aid)
        except Exception as e:  # grouping state may be missing in an old workspace
            lines = [f"No explanation available: {e}"]
        title = f"Why {self.ws.get(aid).title!r} is in this story"
        self.app.call_from_thread(self.app.push_screen, TextDialog(title, lines or ["(none)"]))

    def action_toggle_raw(self) -> None:
        self.show_raw = not self.show_raw
        self.show_article()
        self.update_status()

    def action_toggle_bidi(self) -> None:
        order = ["auto", "on", "off"]
        mode = order[(order.index(self.reader.rtl_mode) + 1) % len(order)]
        self.reader.set_rtl_mode(mode)
        self.stories.rtl = mode != "off"
        self.stories.refresh()
        self.notify(f"Right-to-left layout: {mode}")


def compare_items(ws, article_ids: list[str], current: str):
    """Every text of a story (each version of each article) and the pair to open first.

    With several versions of the current article: its last two versions; else the current
    article beside the next text of the story.
    """
    from tui.core.diff.model import CompareItem

    items, first_of = [], {}
    for aid in article_ids:
        a = ws.get(aid)
        n = len(a.versions)
        first_of[aid] = len(items)
        for i, v in enumerate(a.versions):
            date = ((a.meta.get("date") or "") if i == n - 1 else v.ingested)[:10] or None
            label = outlet_of(a)[0]
            items.append(CompareItem(
                id=aid if n == 1 else f"{aid}@{i + 1}",
                outlet=label if n == 1 else f"{label} (version {i + 1}/{n})",
                date=date, lang=a.meta.get("lang"), title=a.meta.get("title"),
                text=ws.body(a, i)))
    start = first_of[current]
    n = len(ws.get(current).versions)
    if n > 1:
        return items, start + n - 2, start + n - 1
    right = start + 1 if start + 1 < len(items) else 0
    return items, start, right if right != start else min(1, len(items) - 1)
