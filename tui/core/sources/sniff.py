"""Tell a feed from a web page from plain text by looking at the content, not the name.

Feeds: XML whose root element is ``rss``, ``feed`` (Atom) or ``rdf:RDF`` (RSS 0.90/1.0), and
JSON objects whose ``version`` names jsonfeed.org. The declared content type only breaks ties.
"""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urljoin

import lxml.etree
import lxml.html

from tui.core.decode import loads_json

FEED_ROOTS = frozenset({"rss", "feed", "rdf"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/feed+json", "application/json"}
)
_PROLOG = re.compile(
    r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.DOTALL | re.IGNORECASE
)
_ROOT = re.compile(r"<\s*(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_HTML_HINT = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|article|section|main|title|meta|h[1-6])\b",
    re.IGNORECASE,
)
_SNIFF_CHARS = 4096
# What content is, by looking at it: a feed, a document (the kinds of tui.core.model.DocKind), or
# something no reader takes.
Sniffed = Literal["feed-xml", "feed-json", "html", "md", "text", "xml", "json", "binary"]


def kind_of(data: bytes | str, content_type: str | None = None) -> Sniffed:
    """``feed-xml``, ``feed-json``, ``html``, ``md``, ``text``, or ``binary``."""
    head = _head_text(data)
    if "\x00" in head.lstrip("\ufeff")[:512] and not _is_utf16(data):
        return "binary"
    stripped = head.lstrip("\ufeff \t\r\n")
    ctype = (content_type or "").split(";")[0].strip().lower()
    if stripped.startswith("<"):
        root = xml_root(stripped)
        if root in FEED_ROOTS and _plausible_feed(root, head):
            return "feed-xml"
        if root == "html" or _HTML_HINT.search(stripped) or "html" in ctype:
            return "html"
    if stripped.startswith("{") and _is_json_feed(data):
        return "feed-json"
    if "html" in ctype:
        return "html"
    if ctype in ("text/markdown", "text/x-markdown"):
        return "md"
    if stripped.startswith("<") and ("xml" in ctype or stripped.startswith("<?xml")):
        return "xml"
    if stripped.startswith(("{", "[")) and "json" in ctype:
        return "json"
    return "text"


def looks_like_feed(data: bytes | str) -> bool:
    """True when ``data`` is an RSS, Atom, RDF or JSON feed (judged from its content)."""
    return kind_of(data).startswith("feed-")


def feed_links(html: bytes | str, base_url: str) -> list[str]:
    """Feeds a web page advertises (``<link rel="alternate" type="application/rss+xml">``...)."""
    try:
        doc = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    links = []
    for link in doc.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        ctype = (link.get("type") or "").lower()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and href and ctype in FEED_TYPES:
            links.append(urljoin(base_url, href))
    return list(dict.fromkeys(links))


def xml_root(text: str) -> str | None:
    """The local name (lower case, prefix dropped) of the first element, after any prolog."""
    prolog = _PROLOG.match(text)  # always matches (possibly nothing): its parts are optional
    body = text[prolog.end() :] if prolog else text
    match = _ROOT.match(body)
    return match.group(1).lower() if match else None


def _plausible_feed(root: str, head: str) -> bool:
    if root != "rdf":
        return True
    low = head.lower()
    return "purl.org/rss" in low or "my.netscape.com/rdf" in low or "<channel" in low


def _is_json_feed(data: bytes | str) -> bool:
    try:
        obj = loads_json(data)
    except (ValueError, UnicodeDecodeError):
        return False
    version = obj.get("version") if isinstance(obj, dict) else None
    return isinstance(version, str) and "jsonfeed.org" in version.lower()


def _head_text(data: bytes | str) -> str:
    if isinstance(data, str):
        return data[:_SNIFF_CHARS]
    head = data[:_SNIFF_CHARS]
    if _is_utf16(head):
        return head.decode("utf-16", errors="replace")
    return head.decode("utf-8", errors="replace")


def _is_utf16(data: bytes | str) -> bool:
    return isinstance(data, bytes) and data[:2] in (b"\xff\xfe", b"\xfe\xff")
