"""Every story of the list with its articles (those a filter keeps), a page at a time, from
the index: ``wiredesk stories --json`` prints the first page at once and holds one page at a
time, whatever the workspace's size (a full read of a million articles took minutes and GBs).

The stories are read along the index of the list's order (``stories_order``), in pages of
about ``PAGE_ARTICLES`` articles; each page's articles are read by story (indexed), checked by
the filter where SQL is not exact, and printed before the next page is read. One snapshot of
the index (a read transaction) serves every page.

SQL's order and the list's (``faces.story_order``) differ on a date that begins another: the
list puts "2021-12" before "2021-12-20", SQL after. A page cut after a story of size ``z``
dated ``d`` therefore also takes the stories of size ``z`` dated by a beginning of ``d``
(``index_sql.head_sql`` has the proof), and the cursor skips them when it meets them later.

A search one of whose free words the indexes find in few articles (``index_grams``: a word,
a word's beginning, a typo, or a part of a title, note, outlet, author, tag or story title)
reads just those first (:func:`_few`, :func:`_found`): a rare word no early story holds no
longer waits for the scan of every article (1.5 s of CPU at 1,000,000). The rows are those
the same SQL keeps, checked by the same filter: the same answer.

A filter of flags and dates whose dates keep few articles (``Queries._narrow``) is answered
from the date index (:func:`dated`): the articles' row ids and stories first (two columns),
the stories' places sorted the list's way, then the rows and faces a page at a time, the top
of the list first (one part of 35,714 articles took 1 s of CPU at 1,000,000 before its first
story was printed or shown).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator, Iterator
from typing import Any, NamedTuple

from tui.core.gcpause import collector_paused
from tui.core.query import Filter
from tui.core.workspace import index_grams
from tui.core.workspace.faces import order_key
from tui.core.workspace.index_rows import ARTICLE_COLS, LISTED_COLS, STORY_COLS, story_of
from tui.core.workspace.index_sql import shown_sql, to_sql, typo_query
from tui.core.workspace.records import Story

_A = ", ".join(f"a.{c}" for c in (*ARTICLE_COLS, "rid"))
_L = ", ".join(f"a.{c}" for c in LISTED_COLS)
_S = ", ".join(f"s.{c}" for c in STORY_COLS)
_ORDER = "s.size DESC, s.date_last DESC, s.id"
PAGE_ARTICLES = 2000  # articles (by the stories' sizes) in the first page, at least a story
PAGE_GROWTH, PAGE_MAX = 2, 64_000  # each page's articles twice the last one's, up to this
PAGE_STORIES = 2000  # stories in a page at most (SQL's limit of parameters)
SCAN_AFTER = 30_000  # a filter's articles looked up by story (or SCAN_STORIES stories, the
SCAN_STORIES = 2_000  # look-ups' cost): then one scan of the articles for the rest
FEW = 10_000  # a free word's articles found by the indexes up to which they are read at once
FEW_OTHER = 40_000  # another word's articles up to which they narrow those down
FEW_AT_ONCE = 2000  # more of them: the list's first page first (its stories hold many)
FEW_FIRST = 200  # of those the filter keeps: checked in the first part (bodies read, folded)
DATED_FIRST = 200  # articles in the first part of a dated filter's answer (screens of rows)
NARROW_REST = 1 << 40  # and in its second part: all the rest
_SIZE, _DATE, _ID = STORY_COLS.index("size"), STORY_COLS.index("date_last"), 0


def pages(q, flt: Filter | None, *, archived: bool = False, light: bool = False
          ) -> Generator[list[tuple[Story, list[Any]]], None, None]:
    """The stories shown (archived ones too with ``archived``) with their articles that pass
    ``flt`` (all with None), in the list's order, a page at a time (``q``: the workspace's
    ``Queries``). The pages joined are ``Queries.stories_with_articles``'s answer.
    ``light``: the articles as ``index_rows.Listed`` (what a listing prints), where the
    filter needs no article checked."""
    idx = q.idx  # caught up with folders changed by hand first
    empty = flt is None or flt.is_empty
    listed = light and flt is not None and bool(flt.needs_body or flt.source)  # checked first
    light = light and not listed
    words = _remembered(q.close_words)  # the typo search's words, looked for once
    cond, params = ("", []) if flt is None or empty else _condition(flt, words)
    shown = shown_sql(flt, archived)
    with snapshot(idx) as db:  # one state of the index for every page
        few = None if flt is None or empty else _few(db, flt, words)
        if few is not None and flt is not None and len(few) <= FEW_AT_ONCE:  # a rare word
            if few:
                yield from _found(q, db, few, flt, archived, cond + shown, params, light,
                                  listed)
            return
        cur = db.cursor()
        cur.execute(f"SELECT {_S} FROM stories s WHERE 1{shown} ORDER BY {_ORDER}")
        early: set[str] = set()  # stories taken early (a date beginning another)
        paged: set[str] = set()  # every story taken, for a filter's scan of the rest
        held: list = []
        budget, size, seen = PAGE_ARTICLES, 0, 0
        while True:
            row = cur.fetchone()
            if row is not None:
                if row[_ID] in early:
                    continue
                held.append(row)
                size += row[_SIZE]
                if size < budget and len(held) < PAGE_STORIES:
                    continue
            if not held:
                break
            more = _beginnings(db, shown, held[-1], early | {r[_ID] for r in held})
            early.update(r[_ID] for r in more)
            held += more
            if not empty:
                paged.update(r[_ID] for r in held)
            with collector_paused():
                found = _page(q, db, held, flt, archived, cond, params, light, listed)
            seen += size
            held, size, budget = [], 0, min(PAGE_MAX, budget * PAGE_GROWTH)
            if found:
                yield found
            if row is None:
                break
            if flt is not None and few is not None:  # the rest: the few found, read
                cur.close()
                yield from _found(q, db, few, flt, archived, cond + shown, params, light,
                                  listed, frozenset(paged))
                break
            if flt is not None and not empty and (
                    seen >= SCAN_AFTER or len(paged) >= SCAN_STORIES):  # the rest: a scan
                cur.close()
                yield _rest(q, flt, archived, frozenset(paged), light, words, listed)
                break


@contextlib.contextmanager
def snapshot(idx) -> Iterator[Any]:
    """The index's connection in one read transaction (the caller's, if it is in one)."""
    with idx.guard:
        db = idx.db
        own = not db.in_transaction
        if own:
            db.execute("BEGIN")
        try:
            yield db
        finally:
            if own:
                db.execute("COMMIT")


def _condition(flt: Filter, words: Callable[[str], list[str]]) -> tuple[str, list]:
    """The filter's SQL condition on the joined articles (`` AND ...``, or ""), and its
    parameters."""
    where, params = to_sql(flt, words, joined=True)
    return (" AND " + where.removeprefix("WHERE ") if where else ""), params


def _beginnings(db, shown: str, last, taken: set[str]) -> list:
    """Stories of ``last``'s size dated by a beginning of its date (after it in SQL's order,
    before it in the list's), not taken yet."""
    date = last[_DATE] or ""
    starts = [date[:n] for n in range(1, len(date))]
    if not starts:
        return []
    rows = db.execute(f"SELECT {_S} FROM stories s WHERE s.size = ? AND s.date_last IN "
                      f"({', '.join('?' * len(starts))}){shown}", (last[_SIZE], *starts))
    return [r for r in rows if r[_ID] not in taken]


def _page(q, db, stories: list, flt: Filter | None, archived: bool, cond: str, params: list,
          light: bool = False, listed: bool = False) -> list[tuple[Story, list[Any]]]:
    """The articles of these stories (rows) that ``flt`` keeps, under them, in order."""
    ids = [r[_ID] for r in stories]
    rows = db.execute(
        f"SELECT {_L if light else _A} FROM stories s JOIN articles a ON (a.story = s.id OR "
        f"(a.story IS NULL AND a.id = s.id)) WHERE s.id IN ({', '.join('?' * len(ids))})"
        f"{cond}", [*ids, *params]).fetchall()
    faces = {r[_ID]: story_of(r) for r in stories}
    return q._grouped(rows, flt, archived, faces=faces, light=light, listed=listed)


def _rest(q, flt: Filter, archived: bool, skip: frozenset[str], light: bool = False,
          close_words=None, listed: bool = False) -> list[tuple[Story, list[Any]]]:
    """The stories after those of ``skip`` in a filter's answer: one scan of the articles SQL
    keeps (cheaper than looking up every small story's articles)."""
    where, params = to_sql(flt, close_words or q.close_words)
    with collector_paused():
        return q._grouped(q._rows(f"SELECT {_L if light else _A} FROM articles a {where}",
                                  params, fresh=False), flt, archived, skip=skip, light=light,
                          listed=listed)


def answer(q, flt: Filter | None, archived: bool = False) -> list[tuple[Story, list[Any]]] | None:
    """``Queries.stories_with_articles``'s answer at once when one of the filter's free words
    is found by the indexes in few articles (:func:`_few`: milliseconds, where the scan of
    every article takes 0.5 s of CPU at 1,000,000); None otherwise."""
    if flt is None or not flt._terms:
        return None
    idx = q.idx  # caught up with folders changed by hand first
    words = _remembered(q.close_words)
    with snapshot(idx) as db:  # one state of the index for the probe and the rows
        few = _few(db, flt, words)
        if few is None:
            return None
        cond, params = _condition(flt, words)
        return [found for part in _found(q, db, few, flt, archived,
                                         cond + shown_sql(flt, archived), params, False)
                for found in part]


def _remembered(close_words):
    """``close_words`` asked once for each word (the probe and the SQL ask alike)."""
    memo: dict[str, list[str]] = {}

    def close(word: str) -> list[str]:
        if word not in memo:
            memo[word] = close_words(word)
        return memo[word]

    return close


def _few(db, flt: Filter, close_words) -> list[int] | None:
    """The row ids of a superset of the filter's articles, when one of its free words is
    found by the indexes in at most :data:`FEW` articles (``index_grams.term_rids``): those,
    less the ones another word's articles leave out (a word in up to ``FEW_OTHER`` of them);
    None when every word is in more (or the index has no trigram tables)."""
    if not index_grams.has(db):
        return None
    found: list[set[int]] = []
    for term in flt._terms:
        if index_grams.usable(term):
            rids = index_grams.term_rids(db, term, typo_query(term, close_words), FEW_OTHER)
            if rids is not None:
                found.append(rids)
    if not found:
        return None
    found.sort(key=len)
    if len(found[0]) > FEW:
        return None
    return sorted(found[0].intersection(*found[1:]))


def _found(q, db, rids: list[int], flt: Filter, archived: bool, cond: str, params: list,
           light: bool, listed: bool = False, skip: frozenset[str] = frozenset()
           ) -> Generator[list[tuple[Story, list[Any]]], None, None]:
    """The filter's answer among these articles (a superset of it, from :func:`_few`), in the
    list's order: their rows the SQL keeps, read at once with their stories' places (``cond``
    holds the archived rule), then checked by the filter a few stories at a time, the first
    :data:`FEW_FIRST` articles first (the check reads and folds bodies). The stories of
    ``skip`` are left out (a first page took them)."""
    n = len(LISTED_COLS if light else (*ARTICLE_COLS, "rid"))
    members: dict[str, list] = {}
    places: list[_Place] = []
    with collector_paused():
        for r in db.execute(
                f"SELECT {_L if light else _A}, s.id, s.size, s.date_last FROM articles a "
                f"JOIN stories s ON (a.story = s.id OR (a.story IS NULL AND a.id = s.id)) "
                f"WHERE a.rid IN (SELECT value FROM json_each(?)){cond} ORDER BY a.rid",
                [index_grams.json_list(rids), *params]):
            sid = r[n]
            if sid in skip:
                continue
            if sid not in members:
                members[sid] = []
                places.append(_Place(*r[n:]))
            members[sid].append(r[:n])
    places.sort(key=order_key())
    held: list[_Place] = []
    size, budget = 0, FEW_FIRST
    for k, place in enumerate(places):
        held.append(place)
        size += len(members[place.id])
        if size < budget and k + 1 < len(places):
            continue
        with collector_paused():
            faces = {r[_ID]: story_of(r) for r in db.execute(
                f"SELECT {_S} FROM stories s WHERE s.id IN (SELECT value FROM json_each(?))",
                (index_grams.json_list(h.id for h in held),))}
            found = q._grouped([r for h in held for r in members[h.id]], flt, archived,
                               faces=faces, light=light, listed=listed)
        if found:
            yield found
        held, size, budget = [], 0, min(PAGE_MAX, budget * PAGE_GROWTH)


class _Place(NamedTuple):
    """Where a story comes in the list (``faces.order_key`` sorts these)."""

    id: str
    size: int
    date_last: str | None


def dated(q, db, flt: Filter, archived: bool, light: bool = False,
          last: list[bool] | None = None) -> Generator[list[tuple[Story, list[Any]]], None, None]:
    """The answer of a filter of flags and dates (no free words: SQL is exact but for an
    outlet, which ``_grouped`` checks) in the list's order, a page at a time, the first
    (:data:`DATED_FIRST` articles) at once: the row ids and stories of the articles SQL keeps
    (through the date index), the places of their stories (the archived rule applied) sorted
    as the list is, then the rows and faces of the first stories, then the rest's (one part:
    more, smaller parts cost more reads in all), each read by id. ``db``: the connection in
    the caller's read transaction (one state of the index for every page). At least one part,
    empty when nothing is kept. ``last``, when given, holds whether the part just given is
    the last one (set before each part is given)."""
    where, params = to_sql(flt, q.close_words)
    # Listed rows (what a listing prints: narrow) are read whole at once; whole rows (wide:
    # summaries, versions) by id, page by page, after their row ids and stories.
    by_story: dict[str, list] = {}
    sql = f"SELECT {_L if light else 'a.rid, a.story, a.id'} FROM articles a {where}"
    with collector_paused():
        for r in db.execute(sql, params):
            by_story.setdefault(r[4] or r[0] if light else r[1] or r[2], []).append(
                r if light else r[0])  # as ``_grouped`` groups them
    places = [_Place(*r) for r in db.execute(
        f"SELECT s.id, s.size, s.date_last FROM stories s WHERE s.id IN "
        f"(SELECT value FROM json_each(?)){shown_sql(flt, archived)}",
        (index_grams.json_list(by_story),))] if by_story else []
    places.sort(key=order_key())
    start, budget, given = 0, DATED_FIRST, False
    while start < len(places):
        end, size = start, 0
        while end < len(places) and (end == start or size < budget):
            size += len(by_story[places[end].id])
            end += 1
        held = places[start:end]
        with collector_paused():
            faces = {r[_ID]: story_of(r) for r in db.execute(
                f"SELECT {_S} FROM stories s WHERE s.id IN (SELECT value FROM json_each(?))",
                (index_grams.json_list(h.id for h in held),))}
            rows = [r for h in held for r in by_story[h.id]] if light else db.execute(
                f"SELECT {_A} FROM articles a WHERE a.rid IN (SELECT value FROM json_each(?))",
                (index_grams.json_list(rid for h in held for rid in by_story[h.id]),)
            ).fetchall()
            found = q._grouped(rows, flt, archived, faces=faces, light=light)
        if found:
            given = True
            if last is not None:
                last[:] = [end >= len(places)]
            yield found
        start, budget = end, NARROW_REST  # the rest in one part: fewer reads in all
    if not given:
        if last is not None:
            last[:] = [True]
        yield []
