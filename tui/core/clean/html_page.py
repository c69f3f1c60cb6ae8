"""A page's visible words in reading order, with the blocks they lie in: what
``html_blocks`` reads from the DOM and ``html_fill`` looks into; and what the walk asks of
an element there (an ordered list item's number, a term that is listed, a heading with
nothing under it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "head", "title"})
CLIMB = 32  # wrappers climbed, and text pieces read, to see what follows a heading
BOXES = frozenset({"ul", "ol", "dl", "table", "tbody", "section", "aside", "nav", "menu"})


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


def listed_term(dt) -> bool:
    """Term ``dt`` names what its description is about: one of a list of terms (its ``<dl>``
    holds another), or alone in its list and not a question (an API page's one entry per
    list, "Constant: SHA256_DIGEST_SIZE"; an FAQ's question alone in its box is a toggle),
    and a description follows it (a table of contents' ``<dt>`` has none: its link is no term)."""
    after = next((e for e in dt.itersiblings() if isinstance(e.tag, str)), None)
    if after is None or after.tag.lower() != "dd":
        return False
    dl = next((a for a in islice(dt.iterancestors(), 3) if a.tag == "dl"), None)
    if dl is not None and next(islice(dl.iter("dt"), 1, None), None) is not None:
        return True
    return not "".join(islice(dt.itertext(), CLIMB)).rstrip().endswith("?")


def heads_nothing(el) -> bool:
    """Nothing follows heading ``el`` in its box: past the wrappers it is alone in, the next
    element is an empty box, a list, table or section (a "Trending" box whose items a script
    fills). An empty element of another kind is an accordion's icon, a picture or a rule, and
    the text after it is the heading's: html_fill puts the heading back 29 pages up, 14 down
    (wcxb_dev, both halves; aeb unchanged) against reading every empty element as a box."""
    node = el
    for _ in range(CLIMB):  # bounded: a hostile page nests headings hundreds deep
        if node.getnext() is not None or node.getparent() is None:
            break
        node = node.getparent()
    nxt = node.getnext()
    while nxt is not None and (not isinstance(nxt.tag, str) or nxt.tag.lower() in HIDDEN):
        nxt = nxt.getnext()
    if nxt is None or nxt.tag.lower() not in BOXES:
        return False
    return not any(t.strip() for t in islice(nxt.itertext(), CLIMB))
