"""Word-level difference inside two aligned sentences."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from rapidfuzz.distance import Indel

from .model import Span, WordOp
from .text import tokens

_SIDE_TAG = {"delete": ("del", ""), "insert": ("", "ins"), "replace": ("chg", "chg")}


@dataclass(frozen=True, slots=True)
class WordDiff:
    lspans: tuple[Span, ...]
    rspans: tuple[Span, ...]
    ops: tuple[WordOp, ...]
    similarity: float  # 0..1: share of the two sentences' words that are equal

    @property
    def changed(self) -> bool:
        return any(op.tag != "equal" for op in self.ops)


def _cut(s: str, toks: list[tuple[int, int, str]], i: int, j: int) -> str:
    return s[toks[i][0] : toks[j - 1][1]] if j > i else ""


def spans_of(
    s: str, toks: list[tuple[int, int, str]], tags: list[str], base: str
) -> tuple[Span, ...]:
    """Cut ``s`` into (text, tag) runs; the space between two tokens of one tag shares it."""
    out: list[Span] = []
    end, k = 0, 0
    for tag, run in groupby(tags):
        n = len(list(run))
        start = toks[k][0]
        if start > end:
            out.append((s[end:start], base))
        end = toks[k + n - 1][1]
        out.append((s[start:end], tag))
        k += n
    if end < len(s):
        out.append((s[end:], base))
    merged: list[Span] = []
    for text, tag in out:
        if merged and merged[-1][1] == tag:
            merged[-1] = (merged[-1][0] + text, tag)
        else:
            merged.append((text, tag))
    return tuple(merged)


def opcodes(x: list[str], y: list[str]) -> list[tuple[str, int, int, int, int]]:
    """Longest-common-subsequence opcodes; a deletion next to an insertion is a replacement."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in Indel.opcodes(x, y):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag != "equal" and out and out[-1][0] != "equal":
            i1, j1 = out[-1][1], out[-1][3]
            out.pop()
            tag = "replace" if i2 > i1 and j2 > j1 else tag
        out.append((tag, i1, i2, j1, j2))
    return out


def word_diff(a: str, b: str, base: str = "") -> WordDiff:
    """Spans of each side (``base`` for unchanged words) and the edit from ``a`` to ``b``."""
    ta, tb = tokens(a), tokens(b)
    la, lb = [base] * len(ta), [base] * len(tb)
    ops: list[WordOp] = []
    matched = 0
    for tag, i1, i2, j1, j2 in opcodes([t[2] for t in ta], [t[2] for t in tb]):
        if tag == "equal":
            matched += sum(1 for t in ta[i1:i2] if t[2][0].isalnum())
        else:
            ga, gb = _SIDE_TAG[tag]
            la[i1:i2] = [ga] * (i2 - i1)
            lb[j1:j2] = [gb] * (j2 - j1)
        ops.append(WordOp(tag, _cut(a, ta, i1, i2), _cut(b, tb, j1, j2)))
    words = sum(1 for t in ta if t[2][0].isalnum()) + sum(1 for t in tb if t[2][0].isalnum())
    sim = 2 * matched / words if words else 1.0
    return WordDiff(spans_of(a, ta, la, base), spans_of(b, tb, lb, base), tuple(ops), sim)
