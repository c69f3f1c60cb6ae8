"""Prose diff engine: sentences first, then words; moves; cross-language alignment."""

from __future__ import annotations

from .api import compare, same_language
from .jsonform import apply_changes, to_json
from .model import Change, CompareItem, Comparison, Row, Sentence, Span, WordOp
from .unique import unique_to

__all__ = [
    "Change",
    "CompareItem",
    "Comparison",
    "Row",
    "Sentence",
    "Span",
    "WordOp",
    "apply_changes",
    "compare",
    "same_language",
    "to_json",
    "unique_to",
]
