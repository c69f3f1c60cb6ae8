"""The one selection of the app's list and ``wiredesk export`` (``wiredesk stories`` asks the
workspace's index, :meth:`Workspace.stories_matching`, which applies the same rule at scale).

:func:`select` returns the stories a filter keeps and, per story, the articles it keeps, in the
workspace's story order. The rule for archived stories is the same everywhere (notmuch's
excluded tags): an archived story is left out unless the filter names the archive state
(``archived`` or ``-archived``) or the caller asks for every story (``stories --archived``,
``export --archived``). Archived stories the filter would have kept are counted in
:attr:`Listing.archived_left_out`, so a caller can say so instead of losing them silently.

Plain Python (no Textual): the app runs it in a worker thread for big workspaces. Bodies are read
only for free-text filters, and only for articles that pass every other part of the filter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from tui.core.export.items import has_triage
from tui.core.model import Article
from tui.core.query import Filter, hides_archived
from tui.core.workspace import Story


class Readable(Protocol):
    """What :func:`select` needs of a workspace."""

    def stories(self) -> list[Story]: ...

    def get(self, aid: str) -> Article: ...

    def body(self, a: Article, version: int = -1) -> str: ...


@dataclass(slots=True)
class Listing:
    """What a list shows: stories in order and, per story id, the article ids kept."""

    stories: list[Story] = field(default_factory=list)
    members: dict[str, list[str]] = field(default_factory=dict)
    archived_left_out: int = 0  # archived stories with matching articles the rule left out
    unreadable: list[str] = field(default_factory=list)  # bodies a word search could not read

    @property
    def article_count(self) -> int:
        return sum(len(v) for v in self.members.values())

    def article_ids(self) -> list[str]:
        return [aid for s in self.stories for aid in self.members[s.id]]

    def index_of(self, sid: str) -> int | None:
        return next((i for i, s in enumerate(self.stories) if s.id == sid), None)


class Cancelled(Exception):
    """The selection was superseded by a newer one."""


def select(
    ws: Readable,
    flt: Filter | None,
    *,
    stories: Sequence[Story] | None = None,
    include_archived: bool = False,
    cancelled: Callable[[], bool] = lambda: False,
) -> Listing:
    """The stories and articles of ``ws`` that ``flt`` keeps, in the workspace's story order.

    ``stories`` (default ``ws.stories()``) lets the caller reuse story faces it keeps up to
    date itself: triage changes do not regroup, so faces need not be rebuilt for them.
    ``cancelled`` is asked every 500 stories; when it says yes, :class:`Cancelled` is raised.
    """
    out = Listing()
    stories = ws.stories() if stories is None else stories
    hide = hides_archived(flt, include_archived)
    if flt is None or flt.is_empty:
        for s in stories:
            if hide and s.archived:
                out.archived_left_out += 1
                continue
            out.stories.append(s)
            out.members[s.id] = s.article_ids  # read only: no copy
        return out
    cheap = replace(flt, text="") if flt.needs_body else flt
    for n, s in enumerate(stories):
        if n % 500 == 0 and cancelled():
            raise Cancelled
        if hide and s.archived:  # counted when the filter (but for its words) would keep it
            out.archived_left_out += any(cheap.matches(ws.get(a), s) for a in s.article_ids)
            continue
        keep = []
        for aid in s.article_ids:
            a = ws.get(aid)
            if not cheap.matches(a, s):
                continue
            if flt.needs_body and not (
                flt.matches(a, s) or flt.matches(a, s, _body(ws, a, out.unreadable))
            ):
                continue
            keep.append(aid)
        if keep:
            out.stories.append(s)
            out.members[s.id] = keep
    return out


def _body(ws: Readable, a: Article, unreadable: list[str]) -> str:
    """The body to search; an unreadable one is searched as empty and its id noted, so the
    caller can say which articles were matched by their title and fields alone."""
    try:
        return ws.body(a)
    except Exception:  # an unreadable body file must not stop a search
        unreadable.append(a.id)
        return ""


def unreadable_note(ids: Sequence[str]) -> str:
    """One line naming the articles whose bodies a word search could not read."""
    shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
    noun = "article's body" if len(ids) == 1 else "articles' bodies"
    return (
        f"{len(ids)} {noun} could not be read; searched by title and fields only: {shown}"
        " (wiredesk doctor names the damage)"
    )


def recount(ws: Readable, story: Story) -> None:
    """Refresh a story's unread and starred counts after a triage change."""
    arts = [ws.get(aid) for aid in story.article_ids]
    story.unread = sum(not a.triage.read for a in arts)
    story.starred = sum(a.triage.starred for a in arts)


def select_articles(
    ws: Readable,
    flt: Filter | None,
    *,
    everything: bool = True,
    include_archived: bool = False,
    stories: Sequence[Story] | None = None,
) -> tuple[list[Article], Listing]:
    """The articles :func:`select` keeps, in list order; without ``everything`` only those with
    a note, a tag or a star (what ``wiredesk export`` carries by default)."""
    listing = select(ws, flt, stories=stories, include_archived=include_archived)
    arts = [ws.get(aid) for aid in listing.article_ids()]
    return (arts if everything else [a for a in arts if has_triage(a)]), listing
