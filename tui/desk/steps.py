"""The records that cross from the screens to the service: corrections and undo steps.

Small frozen dataclasses instead of tuples: a grouping correction is a :class:`Merge`,
:class:`Move` or :class:`Split`; an undoable action is a :class:`Step` holding the state before
it (article triage, story archive states, saved filters, or a grouping record).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple, overload

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


class Snapshot(NamedTuple):
    """One article's triage before a change (a named tuple, the cheapest record: a key on a
    story row takes one of each of its articles, 2,464 in the biggest story at 1,000,000).
    ``tags``: the list the article had (lists of tags are replaced, never changed in place)."""

    aid: str
    tags: Sequence[str]
    starred: bool
    read: bool
    note: str


class Before(Sequence[Snapshot]):
    """The snapshots of a change's articles, made when asked (undo) from the records the
    change started from (``ids`` -> an object with a ``triage``: ``tui.desk.current.Now``),
    kept as they were: a key on a story row makes no record of its own per article."""

    def __init__(self, ids: Sequence[str], now: Mapping[str, Any]) -> None:
        self.ids, self.now = ids, now

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, i: int) -> Snapshot: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[Snapshot]: ...

    def __getitem__(self, i: int | slice) -> Snapshot | Sequence[Snapshot]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.ids)))]
        aid = self.ids[i]
        t = self.now[aid].triage
        return Snapshot(aid, t.tags, t.starred, t.read, t.note)


@dataclass(frozen=True, slots=True)
class Regroup:
    """A grouping correction as the workspace recorded it (for ``Workspace.undo_correction``)."""

    record: tuple
    changed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Step:
    """One undoable action: what it was called and the state before it."""

    label: str
    articles: Sequence[Snapshot] = ()
    stories: tuple[tuple[str, bool], ...] = ()  # (story id, archived before)
    filters: tuple[tuple[str, str | None], ...] = ()  # (saved filter name, query before)
    regroup: Regroup | None = None

    @property
    def story_ids(self) -> tuple[str, ...]:
        return tuple(sid for sid, _ in self.stories)
