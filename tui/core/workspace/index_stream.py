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
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from tui.core.gcpause import collector_paused
from tui.core.query import Filter
from tui.core.workspace.index_rows import ARTICLE_COLS, LISTED_COLS, STORY_COLS, story_of
from tui.core.workspace.index_sql import shown_sql, to_sql
from tui.core.workspace.records import Story

_A = ", ".join(f"a.{c}" for c in (*ARTICLE_COLS, "rid"))
_L = ", ".join(f"a.{c}" for c in LISTED_COLS)
_S = ", ".join(f"s.{c}" for c in STORY_COLS)
_ORDER = "s.size DESC, s.date_last DESC, s.id"
PAGE_ARTICLES = 2000  # articles (by the stories' sizes) in the first page, at least a story
PAGE_GROWTH, PAGE_MAX = 2, 64_000  # each page's articles twice the last one's, up to this
PAGE_STORIES = 2000  # stories in a page at most (SQL's limit of parameters)
SCAN_AFTER = 200_000  # a filter's articles looked up by story (or SCAN_STORIES stories, the
SCAN_STORIES = 2_000  # look-ups' cost): then one scan of the articles for the rest
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
    light = light and not (flt is not None and (flt.needs_body or flt.source))
    where, params = ("", []) if empty else to_sql(flt, q.close_words, joined=True)
    cond = " AND " + where.removeprefix("WHERE ") if where else ""
    shown = shown_sql(flt, archived)
    with idx.guard:
        db = idx.db
        own = not db.in_transaction
        if own:
            db.execute("BEGIN")  # one state of the index for every page
        try:
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
                    found = _page(q, db, held, flt, archived, cond, params, light)
                seen += size
                held, size, budget = [], 0, min(PAGE_MAX, budget * PAGE_GROWTH)
                if found:
                    yield found
                if row is None:
                    break
                if flt is not None and not empty and (
                        seen >= SCAN_AFTER or len(paged) >= SCAN_STORIES):  # the rest: a scan
                    cur.close()
                    yield _rest(q, flt, archived, frozenset(paged), light)
                    break
        finally:
            if own:
                db.execute("COMMIT")


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
          light: bool = False) -> list[tuple[Story, list[Any]]]:
    """The articles of these stories (rows) that ``flt`` keeps, under them, in order."""
    ids = [r[_ID] for r in stories]
    rows = db.execute(
        f"SELECT {_L if light else _A} FROM stories s JOIN articles a ON (a.story = s.id OR "
        f"(a.story IS NULL AND a.id = s.id)) WHERE s.id IN ({', '.join('?' * len(ids))})"
        f"{cond}", [*ids, *params]).fetchall()
    faces = {r[_ID]: story_of(r) for r in stories}
    return q._grouped(rows, flt, archived, faces=faces, light=light)


def _rest(q, flt: Filter, archived: bool, skip: frozenset[str], light: bool = False
          ) -> list[tuple[Story, list[Any]]]:
    """The stories after those of ``skip`` in a filter's answer: one scan of the articles SQL
    keeps (cheaper than looking up every small story's articles)."""
    where, params = to_sql(flt, q.close_words)
    with collector_paused():
        return q._grouped(q._rows(f"SELECT {_L if light else _A} FROM articles a {where}",
                                  params, fresh=False), flt, archived, skip=skip, light=light)
