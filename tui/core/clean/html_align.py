"""Each extracted line's words found in the page's words (for html_blocks.resegment).

A line is placed by its first ``ANCHOR`` words at the first place at or after where the
previous line ended (else the page's first such place) and followed word by word. The
places are found by a C-level string search over the page's words joined by spaces
(``_Where``): building a Python index of every page word's 3-word run cost more than the
rest of the redraw on a long page.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from operator import add
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.clean.html_page import Blocks

ANCHOR = 3  # words that must agree to place a line in the page


def align(lines: list[list[str]], page: Blocks) -> list[list[int | None]]:
    """For each line's words, the position of that word in ``page`` (None when the line's
    words there cannot be found in the page). A line is placed by its first ``ANCHOR`` words
    at the first place at or after where the previous line ended (else the page's first such
    place) and followed word by word; where it departs from the page it is placed anew."""
    pw = page.words
    where = _Where(pw)
    cursor = 0
    out: list[list[int | None]] = []
    for words in lines:
        pos: list[int | None] = [None] * len(words)
        k = 0
        while k < len(words):
            at = _place(words, k, where, pw, cursor)
            if at is None:
                k += 1
                continue
            n = len(words) - k
            if pw[at:at + n] == words[k:]:  # the rest of the line lies there whole
                pos[k:] = range(at, at + n)
                k, at = k + n, at + n
            while k < len(words) and at < len(pw) and pw[at] == words[k]:
                pos[k] = at
                k, at = k + 1, at + 1
            cursor = at
        out.append(pos)
    return out


class _Where:
    """Where a run of words lies in the page's words (the joined text built on first use)."""

    def __init__(self, pw: list[str]) -> None:
        self.pw = pw
        self.text = ""
        self.starts: list[int] = []  # each word's offset in ``text``

    def find(self, run: list[str], cursor: int) -> int | None:
        """The first place of ``run`` at or after word ``cursor``, else its first place."""
        if not self.starts:
            self.text = " " + " ".join(self.pw) + " "
            self.starts = list(map(add, accumulate(map(len, self.pw), initial=0),
                                   range(1, len(self.pw) + 2)))
        key = " " + " ".join(run) + " "
        at = self.text.find(key, self.starts[min(cursor, len(self.pw))] - 1)
        if at < 0:
            at = self.text.find(key)
        return None if at < 0 else bisect_left(self.starts, at + 1)


def _place(words: list[str], k: int, where: _Where, pw: list[str], cursor: int) -> int | None:
    """Where ``words[k:]`` starts in the page: right at ``cursor`` when the words go on
    there, else at an anchor's first place at or after ``cursor``, else its first place."""
    rest = len(words) - k
    span = min(rest, ANCHOR)
    if pw[cursor:cursor + span] == words[k:k + span]:
        return cursor
    if rest < ANCHOR:
        return None
    return where.find(words[k:k + ANCHOR], cursor)
