"""The desk: the app's service between the screens and the core, without Textual.

It owns the workspace, the writer thread and its lock, the undo history, the story faces shown,
the saved filters and change detection. A workspace opened lazily (as the app opens it) is
never read whole for the list: the list is a window onto the index (``tui.desk.window``), and
the faces, counts, tags and outlets the keys need come from the index too. Screens never
take a lock: they call the desk, slow calls from worker threads (marked *blocking* below),
quick ones from the UI thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from tui.core.model import Article
from tui.core.query import Filter
from tui.core.workspace import StaleUndo, Story, Workspace, story_files
from tui.desk import ahead, counts, current, filters, held, indexed, intake
from tui.desk.current import Now, warm
from tui.desk.filters import SavedFilters
from tui.desk.intake import IngestOutcome, Progress
from tui.desk.select import Listing, ranked, select
from tui.desk.steps import Correction, Flag, Regroup, Step
from tui.desk.watch import DiskChange, stamp
from tui.desk.writer import ErrorHandler, TriageWriter

RECHECK = 5.0  # seconds the app's look at the index's folders holds (Queries.recheck); the
# poll (every 2 s, off the UI thread) renews it: a key pays the look only after a pause of it


class Desk:
    def __init__(
        self, ws: Workspace, *, on_error: ErrorHandler = lambda *_: None, depth: int = 100
    ) -> None:
        self.ws = ws
        self.root = Path(ws.root)
        self.writer = TriageWriter(ws, on_error, depth=depth)
        self.saved: SavedFilters = filters.load(self.root)
        self._faces: list[Story] | None = None
        self._faces_by_id: tuple[list[Story] | None, dict[str, Story]] = (None, {})
        self._shown: Listing | None = None  # the last list selected (a window, when lazy)
        self.held = held.Held(ws, self.writer.pending_now)  # of the index: the list's articles
        self.counts = counts.Counts(ws, self.writer, self.face)  # of the faces shown
        self.writer.on_saved = lambda sids: self.counts.saved(sids, self.lock)
        self._stamp = stamp(self.root)
        self._thread: threading.Thread | None = None
        if not getattr(ws, "loaded", True):  # hand edits: looked for once a second, not per key
            ws.index.recheck = RECHECK
            self.writer.ahead = ahead.ReadAhead(  # a story row's triage, read before its key
                ws, lambda e: self.writer.on_error(ahead.LABEL, e)
            )

    # ---- the writer thread -------------------------------------------------------------------
    def start(self) -> None:
        """Start the thread that saves triage changes in order."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._write, name="wiredesk-writer", daemon=True)
            self._thread.start()

    def _write(self) -> None:
        # The ingest and feed modules (0.3 s of parsers and HTTP) are not imported here: the
        # app imports them once its first screen is painted (tui.app_later; issue 16).
        self.writer.drain()

    @property
    def lock(self) -> threading.RLock:
        """The process's one writer lock (for tests and the command line; not for screens)."""
        return self.writer.lock

    @property
    def pending(self) -> int:
        return self.writer.pending

    @property
    def unsaved_notes(self) -> dict[str, str]:
        return self.writer.unsaved_notes

    def wait_saved(self, timeout: float = 15.0) -> bool:
        """*Blocking*: until what is queued is saved; False if not within ``timeout``."""
        return self.writer.wait_saved(timeout)

    async def flush(self, timeout: float = 15.0) -> bool:
        """Wait (without blocking the event loop) until what is queued is saved."""
        if not self.writer.pending:
            return True
        return await asyncio.to_thread(self.writer.wait_saved, timeout)

    def stop(self) -> None:
        """End the writer thread once what is queued now is saved."""
        self.writer.stop()
        self.close_ahead()

    def close(self) -> None:
        """End the writer thread at once (the app is gone)."""
        if self._thread is not None and self._thread.is_alive():
            self.writer.abandon()
        self.close_ahead()

    def read_ahead(self, aids: Sequence[str]) -> None:
        """Quick: the saved triage of the story of ``aids`` (a story row's, where the cursor
        came) read off the UI thread, for its first key (``tui.desk.ahead``)."""
        if self.writer.ahead is None:
            return
        if len(aids) >= current.STORY_FIRST:
            self.writer.ahead.ask(aids[0])
        else:
            self.writer.ahead.forget()  # (the story left is not read again)

    def close_ahead(self) -> None:
        """End the read ahead's thread (``tui.desk.ahead``), if any."""
        if self.writer.ahead is not None:
            self.writer.ahead.stop()

    # ---- reading -----------------------------------------------------------------------------
    def get(self, aid: str) -> Article:
        """Article ``aid`` with its triage as memory holds it (its file may not say it yet)."""
        a = self.ws.get(aid)
        n = self.writer.pending_now.get(aid)
        if n is not None and a.triage is not n.triage:  # a copy: the writer may be saving ``a``
            a = replace(a, triage=replace(n.triage, tags=list(n.triage.tags)))
        return a

    def current(self, aids: Sequence[str]) -> dict[str, Now]:
        """Each article's story and triage now, without reading its file (``tui.desk.current``:
        a key on a story row of 2,464 articles read them all)."""
        return self.writer.current(aids)

    def story_of(self, aid: str) -> str:
        return self.current([aid])[aid].story

    def stories_of(self, aids: Sequence[str]) -> list[str]:
        now = self.current(aids)
        return list(dict.fromkeys(now[a].story for a in aids))

    @property
    def whole(self) -> bool:
        """The workspace is read whole (else the index answers for the list)."""
        return self.ws.loaded

    def tags(self) -> list[str]:
        """Every tag in use (from the files, or the index when the workspace is not read
        whole), with the tags of articles changed here and maybe not saved yet."""
        mine = (n.triage.tags for n in self.current([*self.writer.unsaved()]).values())
        if self.whole:
            return sorted({*self.ws.tags(), *(t for tags in mine for t in tags)})
        return indexed.tags(self.ws, mine)

    def outlets_and_langs(self) -> list:
        """What the filter field completes besides tags: objects with the ``sources`` and
        ``langs`` of each story."""
        return self.faces() if self.whole else indexed.outlets_and_langs(self.ws)

    def text(self, aid: str, *, raw: bool = False) -> str:
        """An article's cleaned (or original) text; an unreadable file gives a sentence."""
        a = self.held.brief(aid)  # its versions from the index: one file read, not two
        try:
            return self.ws.raw(a) if raw else self.ws.body(a)
        except Exception as e:  # an unreadable body file is shown, not raised
            return f"(cannot read this article's text: {e})"

    def faces(self) -> list[Story]:
        """The story faces shown (kept current between regroupings)."""
        if self._faces is None:
            with self.lock:  # not while a correction is rewriting the articles
                self._faces = self.ws.stories()
        return self._faces

    def face(self, sid: str) -> Story | None:
        """The face shown of story ``sid`` (the listing's when it was read from the index,
        even if the workspace was read whole since; else the index's)."""
        if self._faces is None:
            shown = self._shown.face(sid) if self._shown is not None else None
            if shown is not None or not self.whole:
                return shown or self.ws.index.story(sid)
        faces = self._faces or []
        if self._faces_by_id[0] is not faces:
            self._faces_by_id = (faces, {s.id: s for s in faces})
        return self._faces_by_id[1].get(sid)

    def select(
        self,
        flt: Filter | None,
        *,
        reload: bool = False,
        regrouped: bool = False,
        quick: bool = False,
        order: str = "size",
        cancelled: Callable[[], bool] = lambda: False,
    ) -> Listing:
        """*Blocking*: the list ``flt`` keeps. ``reload``: read what other processes changed;
        ``regrouped``: articles were added or moved (the story faces are rebuilt; triage
        changes keep them, their counts are kept current by :meth:`recount`). Raises
        :class:`~tui.desk.select.Cancelled` when ``cancelled`` says so. ``quick``: the first
        results of a word search, or the top of a filter of few dates, when the index can
        give them sooner than the whole list (:attr:`Listing.partial`); ``order``: the list's
        sort (the top of a dated filter is cut by size: no first part under another sort)."""
        self.wait_saved(10)  # archive states and counts must be on disk and in memory
        self.held.clear()  # read again: another process or a regrouping changed them
        if reload:
            with self.lock:
                self.ws.reload()
        if self.whole:
            if reload or regrouped or self._faces is None:
                with self.lock:  # not while a correction is rewriting the articles
                    self._faces = self.ws.stories()
                self.counts.fresh(self._faces)  # (the files' old state of a change being saved)
            listing = select(self.ws, flt, stories=self._faces, cancelled=cancelled)
        else:  # the index answers: a window onto it, or the stories a filter keeps
            self._faces = None
            listing = select(
                self.ws, flt, window=True, quick=quick, order=order, cancelled=cancelled
            )
        self._shown = self.counts.shown = listing = ranked(listing, flt, self.ws)
        if listing.window is not None:
            listing.window.fresh = self.counts.fresh
        elif not self.whole:
            self.counts.fresh(listing.stories)
        return listing

    def recount(self, story_ids: Iterable[str], shown: Listing | None = None) -> None:
        """Refresh the unread and starred counts of these stories after a triage change
        (``shown``: the listing on screen, when it holds faces of its own: another order;
        the writer thread counts its faces again once a save is done: ``Counts.saved``)."""
        if shown is not None:
            self.counts.shown = shown
        self.counts.recount(story_ids, shown)

    # ---- triage (quick: in memory now, saved by the writer thread) ---------------------------
    def toggle(self, flag: Flag, aids: Sequence[str]) -> str:
        """Set ``flag`` on every article, or clear it when all have it; one undo step. Returns
        what was done ("starred", "marked unread"...)."""
        now = self.current(aids)
        value = not all(getattr(now[a].triage, flag) for a in aids)
        if flag == "read":
            label = "marked read" if value else "marked unread"
            self.writer.change(label, aids, read=value, now=now)
        else:
            label = "starred" if value else "unstarred"
            self.writer.change(label, aids, starred=value, now=now)
        return label

    def set_read(self, aids: Sequence[str], label: str, now: dict[str, Now] | None = None) -> None:
        """Mark articles read (a whole story: newsboat's ``A``); one undo step. ``now``: their
        :meth:`current`, when the caller has it."""
        self.writer.change(label, aids, read=True, now=now)

    def mark_read(self, aid: str) -> bool:
        """Mark one article read without an undo step (reading it); False if it already was."""
        if self.current([aid])[aid].triage.read:
            return False
        self.writer.change("read", [aid], read=True, record=False)
        return True

    def tag(self, aids: Sequence[str], add: Iterable[str] = (), remove: Iterable[str] = ()) -> None:
        self.writer.change("tagged", aids, add_tags=add, remove_tags=remove)

    def note(self, aid: str, text: str) -> bool:
        """Set the note (blank clears it); False when nothing changed and nothing was unsaved."""
        text = "" if not text.strip() else text
        if text == self.current([aid])[aid].triage.note and aid not in self.unsaved_notes:
            return False
        self.writer.change("note", [aid], note=text)
        return True

    def archive(self, story_ids: Sequence[str]) -> tuple[bool, int]:
        """Archive these stories, or bring them back when all are archived; one undo step.
        Returns the new state and how many stories. ``WorkspaceError`` before any change when
        the workspace's known problems (in memory) name one's story file as damaged."""
        stories = [s for sid in story_ids if (s := self.face(sid)) is not None]
        if not stories:
            return False, 0
        story_files.refuse_named(self.ws.problems, [s.id for s in stories])  # (nothing changed)
        value = not all(s.archived for s in stories)
        self.writer.archive("archived" if value else "brought back", stories, value)
        return value, len(stories)

    def undo(self) -> Step | None:
        """Undo the last action in memory (and queue its save); a step with ``regroup`` or
        ``filters`` must then be finished with :meth:`undo_regroup` or :meth:`undo_filters`
        from a worker."""
        step = self.writer.undo()
        if step is not None:
            for sid, archived in step.stories:
                face = self.face(sid)
                if face is not None:
                    face.archived = archived
        return step

    # ---- grouping corrections (blocking) -----------------------------------------------------
    def correct(self, corrections: Sequence[Correction], label: str) -> list[str]:
        """*Blocking*: apply corrections (kept in ``corrections.toml``); one undo step. Returns
        the changed article ids (none: already grouped that way)."""
        self.wait_saved(10)  # triage changes first: the correction rewrites article files
        with self.lock:
            changed, record = self.ws.correct_all([c.as_core() for c in corrections])
        if changed:
            self.writer.regrouped(label, Regroup(record, tuple(changed)))
        return changed

    def undo_regroup(self, step: Step) -> list[str]:
        """*Blocking*: put the grouping back as it was before ``step``'s correction. A passing
        failure (a lock held elsewhere) keeps the step for another try; a stale one drops it."""
        assert step.regroup is not None
        self.wait_saved(10)
        try:
            with self.lock:
                return self.ws.undo_correction(step.regroup.record)
        except StaleUndo:
            raise
        except Exception:
            self.writer.remember(step)
            raise

    # ---- saved filters -----------------------------------------------------------------------
    def reload_filters(self) -> SavedFilters:
        self.saved = filters.load(self.root)
        return self.saved

    def save_filter(self, name: str, query: str | None, *, record: bool = True) -> SavedFilters:
        """*Blocking*: save the filter ``name`` (delete it when ``query`` is None); undoable."""
        with self.lock:
            before = dict(filters.load(self.root)).get(name)
            self.saved = (
                filters.delete(self.ws, name)
                if query is None
                else filters.save(self.ws, name, query)
            )
        if record and before != query:
            label = f"{'deleted' if query is None else 'saved'} filter {name!r}"
            self.writer.remember(Step(label, filters=((name, before),)))
        return self.saved

    def undo_filters(self, step: Step) -> SavedFilters:
        """*Blocking*: put back the saved filters ``step`` changed (kept for another try when
        that fails)."""
        try:
            for name, query in step.filters:
                self.save_filter(name, query, record=False)
        except Exception:
            self.writer.remember(step)
            raise
        return self.saved

    # ---- changes made by other processes -----------------------------------------------------
    def check_disk(self) -> DiskChange:
        """*Blocking* (a few hundred stats): what another process changed since the last look.
        The index's look at its folders (hand edits) is taken here too, off the UI thread, so
        that the keys' queries find it fresh (``RECHECK``)."""
        if not self.whole:
            with contextlib.suppress(Exception):  # no index to use now: the next query says
                self.ws.index.idx  # noqa: B018
                warm(self.ws)  # the keys' connection opened here, not by a key
        now = stamp(self.root)
        before, self._stamp = self._stamp, now
        if before == now:
            return DiskChange.NONE
        # a story folder changed by this app's own archive needs no reload of the workspace
        stories = before.stories != now.stories and now.stories != self.ws.stories_written
        if before.articles != now.articles and self.ws.changed_on_disk() or stories:
            return DiskChange.WORKSPACE
        if before.filters != now.filters:
            return DiskChange.FILTERS
        return DiskChange.NONE

    def look_over(self, pause: float = 0.0) -> tuple[int, list[str]]:
        """*Blocking*: :func:`tui.desk.indexed.look_over` (edits made in place, damage)."""
        if self.whole:
            return 0, []
        return indexed.look_over(self.ws, self.lock, pause)  # the lock a folder at a time

    # ---- tools (blocking) --------------------------------------------------------------------
    def export(self, flt: Filter | None, fmt: str, path: Path, *, force: bool = False) -> int:
        """*Blocking*: export what ``flt`` selects (no filter: what has a note, tag or star);
        refused while changes are not saved (:func:`tui.desk.exported.export`). Returns how
        many articles."""
        from tui.desk.exported import export  # noqa: PLC0415 (tui.app_later)

        faces = self.faces if self.whole else None
        return export(self.ws, self.writer, self.lock, faces, flt, fmt, path, force=force)

    def ingest(self, sources: list[str], on_progress: Progress) -> IngestOutcome:
        """*Blocking*: collect and ingest files, folders, globs, feeds or URLs."""
        return intake.ingest(self.ws, self.lock, sources, on_progress)

    def refresh_feeds(self, on_progress: Progress) -> str | None:
        """*Blocking*: fetch every subscribed feed; the report's last line (None: no feeds)."""
        return intake.refresh_feeds(self.ws, self.lock, on_progress)

    def explain(self, aid: str) -> list[str]:
        """*Blocking*: why an article is in its story."""
        try:
            with self.lock:  # not from a grouper read while a correction is written
                return self.ws.explain(aid)
        except Exception as e:  # grouping state may be missing in an old workspace
            return [f"No explanation available: {e}"]
