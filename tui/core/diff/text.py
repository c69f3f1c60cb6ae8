"""Prose into sentences and tokens, with the normalisation that makes cosmetic edits invisible.

Re-wrapping and whitespace, curly vs straight quotes, dash styles (hyphen, en/em dash, ``--``)
and the ellipsis character are not changes: sentence keys and token keys are normalised so
they compare equal, while the surface text is kept for display.
"""

from __future__ import annotations

import re

from .model import Sentence

_TRANS = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-", "\u2026": "...", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    }
)
_DASHES = re.compile(r"-{2,}")
# Words (with inner apostrophes and hyphens), or runs of other non-space characters.
TOKEN = re.compile(r"\w+(?:['\u2019\-\u2010\u2011]\w+)*|[^\w\s]+")
_PARAS = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# A sentence may end after . ! ? ... and closing quotes/brackets, before whitespace; CJK and
# Arabic/Urdu full stops end one even without a space.
_BOUNDARY = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*\s+|[\u3002\uff01\uff1f\u061f\u06d4]+\s*")
_ABBREV = re.compile(
    r"(?:^|\s)(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Rev|Mt|"
    r"No|Vol|vs|etc|Inc|Corp|Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"[A-Z]\.[A-Z])\.$"
)


def norm(s: str) -> str:
    """Normalised form of a piece of text: quotes, dashes and spaces made uniform."""
    return _DASHES.sub("-", s.translate(_TRANS))


def sentence_key(s: str) -> str:
    return " ".join(TOKEN.findall(norm(s)))


def paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines, each re-flowed onto one line."""
    return [" ".join(p.split()) for p in _PARAS.split(text) if p.strip()]


def split_sentences(para: str) -> list[str]:
    """Sentences of one re-flowed paragraph (abbreviations and initials do not end one)."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(para):
        end = m.end()
        if end >= len(para):
            break
        head = para[start : m.start() + 1].rstrip("\"'\u201d\u2019\u00bb)]")
        nxt = para[end]
        if nxt.islower():
            continue
        if head.endswith(".") and _ABBREV.search(head[-8:]):
            continue
        out.append(para[start:end].rstrip())
        start = end
    tail = para[start:].strip()
    if tail:
        out.append(tail)
    return out


def sentences(text: str) -> list[Sentence]:
    """Every sentence of a text, with its paragraph and normalised key."""
    out: list[Sentence] = []
    for p, para in enumerate(paragraphs(text)):
        for k, s in enumerate(split_sentences(para)):
            out.append(Sentence(s, sentence_key(s), p, k == 0))
    return out


def tokens(s: str) -> list[tuple[int, int, str]]:
    """(start, end, normalised) for each token of a sentence."""
    return [(m.start(), m.end(), norm(m.group())) for m in TOKEN.finditer(s)]
