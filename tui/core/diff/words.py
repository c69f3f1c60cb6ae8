"""Word-level difference inside two aligned sentences."""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter

from rapidfuzz.distance import Indel

from .model import Span, WordOp
from .text import split_tokens

_FIRST = itemgetter(0)
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


def _cut(s: str, starts: list[int], ends: list[int], i: int, j: int) -> str:
    return s[starts[i] : ends[j - 1]] if j > i else ""


def spans_of(
    s: str, starts: list[int], ends: list[int], runs: list[tuple[int, int, str]], base: str
) -> tuple[Span, ...]:
    """Cut ``s`` into (text, tag) spans from runs of tokens [i1, i2) in order; the space
    between two tokens of one run shares its tag, other text gets ``base``."""
    out: list[Span] = []
    end = 0
    for i1, i2, tag in runs:
        start = starts[i1]
        if start > end:
            if out and out[-1][1] == base:
                out[-1] = (out[-1][0] + s[end:start], base)
            else:
                out.append((s[end:start], base))
        end = ends[i2 - 1]
        if out and out[-1][1] == tag:
            out[-1] = (out[-1][0] + s[start:end], tag)
        else:
            out.append((s[start:end], tag))
    if end < len(s):
        if out and out[-1][1] == base:
            out[-1] = (out[-1][0] + s[end:], base)
        else:
            out.append((s[end:], base))
    return tuple(out)


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
    sa, ea, ta = split_tokens(a)
    sb, eb, tb = split_tokens(b)
    wa = list(map(str.isalnum, map(_FIRST, ta)))  # which tokens are words (not punctuation)
    ra: list[tuple[int, int, str]] = []
    rb: list[tuple[int, int, str]] = []
    ops: list[WordOp] = []
    matched = 0
    for tag, i1, i2, j1, j2 in opcodes(ta, tb):
        if tag == "equal":
            matched += sum(wa[i1:i2])
            ga = gb = base
        else:
            ga, gb = _SIDE_TAG[tag]
        if i2 > i1:
            ra.append((i1, i2, ga))
        if j2 > j1:
            rb.append((j1, j2, gb))
        ops.append(WordOp(tag, _cut(a, sa, ea, i1, i2), _cut(b, sb, eb, j1, j2)))
    words = sum(wa) + sum(map(str.isalnum, map(_FIRST, tb)))
    sim = 2 * matched / words if words else 1.0
    return WordDiff(spans_of(a, sa, ea, ra, base), spans_of(b, sb, eb, rb, base), tuple(ops), sim)
