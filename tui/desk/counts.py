"""The unread and starred counts of the story faces shown, kept current (no Textual).

A triage key recounts its stories on the UI thread (:meth:`Counts.recount`); a list read again
counts in the changes still being saved (:meth:`Counts.fresh`); and once the writer has saved
what was queued, the stories of the articles it saved are counted again off the UI thread
(:meth:`Counts.saved`): while an article's save was queued, memory held its whole triage, so
a change another process made to it meanwhile showed only once the file said both. Such a
count, made in the writer thread, is kept only if no triage change was made in memory while
it was made (that change's key recounts its stories itself: the newer count wins), and the
screen is told only of the stories whose counts changed.
"""

from __future__ import annotations

import contextlib
import copy
import threading
from collections.abc import Callable, Iterable

from tui.core.workspace import Story
from tui.desk.select import Listing, Readable, recount
from tui.desk.writer import TriageWriter


class Counts:
    def __init__(
        self, ws: Readable, writer: TriageWriter, face: Callable[[str], Story | None]
    ) -> None:
        self.ws, self.writer, self.face = ws, writer, face
        self.shown: Listing | None = None  # the list on screen (its faces, in its order)
        # From the writer thread: the stories whose counts changed once saved (the screen
        # draws their rows again).
        self.on_recounted: Callable[[list[str]], None] = lambda _: None
        self._setting = threading.Lock()  # a count is set under it (the writer's, the keys')

    def fresh(self, faces: Iterable[Story]) -> None:
        """Count in these faces (from the index or the files) the changes still being saved."""
        if unsaved := self.writer.unsaved():
            sids = {n.story for n in self.writer.current([*unsaved]).values()}
            for face in (f for f in faces if f.id in sids):
                recount(self.ws, face, unsaved, self.writer.current)

    def faces_of(self, sid: str, shown: Listing | None, *, own: bool = True) -> list[Story]:
        """The faces of story ``sid`` shown (``own``: the desk's too, else the list's only)."""
        got = (self.face(sid) if own else None, shown.face(sid) if shown is not None else None)
        return list({id(f): f for f in got if f is not None}.values())

    def recount(self, story_ids: Iterable[str], shown: Listing | None = None) -> None:
        """Refresh the counts of these stories after a triage change (``shown``: the listing
        on screen, when it holds faces of its own: another order)."""
        unsaved = self.writer.unsaved()  # the rest: as the index saved them
        with self._setting:  # (a count of the writer thread is not set over this one)
            for sid in story_ids:
                for story in self.faces_of(sid, shown):
                    recount(self.ws, story, unsaved, self.writer.current)

    def saved(self, story_ids: set[str], lock: threading.RLock) -> None:
        """From the writer thread, once what was queued is saved: count these stories again.
        ``lock``: the writer lock (a workspace read whole is not read while it is reloaded or
        regrouped: busy, nothing is counted now). Stories not counted (the lock busy, or a
        count discarded) are counted with the next stories saved (``writer.count_again``)."""
        whole = getattr(self.ws, "loaded", True)
        made = self.writer.changes
        changed: list[str] = []
        held = lock.acquire(blocking=False) if whole else True
        if not held:  # counted with the next stories saved
            self.writer.count_again(story_ids)
            return
        left = list(story_ids)
        try:
            unsaved = self.writer.unsaved()
            while left:
                sid = left[-1]
                for face in self.faces_of(sid, self.shown, own=whole):  # (lazy: those held)
                    counted = copy.copy(face)
                    with contextlib.suppress(Exception):  # (a story gone: the list says)
                        recount(self.ws, counted, unsaved, self.writer.current)
                        with self._setting:
                            if self.writer.changes != made:
                                # a key changed memory meanwhile: it recounts its stories,
                                # the others not done yet are counted with the next saved
                                self.writer.count_again(left)
                                return
                            was = (face.unread, face.starred)
                            face.unread, face.starred = counted.unread, counted.starred
                        if was != (counted.unread, counted.starred):
                            changed.append(sid)
                left.pop()
        finally:
            if whole:
                lock.release()
            if changed:
                self.on_recounted(list(dict.fromkeys(changed)))
