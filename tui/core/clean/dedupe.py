"""Kept lines the article repeats further down (a teaser above it, a headline shown twice).

``dedupe_lines`` drops a kept line whose every sentence comes again in a later kept line. A
sentence is compared normalised (lower case, each run of characters other than letters and
digits one space); only the later lines that hold the sentence's longest word as written can
hold it normalised, so only those are normalised (a page's text is normalised at most once,
line by line, rather than all of it below the first line that repeats).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate

_NORM = re.compile(r"[\W_]+")
_OPENERS = "\"'“‘«([*•-– "
_SENT = re.compile(r"(?<=[.!?。！？؟])[\"'”’»)]*\s+")
HEAD = 40  # characters of a line's opening looked for further down (after its quotes, bullets)
HEAD_MIN = 20  # ...when it has this many
WALK = 8  # later lines holding a sentence's longest word checked one by one, then all at once
FIELD_LABEL = 30  # a colon this early in a line...
FIELD_WORDS = 8  # ...of at most this many words sets out a record's field ("Difficulty: Easy")
_SENTENCE_ENDS = (".", "!", "?")
EVERY = 3  # a field the same in this many kept lines is every record's


def dedupe_lines(lines: list[str], keep: list[int], fields: bool = False) -> list[int]:
    """``keep`` (indices into ``lines``) less each line whose every sentence of three words or
    more the article repeats further down, once its first ``HEAD`` characters come again.
    ``fields``: a short labelled line ("Difficulty: Beginner to Intermediate") stays: two
    records of a listing may share a field word for word, each its own (``is_field``)."""
    if len(keep) < 2:
        return keep
    if fields:
        own = set(record_fields(lines, keep))  # (a set, built once: not per kept line)
        if own:
            rest = dedupe_lines(lines, [i for i in keep if i not in own])
            return sorted({*rest, *own})
    low = [lines[i].lower() for i in keep]
    full = " | ".join(low)
    ends = list(accumulate(len(t) + 3 for t in low))  # where each next line starts in ``full``
    later = LaterLines(low, full, ends)
    out = []
    last = len(keep) - 1
    for n, i in enumerate(keep):
        head = low[n].lstrip(_OPENERS)[:HEAD]
        if n == last or len(head) < HEAD_MIN or full.find(head, ends[n]) < 0:
            out.append(i)
            continue
        parts = [
            p
            for p in (_NORM.sub(" ", s.lower()).strip() for s in _SENT.split(lines[i]))
            if len(p.split()) >= 3
        ]
        if not parts:
            out.append(i)
            continue
        if " | " not in low[n] and full.find(low[n], ends[n]) >= 0:
            continue  # the whole line comes again: so does each of its sentences
        if not all(later.holds(p, n) for p in parts):
            out.append(i)
    return out


def record_fields(lines: list[str], keep: list[int]) -> list[int]:
    """The kept lines that are records' fields: a label set apart by an early colon and a short
    value that is no sentence, the label given other values in other kept lines
    ("Difficulty: Beginner" in one record, "Difficulty: Intermediate" in the next). A line
    repeated with a label none varies is one only when ``EVERY`` records or more give it
    ("Location: Anthills Park" under each event). A bulleted line is a list's item (a
    specification listed twice, "+ OS: Windows 10"), not a record's field."""
    values: dict[str, set[str]] = {}
    found = []
    for i in keep:
        line = lines[i]
        colon = line.find(":")
        if (
            0 < colon <= FIELD_LABEL
            and line[:1].isalnum()
            and len(line.split()) <= FIELD_WORDS
            and line[colon + 1 :].strip()
            and not line.endswith(_SENTENCE_ENDS)  # (a sentence under a label: prose)
        ):
            values.setdefault(line[:colon].lower(), set()).add(line[colon + 1 :].strip().lower())
            found.append((i, line[:colon].lower()))
    copies = Counter(lines[i].lower() for i, _ in found)
    return [i for i, label in found if len(values[label]) > 1 or copies[lines[i].lower()] >= EVERY]


class LaterLines:
    """Lines (``low``: in lower case; ``full``: joined by " | "; ``ends``: where each next one
    starts in ``full``) asked whether one after a given line holds a normalised sentence."""

    def __init__(self, low: list[str], full: str, ends: list[int]) -> None:
        self.low, self.full, self.ends = low, full, ends
        self._norm: dict[int, str] = {}
        self._text, self._starts, self._base = "", [0], -1  # the later lines normalised, joined
        self.visits = 0  # lines checked one by one (read by the tests)

    def norm(self, m: int) -> str:
        """Line ``m`` normalised: each run of characters other than letters and digits one
        space."""
        got = self._norm.get(m)
        if got is None:
            got = self._norm[m] = _NORM.sub(" ", self.low[m])
        return got

    def holds(self, part: str, n: int) -> bool:
        """Some line after line ``n`` holds ``part`` (normalised: letters, digits and single
        spaces, neither first nor last) once normalised. ``part`` holds no "|", so it never
        runs across two lines; its longest word is in a line as written wherever the line
        normalised holds ``part`` (normalising replaces only runs of characters other than
        letters and digits, so a stretch of a normalised line without spaces is in the line
        as written). The first ``WALK`` lines holding the word are checked one by one; past
        them the later lines are searched at once (each line normalised once, joined once)."""
        word = max(part.split(" "), key=len)
        full, ends = self.full, self.ends
        at = full.find(word, ends[n])
        for _ in range(WALK):
            if at < 0:
                return False
            m = bisect_right(ends, at)  # the line ``at`` lies in (a word never in " | ")
            self.visits += 1
            if part in self.norm(m):
                return True
            at = full.find(word, ends[m])
        if at < 0:
            return False
        if self._base < 0:  # (``n`` only grows: the lines after the first asker serve all)
            self._base = n + 1
            later = [self.norm(k) for k in range(n + 1, len(self.low))]
            self._text = " | ".join(later)
            self._starts = [0, *accumulate(len(t) + 3 for t in later)]
        m = bisect_right(ends, at)  # from the line holding the next occurrence of the word
        return self._text.find(part, self._starts[m - self._base]) >= 0
