"""The one selection of the app's list, ``wiredesk stories`` and ``wiredesk export``.

:func:`select` returns the stories a filter keeps and, per story, the articles it keeps, in the
workspace's story order. A workspace read whole (the app's tests, small workspaces opened
whole) is selected here in memory; a workspace opened lazily is asked through its index: the
app's unfiltered list is a :class:`~tui.desk.window.StoryWindow` (counts, order and pages
from the index), a filter is answered by :meth:`Workspace.stories_matching` (the index, or a
full read where the index cannot be exact).

The rule for archived stories is the same everywhere (notmuch's excluded tags): an archived
story is left out unless the filter names the archive state (``archived`` or ``-archived``) or
the caller asks for every story (``stories --archived``, ``export --archived``). Archived
stories the filter would have kept are counted in :attr:`Listing.archived_left_out`, so a
caller can say so instead of losing them silently.

Plain Python (no Textual): the app runs it in a worker thread for big workspaces. Bodies are read
only for free-text filters, and only for articles that pass every other part of the filter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from tui.core.model import Article
from tui.core.query import Filter, hides_archived
from tui.core.workspace import Story
from tui.core.workspace import index_list as lists
from tui.core.workspace.faces import story_order
from tui.desk import ranking
from tui.desk.window import Members, StoryWindow, sort_stories


class Readable(Protocol):
    """What :func:`select` needs of a workspace."""

    def stories(self) -> list[Story]: ...

    def get(self, aid: str) -> Article: ...

    def searchable(self, a: Article) -> str: ...

    @property
    def unreadable(self) -> Mapping[str, str]: ...


@dataclass(slots=True)
class Listing:
    """What a list shows: stories in order and, per story id, the article ids kept.

    ``window``: the stories are a :class:`StoryWindow` onto the index (``members`` reads
    each story's articles through it); else they are a list held whole. ``articles``: the
    articles the selection read (by id), so a caller need not read them again.
    """

    stories: Sequence[Story] = field(default_factory=list)
    members: Mapping[str, list[str]] = field(default_factory=dict)
    archived_left_out: int = 0  # archived stories with matching articles the rule left out
    unreadable: list[str] = field(default_factory=list)  # bodies a word search could not read
    window: StoryWindow | None = None
    articles: dict[str, Article] = field(default_factory=dict)
    sort: str = "size"  # the order of ``stories``
    partial: bool = False  # the first results of a word search: the whole answer follows
    # a word search: story id -> the search's words no title of it holds as typed (fewer
    # first, whatever the sort: an exact title match above typos found in long bodies)
    misses: dict[str, int] = field(default_factory=dict)
    _faces: tuple[object, dict[str, int]] = (None, {})

    @classmethod
    def of_window(cls, window: StoryWindow) -> Listing:
        return cls(
            window, Members(window), window.archived_left_out, window=window, sort=window.sort
        )

    @property
    def article_count(self) -> int:
        if self.window is not None:
            return self.window.articles
        return sum(len(v) for v in self.members.values())

    def article_ids(self) -> list[str]:
        """Every article shown, in list order (a window reads every page: for "all")."""
        return [aid for s in self.stories for aid in self.members[s.id]]

    def _places(self) -> dict[str, int]:
        if self._faces[0] is not self.stories:
            self._faces = (self.stories, {s.id: i for i, s in enumerate(self.stories)})
        return self._faces[1]

    def index_of(self, sid: str | None) -> int | None:
        if sid is None:
            return None
        if self.window is not None:
            return self.window.position(sid)
        return self._places().get(sid)

    def face(self, sid: str) -> Story | None:
        """The face shown for story ``sid`` (None: not shown, or not read yet)."""
        if self.window is not None:
            return self.window.cached(sid)
        i = self._places().get(sid)
        return self.stories[i] if i is not None else None

    def held(self, story_ids: Iterable[str]) -> list[str]:
        """Those of these stories this list holds a face of (no index read for the others)."""
        return [sid for sid in story_ids if self.face(sid) is not None]

    def story_of_article(self, aid: str) -> int | None:
        """Where the story showing article ``aid`` is."""
        if self.window is None:
            return next(
                (i for i, st in enumerate(self.stories) if aid in self.members[st.id]), None
            )
        sid = lists.story_ids_of(self.window.q, [aid]).get(aid)
        return self.window.position(sid) if sid else None

    def in_order(self, aids: Iterable[str]) -> list[str]:
        """These articles, those shown, in list order."""
        wanted = set(aids)
        if self.window is None:
            return [a for a in self.article_ids() if a in wanted]
        story_of = lists.story_ids_of(self.window.q, wanted)
        at = {sid: self.window.position(sid) for sid in set(story_of.values())}  # once a story
        faces = self.window.faces(sid for sid, i in at.items() if i is not None)
        places = []
        for aid, sid in story_of.items():
            face = faces.get(sid)
            if face is not None and aid in face.article_ids:
                places.append(((at[sid], face.article_ids.index(aid)), aid))
        return [aid for _, aid in sorted(places)]

    def faces_of(self, articles: Iterable[Article]) -> list[Story]:
        """The faces of these articles' stories, in list order (an export's story titles)."""
        sids = list(dict.fromkeys(a.story or a.id for a in articles))
        faces = self.window.faces(sids) if self.window else {sid: self.face(sid) for sid in sids}
        found = []
        for sid in sids:
            face = faces.get(sid)
            if face is not None:
                at = self.index_of(sid)
                found.append(((at is None, at or 0), face))
        return [f for _, f in sorted(found, key=lambda p: p[0])]

    def unread_from(self, start: int) -> Iterator[int]:
        """Places from ``start`` on of the stories with an unread article (as their faces
        count them; a window asks the index, as far as the caller looks)."""
        if self.window is not None:
            yield from self.window.unread_from(start)
            return
        yield from (i for i in range(start, len(self.stories)) if self.stories[i].unread)

    def ordered(self, sort: str) -> Listing:
        """The same listing in another order (``sort`` from ``config.SORTS``)."""
        if sort == self.sort:
            return self
        if self.window is not None:
            return Listing.of_window(self.window.reordered(sort))
        base = self.stories if self.sort == "size" else sorted(self.stories, key=story_order)
        return Listing(
            ranking.fewest_first(sort_stories(base, sort), self.misses),
            self.members,
            self.archived_left_out,
            self.unreadable,
            articles=self.articles,
            sort=sort,
            partial=self.partial,
            misses=self.misses,
        )


class Cancelled(Exception):
    """The selection was superseded by a newer one."""


def select(
    ws: Readable,
    flt: Filter | None,
    *,
    stories: Sequence[Story] | None = None,
    include_archived: bool = False,
    window: bool = False,
    quick: bool = False,
    order: str = "size",
    cancelled: Callable[[], bool] = lambda: False,
) -> Listing:
    """The stories and articles of ``ws`` that ``flt`` keeps, in the workspace's story order.

    ``stories`` (default ``ws.stories()``) lets the caller reuse story faces it keeps up to
    date itself: triage changes do not regroup, so faces need not be rebuilt for them.
    A workspace opened lazily (not read whole) is asked through its index instead; with
    ``window`` (the app) its unfiltered list is a window onto the index, not a list, and
    ``quick`` asks for the first results of a word search (from the full-text index alone),
    or the top of the list of a filter of flags and few dates (through the date index;
    :attr:`Listing.partial` says so both ways) where the whole answer would take longer.
    ``order``: the sort the list is shown in; the top of a dated filter is cut by size, so
    under another sort it is not asked (the whole answer at once). A first part that holds
    the whole answer is not partial.
    ``cancelled`` is asked every 500 stories; when it says yes, :class:`Cancelled` is raised.
    """
    if stories is None and not getattr(ws, "loaded", True):
        return _select_indexed(ws, flt, include_archived, window, quick, order)
    stories = ws.stories() if stories is None else stories
    hide = hides_archived(flt, include_archived)
    shown: list[Story] = []
    members: dict[str, list[str]] = {}
    out = Listing(shown, members)
    if flt is None or flt.is_empty:
        for s in stories:
            if hide and s.archived:
                out.archived_left_out += 1
                continue
            shown.append(s)
            members[s.id] = s.article_ids  # read only: no copy
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
                flt.matches(a, s) or flt.matches(a, s, searched_body(ws, a, out.unreadable))
            ):
                continue
            keep.append(aid)
        if keep:
            shown.append(s)
            members[s.id] = keep
    return out


def select_parts(
    ws: Any, flt: Filter | None, *, include_archived: bool = False
) -> Iterator[list[tuple[Story, list[Article]]]]:
    """What :func:`select` lists, as (story, articles) in the list's order, in parts: through
    the index the first part comes at once (the matches among the first stories of the list,
    ``Queries.stream``), the rest after the scan of every article. The parts joined are the
    whole answer (``wiredesk stories --json --filter`` prints the first while looking on)."""
    if (
        not getattr(ws, "loaded", True)
        and flt is not None
        and not flt.is_empty
        and all(len(t) >= 3 for t in flt._terms)
    ):
        parts = ws.index.stream(flt, archived=include_archived)
        try:
            first = next(parts)
        except Exception:  # noqa: BLE001 - no index to use (busy, damaged): select decides
            parts.close()
        else:
            yield first
            yield from parts
            return
    listing = select(ws, flt, include_archived=include_archived)
    yield [
        (st, [listing.articles.get(aid) or ws.get(aid) for aid in listing.members[st.id]])
        for st in listing.stories
    ]


def _select_indexed(
    ws: Any,
    flt: Filter | None,
    include_archived: bool,
    window: bool,
    quick: bool = False,
    order: str = "size",
) -> Listing:
    """:func:`select` of a workspace not read whole: a window onto the index, or the stories
    :meth:`Workspace.stories_matching` finds (through the index when it can be exact)."""
    empty = flt is None or flt.is_empty
    if window and empty:
        try:
            return Listing.of_window(StoryWindow(ws.index, archived=include_archived))
        except Exception:  # noqa: BLE001 - no index to use (read-only, locked): read instead
            if getattr(ws, "loaded", True):
                return select(ws, flt, include_archived=include_archived)
    hide = hides_archived(flt, include_archived)
    before = set(ws.unreadable)
    found = None
    if quick and flt is not None and flt._terms and all(len(t) >= 3 for t in flt._terms):
        try:
            found = ws.index.stories_with_articles(
                flt, archived=include_archived or hide, quick=True
            )
        except Exception:  # noqa: BLE001 - no quick answer: the whole one follows anyway
            found = None
    elif (
        quick
        and order == "size"
        and flt is not None
        and not flt._terms
        and (flt.date_from or flt.date_to)
    ):
        try:  # flags and dates: the top of the list, through the date index (None: not few)
            first = ws.index.first_dated(flt, archived=include_archived or hide)
        except Exception:  # noqa: BLE001 - no quick answer: the whole one follows anyway
            first = None
        if first is not None:
            found, whole = first
            quick = not whole  # the first part is all of it: no second query
    if found is None:
        quick = False
        found = ws.stories_matching(flt, archived=include_archived or hide)
    shown: list[Story] = []
    members: dict[str, list[str]] = {}
    out = Listing(shown, members, partial=quick)
    for st, arts in found:
        if hide and st.archived:
            out.archived_left_out += 1
            continue
        shown.append(st)
        members[st.id] = [a.id for a in arts]
        out.articles.update((a.id, a) for a in arts)
    out.unreadable = [aid for aid in ws.unreadable if aid not in before]
    return out


def ranked(out: Listing, flt: Filter | None, ws: Readable) -> Listing:
    """A word search's stories with an exact match in a title first (:mod:`tui.desk.ranking`),
    for a reader: the app's list, the text of `wiredesk stories`. :func:`select` itself keeps
    the list's order, which the index's pages (``stories --json``, export) share."""
    if flt is not None and flt._terms and out.window is None:
        article = lambda aid: out.articles.get(aid) or ws.get(aid)
        out.misses = ranking.title_misses(out.stories, out.members, flt, article)
        out.stories = ranking.fewest_first(out.stories, out.misses)
    return out


def searched_body(ws: Readable, a: Article, unreadable: list[str]) -> str:
    """The body to search, as the workspace gives it (an unreadable one is searched as empty
    and reported by the workspace); its id is noted so the caller can say which articles were
    matched by their title and fields alone."""
    body = ws.searchable(a)
    if a.id in ws.unreadable:
        unreadable.append(a.id)
    return body


def unreadable_note(ids: Sequence[str]) -> str:
    """One line naming the articles whose bodies a word search could not read."""
    shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
    noun = "article's body" if len(ids) == 1 else "articles' bodies"
    return (
        f"{len(ids)} {noun} could not be read; searched by title and fields only: {shown}"
        " (wiredesk doctor names the damage)"
    )


def recount(
    ws: Readable,
    story: Story,
    changed: Iterable[str] = (),
    now: Callable[[Sequence[str]], Mapping[str, Any]] | None = None,
) -> None:
    """Refresh a story's unread and starred counts after a triage change. A workspace not
    read whole counts from the index: the story's saved counts, with the articles of
    ``changed`` (those this process changed, maybe not saved yet) taken out as saved and put
    back as they are in memory (:func:`~tui.core.workspace.index_list.counts_of`: a face row
    and a row per such article, not every flag of the story); from memory alone when every
    article of a big story is such (a key on its row). ``now``: the articles (or ``Now``
    records) as memory holds them, by id (``Desk.current``; else each one's ``ws.get``). A
    workspace read whole counts its articles, those of ``changed`` as ``now`` has them: the
    article held may be one being saved, its file's old state read again until written."""
    changed = changed if isinstance(changed, (set, frozenset)) else set(changed)
    mine = list(dict.fromkeys(aid for aid in story.article_ids if aid in changed))
    held = now(mine) if now is not None else {aid: ws.get(aid) for aid in mine}
    if getattr(ws, "loaded", True):
        ts = [(held[aid] if aid in held else ws.get(aid)).triage for aid in story.article_ids]
        story.unread = sum(not t.read for t in ts)
        story.starred = sum(t.starred for t in ts)
        return
    if len(mine) > lists.COUNTS_ASKED and len(mine) == len(set(story.article_ids)):
        # a key on a big story's row (every article changed, not saved yet): memory says it
        flags = [held[aid].triage for aid in mine]
        story.unread = sum(not t.read for t in flags)
        story.starred = sum(t.starred for t in flags)
        return
    q = ws.index  # type: ignore[attr-defined]
    got = lists.counts_of(q, story.id, mine)
    if got is None:  # no face in the index, or many changed here: every flag of the story
        flags_of = lists.flags_of(q, story.id)
        unread = sum(not read for read, _ in flags_of.values())
        starred = sum(star for _, star in flags_of.values())
        saved = {aid: flags_of[aid] for aid in mine if aid in flags_of}
    else:
        unread, starred, saved = got
    for aid in mine:
        was_read, was_starred = saved.get(aid, (True, False))  # (not in it as saved: nothing)
        t = held[aid].triage
        unread += int(not t.read) - int(not was_read)
        starred += int(t.starred) - int(was_starred)
    story.unread, story.starred = unread, starred
