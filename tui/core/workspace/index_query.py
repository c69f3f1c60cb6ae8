"""Questions the index answers without reading the workspace: counts, stories in order
(a window of them), the articles of a filter, full-text search.

``Workspace.index`` gives a :class:`Queries`; the first question builds the index if it is
missing, and catches it up with folders changed by hand (see ``index_sync.ready``). A
:class:`~tui.core.query.Filter` is turned into SQL for what SQL can decide exactly (flags,
dates, tags, language, story, archived); free words pick candidates through the full-text
index (a word, or the beginning of one, in the title, body, outlet, author, tags or note) and
by substring in the folded short fields and story titles, and, for typos, through the words of
the full-text index's vocabulary close to each typed word; every candidate is then checked
by ``Filter.matches`` itself, so the index never adds an article the filter would refuse.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator, Sequence
from typing import Any

from tui.core import fuzzy
from tui.core.gcpause import collector_paused
from tui.core.model import Article
from tui.core.query import Filter
from tui.core.workspace import index_sync
from tui.core.workspace.faces import order_key as _order_key
from tui.core.workspace.index_own import OwnReads
from tui.core.workspace.index_rows import (
    ARTICLE_COLS,
    LISTED_COLS,
    STORY_COLS,
    article_of,
    listed_full,
    listed_of,
    story_of,
)
from tui.core.workspace.index_sql import fts_query, head_sql, shown_sql, to_sql
from tui.core.workspace.records import Story

_A = ", ".join(f"a.{c}" for c in ARTICLE_COLS)
_S = ", ".join(f"s.{c}" for c in STORY_COLS)
_ORDER = "s.size DESC, s.date_last DESC, s.id"
QUICK = 300  # articles in a quick answer (the first results of a word search)
HEAD = 1000  # stories searched first by :meth:`Queries.stream` (its first part)
HEAD_MAX = 20_000  # more in that part (dates that tie): one part (SQL's limit of parameters)
NARROW = 200_000  # articles in a filter's dates up to which :meth:`Queries.stream` reads one
# part (the date index reads them in 0.2 s at 35,000; the first part, looking up every
# article of the largest stories, cost three times that at 1,000,000 articles)


class Queries:
    """Index queries for one workspace (cheap to make; the index opens on first use)."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self._idx = None
        self._vocab: list[str] | None = None
        # Seconds a look at the folders holds: none for a command (each query looks), a
        # moment for the app, whose keys query the index (the look costs 2 ms at 100,000
        # articles) and which looks for hand edits on a timer anyway.
        self.recheck = 0.0
        self._fresh_until = 0.0
        self._own = OwnReads()  # read-only connections of this object's own, by use

    @property
    def idx(self):
        """The index, caught up first with folders changed by hand (a stat per folder)."""
        now = time.monotonic()
        idx = self._idx
        if (idx is not None and now < self._fresh_until and idx is self.ws.index_db
                and not idx.replaced):
            return idx
        idx = index_sync.ready(self.ws)
        self._fresh_until = now + self.recheck
        if idx is not self._idx:
            self._idx, self._vocab = idx, None
        return idx

    def warm(self) -> None:
        """Read the vocabulary the typo search needs now (0.2-0.7 s at 100,000 articles), so
        the first search does not wait for it (the app does this beside its first screen)."""
        self._words()

    def _words(self) -> list[str]:
        if self._idx is None:
            self.idx  # noqa: B018 (opens the index, which resets the vocabulary)
        if self._vocab is None:
            from tui.core.workspace import index_vocab

            self._vocab = index_vocab.words(self._idx)  # from the file beside the index
        return self._vocab

    def close_words(self, word: str) -> list[str]:
        """Words of the indexed texts within ``fuzzy.allowed_edits`` of ``word`` (the
        vocabulary is read once: 0.2 s for the 23,000 words of 100,000 corpus articles)."""
        k = fuzzy.allowed_edits(word)
        if not k:
            return []
        vocab = self._words()
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        return [w for w, _, _ in process.extract(word, vocab, scorer=OSA.distance,
                                                 score_cutoff=k, limit=None)]

    def _scan(self, sql: str, params=()) -> list:
        """A long read (the scan of every article: 0.3 s at 100,000) on a connection of its
        own, so that the shared one stays free for the app's keys meanwhile (a thread holds
        it for a whole query)."""
        return self._read_own("scan", self.idx, sql, params)

    def point(self, sql: str, params=()) -> list:
        """A short read for a key, on a connection of its own: the shared one is held by the
        writer thread for a whole write (0.1 s for a star in a story of 2,464 articles, whose
        face is rebuilt). The index as last caught up with hand edits (no look at the folders:
        the app looks on a timer); one statement reads one snapshot."""
        return self._read_own("point", self._caught_up() or self.idx, sql, params)

    def point_mark(self, *, catch_up: bool = True) -> tuple | None:
        """A mark of the index ``point`` reads, now: the same mark later, nobody committed to
        it meanwhile (``data_version`` of the keys' connection, which never writes); None:
        unknown. ``catch_up=False``: None rather than catching the index up (another thread
        than the keys': the catch-up is left to the keys and the app's poll)."""
        if (idx := self._caught_up()) is None and not catch_up:
            return None
        self._read_own("point", idx or self.idx, "SELECT 1", ())  # (opened on it)
        return self._own.mark("point")

    def ahead(self, sql: str, params=()) -> list | None:
        """A read for ``tui.desk.ahead`` (off the UI thread) on a connection of its own, so
        that the keys' stays free meanwhile; of the index the keys read now, never caught up
        here. None: not caught up yet, or an error of SQLite."""
        if (idx := self._caught_up()) is None:
            return None
        with contextlib.suppress(sqlite3.Error):
            return self._own.read("ahead", idx, sql, params)
        return None

    def _caught_up(self):
        """The index as last caught up, if still the workspace's; None: to catch up."""
        idx = self._idx
        if idx is None or idx is not self.ws.index_db or idx.replaced:
            return None
        return idx

    def _read_own(self, use: str, idx, sql: str, params) -> list:
        """:meth:`OwnReads.read`; an error of SQLite: the shared connection answers."""
        try:
            return self._own.read(use, idx, sql, params)
        except sqlite3.Error:
            return self._rows(sql, params, fresh=False)

    def close(self) -> None:
        """Close this object's own connections (where the index is closed or replaced)."""
        self._own.close_all()

    def _rows(self, sql: str, params=(), *, fresh: bool = True) -> list:
        idx = self.idx if fresh or self._idx is None else self._idx
        with idx.guard:
            return idx.db.execute(sql, params).fetchall()

    # ---- stories --------------------------------------------------------------------------
    def count_stories(self, flt: Filter | None = None, *, archived: bool = False) -> int:
        """Stories shown (archived ones too with ``archived``) that hold an article of
        ``flt``."""
        if flt is None or flt.is_empty:
            where = "" if archived else "WHERE archived = 0"
            return self._rows(f"SELECT count(*) FROM stories {where}")[0][0]
        return len(self._story_ids(flt, archived))

    def stories(self, flt: Filter | None = None, *, archived: bool = False, offset: int = 0,
                limit: int | None = None) -> list[Story]:
        """Stories in the list's order (largest, then newest, then id), a window of them."""
        lim = f"LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else (
            f"LIMIT -1 OFFSET {int(offset)}")
        if flt is None or flt.is_empty:
            where = "" if archived else "WHERE s.archived = 0"
            return [story_of(r) for r in self._rows(
                f"SELECT {_S} FROM stories s {where} ORDER BY {_ORDER} {lim}")]
        ids = self._story_ids(flt, archived)
        stop = None if limit is None else offset + limit
        return [st for sid in ids[offset:stop] if (st := self.story(sid)) is not None]

    def story(self, sid: str) -> Story | None:
        rows = self._rows(f"SELECT {_S} FROM stories s WHERE s.id = ?", (sid,))
        return story_of(rows[0]) if rows else None

    def stories_with_articles(self, flt: Filter | None = None, *, archived: bool = False,
                              quick: bool = False) -> list[tuple[Story, list[Article]]]:
        """What ``wiredesk stories`` prints: each story shown, with its articles that pass
        ``flt`` (every article without one), in the story's order. ``quick``: the first
        results, from the full-text index alone (free words found as words or word
        beginnings, not inside other words): a subset of the whole answer, in milliseconds
        where the whole answer scans every article's short fields; at most ``QUICK`` articles."""
        with collector_paused():  # up to a story and an article object per row
            return self._matching(flt, archived, quick)

    def _story_ids(self, flt: Filter, archived: bool) -> list[str]:
        return [st.id for st, _ in self._matching(flt, archived)]

    def _matching(self, flt: Filter | None, archived: bool, quick: bool = False
                  ) -> list[tuple[Story, list[Article]]]:
        """The articles SQL keeps (one scan of the articles, no join), grouped under their
        stories (read by id), checked by the filter where SQL is not exact."""
        if not quick and flt is not None and flt._terms:
            from tui.core.workspace.index_stream import answer

            found = answer(self, flt, archived)  # a rare word: from the indexes, at once
            if found is not None:
                return found
        typos = self.close_words if not quick or self._vocab is not None else None
        where, params = to_sql(flt, typos, scan=not quick)
        sql = f"SELECT {_A}, a.rid FROM articles a {where}"
        rows = (self._rows(f"{sql} LIMIT {QUICK}", params) if quick
                else self._scan(sql, params))
        return self._grouped(rows, flt, archived)

    def _grouped(self, rows: list, flt: Filter | None, archived: bool,
                 skip: frozenset[str] = frozenset(), faces: dict[str, Story] | None = None,
                 light: bool = False, listed: bool = False) -> list[tuple[Story, list[Any]]]:
        """Rows of articles under their stories (but those of ``skip``), in the list's order,
        each checked by the filter where SQL is not exact. ``faces``: the stories shown, read
        already (by id). ``light``: rows of ``LISTED_COLS``, made :class:`Listed` (the filter
        checks nothing then). ``listed``: whole rows, checked as articles, and those kept
        given as :class:`Listed` (what a listing prints, written from a template)."""
        members: dict[str, list] = {}
        for r in rows:
            sid = r[4] or r[0]
            if sid not in skip:
                members.setdefault(sid, []).append(r)
        if not members:
            return []
        shown = shown_sql(flt, archived)
        stories = [] if faces is None else [faces[sid] for sid in members if sid in faces]
        ids = list(members) if faces is None else []  # read by id (all in order cost 1.2 s
        for k in range(0, len(ids), 500):  # at 100,000 for 3,500 kept)
            chunk = ids[k:k + 500]
            stories += [story_of(r) for r in self._rows(
                f"SELECT {_S} FROM stories s WHERE s.id IN "
                f"({', '.join('?' * len(chunk))}){shown}", chunk, fresh=False)]
        stories.sort(key=_order_key())
        check = flt if flt is not None and (flt.needs_body or flt.source) else None
        kept = [r for st in stories for r in members[st.id]]
        bodies = (self._bodies([r[-1] for r in kept])
                  if check is not None and check.needs_body else {})
        out: list[tuple[Story, list[Any]]] = []
        make: Any = listed_of if light else article_of
        for st in stories:
            arts: list[Any] = [make(r) for r in members[st.id]]
            if check is not None:
                arts = [listed_full(r) if listed else a for a, r in zip(arts, members[st.id])
                        if check.matches(a, st, body=bodies.get(r[-1], ""))]
            if arts:
                pos = {aid: i for i, aid in enumerate(st.article_ids)}  # the story's order
                arts.sort(key=lambda a: pos.get(a.id, len(pos)))
                out.append((st, arts))
        return out

    def stream(self, flt: Filter | None, *, archived: bool = False, head: int | None = None,
               light: bool = False) -> Iterator[list[tuple[Story, list[Any]]]]:
        """:meth:`stories_with_articles` in parts, the first at once: the matches among the
        first ``head`` (:data:`HEAD`) stories of the list (their articles looked up by story),
        then those of the rest (the scan of every article). Both come from one snapshot of
        the index, and every story of the first part comes before every story of the second
        in the list's order (see ``index_sql.head_sql``), so the parts joined are the whole
        answer, in order. A filter of a few dates (:meth:`_narrow`) is one part, read by the
        date index. ``light``: :class:`Listed` articles (what a listing prints; no versions)
        where the filter needs no article checked, read from fewer columns."""
        idx = self.idx  # caught up with folders changed by hand first
        where, params = to_sql(flt, self.close_words)  # the words read before the snapshot
        light = light and not (flt is not None and (flt.needs_body or flt.source))
        cols = ", ".join(f"a.{c}" for c in LISTED_COLS) if light else f"{_A}, a.rid"
        with idx.guard:
            own = not idx.db.in_transaction
            if own:
                idx.db.execute("BEGIN")  # one state of the index for both parts
            try:
                if flt is not None and self._narrow(flt):  # the date index: the list's top first
                    from tui.core.workspace.index_stream import dated

                    yield from dated(self, idx.db, flt, archived, light)
                    return
                first = self._head(flt, archived, HEAD if head is None else head)
                if first is not None:
                    jwhere, jparams = to_sql(flt, self.close_words, joined=True)
                    with collector_paused():  # a row and an article object for each
                        part = self._grouped(self._rows(
                            f"SELECT {cols} FROM stories s JOIN articles a ON (a.story = s.id "
                            f"OR (a.story IS NULL AND a.id = s.id)) WHERE s.id IN "
                            f"({', '.join('?' * len(first))})"
                            + (" AND " + jwhere.removeprefix("WHERE ") if jwhere else ""),
                            [*first, *jparams], fresh=False), flt, archived, light=light)
                    yield part
                with collector_paused():
                    part = self._grouped(self._rows(
                        f"SELECT {cols} FROM articles a {where}", params, fresh=False),
                        flt, archived, skip=first or frozenset(), light=light)
                yield part
            finally:
                if own:
                    idx.db.execute("COMMIT")

    def first_dated(self, flt: Filter, *, archived: bool = False
                    ) -> tuple[list[tuple[Story, list[Any]]], bool] | None:
        """The first part of :meth:`stream`'s answer to a filter of few dates (the top of the
        list, read through the date index: a tenth of a second at 1,000,000 where the whole
        answer takes a second) and whether it is the whole answer; None for another filter."""
        from tui.core.workspace.index_stream import dated, snapshot

        # one state of the index for the probe and the part
        with snapshot(self.idx) as db:
            if not self._narrow(flt):
                return None
            last: list[bool] = []
            parts = dated(self, db, flt, archived, last=last)
            try:
                with collector_paused():
                    return next(parts), last == [True]
            finally:
                parts.close()

    def _narrow(self, flt: Filter | None) -> bool:
        """Whether ``flt`` is flags and dates that keep at most :data:`NARROW` articles by
        their dates (counted in the date index): read through that index in one part."""
        if flt is None or flt._terms or not (flt.date_from or flt.date_to):
            return False
        where, params = to_sql(Filter(date_from=flt.date_from, date_to=flt.date_to))
        sql = f"SELECT count(*) FROM (SELECT 1 FROM articles a {where} LIMIT {NARROW + 1})"
        return self._rows(sql, params, fresh=False)[0][0] <= NARROW

    def _head(self, flt: Filter | None, archived: bool, head: int) -> frozenset[str] | None:
        """The ids of the first part of :meth:`stream` (None: one part, for a short list or
        too many stories dated alike)."""
        shown = shown_sql(flt, archived)
        split = self._rows(f"SELECT size, date_last, id FROM stories s WHERE 1{shown} "
                           f"ORDER BY {_ORDER} LIMIT 1 OFFSET {max(0, head - 1)}", fresh=False)
        if not split:
            return None
        sql, params = head_sql(shown, *split[0])
        first = frozenset(sid for (sid,) in self._rows(sql, params, fresh=False))
        return first if len(first) <= HEAD_MAX else None

    def _bodies(self, rids: list[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for k in range(0, len(rids), 500):
            chunk = rids[k:k + 500]
            out.update(self._rows(
                f"SELECT rowid, body FROM search WHERE rowid IN ({', '.join('?' * len(chunk))})",
                chunk, fresh=False))
        return out

    # ---- articles --------------------------------------------------------------------------
    def count_articles(self, flt: Filter | None = None, *, archived: bool = True) -> int:
        if flt is None or flt.is_empty and archived:
            return self._rows("SELECT count(*) FROM articles")[0][0]
        return sum(len(arts) for _, arts in self._matching(flt, archived))

    def article(self, aid: str) -> Article | None:
        rows = self._rows(f"SELECT {_A} FROM articles a WHERE a.id = ?", (aid,))
        return article_of(rows[0]) if rows else None

    def articles(self, aids: Sequence[str]) -> list[Article]:
        """The articles of these ids the index holds, in no order (500 at a time)."""
        out: list[Article] = []
        for k in range(0, len(aids), 500):
            chunk = list(aids[k:k + 500])
            out += map(article_of, self._rows(
                f"SELECT {_A} FROM articles a WHERE a.id IN ({', '.join('?' * len(chunk))})",
                chunk))
        return out

    def articles_of(self, sid: str) -> list[Article]:
        st = self.story(sid)
        if st is None:
            return []
        rows = self._rows(f"SELECT {_A} FROM articles a WHERE a.story = ? OR "
                          "(a.story IS NULL AND a.id = ?)", (sid, sid))
        pos = {aid: i for i, aid in enumerate(st.article_ids)}
        return sorted((article_of(r) for r in rows), key=lambda a: pos.get(a.id, len(pos)))

    def search(self, words: str, limit: int = 50) -> list[str]:
        """Article ids whose title, body or short fields hold every word (or a word beginning
        with it), best matches first (FTS5's rank)."""
        q = fts_query(words)
        if not q:
            return []
        return [r[0] for r in self._rows(
            "SELECT a.id FROM search JOIN articles a ON a.rid = search.rowid "
            "WHERE search MATCH ? ORDER BY rank LIMIT ?", (q, limit))]
