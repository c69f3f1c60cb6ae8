"""Fetched responses and feed files -> :class:`RawDocument` lists ready for ingest.

A feed's items become documents; items that hold only a teaser have their linked page fetched
(with the same polite fetcher) and the page becomes the content, the feed's metadata its hints.
A page that cannot be fetched leaves the teaser in place: one bad item never stops a feed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tui.core.decode import DecodeError, decode_bytes
from tui.core.model import RawDocument
from tui.core.sources.feeds import FeedError, FeedItem, parse_feed
from tui.core.sources.fetch import FetchResult, Progress, fetch_many
from tui.core.sources.sniff import kind_of


class SourceError(ValueError):
    """A fetched response that gives no document; the message is the reason."""


def documents_from_response(
    result: FetchResult, *, fetch_pages: bool = True, **fetch_options
) -> list[RawDocument]:
    """The documents in one fetched response (a page, or a feed's items); raises SourceError."""
    items = items_from_response(result)
    if fetch_pages:
        items = expand_items(items, **fetch_options)
    return [item.doc for item in items]


def resolve_sources(
    urls: Sequence[str],
    *,
    on_progress: Progress | None = None,
    fetch_pages: bool = True,
    **fetch_options,
) -> tuple[list[RawDocument], list[tuple[str, str]]]:
    """Fetch web pages and feeds; return their documents and ``(url, reason)`` failures."""
    results = fetch_many(urls, on_progress=on_progress, **fetch_options)
    items: list[FeedItem] = []
    failures: list[tuple[str, str]] = []
    for result in results:
        try:
            items.extend(items_from_response(result))
        except SourceError as exc:
            failures.append((result.url, str(exc)))
    if fetch_pages:
        items = expand_items(items, on_progress=on_progress, **fetch_options)
    return [item.doc for item in items], failures


def parse_feed_file(
    source: str | Path | bytes, *, origin: str | None = None, fetch_pages: bool = False
) -> tuple[list[RawDocument], list[tuple[str, str]]]:
    """The items of a feed on disk (a path) or in memory (bytes), and ``(name, reason)`` failures.

    Never raises: an unreadable or broken feed is one failure. Items are not fetched from the
    network unless ``fetch_pages``, so a file ingests offline. Entries without a link get
    ``origin`` (default: the path) + ``#`` + their id as origin.
    """
    name = origin or ("feed" if isinstance(source, bytes) else str(source))
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        items = parse_feed(data, name).items
    except OSError as exc:
        return [], [(name, exc.strerror or str(exc))]
    except FeedError as exc:
        return [], [(name, str(exc))]
    if fetch_pages:
        items = expand_items(items)
    return [item.doc for item in items], []


def items_from_response(result: FetchResult) -> list[FeedItem]:
    """Interpret a response by its content: a feed's items, or one page; raises SourceError."""
    if result.error:
        raise SourceError(result.error)
    if result.not_modified:
        return []
    data = result.content or b""
    if not data.strip():
        raise SourceError("empty response")
    kind = kind_of(data, result.content_type)
    if kind == "feed-xml" or kind == "feed-json":
        try:
            return parse_feed(data, result.url, result.content_type).items
        except FeedError as exc:
            raise SourceError(str(exc)) from None
    if kind == "binary":
        raise SourceError(f"not a web page or feed ({_ctype(result) or 'binary data'})")
    if kind == "xml" or kind == "json":
        raise SourceError(f"not a web page or feed ({kind.upper()} that is not a feed)")
    hints = {"url": result.final_url} if result.final_url != result.url else {}
    try:
        text = decode_bytes(data, _charset(result.content_type))
    except DecodeError as exc:
        raise SourceError(f"not a web page or feed ({exc})") from None
    return [FeedItem(RawDocument(origin=result.url, content=text, kind=kind, hints=hints))]


def expand_items(
    items: list[FeedItem], *, on_progress: Progress | None = None, **fetch_options
) -> list[FeedItem]:
    """Replace teaser items by their fetched pages (feed hints kept); failures keep the teaser."""
    wanted = list(dict.fromkeys(i.page_url for i in items if i.page_url))
    if not wanted:
        return items
    results = fetch_many(wanted, on_progress=on_progress, **fetch_options)
    pages = {r.url: r for r in results}
    out: list[FeedItem] = []
    for item in items:
        page = pages.get(item.page_url) if item.page_url else None
        out.append(FeedItem(_with_page(item.doc, page)))
    return out


def _with_page(doc: RawDocument, page: FetchResult | None) -> RawDocument:
    if page is not None and page.ok and page.content:
        kind = kind_of(page.content, page.content_type)
        if kind == "html":
            try:
                text = decode_bytes(page.content, _charset(page.content_type))
            except DecodeError:
                text = ""
            if text.strip():
                hints = {**doc.hints, "url": page.final_url}
                return RawDocument(origin=doc.origin, content=text, kind="html", hints=hints)
    if not doc.content.strip() and doc.hints.get("title"):
        return RawDocument(doc.origin, doc.hints["title"], "text", dict(doc.hints))
    return doc


def _charset(content_type: str | None) -> str | None:
    for param in (content_type or "").split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _ctype(result: FetchResult) -> str:
    return (result.content_type or "").split(";")[0].strip()
