"""List items the extractor kept only a piece of: the item whole again.

trafilatura now and then keeps of an ``<li>`` only its inline elements and their tails: of
"A file created in <code>/tmp</code>." it keeps "/tmp.", of an item opening with its words
and a ``<code>`` at its end, the code and the full stop (libffi's manual, "Memory Usage": a
fifth of the page's words lost, and the pieces then read as repeats of one another). The
page says the line is a cut item, on evidence that names no site:

- **shape**: the kept line's words are the end of one innermost ``<li>``'s words, fewer than
  them, read in page order (the lines and the items go forward together: "tmp" is the end of
  the item "/tmp" before it is the end of "/var/tmp");
- **cut, not split**: the words missing from the line are the item's own opening text (its
  text before its first element: what that extractor drops), held by no line of the text
  (an item broken by a ``<br>`` into two kept lines is the extractor's reading, left as it
  is), on ``LEAST`` lines of the page or more (one such line is no pattern: a heading's last
  words, a link's text).

The items of a list with such cut items that no line holds and whose words the text lacks
(an item of only its own words, which the same extractor drops whole) are put back in their
place, after the line of the item before them.

Not taken for a cut item (the page's furniture, where a heading's words end an item):

- a line that is the whole text of another block of the page (the heading "Introduction" is
  not the cut end of a table of contents' "Section 1 - <a>Introduction</a>");
- an item inside ``nav``/``aside``/``header``/``footer``, or in a table of contents (a list
  whose class or id says so, or an item linking to a place in the page, ``href="#..."``).

Each cut line is replaced by its item's text, and each dropped item put back, with the list
mark "- " the kept ``<li>`` items of the output have; nothing else changes. The cost is linear
in the page (an index of the lines' words for "held", one pass to rebuild the lines).
This runs before readability's sentences are added (``html_agree.top_up``) and the
skipped blocks put back (``html_inside.fill_inside``): with whole items the lines match the
page's blocks again, and neither adds a second copy of an item's words.
"""

from __future__ import annotations

import re

from tui.core.clean.combine import norm_line as norm
from tui.core.clean.html_records import BLOCKS, text_of

WHOLE = True  # put back the words of cut list items
AHEAD = 40  # items looked at past the last one matched, for a line's item
_MARK = "- "
LEAST = 2  # cut items on a page: the extractor's way with its lists, not one line's chance
FURNITURE = frozenset({"nav", "aside", "header", "footer"})  # no article's list items there
_TOC = re.compile(r"\btoc\b|contents|table.of", re.I)  # a table of contents' class or id
# blocks whose whole text is no cut item's end (a heading, a paragraph, a cell of its own)
_OWN = (
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "td",
    "th",
    "dt",
    "dd",
    "caption",
    "figcaption",
    "blockquote",
)


def whole_items(tree, text: str) -> str:
    """``text`` (one paragraph per line) with each line that is the cut end of a list item
    of the page ``tree`` replaced by the item's whole text; ``text`` itself when none is."""
    if not WHOLE or not _may_be_cut(tree):
        return text
    items = [el for el in tree.iter("li") if _article_item(el)]
    if not items:
        return text
    keys = [norm(el.text_content()) for el in items]
    lines = text.split("\n")
    lkeys = [norm(ln) for ln in lines]
    own: set[str] | None = None  # read only once a line ends an item (most pages: never)
    pieces: dict[int, int] = {}  # line -> the item it is a cut end of
    where: dict[int, int] = {}  # item -> the line that holds it whole or its end
    at = 0
    for k, key in enumerate(lkeys):
        if not key:
            continue
        for j in range(at, min(len(items), at + AHEAD)):
            if keys[j] == key or keys[j].endswith(" " + key):
                if keys[j] != key:
                    if own is None:
                        own = _block_texts(tree)
                    if key in own:
                        break  # a block of its own (a heading), not an item's end
                    pieces[k] = j
                where[j], at = k, j + 1
                break
    if not pieces:
        return text
    held = _Held(lkeys)
    cut: dict[int, int] = {}
    for k, j in pieces.items():
        missing = keys[j][: len(keys[j]) - len(lkeys[k])].strip()
        if missing != norm(items[j].text or "") or len(items[j]) == 0:
            continue  # not the item's own opening words before its first element
        if not held(missing):  # (its words kept elsewhere: not lost)
            cut[k] = j
    if len(cut) < LEAST:
        return text  # one piece is no pattern: a heading's last words, a link's text
    before, after = _dropped(items, keys, where, cut, held)
    out: list[str] = []
    for k, line in enumerate(lines):
        out.extend(_MARK + t for t in before.get(k, ()))
        if k in cut:
            out.append(_MARK + " ".join(text_of(items[cut[k]]).split()))
        else:
            out.append(line)
        out.extend(_MARK + t for t in after.get(k, ()))
    return "\n".join(out)


def _may_be_cut(tree) -> bool:
    """Whether ``LEAST`` items or more hold words of their own before an element: a cut item
    needs both (its missing words are that opening text), so a page without them has none."""
    found = 0
    for el in tree.iter("li"):
        if len(el) and el.text and not el.text.isspace():
            found += 1
            if found >= LEAST:
                return True
    return False


def _article_item(el) -> bool:
    """An innermost ``<li>`` (no block inside) of the page's text: not in its furniture nor in
    a table of contents (a list so named, an item linking into the page)."""
    if any(isinstance(d.tag, str) and d.tag in BLOCKS for d in el.iterdescendants()):
        return False
    if any((a.get("href") or "").startswith("#") for a in el.iter("a")):
        return False
    for up in el.iterancestors():
        if up.tag in FURNITURE:
            return False
        if up.tag in ("ul", "ol") and _TOC.search(f"{up.get('class', '')} {up.get('id', '')}"):
            return False
    return True


def _block_texts(tree) -> set[str]:
    """The whole texts of the page's headings, paragraphs and cells outside list items."""
    return {
        norm(el.text_content())
        for el in tree.iter(*_OWN)
        if not any(up.tag == "li" for up in el.iterancestors())
    }


class _Held:
    """Whether a text is held, word-bounded, by a line: each question looks only at the
    lines holding its rarest word (an index of the lines' words; answers kept)."""

    def __init__(self, lkeys: list[str]) -> None:
        self.lkeys = lkeys
        self.index: dict[str, list[int]] = {}
        for k, key in enumerate(lkeys):
            for w in set(key.split()):
                self.index.setdefault(w, []).append(k)
        self.known: dict[str, bool] = {}

    def __call__(self, words: str) -> bool:
        if words not in self.known:
            ws = words.split()
            rows = min((self.index.get(w, []) for w in ws), key=len) if ws else []
            self.known[words] = any(f" {words} " in f" {self.lkeys[k]} " for k in rows)
        return self.known[words]


def _dropped(
    items: list, keys: list[str], where: dict[int, int], cut: dict[int, int], held: _Held
) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """The items of a list with ``LEAST`` cut items or more that no line holds, whose words
    the text lacks (the same extractor dropped an item of only its own words whole): each
    to go after the line of the list's item before it (``after``), or, before the list's
    first kept item, before that item's line (``before``). Line -> texts, in page order."""
    lists: dict = {}
    for j in cut.values():
        parent = items[j].getparent()
        lists[parent] = lists.get(parent, 0) + 1
    mine: dict = {}  # list -> its items, in page order
    for j, el in enumerate(items):
        if lists.get(el.getparent(), 0) >= LEAST:
            mine.setdefault(el.getparent(), []).append(j)
    before: dict[int, list[str]] = {}
    after: dict[int, list[str]] = {}
    for js in mine.values():
        waiting: list[str] = []  # items before the list's first kept one
        last = None
        for j in js:
            if j in where:
                if waiting:
                    before.setdefault(where[j], []).extend(waiting)
                    waiting = []
                last = where[j]
                continue
            if not keys[j] or held(keys[j]):
                continue
            whole = " ".join(text_of(items[j]).split())
            if last is None:
                waiting.append(whole)
            else:
                after.setdefault(last, []).append(whole)
    return before, after
