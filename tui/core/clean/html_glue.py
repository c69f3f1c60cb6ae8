"""Words an extractor glued where the page's text runs across the edge of an element.

A page often sets two pieces of text apart by styling alone: a source credit in its own
element before the first sentence ("<cite>(CNN)</cite>President Donald Trump..."), a label and
its value, a byline's name and title in two ``<span>``s shown as lines. The source holds no
space there, so an extractor's text reads "(CNN)President", "Compatibility:Most",
"WilliamsShipwreck", one word that is neither of the two. Annotators, readers and search see
two words. ``junctions`` finds such places while the page's blocks are read (``dom_blocks``):
two text pieces meeting at an element's edge with no space between them, where the first ends
in a lower-case letter and the second opens with a capital ("roadmap|Cons:"), or the first
ends in sentence punctuation or a closing bracket and the second opens with a letter
("career.|Given", "(CNN)|President"). ``unglue`` then spaces the extractor's word at that
place, when the word is the page's own word there. Nothing else changes (no word is added or
dropped), and text inside ``<pre>`` and ``<code>`` (identifiers styled piece by piece,
"get|Value") is left as it is; a full stop counts only after a piece holding a space (a
sentence's end, not a dotted name "json.|JSONDecoder"). Measured on the tuning half (wcxb_dev
and aeb, even pages) where the annotators kept the text: the two words stand apart in the
gold 126 times, glued 3 times (held-out half: 104 / 4).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.core.clean.html_cells import _BR, _STRIP  # html_blocks' own

if TYPE_CHECKING:
    from tui.core.clean.html_page import Blocks

UNGLUE = True  # space the words glued at an element's edge
CODE = "\x02"  # a <code>/<pre> run opens or closes among a block's text pieces (html_blocks)
_CLOSERS = frozenset(".;:!?)]")  # a piece ending in one of these ends a word
MOST = 64  # glues, and phrase edges, read per block (each may read the text before it)


def _glued(prev: str, part: str) -> bool:
    """Text pieces ``prev`` and ``part``, met at an element's edge, read as two words: a
    lower-case letter meets a capital, or a closing mark meets one ("wrote:|Thanks"); a full
    stop only when ``prev`` holds a space (a sentence ends: "list.|append", "json.|JSONDecoder"
    are dotted names)."""
    left, right = prev[-1], part[0]
    if not right.isupper():
        return False
    return left.islower() or left in _CLOSERS and (left != "." or " " in prev)


def junctions(parts: list[str], base: int, out: Blocks, code_open: bool = False) -> None:
    """Record in ``out.glue`` the places where consecutive text ``parts`` of one block (its
    words start at page word ``base``) glue two words: page word -> offsets in the word.
    ``code_open``: a code run is open after the last part (CODE marks where runs open and
    close)."""
    opens = [k for k, part in enumerate(parts) if part[:1].isupper()]  # few: checked first
    if not opens or opens == [0]:
        return
    code = code_open != (parts.count(CODE) % 2 == 1)  # a code run open before the first part
    seen = 0
    for k in opens:
        prev = parts[k - 1] if k else ""
        if not prev or not _glued(prev, parts[k]):
            continue
        seen += 1
        if seen > MOST:
            break
        if code != (parts[:k].count(CODE) % 2 == 1):
            continue  # inside a code run
        prefix = "".join(parts[:k]).replace(_BR, " ").lower()
        if not prefix.strip():
            continue
        left = _STRIP.sub("", prefix.rsplit(None, 1)[-1])  # the glued word's first part
        before = _STRIP.sub("", prefix).split()
        if left and before and before[-1] == left:
            out.glue.setdefault(base + len(before) - 1, []).append(len(left))


# Inline elements of running text a browser keeps on the line (a name in <i>, a <b>word</b>);
# ``<span>`` and ``<a>`` are not here: pages style them as blocks (a card's title, a byline).
PHRASES = frozenset({"i", "em", "b", "strong", "cite", "q", "abbr", "dfn", "var", "sub", "sup",
                     "small", "mark", "u", "s", "del", "ins", "big", "font", "time"})
_WORDLIKE = re.compile(r"\w")


def phrase_edges(parts: list[str], edges: list[int], base: int, out: Blocks) -> None:
    """Record in ``out.phrases`` the page words that open right at an inline phrase's edge
    (``parts[k]`` for k in ``edges``; the block's words start at page word ``base``): text
    running on across ``<i>The Times</i>``, which an extractor's line may cut there (its
    whole-page fallback gives each text node a line). An edge inside a word is skipped, and
    only edges before a word that does not start lower case are phrases (those join anyway);
    ``out.tight`` gets every edge with no space on either side, with the two characters met
    there: a line cut at that edge is joined with no space ("(" / "Sic", not "quiet:" /
    "opposite" where the edge lies before the colon)."""
    seen = 0
    for k in edges:
        if k <= 0 or k >= len(parts):
            continue
        first = "".join(parts[k:k + 2]).replace(CODE, "")
        right = first.lstrip()
        if not right:
            continue
        seen += 1
        if seen > MOST:
            break
        last = next((q[-1] for p in reversed(parts[:k]) if (q := p.replace(CODE, ""))), "")
        if _WORDLIKE.match(last) and _WORDLIKE.match(first):
            continue  # the edge lies inside a word ("<b>W</b>ord")
        tight = not (last.isspace() or first[:1].isspace())  # "(<i>Sic</i>)": no space
        if not tight and right[:1].islower():
            continue  # nothing to record (the cheap tests first: the words before are read last)
        if not _text_beside(parts, k):
            continue  # two phrases side by side ("<b>Title</b> <b>Summary.</b>"): two lines
        prefix = "".join(parts[:k]).replace(CODE, "")
        before = _STRIP.sub("", prefix.replace(_BR, " ").lower()).split()
        if not before:
            continue
        if tight:
            out.tight.add((base + len(before), last, first[:1]))
        if not right[:1].islower():
            out.phrases.add(base + len(before))


def _text_beside(parts: list[str], k: int) -> bool:
    """Both text pieces met at the edge before ``parts[k]`` hold words: the phrase lies in
    running text, not beside another phrase with only spaces between them."""
    before = next((p for p in reversed(parts[:k]) if p != CODE), "")
    after = next((p for p in parts[k:] if p != CODE), "")
    return bool(before.strip() and after.strip())


def unglue(raw: list[str], toks: list[list[str]], pos: list[list[int | None]],
           page: Blocks) -> tuple[list[str], list, list]:
    """``raw`` lines (with their tokens and page positions) with each word the page glues at
    an element's edge spaced there; a spaced word's pieces keep the word's page position."""
    if not UNGLUE or not page.glue:
        return raw, toks, pos
    glue, words = page.glue, page.words
    for n, (ln, tk, ps) in enumerate(zip(raw, toks, pos)):
        cuts = {j: glue[p] for j, p in enumerate(ps) if p in glue and tk[j] == words[p]}
        if not cuts:
            continue
        spaced = _spaced(ln, cuts)
        if spaced is None:
            continue
        new_tk = _words(spaced)
        new_ps: list[int | None] = []
        for j, p in enumerate(ps):
            new_ps.extend([p] * (1 + len(cuts[j])) if j in cuts else [p])
        if len(new_tk) == len(new_ps):
            raw[n], toks[n], pos[n] = spaced, new_tk, new_ps
    return raw, toks, pos


def _spaced(line: str, cuts: dict[int, list[int]]) -> str | None:
    """``line`` with a space put into its ``j``-th word (counting words with a letter or
    digit) before each of the word's letters at ``cuts[j]`` (offsets in the bare word)."""
    out: list[str] = []
    j = 0
    for token in re.split(r"(\s+)", line):
        if not token or token.isspace():
            out.append(token)
            continue
        bare = _STRIP.sub("", token.lower())
        if not bare:
            out.append(token)
            continue
        at = cuts.get(j)
        j += 1
        if not at:
            out.append(token)
            continue
        pieces, count, want = [], 0, sorted(at)
        for c in token:
            size = len(_STRIP.sub("", c.lower()))
            if size and want and count == want[0]:
                pieces.append(" ")
                want.pop(0)
            pieces.append(c)
            count += size
        if want or count != len(bare):
            return None  # the word does not read as the page reads it: left alone
        out.append("".join(pieces))
    return "".join(out)


def _words(line: str) -> list[str]:
    """A line's words as ``html_blocks._tokens`` gives them, without their offsets (faster;
    ``html_blocks`` reads them from here)."""
    sub = _STRIP.sub
    out: list[str] = []
    for w in line.lower().split():
        if not w.isalnum():
            w = sub("", w)
        if w:
            out.append(w)
    return out
