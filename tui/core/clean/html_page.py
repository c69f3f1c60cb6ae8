"""A page's visible words in reading order, with the blocks they lie in: what
``html_blocks`` reads from the DOM and ``html_fill`` looks into."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Blocks:
    """The page's visible words in reading order: ``words[k]`` lies in block ``block[k]``;
    ``number[b]`` is block b's number when it is an item of an ordered list."""

    words: list[str] = field(default_factory=list)
    block: list[int] = field(default_factory=list)
    number: dict[int, int] = field(default_factory=dict)
    items: set[int] = field(default_factory=set)  # blocks that are list items
    quotes: set[int] = field(default_factory=set)  # blocks inside a <blockquote>
    lines: set[int] = field(default_factory=set)  # blocks whose line breaks are kept (<pre>)
    breaks: set[int] = field(default_factory=set)  # words a <br> or a line end opens
    wraps: set[int] = field(default_factory=set)  # of those, words an editor's soft wrap opens
    hard: set[int] = field(default_factory=set)  # of those, source line ends that are spaces
    phrases: set[int] = field(default_factory=set)  # words an inline phrase's edge opens (<i>)
    tight: set[tuple] = field(default_factory=set)  # (word, char, char): edges with no space
    terms: set[int] = field(default_factory=set)  # blocks that are terms of a list (<dt>)
    heads: set[int] = field(default_factory=set)  # blocks that are headings (h1-h6)
    texts: dict[int, str] = field(default_factory=dict)  # each block's text as the page has it
    linked: dict[int, int] = field(default_factory=dict)  # characters of each block in links
    empty: set[int] = field(default_factory=set)  # headings with nothing under them in their box
    inner: set[int] = field(default_factory=set)  # words opening a block inside a table cell
    glue: dict[int, list[int]] = field(default_factory=dict)  # word -> offsets glued (html_glue)
    owner: dict[int, tuple] = field(default_factory=dict)  # block -> (element, holds it itself)


def item_number(li) -> int | None:
    """The number a browser shows before ``li`` when it is an item of an ``<ol>``."""
    parent = li.getparent()
    if parent is None or not isinstance(parent.tag, str) or parent.tag.lower() != "ol":
        return None
    if (parent.get("type") or "1") != "1" or "none" in (parent.get("style") or ""):
        return None  # letters, roman numerals or no marker: not "N."
    if li.get("class") or "list-style" in (li.get("style") or ""):
        return None  # an item styled by the page: it draws its own marker, or none

    n = _int(parent.get("start"), 1) - 1
    for item in parent:
        if not isinstance(item.tag, str) or item.tag.lower() != "li":
            continue
        n = _int(item.get("value"), n + 1)
        if item is li:
            return n
    return None


def _int(value, default: int) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default
