"""Triage changes applied at once in memory, saved in order by one writer thread, undone.

A key press must repaint in milliseconds, but a save takes the workspace lock (which another
process may hold) and rewrites files. So a change is applied to the in-memory articles at once
and queued; :meth:`TriageWriter.drain` (run in one thread) saves the queue in order. A failed
save is reported through ``on_error``; a note that could not be saved is kept in
:attr:`TriageWriter.unsaved_notes` so the editor can offer it again.

:attr:`TriageWriter.lock` is the one writer lock of the process: every other writer of the app
(ingest, feed refresh, corrections, saved filters) takes it too, through the service.
"""

from __future__ import annotations

import queue
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from tui.core.model import Article
from tui.desk.steps import Regroup, Snapshot, Step


class Writable(Protocol):
    """What the writer needs of a workspace."""

    def get(self, aid: str) -> Article: ...

    def update_triage(
        self,
        aid: str,
        *,
        add_tags: Iterable[str] = (),
        remove_tags: Iterable[str] = (),
        starred: bool | None = None,
        read: bool | None = None,
        note: str | None = None,
    ) -> Article: ...

    def set_story_state(self, sid: str, *, archived: bool | None = None) -> object: ...


@dataclass(frozen=True, slots=True)
class Job:
    """One queued save: a triage change of one article, or a story's archive state."""

    label: str
    key: str  # an article id, or a story id for an archive job
    changes: tuple[tuple[str, Any], ...]

    @property
    def archive(self) -> bool | None:
        return dict(self.changes).get("archived")

    @property
    def note(self) -> str | None:
        return dict(self.changes).get("note")


ErrorHandler = Callable[[str, Exception], None]


class TriageWriter:
    def __init__(
        self, ws: Writable, on_error: ErrorHandler = lambda *_: None, *, depth: int = 100
    ) -> None:
        self.ws = ws
        self.on_error = on_error
        self.history: list[Step] = []
        self.depth = depth
        self.unsaved_notes: dict[str, str] = {}
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        # One writer at a time inside this process (the workspace lock is per process).
        self.lock = threading.RLock()
        self._history_lock = threading.Lock()  # corrections record their step from a worker
        self._stopped = threading.Event()
        # Articles whose triage in memory may differ from the index: saves queued or running
        # (a count per article), and saves that failed. The keys' counts take these from
        # memory, every other article from the index (a short read however many were saved).
        self._queued: Counter[str] = Counter()
        self._failed: set[str] = set()
        self._queued_lock = threading.Lock()

    # ---- changes ---------------------------------------------------------------------------
    def change(
        self,
        label: str,
        aids: Sequence[str],
        *,
        add_tags: Iterable[str] = (),
        remove_tags: Iterable[str] = (),
        starred: bool | None = None,
        read: bool | None = None,
        note: str | None = None,
        record: bool = True,
    ) -> None:
        """Change the triage of ``aids`` now (in memory) and queue the save; one undo step."""
        add, remove = tuple(add_tags), tuple(remove_tags)
        with self._queued_lock:  # before memory changes: a reader never misses one
            self._queued.update(aids)
        if record:
            self.remember(Step(label, tuple(self._snap(a) for a in aids)))
        for aid in aids:
            # A new Triage swapped in whole: a thread reading the article meanwhile (the writer,
            # a listing worker) sees the old state or the new one, never half of a change.
            a = self.ws.get(aid)
            t = a.triage
            tags = [x for x in t.tags if x not in set(remove)]
            a.triage = replace(
                t,
                tags=sorted(tags + [x for x in add if x not in tags]),
                starred=t.starred if starred is None else starred,
                read=t.read if read is None else read,
                note=t.note if note is None else note,
            )
        changes = (
            ("add_tags", add),
            ("remove_tags", remove),
            ("starred", starred),
            ("read", read),
            ("note", note),
        )
        for aid in aids:
            self._jobs.put(Job(label, aid, changes))

    def archive(self, label: str, stories: Sequence[Any], archived: bool) -> None:
        """Archive (or bring back) stories (story faces, changed in memory too); one step."""
        self.remember(Step(label, stories=tuple((s.id, s.archived) for s in stories)))
        for s in stories:
            s.archived = archived
            self._jobs.put(Job(label, s.id, (("archived", archived),)))

    def undo(self) -> Step | None:
        """Put back the state before the last recorded action; returns that action (grouping
        corrections and saved filters are only returned: the service undoes them)."""
        with self._history_lock:
            if not self.history:
                return None
            step = self.history.pop()
        for snap in step.articles:
            t = self.ws.get(snap.aid).triage
            self.change(
                step.label,
                [snap.aid],
                add_tags=[x for x in snap.tags if x not in t.tags],
                remove_tags=[x for x in t.tags if x not in snap.tags],
                starred=snap.starred,
                read=snap.read,
                note=snap.note if snap.note != t.note else None,
                record=False,
            )
        for sid, archived in step.stories:  # the service updates the faces it shows
            self._jobs.put(Job(step.label, sid, (("archived", archived),)))
        return step

    def regrouped(self, label: str, regroup: Regroup) -> None:
        """Remember a grouping correction (undoing it rewrites stories: the service does it)."""
        self.remember(Step(label, regroup=regroup))

    def remember(self, step: Step) -> None:
        with self._history_lock:
            self.history.append(step)
            del self.history[: -self.depth]

    def _snap(self, aid: str) -> Snapshot:
        t = self.ws.get(aid).triage
        return Snapshot(aid, tuple(t.tags), t.starred, t.read, t.note)

    # ---- saving ----------------------------------------------------------------------------
    def unsaved(self) -> set[str]:
        """Articles changed here whose save is queued, running or failed (a copy)."""
        with self._queued_lock:
            return set(self._queued) | self._failed

    @property
    def pending(self) -> int:
        return self._jobs.unfinished_tasks

    def drain(self) -> None:
        """Save queued changes in order until :meth:`stop` (run this in one thread)."""
        while not self._stopped.is_set():
            job = self._jobs.get()  # blocks: ``stop`` and ``abandon`` wake it with None
            try:
                if job is None or self._stopped.is_set():
                    return
                self._save(job)
            finally:
                self._jobs.task_done()

    def _save(self, job: Job) -> None:
        failed = False
        try:
            with self.lock:
                self._write(job)
        except Exception as e:  # a locked or damaged workspace must not crash the app
            failed = True
            if job.note is not None:
                self.unsaved_notes[job.key] = job.note
            self.on_error(job.label, e)
        finally:  # saved (the index committed too), or failed: no longer queued
            if job.archive is None:
                with self._queued_lock:
                    self._queued -= Counter((job.key,))
                    if failed:
                        self._failed.add(job.key)

    def _write(self, job: Job) -> None:
        if job.archive is not None:
            self.ws.set_story_state(job.key, archived=job.archive)
            return
        self.ws.update_triage(job.key, **dict(job.changes))
        if job.note is not None:
            self.unsaved_notes.pop(job.key, None)

    def save_now(self) -> None:
        """Save everything queued in this thread (tests, and when no writer thread runs)."""
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            try:
                if job is not None:
                    self._save(job)
            finally:
                self._jobs.task_done()

    def wait_saved(self, timeout: float = 15.0) -> bool:
        """Block until the queue is saved (woken by the writer, no polling); False when it was
        not within ``timeout``. Never call this on the event loop: use ``Desk.flush``."""
        done = self._jobs.all_tasks_done
        with done:
            return done.wait_for(lambda: not self._jobs.unfinished_tasks, timeout)

    def stop(self) -> None:
        """End :meth:`drain` once what is queued now is saved."""
        self._jobs.put(None)

    def abandon(self) -> None:
        """End :meth:`drain` at once (the app is gone; nothing can report errors any more)."""
        self._stopped.set()
        self._jobs.put(None)
