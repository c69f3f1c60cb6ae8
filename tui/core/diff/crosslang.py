"""Alignment of two texts in different languages: by position, names and numbers.

Words cannot be compared across languages, so rows pair sentences (one to one, or two to one
where a translation joins or splits sentences) by their relative position, their length and
the numbers and names they share (names compared by a rough consonant skeleton of their
transliteration). There is no word-level highlighting: only sentences with no counterpart
are marked.
"""

from __future__ import annotations

import functools
import math
import re

from anyascii import anyascii

from .align import hunks
from .model import Change, ChangeKind, Comparison, Row, Sentence

_DIGITS = str.maketrans(
    {chr(base + d): str(d) for base in (0x0660, 0x06F0, 0x0966, 0xFF10, 0x09E6) for d in range(10)}
)
_NUMBER = re.compile(r"\d+(?:[.,\u066b\u066c]\d+)*")
_WORD = re.compile(r"[^\W\d_]{3,}")
_SKELETON = str.maketrans("cqpvgz", "kkbfjs")
_VOWELS = re.compile(r"[^a-z]|[aeiouwy]")
_REPEAT = re.compile(r"(.)\1+")
SKIP = -0.3  # a pair must score above this to beat leaving both sentences unaligned


@functools.lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Consonants of a word's transliteration: 'Tokyo' and its Arabic spelling both give 'tk'."""
    word = word.removeprefix("\u0627\u0644")  # the Arabic article al-
    s = _VOWELS.sub("", anyascii(word).lower().translate(_SKELETON))
    return _REPEAT.sub(r"\1", s)


def anchors(s: Sentence) -> frozenset[str]:
    """Numbers and name skeletons of a sentence."""
    text = s.text.translate(_DIGITS)
    out = {re.sub(r"\D", "", n) for n in _NUMBER.findall(text)}
    words = _WORD.findall(text)
    cased = any(w[0].isupper() for w in words)
    for k, w in enumerate(words):
        if cased and (k == 0 or not w[0].isupper()):
            continue
        sk = skeleton(w)
        if len(sk) >= 2:
            out.add("~" + sk)
    return frozenset(out)


def _dice(x: frozenset[str], y: frozenset[str]) -> float:
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def align_cross(a: list[Sentence], b: list[Sentence]) -> Comparison:
    m, n = len(a), len(b)
    anc_a, anc_b = [anchors(s) for s in a], [anchors(s) for s in b]
    len_a, len_b = [len(s.text) for s in a], [len(s.text) for s in b]
    ratio = (sum(len_b) + 1) / (sum(len_a) + 1)

    def score(la: int, lb: int, xa: frozenset[str], xb: frozenset[str]) -> float:
        fit = 1 - abs(math.log((lb + 20) / (ratio * la + 20)))
        return max(fit, -1.0) + 1.5 * _dice(xa, xb) + SKIP

    band = max(8, min(40, max(m, n) // 4))  # how far from the diagonal an alignment may stray
    NEG = float("-inf")
    # best score and last step per cell, only for the cells inside the band (one dict per row)
    best: list[dict[int, float]] = [{} for _ in range(m + 1)]
    step: list[dict[int, tuple[int, int]]] = [{} for _ in range(m + 1)]
    best[0][0] = 0.0
    for i in range(m + 1):
        centre = int(i * n / m) if m else 0
        for j in range(max(0, centre - band), min(n, centre + band) + 1):
            if i == j == 0:
                continue
            cands: list[tuple[float, tuple[int, int]]] = []
            if i and (v := best[i - 1].get(j, NEG)) > NEG:
                cands.append((v, (1, 0)))
            if j and (v := best[i].get(j - 1, NEG)) > NEG:
                cands.append((v, (0, 1)))
            if i and j and (v := best[i - 1].get(j - 1, NEG)) > NEG:
                cands.append(
                    (v + score(len_a[i - 1], len_b[j - 1], anc_a[i - 1], anc_b[j - 1]), (1, 1))
                )
            if i > 1 and j and (v := best[i - 2].get(j - 1, NEG)) > NEG:
                s = score(
                    len_a[i - 2] + len_a[i - 1],
                    len_b[j - 1],
                    anc_a[i - 2] | anc_a[i - 1],
                    anc_b[j - 1],
                )
                cands.append((v + s, (2, 1)))
            if i and j > 1 and (v := best[i - 1].get(j - 2, NEG)) > NEG:
                s = score(
                    len_a[i - 1],
                    len_b[j - 2] + len_b[j - 1],
                    anc_a[i - 1],
                    anc_b[j - 2] | anc_b[j - 1],
                )
                cands.append((v + s, (1, 2)))
            if cands:
                best[i][j], step[i][j] = max(cands)
    path: list[tuple[int, int, int, int]] = []
    i, j = m, n
    while i or j:
        di, dj = step[i].get(j) or ((1, 0) if i else (0, 1))
        path.append((i - di, i, j - dj, j))
        i, j = i - di, j - dj
    return _rows(a, b, path[::-1], anc_a, anc_b)


def _rows(
    a: list[Sentence],
    b: list[Sentence],
    path: list[tuple[int, int, int, int]],
    anc_a: list[frozenset[str]],
    anc_b: list[frozenset[str]],
) -> Comparison:
    """Rows from the alignment path: (i1, i2, j1, j2) steps of 1:1, 2:1, 1:2, 1:0 and 0:1."""
    rows: list[Row] = []
    changes: list[Change] = []
    for i1, i2, j1, j2 in path:
        if i2 == i1 or j2 == j1:
            kind: ChangeKind = "delete" if j2 == j1 else "insert"
            i, j = (i1, None) if j2 == j1 else (None, j1)
            changes.append(Change(kind, i, j))
            ls = ((a[i].text, "del"),) if i is not None else ()
            rs = ((b[j].text, "ins"),) if j is not None else ()
            para = a[i].first if i is not None else b[j1].first
            rows.append(Row(kind, i, j, ls, rs, para, len(changes) - 1))
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            i = i1 + k if i1 + k < i2 else None
            j = j1 + k if j1 + k < j2 else None
            para = (i is not None and a[i].first) or (j is not None and b[j].first)
            ls = ((a[i].text, ""),) if i is not None else ()
            rs = ((b[j].text, ""),) if j is not None else ()
            rows.append(Row("aligned", i, j, ls, rs, bool(para)))
    all_a = frozenset().union(*anc_a) if anc_a else frozenset()
    all_b = frozenset().union(*anc_b) if anc_b else frozenset()
    sim = _dice(all_a, all_b) if a and b else float(not a and not b)
    return Comparison(a, b, rows, changes, sim, "anchors", hunks(rows))
