"""Feeds (RSS 0.9x/1.0/2.0 and Atom through feedparser; JSON Feed 1.x) -> feed items.

Each entry becomes a :class:`FeedItem`: a :class:`RawDocument` whose origin is the entry link
(else the feed URL + ``#`` + the entry id) and whose hints carry the feed's title, date, author
and summary, plus ``page_url`` when the entry holds only a short summary and the full page is
worth fetching.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin

import feedparser
import lxml.etree
import lxml.html

from tui.core.decode import loads_json
from tui.core.markup import PARTING_TAGS, title_key
from tui.core.model import RawDocument
from tui.core.sources.feed_dates import iso_date, written_date, xml_date
from tui.core.sources.sniff import kind_of

SHORT_WORDS = 80  # an entry with fewer words than this is a teaser: fetch its page
SUMMARY_WORDS = 150  # a longer "summary" is the body itself, not a summary
_MARKUP = re.compile(r"<(?:[A-Za-z][\w:-]*|/[A-Za-z][\w:-]*|!--)[^<>]*>")
_MAIL_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")
_BARE_MAIL = re.compile(r"^\S+@\S+$")
_WEB = ("http://", "https://")
_SAFE = "/:@!$&'()*+,;=-._~"  # characters kept as they are in a fallback origin's fragment


class FeedError(ValueError):
    """The data is not a feed we can read; the message says why."""


@dataclass(slots=True)
class FeedItem:
    doc: RawDocument
    page_url: str | None = None  # fetch this page for the full text (None: the entry is enough)


@dataclass(slots=True)
class Feed:
    url: str
    title: str | None
    items: list[FeedItem] = field(default_factory=list)


def parse_feed(data: bytes | str, url: str, content_type: str | None = None) -> Feed:
    """Read a feed of any supported dialect; raises :class:`FeedError` when it is not one."""
    kind = kind_of(data, content_type)
    if kind == "feed-json":
        return _parse_json_feed(data, url)
    if kind != "feed-xml":
        if kind == "text" and _head(data).startswith("{"):
            try:
                loads_json(data)
            except ValueError as exc:  # say why it could not be read (nested too deep...)
                raise FeedError(f"not a feed (JSON that cannot be read: {exc})") from None
        raise FeedError("not a feed (no RSS, Atom or JSON Feed found)")
    return _parse_xml_feed(data, url, content_type)


DATE_RAW = "date_raw"  # the hint holding an entry's date as written when it cannot be taken
AUTHOR_FROM = "author_from"  # "feed": the entry's author is the feed's (every entry's)


@dataclass(slots=True)
class _Entry:
    """One entry as read from any dialect, before it becomes a document."""

    link: str | None
    entry_id: str | None
    title: str
    key_title: str  # the title as origins read it (HTML-parsed; "std::vector<int>" lost "<int>")
    content: str
    is_html: bool
    summary: str
    date: str | None
    author: str | None
    lang: str | None
    written: str | None = None  # the date as the feed writes it
    inherited: bool = False  # the author is the feed's (told once for the feed: ``AUTHOR_FROM``)


def _parse_xml_feed(data: bytes | str, url: str, content_type: str | None) -> Feed:
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    # Links are still made absolute; ids stay as written (a relative id is no address).
    parsed = feedparser.parse(
        data, response_headers=headers, sanitize_html=True, resolve_relative_uris=False
    )
    # Malformed XML is common and feedparser recovers what it can; only an unusable one fails.
    entries = [e for e in parsed.entries if e.get("title") or e.get("link") or e.get("summary")]
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(problem, feedparser.CharacterEncodingOverride):
        problem = None
    if not entries and (problem or not parsed.get("version")):
        raise FeedError(f"broken feed ({_short(problem)})" if problem else "broken feed")
    meta = parsed.feed
    # Atom entries inherit the feed's author; an RSS channel's managingEditor wrote no item.
    feed_author = _xml_authors(meta) if parsed.get("version", "").startswith("atom") else None
    feed_lang = meta.get("language")
    read = []
    for entry in entries:
        content, is_html, lang = _xml_entry_content(entry)
        own_author = _xml_authors(entry)
        read.append(
            _Entry(
                link=entry.get("link"),
                entry_id=entry.get("id"),
                title=_title(entry, "title"),
                key_title=_plain(entry.get("title")),
                content=content,
                is_html=is_html,
                summary=entry.get("summary") or "",
                date=xml_date(entry),
                author=own_author or feed_author,
                lang=lang or feed_lang,
                written=written_date(entry),
                inherited=bool(feed_author and not own_author),
            )
        )
    return _feed(url, _title(meta, "title") or None, read)


def _xml_entry_content(entry) -> tuple[str, bool, str | None]:
    """The richest body of an entry (its content, else its summary), is it HTML, its language."""
    contents = [c for c in entry.get("content") or [] if c.get("value")]
    detail = max(contents, key=lambda c: len(c["value"])) if contents else None
    detail = detail or entry.get("summary_detail") or {}
    value = detail.get("value") or entry.get("summary") or ""
    return (*_body(value, detail.get("type")), detail.get("language"))


def _xml_authors(node) -> str | None:
    """Author names (``x@y (Jo Smith)`` -> ``Jo Smith``; bare e-mail addresses dropped)."""
    details = node.get("authors") or [node.get("author_detail") or {"name": node.get("author")}]
    # feedparser cuts an address with a long TLD ("jo@cafe.example (Jo)" -> "ple (Jo"): the
    # author as written decides.
    written = _plain(node.get("author"))
    if match := _MAIL_NAME.match(written):
        details = [{"name": match.group(1)}, *details[1:]]
    elif _BARE_MAIL.match(written):
        details = details[1:]
    names = []
    for detail in details:
        name = _plain((detail or {}).get("name"))
        match = _MAIL_NAME.match(name)
        name = match.group(1).strip() if match else name
        if name and "@" not in name and name not in names:
            names.append(name)
    return ", ".join(names) or None


def _parse_json_feed(data: bytes | str, url: str) -> Feed:
    try:
        obj = loads_json(data)
    except ValueError as exc:
        raise FeedError(f"broken JSON feed ({exc})") from None
    items = obj.get("items") if isinstance(obj, dict) else None
    if not isinstance(items, list):
        raise FeedError("broken JSON feed (no list of items)")
    feed_author = _json_author(obj)
    base = _text(obj.get("feed_url")) or url
    read = []
    for entry in items:
        if not isinstance(entry, dict):
            continue
        content_html = _text(entry.get("content_html"))
        summary = _text(entry.get("summary"))
        if content_html:
            content, is_html = _body(content_html, "html")
        else:
            content, is_html = _text(entry.get("content_text")) or summary, False
        link = _text(entry.get("url")) or _text(entry.get("external_url"))
        read.append(
            _Entry(
                link=urljoin(base, link) if link else None,
                entry_id=_text(entry.get("id")) or None,
                title=_plain(_text(entry.get("title"))),
                key_title=_plain(_text(entry.get("title"))),
                content=content,
                is_html=is_html,
                summary=summary,
                date=iso_date(_text(entry.get("date_published")))
                or iso_date(_text(entry.get("date_modified"))),
                author=_json_author(entry) or feed_author,
                inherited=bool(feed_author and not _json_author(entry)),
                lang=_text(entry.get("language")) or _text(obj.get("language")) or None,
                written=written_date(
                    {k: entry.get(k) for k in ("date_published", "date_modified")},
                    ("date_published", "date_modified"),
                ),
            )
        )
    return _feed(url, _plain(_text(obj.get("title"))) or None, read)


def _json_author(obj: dict) -> str | None:
    authors = obj.get("authors")
    if not isinstance(authors, list):
        authors = [obj.get("author")]
    names = [_text(a.get("name")) for a in authors if isinstance(a, dict)]
    return ", ".join(n for n in names if n) or None


def _feed(url: str, title: str | None, entries: list[_Entry]) -> Feed:
    """Entries -> items. Links shared by several entries (a feed that points every entry at
    its home page) are no article's own: those entries get ``link#id`` origins, no page fetch."""
    for e in entries:
        e.link = e.link.strip() if e.link and e.link.strip().startswith(_WEB) else None
    counts = Counter(e.link for e in entries if e.link)
    shared = {link for link, n in counts.items() if n > 1} | {url}
    return Feed(url, title, [_item(url, title, e, e.link in shared) for e in entries])


def _item(url: str, feed_title: str | None, e: _Entry, shared_link: bool) -> FeedItem:
    own_link = None if shared_link else e.link
    if own_link:
        origin = own_link
    elif e.entry_id and e.entry_id.startswith(_WEB) and e.entry_id != e.link:
        origin = e.entry_id  # a URL-shaped id is unique on its own
    else:
        key = e.entry_id or _fallback_id(e.key_title, e.date, e.content)
        origin = f"{e.link or url}#{quote(key, safe=_SAFE)}"
    plain_summary = _plain(e.summary, blocks=True)  # (blocks apart here only: not in origins)
    body = _fragment(e.content)  # (parsed once, read run together then blocks apart)
    teaser = len(_read(e.content, body).split()) < SHORT_WORDS
    summary_ok = plain_summary and len(plain_summary.split()) <= SUMMARY_WORDS
    if title_key(plain_summary) == title_key(e.title):
        summary_ok = False  # a summary that repeats the title summarises nothing (html_meta)
    hints = {
        "title": e.title or None,
        "date": e.date,
        "author": e.author,
        "source": feed_title,
        "lang": _lang(e.lang),
        "summary": plain_summary
        if summary_ok and (teaser or plain_summary != _read(e.content, body, blocks=True))
        else None,
        "url": e.link,
        "feed": url,
        # a date written but not one the cleaner takes (unreadable, the year 2100): kept as
        # written, for the ingest report to name (``DATE_RAW``)
        DATE_RAW: e.written if e.written and not _taken(e.date) else None,
        AUTHOR_FROM: "feed" if e.inherited else None,
    }
    doc = RawDocument(
        origin=origin,
        content=_as_page(e.content, e.title) if e.is_html else e.content,
        kind="html" if e.is_html else "text",
        hints={k: v for k, v in hints.items() if v},
    )
    return FeedItem(doc=doc, page_url=own_link if teaser else None)


def _taken(date: str | None) -> bool:
    """The cleaner takes this date (``_with_hints``: ``parse_date``; not the year 2100)."""
    from tui.core.clean.dates import parse_date  # (the cleaner's package: loaded on a dated item)

    return bool(date and parse_date(date))


def _as_page(fragment: str, title: str) -> str:
    """An entry's HTML fragment as a small page whose article is the whole body."""
    if re.match(r"\s*<(?:!doctype|html)\b", fragment, re.IGNORECASE):
        return fragment
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"</head>\n<body><article>\n{fragment}\n</article></body></html>\n"
    )


def _body(value: str, declared: str | None) -> tuple[str, bool]:
    """``(content, is_html)``: HTML only when there is markup; entities of bare text decoded."""
    if _MARKUP.search(value):
        return value, True
    if declared and "html" in declared:
        return html.unescape(value), False
    return value, False


def _title(node, key: str) -> str:
    """A feed's or an entry's title: a plain-text one ("std::vector&lt;int&gt;") is taken as
    it reads, entities decoded, not parsed as HTML, which dropped "<int>" as a tag."""
    if (node.get(key + "_detail") or {}).get("type") != "text/plain":
        return _plain(node.get(key))
    return " ".join(html.unescape(node.get(key) or "").split())


def _plain(value: str | None, blocks: bool = False) -> str:
    """Text of a possibly-HTML string, whitespace collapsed; with ``blocks``, words of two
    blocks are kept apart ("<p>beans.</p><p>Second" reads "beans. Second")."""
    return _read(value, _fragment(value), blocks) if value else ""


def _fragment(value: str | None) -> lxml.html.HtmlElement | None:
    """``value`` parsed as an HTML fragment; None when it holds no markup or entity (its text
    is itself) or cannot be parsed (its text is read as written)."""
    if value and ("<" in value or "&" in value):
        try:
            return lxml.html.fragment_fromstring(value, create_parent="div")
        except (ValueError, lxml.etree.ParserError):
            pass
    return None


def _read(value: str, root: lxml.html.HtmlElement | None, blocks: bool = False) -> str:
    """:func:`_plain` of ``value``, whose parse is ``root`` (from :func:`_fragment`). With
    ``blocks`` the tree is spaced for good: read it run together first."""
    if root is None:
        return " ".join(value.split())
    if blocks:
        try:
            for el in root.iter(*PARTING_TAGS):
                el.tail = " " + (el.tail or "")
                el.text = " " + (el.text or "")
        except ValueError:  # (lxml refuses to set a text holding a control character)
            return " ".join(value.split())  # read as written, as when it cannot be parsed
    return " ".join(root.text_content().split())


def _short(problem: Exception) -> str:
    text = " ".join(str(problem).split()).removeprefix("<unknown>:")
    return text[:200] or type(problem).__name__


def _head(data: bytes | str) -> str:
    head = data[:64]
    text = head.decode("utf-8", "replace") if isinstance(head, bytes) else head
    return text.lstrip("\ufeff \t\r\n")


def _lang(value: str | None) -> str | None:
    """A language tag's primary subtag, lower case (``en-US`` -> ``en``); None if not a tag."""
    primary = (value or "").strip().replace("_", "-").split("-")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _fallback_id(title: str, date: str | None, content: str) -> str:
    """An entry with neither link nor id: name it by its title and date (stable across fetches)."""
    key = "\n".join(filter(None, (title, date))) or content
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
