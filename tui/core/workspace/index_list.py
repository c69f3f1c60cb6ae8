"""The story list as the index gives it, a window at a time: stories in one of the list's
orders, a story's place in that order, the list's totals, and what the list's keys need of
the stories shown (their articles' flags, the tags, outlets and languages that exist).

Every function takes the workspace's :class:`~tui.core.workspace.index_query.Queries`
(``ws.index``), so the index is caught up with hand edits before it answers, as for any
other question (but :func:`counts_of`, a key's short read beside a writer, takes the index as
last caught up: the app looks for hand edits on a timer).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from tui.core.workspace.faces import _descending as descending  # the same order
from tui.core.workspace.index_rows import STORY_COLS, story_of, unpack
from tui.core.workspace.records import Story

# The list's orders (``config.SORTS``) as SQL: each one the workspace's order (largest, then
# newest, then id) behind its own first key, so ties keep the workspace's order as the sort
# in Python (``sort_stories``) does. The first is the one the index keeps ready.
WORKSPACE_ORDER = (("s.size", True), ("s.date_last", True), ("s.id", False))
ORDERS: dict[str, tuple[tuple[str, bool], ...]] = {
    "size": WORKSPACE_ORDER,
    "newest": (("coalesce(nullif(s.date_last, ''), s.date_first, '')", True), *WORKSPACE_ORDER),
    "unread": (("s.unread", True), *WORKSPACE_ORDER),
}
_S = ", ".join(f"s.{c}" for c in STORY_COLS)


def _order_by(sort: str) -> str:
    return ", ".join(f"{e} {'DESC' if desc else 'ASC'}" for e, desc in ORDERS[sort])


def _shown(archived: bool) -> str:
    return "1" if archived else "s.archived = 0"


def totals(q, *, archived: bool = False) -> tuple[int, int, int]:
    """Stories shown, their articles, and the archived stories left out (none with
    ``archived``: they are shown)."""
    # every story along the order index (it holds the size: 0.1 s at 1,000,000, where the
    # table's scan took 0.4 s), less the archived ones, found through their few states
    n, arts = q._rows("SELECT count(*), coalesce(sum(size), 0) FROM stories")[0]
    if archived:
        return n, arts, 0
    left, left_arts = q._rows(
        "SELECT count(*), coalesce(sum(s.size), 0) FROM stories s WHERE s.archived = 1 AND "
        "s.id IN (SELECT id FROM states WHERE archived = 1)", fresh=False)[0]
    return n - left, arts - left_arts, left


def page(q, sort: str, *, archived: bool = False, offset: int = 0, limit: int = 200
         ) -> list[Story]:
    """Stories ``offset`` to ``offset + limit`` in ``sort``'s order (the workspace's order is
    read along the index; the others are sorted, so :func:`ordered_ids` suits them better)."""
    return [story_of(r) for r in q._rows(
        f"SELECT {_S} FROM stories s WHERE {_shown(archived)} ORDER BY {_order_by(sort)} "
        f"LIMIT ? OFFSET ?", (int(limit), int(offset)))]


def ordered_ids(q, sort: str, *, archived: bool = False) -> list[str]:
    """Every shown story's id in ``sort``'s order (one pass: a snapshot that triage changes
    made later do not reorder while it is shown)."""
    return [r[0] for r in q._rows(
        f"SELECT s.id FROM stories s WHERE {_shown(archived)} ORDER BY {_order_by(sort)}")]


def stories_by_id(q, ids: Sequence[str]) -> dict[str, Story]:
    """The faces of these stories (those the index has)."""
    out: dict[str, Story] = {}
    for k in range(0, len(ids), 500):
        chunk = list(ids[k:k + 500])
        out.update((r[0], story_of(r)) for r in q._rows(
            f"SELECT {_S} FROM stories s WHERE s.id IN ({', '.join('?' * len(chunk))})",
            chunk))
    return out


def position(q, sid: str, *, archived: bool = False) -> int | None:
    """Where story ``sid`` stands in the workspace's order (None: not shown): the stories
    before it, counted along the index in three ranges (larger; as large and newer; as large,
    as new and a smaller id), less the archived ones before it (few: read one by one)."""
    got = q._rows("SELECT s.size, s.date_last, s.archived FROM stories s WHERE s.id = ?",
                  (sid,))
    if not got or (got[0][2] and not archived):
        return None
    size, last, _ = got[0]
    if last is None:  # no date: after every dated story of its size
        newer, same = "s.date_last IS NOT NULL", "s.date_last IS NULL"
        params: list = [size, size, size, sid]
    else:
        newer, same = "s.date_last > ?", "s.date_last = ?"
        params = [size, size, last, size, last, sid]
    sql = ("SELECT (SELECT count(*) FROM stories s WHERE s.size > ?)"
           f" + (SELECT count(*) FROM stories s WHERE s.size = ? AND {newer})"
           f" + (SELECT count(*) FROM stories s WHERE s.size = ? AND {same} AND s.id < ?)")
    before = q._rows(sql, params, fresh=False)[0][0]
    if not archived:
        here = _key(size, last, sid)
        before -= sum(_key(*r) < here for r in q._rows(
            "SELECT s.size, s.date_last, s.id FROM stories s WHERE s.archived = 1 AND s.id IN "
            "(SELECT id FROM states WHERE archived = 1)", fresh=False))
    return before


def _key(size: int, date_last: str | None, sid: str) -> tuple:
    """:func:`~tui.core.workspace.faces.story_order` of a story's row."""
    return (-size, descending(date_last or ""), sid)


def unread_from(q, start: int, *, archived: bool = False) -> Iterator[tuple[int, int]]:
    """(place, unread count) of each story from ``start`` on in the workspace's order, read
    500 at a time (the caller stops at the first it wants)."""
    order = _order_by("size")
    while True:
        rows = q._rows(f"SELECT s.unread FROM stories s WHERE {_shown(archived)} ORDER BY "
                       f"{order} LIMIT 500 OFFSET ?", (start,))
        for n, (unread,) in enumerate(rows):
            yield start + n, unread
        if len(rows) < 500:
            return
        start += 500


def story_ids_of(q, aids: Iterable[str]) -> dict[str, str]:
    """The story of each of these articles (an article alone is its own story)."""
    aids = list(aids)
    out: dict[str, str] = {}
    for k in range(0, len(aids), 500):
        chunk = aids[k:k + 500]
        out.update(q._rows(f"SELECT id, coalesce(story, id) FROM articles WHERE id IN "
                           f"({', '.join('?' * len(chunk))})", chunk))
    return out


def flags_of(q, sid: str) -> dict[str, tuple[bool, bool]]:
    """(read, starred) of each article of story ``sid``, as last saved."""
    return {aid: (bool(read), bool(starred)) for aid, read, starred in q._rows(
        "SELECT id, read, starred FROM articles WHERE story = ? OR (story IS NULL AND id = ?)",
        (sid, sid))}


COUNTS_ASKED = 500  # articles whose flags :func:`counts_of` asks for by id (more: None)


def counts_of(q, sid: str, aids: Sequence[str] = ()
              ) -> tuple[int, int, dict[str, tuple[bool, bool]]] | None:
    """Story ``sid``'s saved unread and starred counts (its face in the index, which every
    write of an article keeps in step with its flags) and the saved (read, starred) of those of
    ``aids`` the index has in that story: one statement, so one snapshot in which the counts
    and the flags agree, of one face row and a row per id (0.1 ms where reading every flag
    of a 2,464-article story took 6-20 ms). None when the index holds no face for ``sid``
    or more than ``COUNTS_ASKED`` ids are asked (:func:`flags_of` answers then). A short read
    beside a writer (``Queries.point``)."""
    aids = list(dict.fromkeys(aids))
    if len(aids) > COUNTS_ASKED:
        return None
    rows = q.point(
        "SELECT NULL, unread, starred FROM stories WHERE id = ? UNION ALL "
        f"SELECT id, read, starred FROM articles WHERE id IN ({', '.join('?' * len(aids))}) "
        "AND coalesce(story, id) = ?", (sid, *aids, sid))
    face = [r for r in rows if r[0] is None]
    if len(face) != 1:
        return None
    _, unread, starred = face[0]
    return unread, starred, {aid: (bool(r), bool(s)) for aid, r, s in rows if aid is not None}


def tags(q) -> list[str]:
    """Every tag in use, as written (the tags table holds them folded)."""
    seen: set[str] = set()
    for (packed,) in q._rows("SELECT DISTINCT tags FROM articles WHERE tags != ''"):
        seen.update(unpack(packed))
    return sorted(seen)


def outlets_and_langs(q) -> list[tuple[list[str], list[str], int]]:
    """The stories' outlets and languages (what the filter field completes), each set of
    them once with the number of stories that have it (grouped by SQL: 0.4 s of CPU at
    1,000,000 articles, where a row of each story took 2.7 s)."""
    return [(unpack(s), unpack(la), n) for s, la, n in q._rows(
        "SELECT sources, langs, count(*) FROM stories WHERE sources != '' OR langs != '' "
        "GROUP BY sources, langs")]


def triaged(q) -> list[str]:
    """The articles with a note, a tag or a star (what an export carries by default)."""
    return [r[0] for r in q._rows(
        "SELECT id FROM articles WHERE starred = 1 OR tags != '' OR "
        "coalesce(note, '') != ''")]
