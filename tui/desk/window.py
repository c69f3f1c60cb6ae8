"""The app's story list read from the index a window at a time (no Textual).

:class:`StoryWindow` is a sequence of story faces in one of the list's orders whose length,
totals and pages come from the workspace's index: the list shows 100,000 stories while holding
a few pages of them (the pages used most recently). The workspace's own order is read along
the index's ordered table; the other orders take one snapshot of the ids in that order, so a
triage change (which moves a story in "most unread first") does not shuffle the pages already
seen. :class:`Members` gives each story's article ids, as the listing's ``members`` mapping.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, overload

from tui.core.seq import checked_index
from tui.core.workspace import Story
from tui.core.workspace import index_list as lists

if TYPE_CHECKING:
    from tui.core.workspace.index_query import Queries

PAGE = 200  # stories read at once
PAGES = 16  # pages kept (3,200 faces): enough for every screen, bounded however big


def sort_stories(stories: Sequence[Story], mode: str) -> list[Story]:
    """``stories`` (in the workspace's order) in ``mode``'s order; ties keep that order (the
    same orders as :data:`tui.core.workspace.index_list.ORDERS`)."""
    if mode == "newest":
        return sorted(stories, key=lambda s: s.date_last or s.date_first or "", reverse=True)
    if mode == "unread":
        return sorted(stories, key=lambda s: -s.unread)
    return list(stories)


def _gone(sid: str) -> Story:
    """The face of a story removed since the window was read (another process regrouped):
    shown empty until the list is read again."""
    return Story(id=sid, article_ids=[], title="(no longer in the workspace)")


class StoryWindow(Sequence[Story]):
    """The shown stories of a workspace, in ``sort``'s order, read a page at a time."""

    def __init__(self, queries: Queries, sort: str = "size", *, archived: bool = False) -> None:
        self.q, self.sort, self.archived = queries, sort, archived
        self.total, self.articles, self.archived_left_out = lists.totals(queries, archived=archived)
        self._ids = None if sort == "size" else lists.ordered_ids(queries, sort, archived=archived)
        if self._ids is not None:
            self.total = len(self._ids)
        self._pos: dict[str, int] | None = None  # id -> place, for the snapshot of ids
        self._pages: OrderedDict[int, list[Story]] = OrderedDict()
        self._by_id: dict[str, tuple[int, Story]] = {}  # faces of the pages held
        # called with each page read: the desk counts there what memory holds and the index
        # does not yet (a change of many articles still being saved)
        self.fresh: Callable[[list[Story]], None] | None = None

    def __len__(self) -> int:
        return self.total

    @overload
    def __getitem__(self, i: int) -> Story: ...

    @overload
    def __getitem__(self, i: slice) -> list[Story]: ...

    def __getitem__(self, i: int | slice) -> Story | list[Story]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self.total))]
        i = checked_index(i, self.total)
        page = self._page(i // PAGE)
        k = i % PAGE
        return page[k] if k < len(page) else _gone(f"?{i}")

    def largest(self) -> Story | None:
        """The biggest story shown (the first in the workspace's order; one read else)."""
        if not self.total:
            return None
        if self.sort == "size":
            return self[0]
        top = lists.page(self.q, "size", archived=self.archived, limit=1)
        return top[0] if top else None

    def __iter__(self) -> Iterator[Story]:
        for n in range((self.total + PAGE - 1) // PAGE):
            yield from self._page(n)

    def _page(self, n: int) -> list[Story]:
        page = self._pages.get(n)
        if page is not None:
            self._pages.move_to_end(n)
            return page
        if self._ids is None:
            page = lists.page(
                self.q, self.sort, archived=self.archived, offset=n * PAGE, limit=PAGE
            )
        else:
            ids = self._ids[n * PAGE : (n + 1) * PAGE]
            by = lists.stories_by_id(self.q, ids)
            page = [by.get(sid) or _gone(sid) for sid in ids]
        if self.fresh is not None:
            self.fresh(page)
        self._pages[n] = page
        self._by_id.update((s.id, (n * PAGE + k, s)) for k, s in enumerate(page))
        while len(self._pages) > PAGES:
            _, old = self._pages.popitem(last=False)
            for s in old:
                held = self._by_id.get(s.id)
                if held is not None and held[1] is s:
                    del self._by_id[s.id]
        return page

    @property
    def held(self) -> int:
        """Story faces held in memory now (at most ``PAGE * PAGES``)."""
        return sum(len(p) for p in self._pages.values())

    def cached(self, sid: str) -> Story | None:
        """The face of story ``sid`` if a page held shows it (the one the list draws)."""
        held = self._by_id.get(sid)
        return held[1] if held else None

    def face(self, sid: str) -> Story | None:
        """The face of story ``sid``: the one shown, else read from the index."""
        return self.cached(sid) or self.q.story(sid)

    def faces(self, sids: Iterable[str]) -> dict[str, Story]:
        """The faces of these stories (those the index has): the ones shown, the rest read
        from the index in one go rather than one query each."""
        out: dict[str, Story] = {}
        missing = []
        for sid in sids:
            face = self.cached(sid)
            if face is not None:
                out[sid] = face
            else:
                missing.append(sid)
        out.update(lists.stories_by_id(self.q, missing))
        return out

    def index(self, sid: str, start: int = 0, stop: int | None = None) -> int:
        """Where story ``sid`` is in the window (ValueError when it is not shown)."""
        at = self.position(sid)
        if at is None or at < start or (stop is not None and at >= stop):
            raise ValueError(f"{sid!r} is not in the list")
        return at

    def position(self, sid: str) -> int | None:
        held = self._by_id.get(sid)
        if held is not None:
            return held[0]
        if self._ids is not None:
            if self._pos is None:
                self._pos = {s: i for i, s in enumerate(self._ids)}
            return self._pos.get(sid)
        return lists.position(self.q, sid, archived=self.archived)

    def __contains__(self, value: object) -> bool:
        return isinstance(value, Story) and self.position(value.id) is not None

    def unread_from(self, start: int) -> Iterator[int]:
        """Places from ``start`` on of stories with an unread article: the index's counts read
        along its order (only as far as the caller looks), the faces held where they are."""
        if self._ids is not None:
            for i in range(start, self.total):
                if self[i].unread:
                    yield i
            return
        for i, unread in lists.unread_from(self.q, start, archived=self.archived):
            page = self._pages.get(i // PAGE)
            face = page[i % PAGE] if page is not None and i % PAGE < len(page) else None
            if face.unread if face is not None else unread:  # a face held is kept current
                yield i

    def reordered(self, sort: str) -> StoryWindow:
        window = StoryWindow(self.q, sort, archived=self.archived)
        window.fresh = self.fresh
        return window


class Members(Mapping[str, list[str]]):
    """Each shown story's article ids (every article of it: the window has no filter)."""

    def __init__(self, window: StoryWindow) -> None:
        self.window = window

    def __getitem__(self, sid: str) -> list[str]:
        st = self.window.face(sid)
        return st.article_ids if st is not None else []  # gone since: drawn empty

    def __contains__(self, sid: object) -> bool:
        return isinstance(sid, str) and self.window.position(sid) is not None

    def __iter__(self) -> Iterator[str]:
        return (s.id for s in self.window)

    def __len__(self) -> int:
        return len(self.window)
