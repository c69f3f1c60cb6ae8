"""Blocks of the article's own container that the extractor skipped between lines it kept.

trafilatura judges blocks one by one and drops some of an article's own blocks from the
middle of it: the items of a list without full stops ("Lots of jobs are available in
them"), a "TL;DR" heading over them, the panes of an accordion, a paragraph that is a
``<div>`` among ``<div>`` paragraphs. readability would put them back (``html_agree``), but it
is asked only where sentences are missing (``worth_asking``), and list items are not
sentences. The page itself says they are the article's, on evidence that holds across sites
and never names one:

- **the container**: the deepest element holding ``MAIN`` of the kept words that the page's
  blocks show (the article's own box; not ``<body>``), when the page's innermost blocks show
  at least ``MAPPED`` of the kept words;
- **position**: only blocks between the first and the last kept block inside that container
  (a teaser grid or a sign-up box after the article, a headline block before it, are left
  out);
- **shape**: only blocks that stand in boxes of the same kind as a kept block's: the chain of
  elements from the container down to the block's box (a list counts as its box's), by tag
  and first class, is one that a kept block stands in. A product card, a pane of an ad, a
  quote carousel are boxes of kinds the article's paragraphs do not stand in. A ``<div>`` is
  taken only where the article's paragraphs are ``<div>``\\ s of its class;
- **not furniture**: nothing under ``<figure>``, ``<nav>``, ``<aside>``, ``<form>``,
  ``<header>``, ``<footer>``, a box the reader does not see (hidden, ``display:none``,
  ``visibility:hidden``, ``aria-hidden``, a closed ``<dialog>``, a dialog's role, a
  screen-reader-only class) or a box whose class or id names furniture (menu, related,
  share, caption, gallery, ad, author...), no block whose text is mostly link text
  (``LINKED``) or mostly inside such a box; nothing when the container itself is unseen;
- **new**: a block whose runs of 3 words the text mostly holds already (``HELD``), whose
  runs of 4 characters it holds (text without spaces, ``CHAR_HELD``), that equals the page's
  title or headline, or that this step took already, is not added; soft hyphens and
  zero-width characters, which the extractor drops, are dropped on both sides.

Blocks are matched to kept lines in page order (``_aligned``): a block that one line holds
is aligned by the longest run in page order, one that several hold (a repeated "Pros",
"5/5") takes its next copy, and a match out of order is neither a place nor the range's end.
Each block taken goes after the kept line that precedes it on the page; a list item gets
the extractor's "- " mark. A block is found among the kept lines by a look-up (a whole
line) or one search of the lines joined (a piece of ``MATCH_WORDS`` words or more), and the
text's runs by searches of the text joined, stopped once the answer is known; the cheap
tests of a block come first. Nothing the extractor kept is removed. Chosen on the even half
of wcxb_dev and aeb, the odd half held out (words F1, base -> with this step, on the cached
extraction of bba59e0; see /tmp/notes/s28/issue-13-html-words.md): articles .9526 -> .9546
/ .9447 -> .9490; wcxb all .8526 -> .8567 / .8484 -> .8522; aeb .9787 -> .9787 / .9680 ->
.9683; every kind up or level on both halves (product-odd +.001, documentation-even +.007,
listing-even +.011). The figures hardly move with ``MAIN`` .7-.9, ``LINKED`` .3-.5 or
``HELD`` .2-.4. Tried and not kept: a gate on prose (cut good pages whose article is mostly
lists); blocks near kept ones by distance in the tree rather than by the shape of their
boxes (cut accordion panes); blocks before the first and after the last kept line when they
share a kept block's box (aeb paragraphs -.002 on the odd half for +.0002).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from tui.core.clean.combine import norm_line as norm
from tui.core.clean.combine import woven
from tui.core.clean.html_records import _BLOCKS, _HIDDEN, text_of

INSIDE = True  # put back the skipped blocks
MAIN = 0.8  # the container holds this share of the kept words the page's blocks show
MAPPED = 0.6  # the page's innermost blocks show at least this share of the kept words
LINKED = 0.5  # a block with more of its text in links is a link, not the article's
ADD_SHARE = 1.0  # more words to add than the text holds: the evidence is not there
HELD = 0.2  # a block with more of its runs of 3 words in the text is held already
MATCH_WORDS = 4  # a block this long counts as kept when a kept line holds it
CHAR_HELD = 0.9  # a block without spaces whose runs of 4 characters the text holds so far
_TAGS = ("p", "li", "dd", "dt", "h2", "h3", "h4", "h5", "h6", "blockquote", "div")
_RICH = tuple((_BLOCKS | _HIDDEN) - set(_TAGS))  # where text_of reads otherwise than lxml
_LISTS = frozenset({"ul", "ol", "dl", "li"})
_FURNITURE_TAGS = frozenset({"figure", "nav", "header", "footer", "aside", "form", "button",
                             "select", "noscript", "template", "script", "style"})
_FURNITURE = re.compile(
    r"nav|menu|footer|sidebar|breadcrumb|comment|cookie|related|share|social|widget|promo|"
    r"newsletter|subscri|advert|sponsor|author|byline|meta|toc|table-of-contents|caption|"
    r"credit|gallery|(?<![a-z])ads?(?![a-z])", re.I)
_UNSEEN = re.compile(r"(?<![\w-])(sr-only|visually-?hidden|screen-reader-text|d-none)(?![\w-])",
                     re.I)  # classes that hide a box from the eye, the same on every site


def fill_inside(tree, text: str) -> str:
    """``text`` (one paragraph per line) with the blocks of the article's container on the
    page ``tree`` that it skipped between the lines it kept; ``text`` itself when there are
    none or the evidence is not there."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    keys = [_key(ln) for ln in lines]
    total = sum(len(k.split()) for k in keys)
    if not INSIDE or not total:
        return text
    blocks = _blocks(tree, keys)
    kept = [(el, key) for el, key, at in blocks if at]
    mapped = sum(len(key.split()) for _, key in kept)
    if mapped < MAPPED * total:
        return text
    main = _container(kept, mapped)
    if main is None or any(_hidden(node) for node in main.iterancestors()) or _hidden(main):
        return text  # no box, or the box the reader does not see (a consent dialog)
    within = set(main.iter(*_TAGS))
    inside = _aligned([b for b in blocks if b[0] in within], keys)
    # the range: matches in order that move on to a later line, or long pieces of one
    ends = [k for k, b in enumerate(inside)
            if b[3] or (b[3] is False and b[2] is not None and len(b[1].split()) >= MATCH_WORDS)]
    if not ends:
        return text
    # boxes the kept text stands in, a copy out of order too (a "Pros" repeated further on)
    shapes = {_shape(el, main) for el, _, line, _ in inside if line is not None}
    held = titles = None  # read when a block gets that far
    taken: set[str] = set()
    after: dict[int, list[str]] = {}
    anchor, added = -1, 0
    for el, key, line, _ in inside[ends[0]:ends[-1] + 1]:
        if line is not None:
            anchor = line
            continue
        if key in taken or _shape(el, main) not in shapes:
            continue
        if held is None or titles is None:
            held, titles = _Held(keys), _titles(tree)
        if key not in titles and not held.holds(key) and _fit(el, main):
            mark = "- " if el.tag == "li" else ""  # a list item as the extractor marks one
            after.setdefault(anchor, []).append(mark + _clean(" ".join(text_of(el).split())))
            taken.add(key)  # the same block twice (two copies of a dialog) comes once
            added += len(key.split())
    if not after or added > ADD_SHARE * total:
        return text
    return woven(lines, after)


_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")  # the extractor drops them


def _clean(text: str) -> str:
    return _INVISIBLE.sub("", text)


def _key(text: str) -> str:
    return norm(text if text.isascii() else _clean(text))


def _titles(tree) -> set[str]:
    """The page's title and headline, normalised: never a body line to put back."""
    found = [el.text_content() for el in tree.iter("title", "h1")]
    found += [m.get("content") or "" for m in tree.iter("meta")
              if (m.get("property") or m.get("name") or "").lower() in ("og:title", "title")]
    return {k for t in found if (k := _key(t))}


def _blocks(tree, keys: list[str]) -> list[tuple]:
    """The page's innermost blocks in page order: (element, its words normalised, the sorted
    indexes of the kept lines that hold it, maybe empty)."""
    found = list(tree.iter(*_TAGS))
    outer = _ancestors(found)  # an element holding a block is not an innermost block
    rich = _ancestors(tree.iter(*_RICH))  # blocks whose text text_of must read
    exact: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        exact.setdefault(k, []).append(i)
    lines = _Lines(keys)
    out = []
    for el in found:
        if el in outer:
            continue
        raw = text_of(el) if el in rich else el.text_content()  # the same text, in C
        if not raw or raw.isspace() or not (key := _key(raw)):
            continue
        at = exact.get(key, [])
        if not at and key.count(" ") >= MATCH_WORDS - 1:  # (a key's words: single spaces)
            at = lines.holding(key)
        out.append((el, key, at))
    return out


class _Lines:
    """The kept lines' keys in one string, each set in spaces and the lines apart by line
    ends (no key holds one): a block's key is found in a line by one search of the string."""

    def __init__(self, keys: list[str]) -> None:
        self.text = "\n".join(f" {k} " for k in keys)
        self.starts = [0]
        for k in keys[:-1]:
            self.starts.append(self.starts[-1] + len(k) + 3)

    def holding(self, key: str) -> list[int]:
        """The indexes of the lines that hold ``key`` (whole words), in order."""
        padded, out = f" {key} ", []
        at = self.text.find(padded)
        while at >= 0:
            out.append(line := bisect_right(self.starts, at) - 1)
            if line + 1 == len(self.starts):
                break
            at = self.text.find(padded, self.starts[line + 1])
        return out


def _aligned(blocks: list[tuple], keys: list[str]) -> list[tuple]:
    """The blocks matched to the kept lines in page order: (element, key, the line it is
    matched to or None, whether that match moves on to a later line: True, False, or None for
    a block held by lines out of order). First the blocks that one line holds are aligned
    (the longest run in page order); then a block that several lines hold (a repeated "Pros"
    or "5/5") takes the first of them after the last match and before the next aligned
    block, so that it maps to its own copy, not its last. A block held only out of order (a
    teaser of a line above) is neither a place nor a block to add."""
    order = [(at[0], 0 if key == keys[at[0]] else k) if len(at) == 1 else None
             for k, (_, key, at) in enumerate(blocks)]  # pieces of a line keep page order
    firm = _longest_rising([(k, v) for k, v in enumerate(order) if v is not None])
    nxt, upper = [len(keys)] * len(blocks), len(keys)
    for k in range(len(blocks) - 1, -1, -1):
        nxt[k] = upper
        if k in firm:
            upper = blocks[k][2][0]
    out: list[tuple] = []
    anchor = -1
    for k, (el, key, at) in enumerate(blocks):
        if not at:
            out.append((el, key, None, False))
            continue
        whole = key == keys[at[0]]  # a whole line's copy is the next copy of it
        if len(at) == 1:
            line = at[0] if k in firm else None
        else:
            j = (bisect_right if whole else bisect_left)(at, anchor)
            line = at[j] if j < len(at) and at[j] <= nxt[k] else None
            if line is None and anchor in at:
                line = anchor  # a piece or a copy of the last line matched
        if line is None:
            out.append((el, key, anchor, None))  # held out of order
            continue
        out.append((el, key, line, line > anchor))
        anchor = max(anchor, line)
    return out


def _longest_rising(items: list[tuple]) -> set[int]:
    """The indexes of the longest run of ``items`` (index, value) whose values rise."""
    tails: list = []  # the least last value of a rising run of each length
    ends: list[int] = []
    back: dict[int, int] = {}
    for k, v in items:
        j = bisect_left(tails, v)
        if j == len(tails):
            tails.append(v)
            ends.append(k)
        else:
            tails[j], ends[j] = v, k
        back[k] = ends[j - 1] if j else -1
    out, k = set(), ends[-1] if ends else -1
    while k >= 0:
        out.add(k)
        k = back[k]
    return out


class _Held:
    """What the text holds, asked of its keys joined in one string: runs of 3 words, words
    and pairs of words (whole words: the string and each run set in spaces), and (for text
    without spaces, such as Chinese) runs of 4 characters of the text without its spaces."""

    def __init__(self, keys: list[str]) -> None:
        joined = " ".join(" ".join(k for k in keys if k).split())  # runs across lines too
        self.text = f" {joined} "  # (a split paragraph)
        self.flat = joined.replace(" ", "")

    def holds(self, key: str) -> bool:
        """Whether the text holds the block ``key`` already (most of its runs of 3 words; a
        short block whole, or nearly all its runs of 4 characters)."""
        words = key.split()
        if len(words) >= 3:
            runs = [f" {a} {b} {c} " for a, b, c in zip(words, words[1:], words[2:])]
            if _most(runs, self.text, HELD * len(runs), strict=True):
                return True
        elif f" {key} " in self.text:
            return True
        flat = "".join(words)
        if len(words) >= 3 and len(flat) < 8 * len(words):
            return False  # words with spaces between them: the runs of words judge
        quads = [flat[j:j + 4] for j in range(len(flat) - 3)]
        return len(quads) >= 4 and _most(quads, self.flat, CHAR_HELD * len(quads))


def _most(parts: list[str], text: str, least: float, strict: bool = False) -> bool:
    """Whether more than (``strict``) or at least ``least`` of ``parts`` are in ``text``;
    the search stops as soon as the answer is known."""
    hits, left = 0, len(parts)
    for part in parts:
        left -= 1
        if part in text:
            hits += 1
            if hits > least or (hits == least and not strict):
                return True
        if hits + left < least or (hits + left == least and strict):
            return False
    return hits > least or (hits == least and not strict)


def _ancestors(elements) -> set:
    """Every element that holds one of ``elements``."""
    out: set = set()
    for el in elements:
        node = el.getparent()
        while node is not None and node not in out:
            out.add(node)
            node = node.getparent()
    return out


def _container(kept: list[tuple], mapped: int):
    """The deepest element holding ``MAIN`` of the ``mapped`` kept words; None when that is
    the whole page (<body>, <html>)."""
    under: dict = {}  # the kept words in each box that holds kept blocks
    for el, key in kept:
        node = el.getparent()
        under[node] = under.get(node, 0) + key.count(" ") + 1  # (a key's words: single spaces)
    weight: dict = {}
    for box, n in under.items():
        if box is not None:
            for node in (box, *box.iterancestors()):
                weight[node] = weight.get(node, 0) + n
    best, depth = None, -1
    for node, w in weight.items():
        if w >= MAIN * mapped and (d := sum(1 for _ in node.iterancestors())) > depth:
            best, depth = node, d
    if best is None or best.tag in ("html", "body"):
        return None
    return best


def _shape(el, main) -> tuple:
    """The boxes from ``main`` down to the one ``el`` stands in (a list item's box is its
    list's), by tag and first class; a ``<div>`` block's own tag and class too."""
    out = []
    if el.tag == "div":
        out.append(("div", _first_class(el)))
    node = el.getparent()
    while node is not None and node.tag in _LISTS:
        node = node.getparent()
    while node is not None and node is not main:
        out.append((node.tag, _first_class(node)))
        node = node.getparent()
    return tuple(out)


def _first_class(el) -> str:
    classes = (el.get("class") or "").split()
    return classes[0] if classes else ""


def _names(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _fit(el, main) -> bool:
    """Not furniture: no box of furniture or hidden box between ``el`` and ``main``, not
    mostly link text, not mostly inside a box whose name is furniture's."""
    node = el
    while node is not None and node is not main:
        if node.tag in _FURNITURE_TAGS or _FURNITURE.search(_names(node)):
            return False
        if _hidden(node):
            return False
        node = node.getparent()
    whole = len("".join(el.text_content().split()))
    if not whole:
        return False
    for sub in el.iterdescendants():
        if isinstance(sub.tag, str) and (sub.get("class") or sub.get("id")) and (
                _FURNITURE.search(_names(sub))
                and 2 * len("".join(sub.text_content().split())) >= whole):
            return False
    links = sum(len("".join(a.text_content().split())) for a in el.iter("a"))
    return links <= LINKED * whole


def _hidden(node) -> bool:
    """A box the reader does not see: hidden, a closed dialog, a dialog's role, aria-hidden."""
    style = (node.get("style") or "").replace(" ", "").lower()
    return (node.get("hidden") is not None or "display:none" in style
            or "visibility:hidden" in style
            or (node.get("aria-hidden") or "").strip().lower() == "true"
            or (node.tag == "dialog" and node.get("open") is None)
            or (node.get("role") or "").strip().lower() in ("dialog", "alertdialog")
            or _UNSEEN.search(node.get("class") or "") is not None)
