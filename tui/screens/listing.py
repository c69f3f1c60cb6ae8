"""What the story list shows: the stories a filter keeps and, per story, the articles it keeps.

Plain Python (no Textual): built in a worker thread for big workspaces. Bodies are read only for
free-text filters, and only for articles that pass every other part of the filter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from tui.core.query import Filter
from tui.core.workspace import Story

ARCHIVED_HIDDEN = True  # archived stories are left out unless the filter asks for them


@dataclass(slots=True)
class Listing:
    stories: list[Story] = field(default_factory=list)
    members: dict[str, list[str]] = field(default_factory=dict)  # story id -> article ids shown

    @property
    def article_count(self) -> int:
        return sum(len(v) for v in self.members.values())

    def article_ids(self) -> list[str]:
        return [aid for s in self.stories for aid in self.members[s.id]]

    def index_of(self, sid: str) -> int | None:
        return next((i for i, s in enumerate(self.stories) if s.id == sid), None)


class Cancelled(Exception):
    """The listing was superseded by a newer one."""


def build_listing(ws, flt: Filter | None, *, stories: list[Story] | None = None,
                  cancelled: Callable[[], bool] = lambda: False) -> Listing:
    """The stories and articles of ``ws`` that ``flt`` keeps, in the workspace's order.

    ``stories`` (default ``ws.stories()``) lets the caller reuse story faces it keeps up to
    date itself: triage changes do not regroup, so faces need not be rebuilt for them.
    """
    out = Listing()
    stories = ws.stories() if stories is None else stories
    hide_archived = flt is None or flt.archived is None
    if flt is None or flt.is_empty:
        for s in stories:
            if not (hide_archived and s.archived):
                out.stories.append(s)
                out.members[s.id] = s.article_ids  # read only: no copy
        return out
    cheap = replace(flt, text="") if flt.needs_body else flt
    for n, s in enumerate(stories):
        if n % 500 == 0 and cancelled():
            raise Cancelled
        if hide_archived and s.archived:
            continue
        keep = []
        for aid in s.article_ids:
            a = ws.get(aid)
            if not cheap.matches(a, s):
                continue
            if flt.needs_body and not (flt.matches(a, s) or flt.matches(a, s, _body(ws, a))):
                continue
            keep.append(aid)
        if keep:
            out.stories.append(s)
            out.members[s.id] = keep
    return out


def _body(ws, a) -> str:
    try:
        return ws.body(a)
    except Exception:  # an unreadable body file must not stop a search
        return ""


def recount(ws, story: Story) -> None:
    """Refresh a story's unread and starred counts after a triage change."""
    arts = [ws.get(aid) for aid in story.article_ids]
    story.unread = sum(not a.triage.read for a in arts)
    story.starred = sum(a.triage.starred for a in arts)
