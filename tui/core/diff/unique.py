"""What one version of a story has that none of the others has."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from .model import Span
from .text import TOKEN, sentences
from .words import word_diff

NEAR_CUTOFF = 50.0  # below this character similarity a sentence has no counterpart at all


def unique_to(text: str, others: list[str]) -> list[tuple[Span, ...]]:
    """Spans of each sentence of ``text``, tagged ``uniq`` where no other version has them.

    A sentence found verbatim (up to quotes, dashes, spacing) in another version has nothing
    unique; otherwise its words are compared with its nearest sentence in the others, and an
    edit counts when it brings a word no other version uses (so "the" for "a" does not). A
    sentence with no near counterpart is unique as a whole. Pass only versions in the same
    language: words cannot be compared across languages.
    """
    pool = {s.key: s.text for other in others for s in sentences(other)}
    vocab = {w.lower() for other in others for w in TOKEN.findall(other)}
    keys = list(pool)
    out: list[tuple[Span, ...]] = []
    for s in sentences(text):
        if s.key in pool or not s.key:
            out.append(((s.text, ""),))
            continue
        hit = process.extractOne(s.key, keys, scorer=fuzz.ratio, score_cutoff=NEAR_CUTOFF)
        if hit is None:
            out.append(((s.text, "uniq"),))
            continue
        spans = word_diff(s.text, pool[hit[0]]).lspans
        out.append(tuple((t, "uniq" if g and _new_words(t, vocab) else "") for t, g in spans))
    return out


def _new_words(text: str, vocab: set[str]) -> bool:
    return any(w[0].isalnum() and w.lower() not in vocab for w in TOKEN.findall(text))
