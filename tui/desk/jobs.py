"""The writer's queued saves (:class:`Job`), what a failed change names (:class:`NotSaved`),
and two triage changes of one article made one (:func:`merged`: a change whose save failed is
written with the next save of that article). No Textual."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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

    @property
    def key(self) -> str:
        return self.keys[0]

    @property
    def archive(self) -> bool | None:
        return dict(self.changes).get("archived")

    @property
    def note(self) -> str | None:
        return dict(self.changes).get("note")


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
