"""Combining two extractors' texts (one paragraph per line) without overriding either.

trafilatura is the base: on pages of every kind it keeps the most of what readers call the
page's text. When it kept far less than the page's paragraphs hold, readability's reading of
the page is asked for what trafilatura missed: its long paragraphs (prose, not menus or
teasers) that trafilatura's text lacks are added where readability places them. Nothing
trafilatura kept is removed. Measured on held-out pages of seven kinds (see
tests/benchmarks/bench_clean_sets.py), replacing trafilatura's text by readability's when
longer lost on product pages; adding paragraphs lost on none.

The one thing removed is a copy: a block of prose paragraphs the text already holds, word for
word, earlier, with the headings and short lines that repeat with it (``drop_repeated_blocks``).
"""

from __future__ import annotations

import re

ADD_MIN_WORDS = 40  # a missed paragraph must be this long to be added (prose, not a teaser)
_NORM = re.compile(r"[\W_]+")
# ASCII text (most lines of most pages) by one byte table: letters lowered, digits kept, every
# other character (``_`` too) a space; what ``_NORM`` does to it, about twice as fast (the HTML
# steps normalise every block of a page)
_ASCII = bytes((ord(chr(c).lower()) if c < 128 and chr(c).isalnum() else 32) for c in range(256))


def norm_line(text: str) -> str:
    """A line as paragraphs are compared: lower case, runs of signs and spaces one space."""
    if text.isascii():
        return " ".join(text.encode().translate(_ASCII).decode().split())
    return _NORM.sub(" ", text.lower()).strip()


def add_missed(base: str, other: str, min_words: int = ADD_MIN_WORDS) -> str:
    """``base`` with ``other``'s paragraphs of at least ``min_words`` words that ``base`` does
    not hold, each placed after the last paragraph of ``base`` it follows in ``other``."""
    lines = [ln for ln in base.split("\n") if ln.strip()]
    held = " \n ".join(norm_line(ln) for ln in lines)
    index = {norm_line(ln): k for k, ln in enumerate(lines)}
    after: dict[int, list[str]] = {}
    anchor = -1
    for ln in other.split("\n"):
        key = norm_line(ln)
        if not key:
            continue
        if key in index:
            anchor = index[key]
        elif len(ln.split()) >= min_words and key not in held:
            after.setdefault(anchor, []).append(ln.strip())
    if not after:
        return base
    return woven(lines, after)


def woven(lines: list[str], after: dict[int, list[str]]) -> str:
    """``lines`` with each list of ``after`` placed after the line of its key (-1: first)."""
    out = after.get(-1, [])[:]
    for k, ln in enumerate(lines):
        out.append(ln)
        out.extend(after.get(k, []))
    return "\n".join(out)


REPEAT_MIN_WORDS = 15  # a repeated paragraph must be prose of this length to count
REPEAT_MIN_RUN = 2  # paragraphs in a row, all already in the text, make a copied block
REPEAT_MIN_BLOCK = 150  # words of such a block, for it to be dropped as a copy
COPY_PROSE = 30  # words: in a copied stretch with its headings, a paragraph this long is prose


def drop_repeated_blocks(lines: list[str]) -> list[str]:
    """``lines`` (paragraphs) without the copies of a block of prose that the text already
    holds (a page that repeats its article or a thread's posts for other screens). A copy is
    a stretch of lines each of which appeared earlier, either

    - a run of at least ``REPEAT_MIN_RUN`` paragraphs of ``REPEAT_MIN_WORDS`` words or more,
      ``REPEAT_MIN_BLOCK`` words in all; or
    - a stretch of repeated lines of any length (the article's subheadings and list items
      repeat with it) holding ``REPEAT_MIN_RUN`` or more prose paragraphs (``COPY_PROSE``
      words or more) of ``REPEAT_MIN_BLOCK`` words together.

    Short repeated lines alone (offers, steps, headings, a quoted sentence), or repeated
    sections whose paragraphs are short (a meal plan's days, a tabbed how-to per language),
    are content the page repeats on purpose: kept. The first copy of everything is always
    kept."""
    sizes = [len(ln.split()) for ln in lines]
    keys = [norm_line(ln) for ln in lines]
    seen: set[str] = set()
    repeated = []
    for key in keys:
        repeated.append(bool(key) and key in seen)
        seen.add(key)
    long = [n >= REPEAT_MIN_WORDS for n in sizes]
    prose = [n >= COPY_PROSE for n in sizes]
    drop = [False] * len(lines)
    for start, end in _runs([r and g for r, g in zip(repeated, long)]):  # long copies
        if end - start >= REPEAT_MIN_RUN and sum(sizes[start:end]) >= REPEAT_MIN_BLOCK:
            drop[start:end] = [True] * (end - start)
    for start, end in _runs(repeated):  # copies with their headings and short lines
        words = [sizes[k] for k in range(start, end) if prose[k]]
        if len(words) >= REPEAT_MIN_RUN and sum(words) >= REPEAT_MIN_BLOCK:
            drop[start:end] = [True] * (end - start)
    return [ln for ln, d in zip(lines, drop) if not d]


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of each maximal run of True in ``flags``."""
    runs = []
    start = None
    for k, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = k
        elif not flag and start is not None:
            runs.append((start, k))
            start = None
    return runs
