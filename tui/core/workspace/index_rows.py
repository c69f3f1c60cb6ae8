"""Articles and story faces as rows of the index (``index.py``), and back.

A row holds everything an article's TOML file says, so a list, a count or a filter can be
answered without opening the files; the file's signature (mtime, size) says which file state
the row was read from. Folded copies of the short fields (title and note; outlet, author and
tags) let the index compare text the way ``tui.core.query`` does.
"""

from __future__ import annotations

import json
from operator import itemgetter
from typing import NamedTuple

from tui.core.model import Article, Triage, Version
from tui.core.workspace.records import Story


def fold(s: str) -> str:
    """``tui.core.query.fold``, imported on first use (a one-article command never needs the
    query module, nor rapidfuzz behind it)."""
    from tui.core.query import fold as query_fold

    return query_fold(s)

ARTICLE_COLS = (
    "id", "origin", "kind", "added", "story", "sameness", "copy_of", "title", "author",
    "source", "date", "dateline", "lang", "summary", "tags", "starred", "read", "note",
    "note_version", "note_updated", "versions", "mtime_ns", "size", "short_f", "long_f",
)
META_COLS = ("title", "author", "source", "date", "dateline", "lang", "summary")
STORY_COLS = ("id", "title", "title_f", "size", "date_first", "date_last", "unread", "starred",
              "archived", "sources", "langs", "article_ids")


_US, _RS = "\x1f", "\x1e"  # between items, between versions


def pack(items) -> str:
    """A list of strings as one column: joined by a separator none of them holds (else JSON);
    far cheaper to read back than JSON for 100,000 rows."""
    items = [str(x) for x in items]
    if any(_US in x or _RS in x or x.startswith("[") for x in items):
        return json.dumps(items, ensure_ascii=False)
    return _US.join(items)


def unpack(text: str) -> list[str]:
    if text.startswith("["):
        return json.loads(text)
    return text.split(_US) if text else []


def pack_versions(versions) -> str:
    fields = [[getattr(v, f) or "" for f in Version.__slots__] for v in versions]
    if any(_US in x or _RS in x or x.startswith("[") for f in fields for x in f):
        return json.dumps(fields, ensure_ascii=False)
    return _RS.join(_US.join(f) for f in fields)


def unpack_versions(text: str) -> list[Version]:
    """Versions back (an empty optional field, such as an old record's body hash, is None)."""
    rows = json.loads(text) if text.startswith("[") else [v.split(_US) for v in text.split(_RS)]
    return [Version(*v[:4], *(x or None for x in v[4:])) for v in rows]


def article_row(a: Article, sig: tuple[int, int] | None) -> tuple:
    m, t = a.meta, a.triage
    mtime, size = sig if sig else (0, -1)
    return (
        a.id, a.origin, a.kind, a.added, a.story, a.sameness, a.copy_of,
        *(m.get(k) for k in META_COLS),
        pack(sorted(set(t.tags))), int(t.starred), int(t.read),
        t.note, t.note_version, t.note_updated, pack_versions(a.versions),
        mtime, size, short_text(a), long_text(a),
    )


def short_text(a: Article) -> str:
    """What ``Filter`` compares free words with first (and fuzzily): title and note."""
    return fold(" \n".join([a.meta.get("title") or "", a.triage.note]))


def long_text(a: Article) -> str:
    """The other short fields free words are looked for in: outlet, author, tags."""
    m = a.meta
    return fold(" \n".join([m.get("source") or "", m.get("author") or "",
                            " ".join(a.triage.tags)]))


def article_of(row) -> Article:
    (aid, origin, kind, added, story, sameness, copy_of, title, author, source, date, dateline,
     lang, summary, tags, starred, read, note, note_version, note_updated, versions) = row[:21]
    return Article(
        id=aid, origin=origin, kind=kind,
        meta={"title": title, "author": author, "source": source, "date": date,
              "dateline": dateline, "lang": lang, "summary": summary},
        versions=unpack_versions(versions),
        triage=Triage(tags=unpack(tags), starred=bool(starred), read=bool(read), note=note,
                      note_version=note_version, note_updated=note_updated),
        story=story, sameness=sameness, copy_of=copy_of, added=added,
    )


class Listed(NamedTuple):
    """What a story listing prints of an article (``--json``'s article, its keys in order),
    read from the index without the rest (no versions)."""

    id: str
    title: str | None
    source: str | None
    lang: str | None
    date: str | None
    origin: str
    starred: bool
    read: bool
    tags: list[str]
    sameness: str
    copy_of: str | None


# The columns of a Listed row: the story at 4 and the row id last, as in ``ARTICLE_COLS``.
LISTED_COLS = ("id", "title", "source", "lang", "story", "date", "origin", "starred", "read",
               "tags", "sameness", "copy_of", "rid")


def listed_of(row) -> Listed:
    (aid, title, source, lang, _, date, origin, starred, read, tags, sameness, copy_of,
     _) = row
    return Listed(aid, title, source, lang, date, origin, bool(starred), bool(read),
                  unpack(tags), sameness, copy_of)


_LISTED_OF_FULL = itemgetter(*(ARTICLE_COLS.index(name) for name in Listed._fields))


def listed_full(row) -> Listed:
    """:func:`listed_of` of a whole row (``ARTICLE_COLS``), its columns found by name."""
    aid, title, source, lang, date, origin, starred, read, tags, sameness, copy_of = (
        _LISTED_OF_FULL(row))
    return Listed(aid, title, source, lang, date, origin, bool(starred), bool(read),
                  unpack(tags), sameness, copy_of)


def story_row(s: Story) -> tuple:
    return (s.id, s.title, fold(s.title or ""), s.size, s.date_first, s.date_last, s.unread,
            s.starred, int(s.archived), pack(s.sources), pack(s.langs), pack(s.article_ids))


def story_of(row) -> Story:
    (sid, title, _, _, date_first, date_last, unread, starred, archived, sources, langs,
     ids) = row
    return Story(id=sid, article_ids=unpack(ids), title=title, sources=unpack(sources),
                 langs=unpack(langs), date_first=date_first, date_last=date_last,
                 unread=unread, starred=starred, archived=bool(archived))


def tag_rows(a: Article) -> list[tuple[str, str]]:
    return [(a.id, fold(t)) for t in sorted({fold(t) for t in a.triage.tags})]
