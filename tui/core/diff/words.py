"""Word-level difference inside two aligned sentences."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from .model import Span, WordOp
from .text import tokens

_SIDE_TAG = {"delete": ("del", ""), "insert": ("", "ins"), "replace": ("chg", "chg")}


@dataclass(frozen=True, slots=True)
class WordDiff:
    lspans: tuple[Span, ...]
    rspans: tuple[Span, ...]
    ops: tuple[WordOp, ...]
    matched: int  # tokens equal on both sides


def _cut(s: str, toks: list[tuple[int, int, str]], i: int, j: int) -> str:
    return s[toks[i][0] : toks[j - 1][1]] if j > i else ""


def spans_of(s: str, toks: list[tuple[int, int, str]], tags: list[str], base: str) -> tuple[Span, ...]:
    """Cut ``s`` into (text, tag) runs; the space between two tokens of one tag shares it."""
    out: list[list[str]] = []

    def add(text: str, tag: str) -> None:
        if out and out[-1][1] == tag:
            out[-1][0] += text
        else:
            out.append([text, tag])

    end, prev = 0, None
    for (start, stop, _), tag in zip(toks, tags):
        if start > end:
            add(s[end:start], tag if tag == prev else base)
        add(s[start:stop], tag)
        end, prev = stop, tag
    if end < len(s):
        add(s[end:], base)
    return tuple((t, g) for t, g in out)


def word_diff(a: str, b: str, base: str = "") -> WordDiff:
    """Spans of each side (``base`` for unchanged words) and the edit from ``a`` to ``b``."""
    ta, tb = tokens(a), tokens(b)
    sm = SequenceMatcher(None, [t[2] for t in ta], [t[2] for t in tb], autojunk=False)
    la, lb = [base] * len(ta), [base] * len(tb)
    ops: list[WordOp] = []
    matched = 0
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            matched += i2 - i1
        else:
            ga, gb = _SIDE_TAG[tag]
            la[i1:i2] = [ga] * (i2 - i1)
            lb[j1:j2] = [gb] * (j2 - j1)
        ops.append(WordOp(tag, _cut(a, ta, i1, i2), _cut(b, tb, j1, j2)))
    return WordDiff(spans_of(a, ta, la, base), spans_of(b, tb, lb, base), tuple(ops), matched)
