"""Triage changes applied at once in memory, saved in order by one writer thread, undone.

A key press must repaint in milliseconds, but a save takes the workspace lock (which another
process may hold) and rewrites files. So a change is applied in memory at once and queued;
:meth:`TriageWriter.drain` (run in one thread) saves the queue in order. A failed save is
reported through ``on_error``; a note that could not be saved is kept in
:attr:`TriageWriter.unsaved_notes` so the editor can offer it again.

What memory holds of a changed article until its save is done is :attr:`pending_now` (its
triage now, :mod:`tui.desk.current`): a change never reads the articles' files on the UI
thread (a story row's star changes every article of the story, 2,464 at 1,000,000 articles).
A change of many articles is saved in chunks of :data:`CHUNK`, each under one hold of the
workspace lock; each article's file is still written on its own, atomically, with its index
row (a crash part-way leaves every file old or new, and the index in step with them).
``on_progress`` hears how far such a change got, and ``on_error`` names, once the change is
done, every article it could not save (:class:`NotSaved`). A change whose save failed is kept
(:meth:`TriageWriter.failed`): the next save of that article writes it too, or names it again.

:attr:`TriageWriter.lock` is the one writer lock of the process: every other writer of the app
(ingest, feed refresh, corrections, saved filters) takes it too, through the service.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol

from tui.core.model import Article, Triage
from tui.core.workspace.errors import UnknownId
from tui.desk import current
from tui.desk.current import Now
from tui.desk.jobs import Archived, Job, NotSaved, held_lock, merged
from tui.desk.steps import Before, Regroup, Step

CHUNK = 50  # articles saved under one hold of the workspace lock (another process waits less)


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


ErrorHandler = Callable[[str, Exception], None]
ProgressHandler = Callable[[str, int, int, int], None]  # label, saved so far, of, failed


class TriageWriter:
    def __init__(
        self, ws: Writable, on_error: ErrorHandler = lambda *_: None, *, depth: int = 100
    ) -> None:
        self.ws = ws
        self.on_error = on_error
        self.on_progress: ProgressHandler = lambda *_: None  # from the writer thread
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
        self._failed: dict[str, dict[str, Any]] = {}  # and the changes they could not save
        self._queued_lock = threading.Lock()
        # Those articles' triage now (their files say it once saved; a failed one stays).
        self.pending_now: dict[str, Now] = {}
        self._changes = 0  # changes queued so far (a change's chunks share its number)
        self._retries = 0  # retries queued so far, counted down (numbers apart from changes)
        self._fails: dict[int, list[tuple[str, Exception]]] = {}  # of a change still saving
        # From the writer thread, once nothing more is queued: the stories of the articles
        # saved since the last call (their counts may be behind another process's change).
        self.on_saved: Callable[[set[str]], None] = lambda _: None
        self._saved_stories: set[str] = set()
        self.ahead: Any = None  # stories' saved triage read ahead (tui.desk.ahead), if any

    # ---- changes ---------------------------------------------------------------------------
    def current(self, aids: Sequence[str]) -> dict[str, Now]:
        """The story and triage of each article as memory holds it now (no file read for an
        article the index holds: :func:`tui.desk.current.now`)."""
        return current.now(self.ws, self.pending_now, aids, self.ahead)

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
        now: Mapping[str, Now] | None = None,
    ) -> None:
        """Change the triage of ``aids`` now (in memory) and queue the save; one undo step.
        ``now``: :meth:`current` of them, when the caller has it already."""
        add, remove = tuple(add_tags), tuple(remove_tags)
        base = now if now is not None else self.current(aids)
        if record:
            self.remember(Step(label, Before(tuple(aids), base)))  # (no record made per article)
        gone = set(remove)
        # a workspace read whole is read by everyone through its articles: they say it too;
        # one not read whole is asked through ``pending_now`` first (``current``, ``Held``)
        held = current.holder(self.ws) if getattr(self.ws, "loaded", True) else _nothing
        pending = self.pending_now

        def renew(t: Triage) -> Triage:
            tags = t.tags
            if add or gone:
                kept = [x for x in t.tags if x not in gone]
                tags = sorted(kept + [x for x in add if x not in kept])
            return Triage(
                tags,
                t.starred if starred is None else starred,
                t.read if read is None else read,
                t.note if note is None else note,
                t.note_version,
                t.note_updated,
            )

        with self._queued_lock:  # before memory changes: a reader never misses one
            self._queued.update(aids)
            # A new Triage swapped in whole: a thread reading the article meanwhile (the
            # writer, a listing worker) sees the old state or the new one, never half.
            # Nothing changes a Triage (or its tags) in place: the new one is shared by
            # memory's records (and the article held), and its tags by the old one.
            if held is _nothing:  # not read whole: one new record for the articles that say
                # the same (a story row's 2,500 often say one thing), none made per article
                olds = [base[aid] for aid in aids]
                news: dict[int, Now] = {}
                alike: dict[tuple, Now] = {}
                for b in {id(b): b for b in olds}.values():
                    t = b.triage
                    said = (tuple(t.tags), t.note, t.note_version, t.note_updated)
                    key = (b.story, t.starred, t.read, said)
                    n = alike.get(key)
                    if n is None:
                        n = alike[key] = Now(b.story, renew(t))
                    news[id(b)] = n
                pending.update(zip(aids, [news[id(b)] for b in olds]))
            else:
                made: dict[int, Triage] = {}  # a new triage for each base shared by several
                for aid in aids:
                    b = base[aid]
                    a = held(aid)
                    new = made.get(id(b.triage)) if a is None else None
                    if new is None:
                        new = made[id(b.triage)] = renew(b.triage)
                    pending[aid] = Now(b.story, new)
                    if a is not None:  # what this process holds says it too (its own triage)
                        a.triage = new
        changes = (
            ("add_tags", add),
            ("remove_tags", remove),
            ("starred", starred),
            ("read", read),
            ("note", note),
        )
        self._changes += 1
        for k in range(0, len(aids), CHUNK):
            keys = tuple(aids[k : k + CHUNK])
            self._jobs.put(Job(label, keys, changes, self._changes, k, len(aids)))

    def archive(self, label: str, stories: Sequence[Any], archived: bool) -> None:
        """Archive (or bring back) stories (story faces, changed in memory too); one step."""
        before = tuple((s.id, s.archived) for s in stories)
        made = Archived(Step(label, stories=before), {s.id: s for s in stories}, archived)
        self.remember(made.step)
        for s in stories:
            s.archived = archived
            self._jobs.put(Job(label, (s.id,), (("archived", archived),), made=made))

    def undo(self) -> Step | None:
        """Put back the state before the last recorded action; returns that action (grouping
        corrections and saved filters are only returned: the service undoes them)."""
        with self._history_lock:
            if not self.history:
                return None
            step = self.history.pop()
        now = self.current([s.aid for s in step.articles])
        alike: dict[tuple, list[str]] = {}  # articles put back by the same change
        for snap in step.articles:
            t = now[snap.aid].triage
            same = snap.tags == t.tags
            key = (
                () if same else tuple(x for x in snap.tags if x not in t.tags),
                () if same else tuple(x for x in t.tags if x not in snap.tags),
                snap.starred,
                snap.read,
                snap.note if snap.note != t.note else None,
            )
            alike.setdefault(key, []).append(snap.aid)
        for (add, remove, starred, read, note), aids in alike.items():
            self.change(
                step.label,
                aids,
                add_tags=add,
                remove_tags=remove,
                starred=starred,
                read=read,
                note=note,
                record=False,
                now=now,
            )
        for sid, archived in step.stories:  # the service updates the faces it shows
            self._jobs.put(Job(step.label, (sid,), (("archived", archived),)))
        return step

    def regrouped(self, label: str, regroup: Regroup) -> None:
        """Remember a grouping correction (undoing it rewrites stories: the service does it)."""
        self.remember(Step(label, regroup=regroup))

    def remember(self, step: Step) -> None:
        with self._history_lock:
            self.history.append(step)
            del self.history[: -self.depth]

    # ---- saving ----------------------------------------------------------------------------
    def unsaved(self) -> set[str]:
        """Articles changed here whose save is queued, running or failed (a copy)."""
        with self._queued_lock:
            return set(self._queued) | self._failed.keys()

    def failed(self) -> list[str]:
        """Articles whose last save failed (their change kept in memory, not in the files)."""
        with self._queued_lock:
            return sorted(self._failed)

    def retry(self) -> None:
        """Save again the articles whose save failed (each writes the change it kept, added at
        write time: ``_with_lost``); no undo step, memory untouched (safe from any thread: a
        key's change is not read or overwritten). A failure again is named again."""
        with self._queued_lock:
            keys = sorted(self._failed)
            self._queued.update(keys)
            self._retries -= 1  # (its own number: not a change made in memory)
            for k in range(0, len(keys), CHUNK):
                chunk = tuple(keys[k : k + CHUNK])
                self._jobs.put(Job("saved again", chunk, (), self._retries, k, len(keys)))

    def count_again(self, story_ids: Iterable[str]) -> None:
        """Stories whose count after their saves was not made (discarded, or the lock busy):
        counted with the next stories saved (``on_saved``)."""
        self._saved_stories.update(story_ids)

    @property
    def changes(self) -> int:
        """Changes made in memory so far (a count that only grows)."""
        return self._changes

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
        failed: list[tuple[str, Exception]] = []
        try:
            # A chunk takes the workspace lock once (``update_triage`` takes it again inside,
            # a count): each file is still written and indexed on its own
            hold = held_lock(self.ws) if len(job.keys) > 1 else contextlib.nullcontext()
            with self.lock, hold:
                for key in job.keys:
                    try:
                        self._write(job, key)
                    except Exception as e:  # a damaged file must not stop the others
                        failed.append((key, e))
        except Exception as e:  # a locked or damaged workspace must not crash the app
            tried = {k for k, _ in failed}
            failed += [(k, e) for k in job.keys if k not in tried]
        finally:  # saved (the index committed too), or failed: no longer queued
            self._done(job, failed)

    def _write(self, job: Job, key: str) -> None:
        if job.archive is not None:
            self.ws.set_story_state(key, archived=job.archive)
            return
        changes = self._with_lost(key, dict(job.changes))
        if not changes:  # a retry of a change saved meanwhile (with a later one): nothing
            return
        self.ws.update_triage(key, **changes)
        if changes.get("note") is not None:
            self.unsaved_notes.pop(key, None)

    def _with_lost(self, key: str, changes: dict[str, Any]) -> dict[str, Any]:
        """``changes`` after the changes of ``key`` whose save failed (none: as they are). They
        are written with it, into the file as it is now (a damaged one is still refused, and
        what another process changed in fields this one did not change is kept)."""
        with self._queued_lock:
            lost = self._failed.get(key)
        return changes if lost is None else merged(lost, changes)

    def _done(self, job: Job, failed: list[tuple[str, Exception]]) -> None:
        if failed and job.note is not None:
            self.unsaved_notes[job.key] = job.note
        if failed and job.made is not None:  # a refused archive: its face and step taken back
            job.made.refused(job.key, self.history, self._history_lock)
        if job.archive is None:
            bad = {k for k, e in failed if not isinstance(e, UnknownId)}
            changes = dict(job.changes)
            with self._queued_lock:
                for key in job.keys:
                    self._queued[key] -= 1
                    if self._queued[key] <= 0:
                        del self._queued[key]
                    if key in bad:  # kept (with what failed before), to be written next time
                        lost = self._failed.get(key)
                        self._failed[key] = changes if lost is None else merged(lost, changes)
                        continue
                    # written with this save (``_with_lost``); or the article is gone (another
                    # process deleted it): its change is dropped, named once below (on_error)
                    self._failed.pop(key, None)
                    if key not in self._queued:
                        n = self.pending_now.pop(key, None)  # the file and the index say it
                        self._saved_stories.add(n.story if n is not None else key)
        if self._saved_stories and not self._jobs.qsize():  # (a burst: told once)
            saved, self._saved_stories = self._saved_stories, set()
            if self.ahead is not None:  # (the commit put it out of date: read it again)
                self.ahead.renew()
            with contextlib.suppress(Exception):  # (only counts shown: they stay as they are)
                self.on_saved(saved)
        if job.total <= 1:
            if failed:
                self.on_error(job.label, failed[0][1])
            return
        fails = self._fails.setdefault(job.change, [])
        fails += failed
        done = job.before + len(job.keys)
        if job.total > CHUNK:
            self.on_progress(job.label, done, job.total, len(fails))
        if done >= job.total:
            del self._fails[job.change]
            if fails:
                self.on_error(job.label, NotSaved(fails, job.total))

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


def _nothing(aid: str) -> None:
    return None
