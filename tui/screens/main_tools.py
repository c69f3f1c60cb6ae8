"""The main screen's tool keys: search, filters, compare, export, ingest, feeds, explain.

Slow work runs in workers that call the desk and report back with the messages of
:mod:`tui.screens.main_messages`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from tui.core.query import QueryError, parse
from tui.core.textutil import safe_line
from tui.core.workspace.paths import shell_where
from tui.desk import Desk, Step
from tui.keys import binding
from tui.screens import main_messages as msg
from tui.screens.main_host import ScreenKeys
from tui.widgets.legend import RTL_HELP
from tui.widgets.rows import outlet_of

# The dialogs, the comparison view (and the diff behind it) and the export formats are
# imported when their key is first pressed: the first screen needs none of them (issue 16).
if TYPE_CHECKING:
    from tui.core.diff.model import CompareItem
    from tui.screens.export_dialog import ExportRequest
    from tui.screens.query_dialog import QueryDialog

# After each folder the look over the files waits three times what the folder took: a
# quarter of a core at most, beside the first keys (issue 16: 1,000,000 articles)
LOOK_PAUSE = 3.0

TOOL_BINDINGS = [
    binding("main.compare", "compare", "Compare"),
    binding("main.search", "search", "Search"),
    binding("main.filter", "filter", "Filter"),
    binding("main.clear_filter", "clear_filter", "Clear filter", show=False),
    binding("main.save_filter", "save_filter", "Save filter", show=False),
    binding(
        "main.delete_filter",
        "delete_filter",
        "Delete the saved filter under the cursor",
        show=False,
    ),
    binding("main.export", "export", "Export", show=False),
    binding("main.ingest", "ingest", "Ingest", show=False),
    binding("main.refresh_feeds", "refresh_feeds", "Refresh feeds", show=False),
    binding("main.explain", "explain", "Why in this story", show=False),
    binding("main.toggle_raw", "toggle_raw", "Original/clean text", show=False),
    binding("main.toggle_bidi", "toggle_bidi", "Right-to-left layout", show=False),
]


def then_more(words: str) -> str:
    """A search or filter to edit, with a space after it: the next word typed is a word of its
    own ("qwerty" then "storm" searched for "qwertystorm")."""
    words = words.strip()
    return words + " " if words else ""


class ToolKeys(ScreenKeys):
    def _run(self, job: Callable[[], None], group: str, *, exclusive: bool = True) -> None:
        self.screen.run_worker(job, thread=True, group=group, exclusive=exclusive, name=group)

    def look_over(self) -> None:
        """Beside the first screen, compare every article file with the index the list was
        read from (edits made in place, damaged files): the list is read again if any
        changed, and damaged files are named."""

        def job() -> None:
            try:
                changed, damaged = self.desk.look_over(LOOK_PAUSE)
            except Exception:  # noqa: BLE001 - the workspace is busy: the next start looks
                return
            if damaged:
                more = f"\n...and {len(damaged) - 5} more" if len(damaged) > 5 else ""
                self.screen.post_message(
                    msg.Notice(
                        "Damaged workspace files (not read: see `wiredesk doctor`):\n"
                        + "\n".join(damaged[:5])
                        + more,
                        "warning",
                        rebuild=bool(changed),
                    )
                )
            elif changed:
                self.screen.post_message(
                    msg.Notice(
                        f"{changed} article files changed by hand: the list is read again.",
                        rebuild=True,
                    )
                )

        self._run(job, "look", exclusive=False)

    # ---- finding -----------------------------------------------------------------------------
    def search(self) -> None:
        try:
            flt = parse(self.screen.query_text)
        except QueryError:
            flt = parse("")
        rest = replace(flt, text="").to_string()

        def done(words: str | None) -> None:
            if words is not None:
                self.apply_query(rest + " " + words if words else rest, typed=True)

        from tui.screens.query_dialog import QueryDialog  # noqa: PLC0415 (tui.app_later)

        # Words that found nothing are offered selected: typing replaces them (narrowing an
        # empty answer finds nothing more); → or End keeps them, to edit.
        listing = self.screen.stories.listing
        failed = bool(flt.text.strip()) and not listing.stories and not listing.partial
        title = "Search titles, bodies, tags and notes (fuzzy)"
        if failed:
            dialog = QueryDialog(title, flt.text.strip(), free_text=True, failed=True)

            def closed(words: str | None) -> None:  # (its look-up, if still on, stops)
                self.screen.workers.cancel_group(self.screen, "which-failed")
                done(words)

            self.screen.app.push_screen(dialog, closed)
            self._which_failed(dialog, rest, flt.text.strip())
            return
        self.screen.app.push_screen(QueryDialog(title, then_more(flt.text), free_text=True), done)

    def _which_failed(self, dialog: QueryDialog, rest: str, text: str) -> None:
        """Look up each word of a failed search alone (in a worker): the dialog then selects
        only those that found nothing. The look-up stops between words once the dialog is
        closed or a newer one started (its worker cancelled): no search waits on it."""
        from textual.worker import get_current_worker  # noqa: PLC0415

        from tui.screens.query_dialog import QueryDialog, words_of  # noqa: PLC0415

        words = [w.group() for w in words_of(text)]
        if len(words) < 2:
            return

        def job() -> None:
            worker, found = get_current_worker(), []
            select, stop = self.desk.select, lambda: worker.is_cancelled  # (stops halfway too)
            for w in words:
                if worker.is_cancelled or not dialog.is_attached:
                    return  # (its answer no longer wanted)
                try:
                    found.append(bool(select(parse(f"{rest} {w}"), cancelled=stop).stories))
                except Exception:  # noqa: BLE001 - the index busy or Cancelled: all stay selected
                    return
            if not worker.is_cancelled and dialog.is_attached:
                dialog.post_message(QueryDialog.WordsFound(text, found))

        self._run(job, "which-failed")

    def apply_query(self, query: str, typed: bool = False) -> None:
        """Filter the list by ``query`` ("" clears the filter). ``typed``: a search typed with
        / or f that changes the filter puts the cursor on the first story of the answer (its
        best match: title matches come first), not the story it was on; clearing the filter,
        a saved filter chosen on its row, and every other list change keep the cursor."""
        screen = self.screen
        try:
            flt = parse(query) if query.strip() else None
        except QueryError as e:
            screen.notify(str(e), severity="error")
            return
        new = typed and query.strip() not in ("", screen.query_text)
        screen.query_text = query.strip()
        screen.query_one("#status", Static).update(Text("Searching..."), layout=False)
        screen.rebuild(flt, first=True, top=new)

    def filter(self) -> None:
        def done(query: str | None) -> None:
            if query is not None:
                self.apply_query(query, typed=True)

        from tui.screens.query_dialog import QueryDialog  # noqa: PLC0415 (tui.app_later)
        from tui.widgets.suggest import vocabulary  # noqa: PLC0415 (tui.app_later)

        # What it completes, read off the UI thread: the dialog opens at once (at 1,000,000
        # articles the outlets, languages and tags take 0.7 s of CPU) and completes when read.
        words: dict[str, list[str]] = {}
        screen = self.screen
        dialog = QueryDialog("Filter", then_more(screen.query_text), screen.saved, words=words)
        screen.app.push_screen(dialog, done)

        def read() -> None:  # an error here leaves the dialog (and what was typed) as it is
            try:
                words.update(vocabulary(self.desk.tags(), self.desk.outlets_and_langs()))
                dialog.post_message(QueryDialog.WordsReady())  # (gone: the message is dropped)
            except Exception as e:  # noqa: BLE001 - the index busy or damaged: said, not fatal
                screen.post_message(msg.Notice(f"Filter completion unavailable: {e}", "warning"))

        screen.run_worker(
            read,
            thread=True,
            group="vocabulary",
            exclusive=True,
            name="vocabulary",
            exit_on_error=False,
        )

    def save_filter(self) -> None:
        query = self.screen.query_text
        if not query:
            self.screen.notify("No filter to save: set one first.", severity="warning")
            return

        def done(name: str | None) -> None:
            if name:
                self._write_filter(safe_line(name), query)

        from tui.screens.dialogs import PromptDialog  # noqa: PLC0415 (tui.app_later)

        self.screen.app.push_screen(PromptDialog("Save this filter as", placeholder="a name"), done)

    def delete_filter(self) -> None:
        row = self.screen.stories.cursor
        if row.kind != "filter":
            self.screen.notify("Put the cursor on a saved filter (at the top of the list) first.")
            return
        self._write_filter(self.screen.saved[row.index][0], None)

    def _write_filter(self, name: str, query: str | None) -> None:
        """Save the filter ``name`` (or delete it when ``query`` is None); ``u`` undoes it."""

        def job() -> None:
            try:
                saved = self.desk.save_filter(name, query)
            except Exception as e:  # locked workspace: say so, keep going
                self.screen.post_message(msg.Notice(f"Filters not saved: {e}", "error"))
                return
            done = "Deleted" if query is None else "Saved"
            self.screen.post_message(
                msg.FiltersSaved(saved, f"{done} filter {name!r} (u undoes it)")
            )

        self._run(job, "write", exclusive=False)

    def undo_filters(self, step: Step) -> None:
        def job() -> None:
            try:
                saved = self.desk.undo_filters(step)
            except Exception as e:  # the desk keeps the step for another try
                self.screen.post_message(msg.Notice(f"Not undone: {e}", "error"))
                return
            self.screen.post_message(msg.FiltersSaved(saved, f"Undone: {step.label}"))

        self._run(job, "write", exclusive=False)

    # ---- comparing ---------------------------------------------------------------------------
    def compare(self) -> None:
        story = self.screen.stories.story
        aid = self.screen.current_id()
        if story is None or aid is None:
            self.screen.nothing_here()
            return
        items, left, right = compare_items(self.desk, story.article_ids, aid)
        if len(items) < 2:
            self.screen.notify("Only one text in this story: nothing to compare.")
            return
        from tui.screens.compare import CompareScreen  # noqa: PLC0415 (tui.app_later)

        self.screen.app.push_screen(CompareScreen(items, left=left, right=right))

    # ---- export, ingest, feeds ---------------------------------------------------------------
    def export(self) -> None:
        def done(req: ExportRequest | None) -> None:
            if req is not None:
                self._export(req)

        from tui.core.export import FORMATS  # noqa: PLC0415 (tui.app_later)
        from tui.screens.export_dialog import ExportDialog  # noqa: PLC0415 (tui.app_later)

        self.screen.app.push_screen(
            ExportDialog(list(FORMATS), self.screen.query_text, Path.cwd()), done
        )

    def _export(self, req: ExportRequest) -> None:
        def job() -> None:
            try:
                n = self.desk.export(
                    parse(req.query) if req.query else None, req.fmt, req.path, force=req.force
                )
            except Exception as e:  # an export error is shown, never raised
                self.screen.post_message(msg.Notice(f"Export failed: {e}", "error"))
                return
            self.screen.post_message(msg.Notice(f"Exported {n} articles to {req.path}"))

        self._run(job, "export")

    def ingest(self) -> None:
        def done(changed: bool | None) -> None:
            if changed:
                self.screen.rebuild(self.screen.current_filter(), regrouped=True)

        from tui.screens.ingest_dialog import IngestDialog  # noqa: PLC0415 (tui.app_later)

        self.screen.app.push_screen(IngestDialog(self.desk), done)

    def refresh_feeds(self) -> None:
        self.screen.notify("Refreshing feeds...")

        def progress(done: int, total: int, url: str) -> None:
            self.screen.post_message(
                msg.Progress(f"Refreshing feeds: {done}/{total}  {safe_line(url)}")
            )

        def job() -> None:
            try:
                last = self.desk.refresh_feeds(progress)
            except Exception as e:  # network or lock trouble: report it
                self.screen.post_message(msg.Notice(f"Refresh failed: {e}", "error"))
                return
            finally:
                self.screen.post_message(msg.Progress("", done=True))
            if last is None:
                self.screen.post_message(
                    msg.Notice(
                        "No feeds yet: add some with "
                        f"`wiredesk feeds add URL{shell_where(self.desk.root)}`."
                    )
                )
            else:
                self.screen.post_message(msg.Notice(last, rebuild=True))

        self._run(job, "feeds")

    # ---- the reader --------------------------------------------------------------------------
    def explain(self) -> None:
        aid = self.screen.current_id()
        if not aid:
            self.screen.nothing_here()
            return
        title = f"Why {self.desk.get(aid).title!r} is in this story"
        from tui.screens.dialogs import TextDialog  # noqa: PLC0415 (tui.app_later)

        def job() -> None:
            lines = self.desk.explain(aid)
            self.screen.app.call_from_thread(
                self.screen.app.push_screen, TextDialog(title, lines or ["(none)"])
            )

        self._run(job, "explain")

    def toggle_bidi(self) -> None:
        order = ["auto", "on", "off"]
        reader, stories = self.screen.reader, self.screen.stories
        mode = order[(order.index(reader.rtl_mode) + 1) % len(order)]
        reader.set_rtl_mode(mode)
        stories.rtl = mode != "off"
        stories.refresh()
        self.screen.notify(f"Right-to-left layout: {mode}: {dict(RTL_HELP)[mode]}.")


def compare_items(
    desk: Desk, article_ids: list[str], current: str
) -> tuple[list[CompareItem], int, int]:
    """Every text of a story (each version of each article) and the pair to open first.

    With several versions of the current article: its last two versions; else the current
    article beside the next text of the story.
    """
    from tui.core.diff.model import CompareItem  # noqa: PLC0415 (tui.app_later)

    items: list[CompareItem] = []
    first_of: dict[str, int] = {}
    for aid in article_ids:
        a = desk.get(aid)
        n = len(a.versions)
        first_of[aid] = len(items)
        for i, v in enumerate(a.versions):
            # one kind of date on every side (publication), whole: the header shortens it
            # as its width asks (two texts of one outlet and day differ by the hour);
            # versions are told apart by when each was fetched, in the label
            date = a.meta.get("date") or None
            label = outlet_of(a)[0]
            items.append(
                CompareItem(
                    id=aid if n == 1 else f"{aid}@{i + 1}",
                    outlet=(
                        label
                        if n == 1
                        else f"{label} (version {i + 1}/{n}, fetched {v.ingested[:10]})"
                    ),
                    date=date,
                    lang=a.meta.get("lang"),
                    title=a.meta.get("title"),
                    text=desk.ws.body(a, i),
                )
            )
    start = first_of[current]
    n = len(desk.get(current).versions)
    if n > 1:
        return items, start + n - 2, start + n - 1
    right = start + 1 if start + 1 < len(items) else 0
    return items, start, right if right != start else min(1, len(items) - 1)
