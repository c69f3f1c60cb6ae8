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
from bisect import bisect_left
from typing import TYPE_CHECKING

from tui.core.clean.html_cells import _BR, _STRIP  # html_blocks' own

if TYPE_CHECKING:
    from tui.core.clean.html_page import Blocks

UNGLUE = True  # space the words glued at an element's edge
CODE = "\x02"  # a <code>/<pre> run opens or closes among a block's text pieces (html_blocks)
_CLOSERS = frozenset(".;:!?)]")  # a piece ending in one of these ends a word
_OPENING = frozenset("([{\u201c\u2018\u00ab\u00bf\u00a1")  # ( [ { “ ‘ « ¿ ¡
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
_TOKEN = re.compile(r"[^\s\x00]+")  # a block text's token (a <br>, \x00, parts two)
# A line of these alone is sentence punctuation an extractor cut off at a phrase's edge
# (``_hang``); not a rule ("-----": a character four times), an arrow, a code's brace, nor
# a hyphen alone (a list's marker, a byline's separator: "Eliz -" took furniture along).
# CJK's full-width marks (，。、；：！？「」『』（）) and Arabic's (، ؛ ؟) and ¡ ¿ too.
_MARK = (r"[.,;:!?\u2026()\[\]\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u2013\u2014"
         r"\uff0c\u3002\u3001\uff1b\uff1a\uff01\uff1f\u300c-\u300f\uff08\uff09"
         r"\u060c\u061b\u061f\u00a1\u00bf]")
_MARKS = re.compile(f"(?!(.)\\1{{3}}){_MARK}(?:[ {_MARK[1:-1]}]{{0,10}}{_MARK})?")


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
    an element's edge spaced there; a spaced word's pieces keep the word's page position.
    Lines of punctuation alone cut at a phrase's edge go where the page holds them (``_hang``)."""
    if not all(toks):  # a line of no words
        raw, toks, pos = _hang(raw, toks, pos, page)
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


def _hang(raw: list[str], toks: list[list[str]], pos: list[list[int | None]],
          page: Blocks) -> tuple[list[str], list, list]:
    """``raw`` lines (with their tokens and page positions) with each line of punctuation
    alone put where the page holds it. An extractor cuts the text at an inline phrase's edges
    ("The <em>A</em>, <i>B</i> and C." as "The" / "A" / "," / "B and C."); the lines of words
    join again (html_blocks.resegment), but the comma's line, holding no word, stayed apart
    and was then dropped as a line of no words. It goes on the line before as the page's
    block holds it right after that line's text (``_line_end``, ``_follows``: each mark read
    from where the one before it ends, so that "The .<i>.</i> . <i>,</i>", cut "The ." / "."
    / "." / ",", reads "The .. . ,"; where the page's text does not read as the line's, by the
    line's last word: ``page.tight``, ``_after``), or with a space
    when the next line goes on the block right after across a phrase's edge; punctuation
    opening the block the next line opens goes on that line's start ("(" / "Sic) said")."""
    out: tuple[list[str], list, list] = ([], [], [])
    held: list[str] = []  # lines of punctuation alone, not yet placed (none in a <pre>)
    last: tuple[str, int] | None = None  # the last line put, its last word's page position
    at: tuple[str, int] | None = None  # the page's text after it, where it goes on (_line_end)
    ends: dict[int, list[int] | None] = {}  # each block's word ends (``_line_end``), read once
    for ln, tk, ps in zip(raw, toks, pos):
        bare, lines = ln.strip(), out[0]
        end = out[2][-1][-1] if out[2] and out[2][-1] else None
        if not tk and _MARKS.fullmatch(bare):
            if not held and end is not None and page.block[end] not in page.lines:
                if last is not None:  # the first mark after that line: read where it ends
                    at, last = _line_end(*last, page, ends), None
                if at is not None:  # the page's text goes on there: "The ." / "." / ","
                    sep, at = _follows(at, bare)
                else:
                    tight = (end + 1, lines[-1][-1:], bare[:1]) in page.tight
                    block = page.texts.get(page.block[end], "")
                    sep = "" if tight else _after(lines[-1], bare, block)
                if sep is not None:
                    lines[-1] = lines[-1].rstrip() + sep + bare
                    continue
            held.append(bare)
            continue
        start = ps[0] if ps else None
        if not held and start is not None and end is not None and _opens(lines[-1], ln, page,
                                                                        page.block[start]):
            page.tight.add((start, lines[-1][-1], ln.lstrip()[:1]))  # "(" + "signoz.io)"
        if held and start is not None:
            # (the rule ``html_blocks._joins`` and ``resegment`` join two lines of words by)
            if end is not None and (start == end + 1 and start in page.phrases
                                    and start not in page.breaks
                                    and page.block[start] == page.block[end]
                                    and page.block[end] not in page.lines):
                lines[-1] = " ".join([lines[-1].rstrip(), *held])
                held = []
            elif (start == 0 or page.block[start - 1] != page.block[start]) and (
                    page.block[start] not in page.lines):
                opens = page.texts.get(page.block[start], "").lstrip()
                marks = [re.escape(c) for h in held for c in h.split()]  # ", ," as ",  ,"
                pattern = r"\s*".join(marks) + r"\s*"  # no <br> (\x00)
                pattern += f"(?={re.escape(ln.lstrip()[:1])})"  # ... before this line's text
                found = re.match(pattern, opens)
                if found:
                    ln = re.sub(r"[\s\x00]+", " ", found.group()) + ln.lstrip()
                    held = []
        _put(out, held, ln, tk, ps)
        held = []
        last, at = ((ln, ps[-1]) if ps and ps[-1] is not None else None), None
    _put(out, held)
    return out


def _line_end(line: str, last: int, page: Blocks, ends: dict) -> tuple[str, int] | None:
    """The text of the block holding page word ``last`` (``line``'s last word) and the offset
    in it right after ``line``'s last character, where the page's text reads as the line's
    does after that word; None where it does not (or the block is a ``<pre>``'s). ``ends``
    caches each block's word ends."""
    bid = page.block[last]
    text = page.texts.get(bid)
    if text is None or bid in page.lines:
        return None
    first = bisect_left(page.block, bid)  # the block's first word
    if bid not in ends:  # its words' ends, where its text reads as its words do
        got = [(w, m) for m in _TOKEN.finditer(text) if (w := _STRIP.sub("", m.group().lower()))]
        same = [w for w, _ in got] == page.words[first:first + len(got)]
        ends[bid] = [m.start() + _word_end(m.group()) for _, m in got] if same else None
    offsets = ends[bid]
    k = last - first
    if offsets is None or k >= len(offsets):
        return None
    tokens = line.split()
    while tokens and not _STRIP.sub("", tokens[-1].lower()):
        tokens.pop()  # marks after the last word ("The ." ends on "The")
    if not tokens:
        return None
    tail = line[line.rindex(tokens[-1]) + _word_end(tokens[-1]):].split()
    marks = "".join(r"\s*" + re.escape(c) for c in tail)
    found = re.compile(marks).match(text, offsets[k]) if tail else None
    if tail and found is None:
        return None
    return text, found.end() if found else offsets[k]


def _word_end(token: str) -> int:
    """The offset in ``token`` right after its last letter or digit."""
    return max((k for k, c in enumerate(token) if _STRIP.sub("", c)), default=len(token) - 1) + 1


def _follows(at: tuple[str, int], bare: str) -> tuple[str | None, tuple[str, int] | None]:
    """Marks ``bare`` read where the page's text goes on at ``at`` (a block's text, an
    offset in it), on the same line: what lies before them ("" or " ") and where the text
    goes on after them; (None, None) where the page does not hold them there."""
    text, start = at
    marks = r"\s*".join(map(re.escape, bare.split()))
    found = re.compile(r"(\s*)" + marks).match(text, start)
    if found is None:
        return None, None
    return (" " if found.group(1) else ""), (text, found.end())


def _put(out: tuple[list[str], list, list], held: list[str], *line) -> None:
    """``held`` lines (no words) and then ``line`` (text, tokens, positions) added to ``out``."""
    for row in [(h, [], []) for h in held] + ([line] if line else []):
        for column, value in zip(out, row):
            column.append(value)


def _opens(before: str, line: str, page: Blocks, block: int) -> bool:
    """``before`` ends on an opening mark (one hung there) that the page's ``block`` holds
    right before ``line``'s first word, no space between: "Title (" / "signoz.io)" reads
    "Title (signoz.io)" as the page shows it, not "Title ( signoz.io)"."""
    first = line.split(None, 1)[:1]
    return (before[-1:] in _OPENING and bool(first) and block not in page.lines
            and before[-1] + first[0] in page.texts.get(block, ""))


def _after(before: str, bare: str, block: str) -> str | None:
    """What lies between the last word of ``before`` and ``bare`` where the page's ``block``
    text holds them one after the other on one line ("" or " "); None where it does not (a
    mark on a line of its own after a ``<br>``, a separator "–", stays apart)."""
    tail = before.rsplit(None, 1)[-1:]
    found = tail and re.search(re.escape(tail[0]) + r"(\s*)" + re.escape(bare), block)
    return (" " if found.group(1) else "") if found else None


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
