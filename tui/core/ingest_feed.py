"""Feeds as ingest takes them: a feed file's items become documents, each named
``FILE item N``; an item without text is a failure, and items whose date cannot be taken
(unreadable, or out of range: the year 2100) are named with the date as written, once for
the feed (never a silent loss: the item is kept, its date is not).
"""

from __future__ import annotations

import re
from typing import Protocol

from tui.core.model import RawDocument

DATE_RAW = "date_raw"  # (``tui.core.sources.feeds.DATE_RAW``: the sources load with a feed)
NAMED = 10  # items named in a warning; the others are counted
_UNDATED = "with a date that cannot be read as one (or is out of range): taken without it"
_TAG = re.compile(r"<[^<>]*>|&nbsp;|&#160;")
_XML_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2""")


class _Out(Protocol):  # (``tui.core.ingest.Collected``)
    docs: list[RawDocument]
    failures: list[tuple[str, str]]
    warnings: list[tuple[str, str]]


def collect_feed(text: str, name: str, out: _Out, full: str | None = None) -> None:
    """The items of the feed ``text`` (the file ``name``) into ``out``. ``full``: the file's
    resolved path; an item without a link then has the origin ``full#ID`` (as a file's origin
    is its resolved path: the same item whichever directory it is ingested from), where it
    had ``name#ID`` before (its ``feed`` hint keeps ``name``: ``model.typed_origin``)."""
    from tui.core.sources import parse_feed_file

    # (the text is decoded already: its declaration, if any, must now say UTF-8, or feedparser
    # reads the UTF-8 bytes as windows-1251, Shift-JIS... and every letter is garbled)
    data = _XML_ENCODING.sub(r"\1\2utf-8\2", text, count=1).encode("utf-8")
    docs, failures = parse_feed_file(data, origin=name)
    out.failures.extend(failures)
    undated: list[str] = []
    for n, doc in enumerate(docs, 1):
        where = f"{name} item {n}"
        doc.hints = {**doc.hints, "where": where}
        if full is not None and doc.origin.startswith(f"{name}#"):
            doc.origin = full + doc.origin[len(name) :]
        if not has_text(doc.content):
            title = doc.hints.get("title")
            what = f" (only a title: {title[:60]!r})" if title else ""
            out.failures.append((f"{where} ({doc.origin})", f"no text in this feed item{what}"))
        else:
            out.docs.append(doc)
            if doc.hints.get(DATE_RAW):
                undated.append(f"item {n}: {doc.hints[DATE_RAW]!r}")
    if undated:
        out.warnings.append((name, undated_warning(undated)))


def undated_warning(named: list[str]) -> str:
    """One line for the items (``named``: "item 3: 'Blursday'") whose date was not taken."""
    n = len(named)
    shown = "; ".join(named[:NAMED]) + (f"; and {n - NAMED} more" if n > NAMED else "")
    return f"{n} item{'s' * (n != 1)} {_UNDATED} ({shown})"


def url_date_warnings(docs: list[RawDocument]) -> list[tuple[str, str]]:
    """A warning for each fetched item (by its origin) whose date was not taken."""
    return [
        (doc.origin, f"feed item {_UNDATED} ({doc.hints[DATE_RAW]!r})")
        for doc in docs
        if isinstance(doc.hints, dict) and doc.hints.get(DATE_RAW)
    ]


def has_text(content: str) -> bool:
    """Any text outside markup (a feed item whose body is empty, or only tags, has none)."""
    return bool(_TAG.sub(" ", content).strip())
