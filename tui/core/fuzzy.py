"""Typo-tolerant word matching for search: "Japn Canda", "Hayashi Jolly", "intelligance".

A search term that is not found as typed is looked for among the words of the text, allowing a
few edits (insertions, deletions, substitutions, or two swapped letters) in proportion to its
length: none below four letters (short words match nearly anything fuzzily), one up to seven,
two from eight. Plain Python on rapidfuzz; the caller folds case and accents first.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import Any

_WORD = re.compile(r"\w+")
_SPLIT_AT = tuple(",.;:!?()\"'-/\u2018\u2019\u201c\u201d\u2013\u2014")
_MARKS = "".join(_SPLIT_AT)  # stripped from the ends of a phrase's words
MIN_LEN = 4  # shorter terms must match as typed


class _Rapidfuzz:
    """rapidfuzz's ``process`` and ``OSA``, imported on first use: the app's first screen and
    a command with no search never need them (issue 16)."""

    def __getattr__(self, name: str) -> Any:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        self.process, self.OSA = process, OSA
        return getattr(self, name)


_rf = _Rapidfuzz()


def allowed_edits(term: str) -> int:
    """How many edits a term of this length may differ by from a word of the text."""
    n = len(term)
    if n < MIN_LEN:
        return 0
    return 1 if n <= 7 else 2


def vocabulary(*texts: str) -> list[str]:
    """The words of ``texts`` (repeats kept: collecting them is the costly part, and
    splitting at spaces after a few punctuation marks is twice as fast as a regular
    expression; a mark left on a word costs at most one of the allowed edits)."""
    out: list[str] = []
    for t in texts:
        for mark in _SPLIT_AT:  # str.replace runs in C; translate() with a table does not
            if mark in t:
                t = t.replace(mark, " ")
        out += t.split()
    return out


def close_word(term: str, words: Collection[str]) -> str | None:
    """A word of ``words`` within :func:`allowed_edits` of ``term`` (the closest), or None."""
    k = allowed_edits(term)
    if k == 0 or not words:
        return None
    hit = _rf.process.extractOne(term, words, scorer=_rf.OSA.distance, score_cutoff=k)
    return hit[0] if hit else None


def term_matches(term: str, words: Collection[str]) -> bool:
    """True when the words of ``term`` are in ``words`` or close to one of them; a phrase of
    several words must find them in its order, side by side (``words`` in text order)."""
    parts = _WORD.findall(term)
    if len(parts) <= 1:
        return bool(parts) and (parts[0] in words or close_word(parts[0], words) is not None)
    seq = list(words)
    n = len(parts)
    return any(all(_same(p, w) for p, w in zip(parts, seq[i:i + n], strict=True))
               for i in range(len(seq) - n + 1))


def exact_words(term: str, words: list[str]) -> bool:
    """True when the words of ``term`` are among ``words`` as typed, side by side in order
    (no typo, no part of a longer word): a match that ranks first."""
    parts = _WORD.findall(term)
    n = len(parts)
    return n > 0 and any(words[i:i + n] == parts for i in range(len(words) - n + 1))


def title_words(title: str) -> list[str]:
    """The words of a (folded) title, for :func:`exact_words`."""
    return _WORD.findall(title)


def _same(term: str, word: str) -> bool:
    word = word.strip(_MARKS)
    k = allowed_edits(term)
    return term == word or (k > 0 and _rf.OSA.distance(term, word, score_cutoff=k) <= k)


def matches_all(terms: Iterable[str], *texts: str) -> bool:
    """True when each term is in one of ``texts`` as typed or, failing that, is close to one of
    their words. The words of a text are collected only when a term needs them, the first
    texts first (pass the short ones, titles and tags, before a body)."""
    vocab: list[list[str] | None] = [None] * len(texts)
    for term in terms:
        if any(term in t for t in texts):
            continue
        for i, text in enumerate(texts):
            if vocab[i] is None:
                vocab[i] = vocabulary(text)
            if term_matches(term, vocab[i]):  # type: ignore[arg-type]
                break
        else:
            return False
    return True
