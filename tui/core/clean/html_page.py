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
    heads: set[int] = field(default_factory=set)  # blocks that are headings (h1-h6)
    texts: dict[int, str] = field(default_factory=dict)  # each block's text as the page has it
    linked: dict[int, int] = field(default_factory=dict)  # characters of each block in links
    empty: set[int] = field(default_factory=set)  # headings with nothing under them in their box
    inner: set[int] = field(default_factory=set)  # words opening a block inside a table cell
    glue: dict[int, list[int]] = field(default_factory=dict)  # word -> offsets glued (html_glue)
    owner: dict[int, tuple] = field(default_factory=dict)  # block -> (element, holds it itself)
