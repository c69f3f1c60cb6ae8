"""What an export carries per article, built from plain model objects.

Every text field is passed through :func:`safe_text`: exported files are read in terminals,
spreadsheets and browsers, so terminal escape sequences, control characters (C0 except newline
and tab, DEL, C1) and bidi override/isolate characters are removed, line ends become ``\\n``,
and lone surrogates (which no UTF-8 file can hold) are dropped. Nothing else is changed: Rich
markup, Markdown or HTML in a note are kept as text and escaped as each format needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from tui.core import textutil
from tui.core.model import Article

_SURROGATES = re.compile(r"[\ud800-\udfff]")


class StoryLike(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def article_ids(self) -> Sequence[str]: ...


@dataclass(frozen=True, slots=True)
class ExportItem:
    """One exported article. ``date`` is ISO 8601 as cleaning gave it; times are UTC ISO."""

    id: str
    title: str
    source: str | None
    author: str | None
    date: str | None
    lang: str | None
    origin: str
    story_id: str | None
    story_title: str | None
    tags: tuple[str, ...]
    starred: bool
    read: bool
    note: str
    note_version_ingested: str | None  # ingest time of the version the note was written on
    ingested: str | None  # ingest time of the newest version (CSL "accessed")

    def as_dict(self) -> dict:
        """The JSON shape: stable keys, in this order."""
        story = {"id": self.story_id, "title": self.story_title} if self.story_id else None
        return {
            "id": self.id, "title": self.title, "source": self.source, "author": self.author,
            "date": self.date, "lang": self.lang, "origin": self.origin, "story": story,
            "tags": list(self.tags), "starred": self.starred, "read": self.read,
            # No note is null, as in `show --json` (a field that is not known is null).
            "note": self.note or None, "note_version_ingested": self.note_version_ingested,
        }


def safe_text(value: str) -> str:
    """:func:`tui.core.textutil.safe_text` (no escape sequences, control or bidi-override
    characters; newline and tab kept), without lone surrogates."""
    return _SURROGATES.sub("", textutil.safe_text(value))


def _opt(value: object) -> str | None:
    if value is None:
        return None
    text = safe_text(str(value)).strip()
    return text or None


def has_triage(article: Article) -> bool:
    """The default export selection: articles with a note, a tag or a star."""
    t = article.triage
    return bool(t.note.strip() or t.tags or t.starred)


def item_from(article: Article, story_id: str | None = None,
              story_title: str | None = None) -> ExportItem:
    """One :class:`ExportItem` for ``article`` (story defaults to the article's own id)."""
    t, meta = article.triage, article.meta
    noted = next((v.ingested for v in article.versions if v.hash == t.note_version), None)
    story_id = story_id if story_id is not None else article.story
    return ExportItem(
        id=safe_text(article.id),
        title=_opt(meta.get("title")) or "(untitled)",
        source=_opt(meta.get("source")),
        author=_opt(meta.get("author")),
        date=_opt(meta.get("date")),
        lang=_opt(meta.get("lang")),
        origin=safe_text(article.origin),
        story_id=_opt(story_id),
        story_title=_opt(story_title) if story_id else None,
        tags=tuple(sorted({x for x in (safe_text(tag).strip() for tag in t.tags) if x},
                          key=lambda x: (x.casefold(), x))),
        starred=bool(t.starred),
        read=bool(t.read),
        note=safe_text(t.note),
        note_version_ingested=_opt(noted),
        ingested=_opt(article.versions[-1].ingested) if article.versions else None,
    )


def items_from(articles: Iterable[Article], stories: Iterable[StoryLike] = ()) -> list[ExportItem]:
    """Export items in a stable order: stories in the order given (the workspace lists the
    largest first), then stories not given by id, then articles in no story; within a story
    by date (undated last), then id."""
    story_of: dict[str, StoryLike] = {}
    rank: dict[str, int] = {}
    for n, story in enumerate(stories):
        rank[story.id] = n
        for aid in story.article_ids:
            story_of[aid] = story
    items = []
    for article in articles:
        found = story_of.get(article.id)
        items.append(item_from(article, found.id if found else None,
                               found.title if found else None))
    return sorted(items, key=lambda i: (i.story_id is None, rank.get(i.story_id or "", len(rank)),
                                        i.story_id or "", i.date is None, i.date or "", i.id))


def group_by_story(items: Sequence[ExportItem]) -> list[tuple[str | None, str | None,
                                                               list[ExportItem]]]:
    """Consecutive items of one story, as (story id, story title, items)."""
    groups: list[tuple[str | None, str | None, list[ExportItem]]] = []
    for item in items:
        if groups and groups[-1][0] == item.story_id:
            groups[-1][2].append(item)
        else:
            groups.append((item.story_id, item.story_title, [item]))
    return groups
