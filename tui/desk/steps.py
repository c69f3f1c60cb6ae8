"""The records that cross from the screens to the service: corrections and undo steps.

Small frozen dataclasses instead of tuples: a grouping correction is a :class:`Merge`,
:class:`Move` or :class:`Split`; an undoable action is a :class:`Step` holding the state before
it (article triage, story archive states, saved filters, or a grouping record).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Flag = Literal["read", "starred"]


@dataclass(frozen=True, slots=True)
class Merge:
    """The stories ``others`` join ``into`` (``wiredesk story merge``)."""

    into: str
    others: tuple[str, ...]

    def as_core(self) -> tuple:
        return ("merge", [self.into, *self.others])


@dataclass(frozen=True, slots=True)
class Move:
    """Article ``article`` moves into story ``story``; ``together`` are kept apart from what
    stays behind, not from each other (``wiredesk move``)."""

    article: str
    story: str
    together: tuple[str, ...] = ()

    def as_core(self) -> tuple:
        if self.together:
            return ("move", self.article, self.story, self.together)
        return ("move", self.article, self.story)


@dataclass(frozen=True, slots=True)
class Split:
    """The ``articles`` leave story ``story`` for a new story of their own."""

    story: str
    articles: tuple[str, ...]

    def as_core(self) -> tuple:
        return ("split", self.story, list(self.articles))


Correction = Merge | Move | Split


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One article's triage before a change."""

    aid: str
    tags: tuple[str, ...]
    starred: bool
    read: bool
    note: str


@dataclass(frozen=True, slots=True)
class Regroup:
    """A grouping correction as the workspace recorded it (for ``Workspace.undo_correction``)."""

    record: tuple
    changed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Step:
    """One undoable action: what it was called and the state before it."""

    label: str
    articles: tuple[Snapshot, ...] = ()
    stories: tuple[tuple[str, bool], ...] = ()  # (story id, archived before)
    filters: tuple[tuple[str, str | None], ...] = ()  # (saved filter name, query before)
    regroup: Regroup | None = None

    @property
    def story_ids(self) -> tuple[str, ...]:
        return tuple(sid for sid, _ in self.stories)
