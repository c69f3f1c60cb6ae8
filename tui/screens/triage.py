"""Triage for the app: change articles at once in memory, save in order in the background, undo.

A key press must repaint in milliseconds, but a save takes the workspace lock (which another
process may hold) and rewrites files. So a change is applied to the in-memory articles at once
and queued; :meth:`Triage.drain` (run in one worker thread) saves the queue in order. A failed
save is reported through ``on_error``; a note that could not be saved is kept in
:attr:`Triage.unsaved_notes` so the editor can offer it again.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Snapshot:
    aid: str
    tags: tuple[str, ...]
    starred: bool
    read: bool
    note: str


@dataclass(frozen=True, slots=True)
class Step:
    """One undoable action: what it was called and the state before it."""

    label: str
    articles: tuple[Snapshot, ...] = ()
    stories: tuple[tuple[str, bool], ...] = ()  # (story id, archived before)
    regroup: tuple | None = None  # a grouping correction's record (Workspace.undo_correction)


class Triage:
    def __init__(self, ws, on_error: Callable[[str, Exception], None] = lambda *_: None,
                 *, depth: int = 100) -> None:
        self.ws = ws
        self.on_error = on_error
        self.history: list[Step] = []
        self.depth = depth
        self.unsaved_notes: dict[str, str] = {}
        self._jobs: queue.Queue = queue.Queue()
        # One writer at a time inside this process (the workspace lock is per process): the
        # app's other writers (ingest, refresh, corrections) hold this too.
        self.guard = threading.RLock()
        self._stopped = threading.Event()

    # ---- changes ---------------------------------------------------------------------------
    def change(self, label: str, aids: list[str], *, add_tags=(), remove_tags=(),
               starred: bool | None = None, read: bool | None = None,
               note: str | None = None, record: bool = True) -> None:
        """Change the triage of ``aids`` now (in memory) and queue the save."""
        if record:
            self._remember(Step(label, tuple(self._snap(a) for a in aids)))
        for aid in aids:
            t = self.ws.get(aid).triage
            tags = [x for x in t.tags if x not in set(remove_tags)]
            t.tags = sorted(tags + [x for x in add_tags if x not in tags])
            if starred is not None:
                t.starred = starred
            if read is not None:
                t.read = read
            if note is not None:
                t.note = note
        kwargs = dict(add_tags=tuple(add_tags), remove_tags=tuple(remove_tags), starred=starred,
                      read=read, note=note)
        for aid in aids:
            self._jobs.put((label, aid, kwargs))

    def archive(self, label: str, stories: list, archived: bool) -> None:
        """Archive (or bring back) stories; ``stories`` are Story objects."""
        self._remember(Step(label, stories=tuple((s.id, s.archived) for s in stories)))
        for s in stories:
            s.archived = archived
            self._jobs.put((label, s.id, {"archived": archived}))

    def regrouped(self, label: str, record: tuple) -> None:
        """Remember a grouping correction; undoing it is the caller's (it rewrites stories)."""
        self._remember(Step(label, regroup=record))

    def undo(self) -> Step | None:
        """Put back the state before the last recorded action; returns that action (a grouping
        correction is only returned: the caller undoes it off the UI thread)."""
        if not self.history:
            return None
        step = self.history.pop()
        for snap in step.articles:
            t = self.ws.get(snap.aid).triage
            self.change(step.label, [snap.aid], add_tags=[x for x in snap.tags
                                                          if x not in t.tags],
                        remove_tags=[x for x in t.tags if x not in snap.tags],
                        starred=snap.starred, read=snap.read,
                        note=snap.note if snap.note != t.note else None, record=False)
        for sid, archived in step.stories:  # the caller updates the stories it shows
            self._jobs.put((step.label, sid, {"archived": archived}))
        return step

    def _remember(self, step: Step) -> None:
        self.history.append(step)
        del self.history[:-self.depth]

    def _snap(self, aid: str) -> Snapshot:
        t = self.ws.get(aid).triage
        return Snapshot(aid, tuple(t.tags), t.starred, t.read, t.note)

    # ---- saving ----------------------------------------------------------------------------
    @property
    def pending(self) -> int:
        return self._jobs.unfinished_tasks

    def drain(self) -> None:
        """Save queued changes in order until :meth:`stop` (run this in a worker thread)."""
        while not self._stopped.is_set():
            job = self._jobs.get()  # blocks: ``stop`` and ``abandon`` wake it with None
            try:
                if job is None or self._stopped.is_set():
                    return
                self._save(*job)
            finally:
                self._jobs.task_done()

    def _save(self, label: str, key: str, kwargs: dict) -> None:
        try:
            with self.guard:
                self._write(key, kwargs)
        except Exception as e:  # a locked or damaged workspace must not crash the app
            if kwargs.get("note") is not None:
                self.unsaved_notes[key] = kwargs["note"]
            self.on_error(label, e)

    def _write(self, key: str, kwargs: dict) -> None:
        if "archived" in kwargs:
            self.ws.set_story_state(key, archived=kwargs["archived"])
        else:
            self.ws.update_triage(key, **kwargs)
            if kwargs.get("note") is not None:
                self.unsaved_notes.pop(key, None)

    def save_now(self) -> None:
        """Save everything queued in this thread (tests, and when no worker runs)."""
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            try:
                if job is not None:
                    self._save(*job)
            finally:
                self._jobs.task_done()

    def flush(self, timeout: float = 15.0) -> bool:
        """Wait until the queue is saved; False when it was not within ``timeout``."""
        deadline = time.monotonic() + timeout
        while self._jobs.unfinished_tasks and time.monotonic() < deadline:
            time.sleep(0.01)
        return not self._jobs.unfinished_tasks

    def stop(self) -> None:
        """End :meth:`drain` once what is queued now is saved."""
        self._jobs.put(None)

    def abandon(self) -> None:
        """End :meth:`drain` at once (the app is gone; nothing can report errors any more)."""
        self._stopped.set()
        self._jobs.put(None)
