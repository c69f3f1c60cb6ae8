"""Plain data shared by every part of the core."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from typing import Literal, TypeVar, get_args
from urllib.parse import urlsplit

# What a document's text is written in: plain text, HTML, Markdown, or a record whose fields
# (a JSON Lines record's) are already clean. Workspace TOML and SPEC's JSON hold these strings.
DocKind = Literal["text", "html", "md", "record"]
DOC_KINDS: tuple[DocKind, ...] = get_args(DocKind)
# How an article sits in its story (see tui.core.group): its own report of the event
# ("coverage"), a copy of another article ("copy"), or a new version of one ("version").
Sameness = Literal["coverage", "copy", "version"]
SAMENESS: tuple[Sameness, ...] = get_args(Sameness)
_K = TypeVar("_K", bound=str)
_D = TypeVar("_D")


def _reduce_by_fields(self):
    """Pickle as the constructor's arguments: far faster to load than dataclass state (the
    workspace cache holds one record per article)."""
    return (type(self), tuple(getattr(self, name) for name in self.__slots__))


# Fields of a cleaned article, in the order SPEC's JSON gives them.
META_FIELDS = ("title", "author", "source", "date", "dateline", "lang", "summary")


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What cleaning one document gives: its body and what we could read of its metadata.

    ``body`` holds paragraphs separated by one blank line. ``date`` is ISO 8601 (a date, or a
    date-time with offset when the time is known). Unknown fields are ``None``.
    """

    body: str
    title: str | None = None
    author: str | None = None
    source: str | None = None
    date: str | None = None
    dateline: str | None = None
    lang: str | None = None
    summary: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class RawDocument:
    """One document as it arrives, before cleaning.

    ``kind`` is ``text``, ``html``, ``md`` or ``record``. ``hints`` carries metadata the source
    already knows (a JSON Lines record's title, a feed item's date...); it wins over what
    cleaning guesses, field by field.
    """

    origin: str
    content: str
    kind: DocKind = "text"
    hints: dict = field(default_factory=dict)

    def outlet_key(self) -> str | None:
        return outlet_key(self.origin, self.hints)

    def page_key(self) -> str | None:
        return page_key(self.origin, self.hints)


def _hints(hints) -> dict:
    return hints if isinstance(hints, dict) else {}


def outlet_key(origin: str, hints: dict) -> str | None:
    """Which outlet's page furniture a document shares: the web host of its URL, else the
    source it names; None when unknown (a local file with no source hint)."""
    hints = _hints(hints)
    for value in (hints.get("url"), origin):
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            try:
                host = urlsplit(value).hostname or ""
            except ValueError:  # a malformed address (an unclosed IPv6 bracket)
                continue
            return host.removeprefix("www.") or None
    src = hints.get("source")
    return str(src).strip().lower() or None if src else None


def page_key(origin: str, hints: dict) -> str | None:
    """Which page a document is, to count furniture once per page: its URL, else its origin
    (new versions of one article are the same page)."""
    return str(_hints(hints).get("url") or origin or "") or None


def typed_origin(doc: RawDocument) -> str | None:
    """A url-less record of a local file has the origin ``ABSOLUTE-PATH:N`` (as a file's is
    its resolved path: the same record whichever directory it is ingested from); its
    ``where`` hint names it as typed (``a/x.jsonl:N``), which was its origin before. A local
    feed file's item without a link, likewise, has ``ABSOLUTE-PATH#ID``; its ``feed`` hint
    names the file as typed, and ``a/f.xml#ID`` was its origin before. That older spelling
    when it differs (a workspace may hold it), else None. A string test, no I/O."""
    hints = doc.hints if isinstance(doc.hints, dict) else {}
    feed = hints.get("feed")
    if isinstance(feed, str) and "#" in doc.origin:  # (a fragment's id is quoted: no "#")
        head, _, frag = doc.origin.rpartition("#")
        local = feed not in ("", "-") and "://" not in feed
        return f"{feed}#{frag}" if local and feed != head and os.path.isabs(head) else None
    where = hints.get("where")
    if not isinstance(where, str) or where == doc.origin:
        return None
    path, sep, line = where.rpartition(":")
    if not (sep and path and path != "-" and line.isdigit()):  # (standard input's: "-:N")
        return None
    head, _, n = doc.origin.rpartition(":")
    return where if n == line and os.path.isabs(head) else None


def resolved_origin(origin: str) -> str | None:
    """An origin written as a relative local path, as ``clean --json`` names a file, a record
    or a feed item (``a/p.txt``, ``a/x.jsonl:3``, ``a/f.xml#ID``) and a record's ``origin``
    key may carry it: the spelling ``ingest`` gives the same file (its resolved path, ``:N``
    or ``#ID`` kept) when the path names a file from here; else None. One stat, asked only
    when the origin is unknown."""
    if not origin or "://" in origin or origin.startswith(("stdin:", "-:", "-#")):
        return None
    path, sep, n = origin.rpartition(":")
    tries = [(path, f":{n}")] if sep and path and n.isdigit() else [(origin, "")]
    if "#" in origin:  # a feed item's (a file's own name may hold a "#": tried next)
        path, _, frag = origin.rpartition("#")
        tries.insert(0, (path, f"#{frag}"))
    for path, tail in tries:
        try:
            if path and not os.path.isabs(path) and os.path.isfile(path):
                return os.path.realpath(path) + tail
        except (OSError, ValueError):  # (a NUL in the name)
            return None
    return None


@dataclass(frozen=True, slots=True)
class Version:
    """One distinct content seen for an article's origin."""

    hash: str  # content hash of the raw document (hex)
    ingested: str  # ISO date-time, UTC, seconds
    raw_file: str  # path of the raw text relative to the workspace
    body_file: str  # path of the cleaned body relative to the workspace
    body_hash: str | None = None  # sha256 (16 hex) of the body file's bytes; None in old records

    __reduce__ = _reduce_by_fields


@dataclass(slots=True)
class Triage:
    tags: list[str] = field(default_factory=list)
    starred: bool = False
    read: bool = False
    note: str = ""
    note_version: str | None = None  # hash of the version the note was written against
    note_updated: str | None = None

    __reduce__ = _reduce_by_fields


@dataclass(slots=True)
class Article:
    """An article: one origin, one or more versions, its metadata and the reader's triage.

    ``meta`` holds the metadata of the newest version (keys of ``META_FIELDS``).
    """

    id: str
    origin: str
    kind: DocKind
    meta: dict
    versions: list[Version]
    triage: Triage = field(default_factory=Triage)
    story: str | None = None
    sameness: Sameness = "coverage"
    copy_of: str | None = None
    added: str = ""

    __reduce__ = _reduce_by_fields

    @property
    def newest(self) -> Version:
        return self.versions[-1]

    @property
    def title(self) -> str:
        return self.meta.get("title") or "(untitled)"


def doc_kind(value: object) -> DocKind:
    """A kind read from a file or a database; an unknown one reads as ``text``, the kind that
    reads any text (the doctor names the file's wrong value)."""
    return one_of(value, DOC_KINDS, "text")


def sameness_of(value: object) -> Sameness:
    """A sameness read from a file or a database; an unknown one reads as ``coverage``, which
    the next grouping corrects (the doctor names the file's wrong value)."""
    return one_of(value, SAMENESS, "coverage")


def one_of(value: object, choices: tuple[_K, ...], default: _D) -> _K | _D:
    """``value`` as one of ``choices`` (case and surrounding spaces aside), else ``default``."""
    low = value.strip().lower() if isinstance(value, str) else None
    return next((k for k in choices if k == low), default)
