"""The records of a listing page that trafilatura drops as link-heavy: cards, product tiles,
search results, the entries of an index.

trafilatura judges blocks one by one, and a card (a linked title, a price, one line of
description) reads as a cluster of links: on a listing, a catalogue or a collection page it
keeps the page's heading and intro and drops the records that are the page's content. The
evidence used here holds across sites and never names one:

- the page: trafilatura kept no prose to speak of (few of its words lie in long
  paragraphs), so it did not find an article;
- the shape of the blocks: a run of ``MIN_RECORDS`` or more sibling elements of one kind
  (same tag, same first class), each a record of ``RECORD_WORDS`` words (not a menu of
  one-word links, not page-sized sections), together at least ``SHARE`` of what trafilatura
  kept: the records carry the page;
- agreement: trafilatura kept at most ``COVERED`` of the records' words (it dropped them, as
  opposed to having chosen a part of them);
- position: not inside the page's navigation, header, footer or aside, nor inside a box
  whose class or id names furniture (menu, sidebar, related, share, comments...), up to the
  page's <main> when the records are in it (the boxes around <main> are its layout).

Such records are added, one line per block, after the last line of the text that comes
before them on the page. Nothing trafilatura kept is removed. Tuned on wcxb_dev's even half,
checked on the odd half and aeb (words F1, before -> after): all kinds .838 -> .845 even,
.835 -> .845 odd; listing .644 -> .678 / .579 -> .631, collection .573 -> .611 / .598 -> .646,
product .671 -> .676 / .593 -> .599, service .773 -> .782 / .797 -> .813; articles .945 ->
.945 / .941 -> .943; aeb unchanged. 40 of 1,518 pages change, 32 of them gain. Costs about
0.3 ms on an article (the first test) and 2-3 ms on a listing.
"""

from __future__ import annotations

import re
from collections import Counter

from tui.core.clean.combine import norm_line

LONG_LINE = 30  # words: a kept line this long is prose
PROSE_SHARE = 0.2  # above this share of kept words in prose lines, trafilatura found an article
MIN_RECORDS = 4  # siblings of one kind
RECORD_WORDS = (8, 150)  # the median record's words: not a menu item, not a page section
MIN_WORDS = 40  # the records' words together
SHARE = 0.5  # ...and at least this share of the words trafilatura kept
COVERED = 0.3  # trafilatura kept at most this share of the records' words
_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside"})
_FURNITURE = re.compile(
    r"nav|menu|footer|sidebar|breadcrumb|comment|cookie|related|share|social|widget", re.I)
_HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe",
                     "form", "select", "button"})
_BLOCKS = frozenset({"p", "div", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                     "td", "th", "blockquote", "pre", "section", "article", "ul", "ol", "dl",
                     "table", "br", "figure", "figcaption", "header", "footer"})
BLOCKS = _BLOCKS  # the block tags, for the other steps that read a page's blocks
_WORD = re.compile(r"[\W_]+")


def add_records(tree, text: str) -> str:
    """``text`` (trafilatura's, one paragraph per line) with the records of the page ``tree``
    that it dropped, placed where the page has them; ``text`` itself when there are none."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    sizes = [len(ln.split()) for ln in lines]
    n = sum(sizes)
    if sum(k for k in sizes if k >= LONG_LINE) > PROSE_SHARE * n:
        return text  # an article: its lists are trafilatura's to judge
    kept: Counter | None = None
    chosen: list[list] = []
    inside: set = set()  # elements of records already chosen: nested runs are not added twice
    for members in _runs(tree, max(MIN_WORDS, SHARE * n)):
        if members[0].getparent() in inside or not _placed_well(members):
            continue
        kept = kept if kept is not None else Counter(_bag(text))
        bag = Counter(w for m in members for w in _bag(text_of(m)))
        total = sum(bag.values())
        if not total or sum((bag & kept).values()) > COVERED * total:
            continue
        chosen.append(members)
        for m in members:
            inside.update(m.iter())
    if not chosen:
        return text
    for members in chosen:
        lines = _insert(lines, members, _record_lines(members))
    return "\n".join(lines)


def _runs(tree, least: float):
    """Runs of MIN_RECORDS or more sibling elements of one kind whose median member holds
    RECORD_WORDS words and which hold ``least`` words together, in document order."""
    lo, hi = RECORD_WORDS
    for parent in tree.xpath(f"//*[count(*) >= {MIN_RECORDS}]"):  # found in C
        if parent.tag in _HIDDEN:
            continue
        groups: dict[tuple, list] = {}
        for child in parent:
            tag = child.tag
            if isinstance(tag, str) and tag not in _HIDDEN:
                cls = (child.get("class") or "").split()
                groups.setdefault((tag, cls[0] if cls else ""), []).append(child)
        for members in groups.values():
            if len(members) < MIN_RECORDS:
                continue
            # A quick bound in C first (the text with scripts, words glued across tags)
            rough = sorted(len(m.text_content().split()) for m in members)
            if not lo <= 2 * rough[len(rough) // 2] <= 6 * hi or 2 * sum(rough) < least:
                continue
            sizes = sorted(len(text_of(m).split()) for m in members)
            if lo <= sizes[len(sizes) // 2] <= hi and sum(sizes) >= least:
                yield members


def _placed_well(members) -> bool:
    """Not inside the page's furniture: no nav/header/footer/aside above the records, and no
    box above them (below <body>, or below <main> when they are in it: a wrapper such as
    "page-wrap-footer" around the whole page is layout) or record whose class or id names
    furniture."""
    for m in members[:3]:
        if _FURNITURE.search(f"{m.get('class') or ''} {m.get('id') or ''}"):
            return False
    node = members[0].getparent()
    while node is not None and node.tag not in ("body", "html"):
        if node.tag in _FURNITURE_TAGS or _FURNITURE.search(
                f"{node.get('class') or ''} {node.get('id') or ''}"):
            return False
        if node.tag == "main" or node.get("role") == "main":
            return True  # the page's declared main part: the boxes around it are its layout
        node = node.getparent()
    while node is not None:  # <body> and <html>: only their tags (their classes are themes)
        if node.tag in _FURNITURE_TAGS:
            return False
        node = node.getparent()
    return True


def _bag(text: str) -> list[str]:
    return [w for w in _WORD.sub(" ", text.lower()).split() if w]


def text_of(el) -> str:
    """An element's visible text, one line per block (scripts, styles and forms left out),
    read without touching the tree (the redraw reads its line ends later). The walk is a loop
    with its own stack, not a recursion: a record nested thousands of levels deep is read
    whole (a recursion would stop at Python's limit and the record would be lost)."""
    out: list[str] = []
    stack: list = [(el, False)]  # (element, True: its closing half, then its tail)
    while stack:
        node, closing = stack.pop()
        if closing:
            if node.tag in _BLOCKS:
                out.append("\n")
            if node is not el and node.tail:
                out.append(node.tail)
            continue
        tag = node.tag
        if not isinstance(tag, str) or tag in _HIDDEN:
            if node is not el and node.tail:
                out.append(node.tail)  # a comment's or a script's tail is visible text
            continue
        if tag in _BLOCKS:
            out.append("\n")
        if node.text:
            out.append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return "".join(out)


def _record_lines(members) -> list[str]:
    lines: list[str] = []
    for m in members:
        lines.extend(ln for ln in (" ".join(s.split()) for s in text_of(m).split("\n")) if ln)
    return lines


def _insert(lines: list[str], members, new: list[str]) -> list[str]:
    """``new`` after the last of ``lines`` that the page shows before the records (at the top
    when none does); lines already held are not added again."""
    held = {norm_line(ln) for ln in lines}
    new = [ln for ln in new if norm_line(ln) and norm_line(ln) not in held]
    if not new:
        return lines
    before = " ".join(" ".join(members[0].xpath("preceding::text()")).split())
    at = next((k + 1 for k in range(len(lines) - 1, -1, -1)
               if (key := " ".join(lines[k].split())) and key in before), 0)
    return lines[:at] + new + lines[at:]
