"""The writer's queued saves (:class:`Job`), what a failed change names (:class:`NotSaved`),
and two triage changes of one article made one (:func:`merged`: a change whose save failed is
written with the next save of that article); an archive whose save the workspace refused taken
back (:class:`Archived`). No Textual."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from tui.desk.steps import Step

NAMED = 5  # articles a failure names (the rest are counted)


@dataclass(frozen=True, slots=True)
class Job:
    """One queued save: a triage change of a chunk of articles (``keys``), or a story's archive
    state (``keys``: the story). ``change``: which change it is part of (the same for each
    chunk of it); ``before``: its articles in the chunks before this one; ``total``: its
    articles in all."""

    label: str
    keys: tuple[str, ...]
    changes: tuple[tuple[str, Any], ...]
    change: int = 0
    before: int = 0
    total: int = 1
    made: Archived | None = None  # an archive change: taken back if its save is refused

    @property
    def key(self) -> str:
        return self.keys[0]

    @property
    def archive(self) -> bool | None:
        return dict(self.changes).get("archived")

    @property
    def note(self) -> str | None:
        return dict(self.changes).get("note")


@dataclass(eq=False, slots=True)
class Archived:
    """An archive change made in memory: its undo step (as the history holds it now) and the
    story faces it changed, so that a story whose save the workspace refuses (its file damaged
    since the app last looked) is taken back whole: :meth:`refused`."""

    step: Step
    faces: dict[str, Any]  # story id -> its face
    value: bool  # archived (True) or brought back

    def refused(self, sid: str, history: list[Step], lock: threading.Lock) -> None:
        """Story ``sid``'s save was refused: its face says again what it said before (unless
        changed since: an undo, another archive), and the undo step no longer holds it (a
        step left with no story goes)."""
        before = dict(self.step.stories).get(sid)
        face = self.faces.get(sid)
        if face is not None and before is not None and face.archived == self.value:
            face.archived = before
        with lock:
            at = next((k for k, s in enumerate(history) if s is self.step), None)
            if at is None:  # undone already (the undo's save is refused too, and named)
                return
            left = tuple(x for x in self.step.stories if x[0] != sid)
            if left:
                self.step = history[at] = replace(self.step, stories=left)
            else:
                del history[at]


class NotSaved(Exception):
    """The articles of one change whose save failed, each named with its reason (the first
    :data:`NAMED`; the rest counted)."""

    def __init__(self, failed: Sequence[tuple[str, Exception]], total: int) -> None:
        self.failed, self.total = list(failed), total
        named = ", ".join(f"{aid} ({e})" for aid, e in self.failed[:NAMED])
        more = len(self.failed) - NAMED
        super().__init__(
            f"{len(self.failed)} of {total} articles: {named}"
            + (f" and {more} more" if more > 0 else "")
        )


def merged(first: dict[str, Any], then: dict[str, Any]) -> dict[str, Any]:
    """Two triage changes of one article as one (``then`` made after ``first``)."""
    out = {k: first.get(k) if then.get(k) is None else then[k] for k in ("starred", "read", "note")}
    add, remove = set(then.get("add_tags", ())), set(then.get("remove_tags", ()))
    out["add_tags"] = tuple(sorted(set(first.get("add_tags", ())) - remove | add))
    out["remove_tags"] = tuple(sorted(set(first.get("remove_tags", ())) | remove))
    return out


def held_lock(ws: Any) -> contextlib.AbstractContextManager[Any]:
    """The workspace's own lock held (a workspace without one: nothing)."""
    return ws if hasattr(ws, "__enter__") else contextlib.nullcontext()
