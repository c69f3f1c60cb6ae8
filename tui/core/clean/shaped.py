"""Runs of lines of one shape next to an article: its tables and data lists.

An article often ends with, or carries, a table set as lines: tour dates ("June 9 – West Palm
Beach, FL @ Coral Sky Amphitheatre"), standings ("England (Group A): 10th appearance"),
schedules. They are short and do not read as prose, so the prose selection leaves them out.
What tells them from a menu or a list of teasers is their shape: every line writes its fields
with the same punctuation in the same order ("–" then ","; "(" then ")"), where a menu's items
are a word or two without any and teasers' headlines punctuate as their sentences happen to.
``shaped_runs`` finds such runs that start right after a body line (or after one short heading
under it) and keeps them with the article.
"""

from __future__ import annotations

import re

from tui.core.clean.lines import Line

SHAPED_MIN = 4  # lines of one shape for a run to be a table, not a coincidence
SHAPED_WORDS = (3, 30)  # words in each of its lines (a menu item has fewer)
HEADING_WORDS = 8  # a line between the body and the run this short is the table's heading
_MARKS = re.compile(r"[^\w\s.'’]")  # field separators; periods and apostrophes are in words
BULLETED = re.compile(r"^(?:[*•·▪■►▸>+-]|\d{1,3}[.)])\s")  # a list marker opening a line


def shape(ln: Line) -> str | None:
    """The first two distinct separators a line writes its fields with, or None."""
    if not SHAPED_WORDS[0] <= ln.words <= SHAPED_WORDS[1] or ln.furniture or ln.pipes >= 2:
        return None
    seen: list[str] = []
    for c in _MARKS.findall(BULLETED.sub("", ln.text)):
        if c not in seen:
            seen.append(c)
            if len(seen) == 2:
                return "".join(seen)
    return None


def shaped_runs(info: list[Line], chosen: set[int]) -> set[int]:
    """Lines of runs of one shape (at least ``SHAPED_MIN``) that start under a body line, with
    the short heading between, if any."""
    extra: set[int] = set()
    for k in sorted(chosen):
        start = k + 1
        if start in chosen or start >= len(info):
            continue
        head = info[start]
        if shape(head) is None and not head.furniture and head.words <= HEADING_WORDS:
            start += 1  # "The Doobie Brothers Tour Dates" over the dates
        if start >= len(info) or start in chosen:
            continue
        first = shape(info[start])
        if first is None:
            continue
        end = start
        while end < len(info) and end not in chosen and shape(info[end]) == first:
            end += 1
        if end - start >= SHAPED_MIN:
            extra.update(range(k + 1, end))
    return extra
