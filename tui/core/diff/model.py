"""Plain data of a comparison: sentences, aligned rows, changes, moves."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

# Span tags: "" unchanged, "del" deleted words, "ins" inserted words, "chg" replaced words,
# "move" the unchanged text of a moved sentence, "uniq" text unique to one version of a story.
Span = tuple[str, str]

# Sentence, WordOp, Change and Row are named tuples: a long comparison makes thousands of them,
# and a tuple is built three times faster than a frozen dataclass.

# Change kinds: change (words edited), replace (unrelated sentences side by side), delete,
# insert, move. Row kinds: those (a move has one row at each end of it), and same; across two
# languages, aligned. SPEC's JSON holds these strings.
ChangeKind = Literal["change", "replace", "delete", "insert", "move"]
RowKind = Literal["same", "aligned", "change", "replace", "delete", "insert", "move"]
# How sentences were aligned: by their words (one language), or by anchors (two languages).
Method = Literal["words", "anchors"]


@dataclass(frozen=True, slots=True)
class CompareItem:
    """One version or article of a story, as the comparison view shows it."""

    id: str
    outlet: str | None
    date: str | None
    lang: str | None
    title: str | None
    text: str  # the cleaned body, paragraphs separated by blank lines


class Sentence(NamedTuple):
    text: str  # surface text, whitespace collapsed
    key: str  # normalised tokens joined by single spaces: equality ignores quotes and dashes
    para: int  # paragraph index
    first: bool  # first sentence of its paragraph


class WordOp(NamedTuple):
    """One step of a word-level edit: ``tag`` is equal, delete, insert or replace."""

    tag: str
    a: str  # the text in A ("" for insert)
    b: str  # the text in B ("" for delete)


class Change(NamedTuple):
    """One change, reported once (a moved sentence is one change, shown on two rows)."""

    kind: ChangeKind
    left: int | None  # sentence index in A
    right: int | None  # sentence index in B
    ops: tuple[WordOp, ...] = ()  # word edits for change and edited moves


class Row(NamedTuple):
    """One aligned row: a sentence of A beside a sentence of B, or beside a gap (None)."""

    kind: RowKind
    left: int | None
    right: int | None
    lspans: tuple[Span, ...]
    rspans: tuple[Span, ...]
    para: bool  # a paragraph starts here on either side
    change: int | None = None  # index into Comparison.changes


@dataclass(slots=True)
class Comparison:
    a: list[Sentence]
    b: list[Sentence]
    rows: list[Row]
    changes: list[Change]
    similarity: float  # 0..1: share of the words found in aligned sentences
    method: Method
    hunks: list[tuple[int, int]] = field(default_factory=list)  # runs of changed rows [start, end)
    _overlap: float | None = field(default=None, repr=False, compare=False)
    # How to measure the overlap of two texts (``overlap.overlap``), given by whoever builds a
    # same-language comparison: the model imports nothing of the engine.
    overlap_of: Callable[[str, str], float] | None = field(default=None, repr=False,
                                                           compare=False)

    @property
    def moves(self) -> list[Change]:
        return [c for c in self.changes if c.kind == "move"]

    @property
    def overlap(self) -> float | None:
        """Vocabulary overlap 0..1 (weighted Jaccard of content words), computed when first
        asked for; None across two languages, whose words cannot be compared."""
        if self.method != "words" or self.overlap_of is None:
            return None
        if self._overlap is None:
            self._overlap = self.overlap_of(
                "\n".join(s.key for s in self.a), "\n".join(s.key for s in self.b)
            )
        return self._overlap
