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

import re

from tui.core import fuzzy
from tui.core.gcpause import collector_paused
from tui.core.model import Article
from tui.core.query import Filter, fold, hides_archived
from tui.core.workspace import index_sync
from tui.core.workspace.faces import story_order
from tui.core.workspace.index_rows import ARTICLE_COLS, STORY_COLS, article_of, story_of
from tui.core.workspace.records import Story

_A = ", ".join(f"a.{c}" for c in ARTICLE_COLS)
_S = ", ".join(f"s.{c}" for c in STORY_COLS)
_ORDER = "s.size DESC, s.date_last DESC, s.id"
QUICK = 300  # articles in a quick answer (the first results of a word search)


class Queries:
    """Index queries for one workspace (cheap to make; the index opens on first use)."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self._idx = None
        self._vocab: list[str] | None = None

    @property
    def idx(self):
        """The index, caught up first with folders changed by hand (a stat per folder)."""
        idx = index_sync.ready(self.ws)
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
            self._rows("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab "
                       "USING fts5vocab(main, search, 'row')", fresh=False)
            self._vocab = [t for (t,) in self._rows("SELECT term FROM temp.vocab", fresh=False)
                           if len(t) >= 3]
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
            found = self._matching(flt, archived, quick)
        out = []
        for st, arts in found:
            pos = {aid: i for i, aid in enumerate(st.article_ids)}
            arts.sort(key=lambda a: pos.get(a.id, len(pos)))
            out.append((st, arts))
        return out

    def _story_ids(self, flt: Filter, archived: bool) -> list[str]:
        return [st.id for st, _ in self._matching(flt, archived)]

    def _matching(self, flt: Filter | None, archived: bool, quick: bool = False
                  ) -> list[tuple[Story, list[Article]]]:
        """The articles SQL keeps (one scan of the articles, no join), grouped under their
        stories (read by id), checked by the filter where SQL is not exact."""
        typos = self.close_words if not quick or self._vocab is not None else None
        where, params = to_sql(flt, typos, scan=not quick)
        cut = f" LIMIT {QUICK}" if quick else ""
        rows = self._rows(f"SELECT {_A}, a.rid FROM articles a {where}{cut}", params)
        if not rows:
            return []
        members: dict[str, list] = {}
        for r in rows:
            members.setdefault(r[4] or r[0], []).append(r)
        shown = " AND s.archived = 0" if hides_archived(flt, archived) else ""
        if flt is not None and flt.archived is not None:
            shown += f" AND s.archived = {int(flt.archived)}"
        stories = []  # read by id (all in order cost 1.2 s at 100,000 for 3,500 kept)
        ids = list(members)
        for k in range(0, len(ids), 500):
            chunk = ids[k:k + 500]
            stories += [story_of(r) for r in self._rows(
                f"SELECT {_S} FROM stories s WHERE s.id IN "
                f"({', '.join('?' * len(chunk))}){shown}", chunk, fresh=False)]
        stories.sort(key=story_order)
        check = flt if flt is not None and (flt.needs_body or flt.source) else None
        bodies = (self._bodies([r[-1] for r in rows])
                  if check is not None and check.needs_body else {})
        out: list[tuple[Story, list[Article]]] = []
        for st in stories:
            if st.id not in members:
                continue
            arts = [article_of(r) for r in members[st.id]]
            if check is not None:
                rids = [r[-1] for r in members[st.id]]
                arts = [a for a, rid in zip(arts, rids)
                        if check.matches(a, st, body=bodies.get(rid, ""))]
            if arts:
                out.append((st, arts))
        return out

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


def to_sql(flt: Filter | None, close_words=None, *, scan: bool = True) -> tuple[str, list]:
    """A WHERE clause over articles ``a`` that keeps every article ``flt`` keeps, but for the
    archived flag (a story's, applied to the stories); exact except for free words and the
    outlet, which are checked after. ``close_words(word)``: indexed words a typo may stand
    for. Without ``scan``, free words are looked up in the full-text index alone (no
    substring scan of every article): some of the articles, found at once."""
    cond: list[str] = []
    params: list = []
    if flt is None:
        flt = Filter()
    for name in ("starred", "read"):
        value = getattr(flt, name)
        if value is not None:
            cond.append(f"a.{name} = ?")
            params.append(int(value))
    # Dates compared on the typed prefix, written so the date index serves them: the prefix
    # is at least X exactly when the date is; at most X when the date is below X + the
    # highest character.
    if flt.date_from:
        cond.append("a.date != '' AND a.date >= ?")
        params.append(flt.date_from)
    if flt.date_to:
        cond.append("a.date != '' AND a.date < ?")
        params.append(flt.date_to + "\U0010ffff")
    if flt.lang:
        lang = flt.lang.lower().replace("_", "-")
        cond.append("(lower(replace(a.lang, '_', '-')) = ? OR "
                    "substr(lower(replace(a.lang, '_', '-')), 1, ?) = ?)")
        params += [lang, len(lang) + 1, lang + "-"]
    if flt.story:
        cond.append("substr(lower(coalesce(a.story, '')), 1, ?) = ?")
        params += [len(flt.story), flt.story.lower()]
    for tag in flt.tags_all:
        cond.append("a.id IN (SELECT id FROM tags WHERE tag = ?)")
        params.append(fold(tag))
    if flt.tags_any:
        cond.append(f"a.id IN (SELECT id FROM tags WHERE tag IN "
                    f"({', '.join('?' * len(flt.tags_any))}))")
        params += [fold(t) for t in flt.tags_any]
    if flt.tags_none:
        cond.append(f"a.id NOT IN (SELECT id FROM tags WHERE tag IN "
                    f"({', '.join('?' * len(flt.tags_none))}))")
        params += [fold(t) for t in flt.tags_none]
    if flt.source:
        cond.append("instr(a.long_f, ?) > 0")
        params.append(fold(flt.source))
    for term in flt._terms:
        q = fts_query(term, quoted=True)
        alts = []
        if scan or not q:
            alts = ["instr(a.short_f, ?) > 0", "instr(a.long_f, ?) > 0",
                    "coalesce(a.story, a.id) IN (SELECT id FROM stories WHERE "
                    "instr(title_f, ?) > 0)"]
            params += [term, term, term]
        if q:
            alts.append("a.rid IN (SELECT rowid FROM search WHERE search MATCH ?)")
            params.append(q)
        typo = _typo_query(term, close_words) if close_words else ""
        if typo:
            alts.append("a.rid IN (SELECT rowid FROM search WHERE search MATCH ?)")
            params.append(typo)
        cond.append("(" + " OR ".join(alts) + ")")
    return ("WHERE " + " AND ".join(cond)) if cond else "", params


def fts_query(words: str, *, quoted: bool = False) -> str:
    """An FTS5 query for words (each a word or a word's beginning), or one phrase."""
    from tui.core.query import split_terms

    terms = [words] if quoted else split_terms(words)
    parts = []
    for t in terms:
        tokens = "".join(c if c.isalnum() else " " for c in fold(t)).split()
        if tokens:
            parts.append('"' + " ".join(tokens) + '"*')
    return " AND ".join(parts)


_WORD = re.compile(r"\w+")


def _typo_query(term: str, close_words) -> str:
    """An FTS5 query for a term whose words may be misspelt: each word as typed (or a word
    beginning with it) or one of the indexed words close to it."""
    words = _WORD.findall(term)
    if not words or not any(fuzzy.allowed_edits(w) for w in words):
        return ""
    parts = []
    for w in words:
        alts = [f'"{w}"*'] + [f'"{c}"' for c in close_words(w) if '"' not in c]
        parts.append("(" + " OR ".join(alts) + ")")
    return " AND ".join(parts)
