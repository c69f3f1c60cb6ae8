"""OPML 2.0, the format feed readers exchange subscriptions in: read outlines, write a list."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

import lxml.etree

# Characters XML 1.0 forbids even as references (C0 controls but tab/newline/CR, surrogates...).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


_BARE_AMP = re.compile(rb"&(?!#\d+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")


class OpmlError(ValueError):
    """The text is not OPML we can read; the message says why."""


def read_opml(text: str | bytes) -> list[tuple[str, str | None]]:
    """``(feed url, title)`` for every outline with an ``xmlUrl``, nested folders included."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        root = _parse(data)
    except lxml.etree.XMLSyntaxError as exc:
        # Exported files often carry a bare "&" in a URL or title: escape those and retry.
        try:
            root = _parse(_BARE_AMP.sub(b"&amp;", data))
        except lxml.etree.XMLSyntaxError:
            raise OpmlError(f"not valid OPML: {exc}") from None
    if _local(root.tag) != "opml":
        raise OpmlError(f"not OPML (the root element is <{_local(root.tag)}>)")
    feeds: list[tuple[str, str | None]] = []
    for node in root.iter():
        if not isinstance(node.tag, str) or _local(node.tag) != "outline":
            continue
        attrs = {k.lower(): v for k, v in node.attrib.items()}
        url = (attrs.get("xmlurl") or "").strip()
        if url:
            title = (attrs.get("title") or attrs.get("text") or "").strip()
            feeds.append((url, title or None))
    return feeds


def write_opml(feeds: list[tuple[str, str | None]], title: str = "Wiredesk subscriptions") -> str:
    """An OPML 2.0 document listing ``(url, title)`` feeds, every value escaped."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head>",
        f"    <title>{escape(_xml_safe(title))}</title>",
        "  </head>",
        "  <body>",
    ]
    for url, name in feeds:
        text = quoteattr(_xml_safe(name or url))
        lines.append(
            f'    <outline type="rss" text={text} title={text} xmlUrl={quoteattr(_xml_safe(url))}/>'
        )
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _parse(data: bytes) -> lxml.etree._Element:
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True)
    return lxml.etree.fromstring(data, parser)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)
