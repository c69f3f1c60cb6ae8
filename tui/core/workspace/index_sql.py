"""The SQL of the index's questions: a ``Filter`` as a WHERE clause over articles (exact for
flags, dates, tags, language, story; candidates for free words and outlets, checked after by
``Filter.matches``), full-text queries (words, word beginnings, typos), the archived rule on
stories, and the first part of a streamed answer (``Queries.stream``)."""

from __future__ import annotations

import re

from tui.core import fuzzy
from tui.core.query import Filter, fold, hides_archived


def to_sql(flt: Filter | None, close_words=None, *, scan: bool = True, joined: bool = False
           ) -> tuple[str, list]:
    """A WHERE clause over articles ``a`` that keeps every article ``flt`` keeps, but for the
    archived flag (a story's, applied to the stories); exact except for free words and the
    outlet, which are checked after. ``close_words(word)``: indexed words a typo may stand
    for. Without ``scan``, free words are looked up in the full-text index alone (no
    substring scan of every article): some of the articles, found at once. ``joined``: the
    query joins each article to its story as ``s`` (a story's title is compared there, not
    looked up in every story)."""
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
                    "instr(s.title_f, ?) > 0" if joined else
                    "coalesce(a.story, a.id) IN (SELECT id FROM stories WHERE "
                    "instr(title_f, ?) > 0)"]
            params += [term, term, term]
        if q:
            alts.append("a.rid IN (SELECT rowid FROM search WHERE search MATCH ?)")
            params.append(q)
        typo = typo_query(term, close_words) if close_words else ""
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


def shown_sql(flt: Filter | None, archived: bool) -> str:
    """The condition on stories ``s`` of the archived rule (and an ``archived`` filter)."""
    shown = " AND s.archived = 0" if hides_archived(flt, archived) else ""
    if flt is not None and flt.archived is not None:
        shown += f" AND s.archived = {int(flt.archived)}"
    return shown


def head_sql(shown: str, size: int, date: str | None, sid: str) -> tuple[str, list]:
    """The ids of the stories ``s`` that come before the story (``size``, ``date``, ``sid``)
    in the list's order, and that story (``faces.story_order``: larger first, then the newest
    by the date's text, then by id), written so that each of them comes before each story left
    out, in SQL's order and in ``story_order`` alike.

    The two orders differ on a date that is the beginning of another ("2021-12" and
    "2021-12-20"): ``story_order`` puts it first, SQL's ``DESC`` last. The stories kept are
    the larger ones, those of that size dated after ``date`` in SQL, those dated ``date`` up
    to ``sid``, and those whose date is a beginning of ``date``; every story left out (dated
    before ``date`` in SQL and not a beginning of it, or undated) then comes after each of
    them. One SELECT for each, so that each reads a range of the ``stories_order`` index.
    """
    pick = f"SELECT s.id FROM stories s WHERE s.size {{}}{shown}"
    parts = [pick.format("> ?")]
    params: list = [size]
    if not date:  # the undated of that size come last, in any order: only the dated are kept
        parts.append(pick.format("= ? AND s.date_last > ''"))
        params.append(size)
        return " UNION ALL ".join(parts), params
    starts = [date[:n] for n in range(1, len(date))]
    parts += [pick.format("= ? AND s.date_last > ?"), pick.format("= ? AND s.date_last = ? "
                                                                   "AND s.id <= ?"),
              pick.format(f"= ? AND s.date_last IN ({', '.join('?' * len(starts))})")]
    params += [size, date, size, date, sid, size, *starts]
    return " UNION ALL ".join(parts), params


_WORD = re.compile(r"\w+")


def typo_query(term: str, close_words) -> str:
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
