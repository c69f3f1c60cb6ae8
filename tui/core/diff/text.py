"""Prose into sentences and tokens, with the normalisation that makes cosmetic edits invisible.

Re-wrapping and whitespace, curly vs straight quotes, dash styles (hyphen, en/em dash, ``--``)
and the ellipsis character are not changes: sentence keys and token keys are normalised so
they compare equal, while the surface text is kept for display.
"""

from __future__ import annotations

import re

from .model import Sentence

_MAP = {
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u00b4": "'",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u2026": "...",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
}
_SPECIAL = re.compile("[" + "".join(_MAP) + "]")
# A run of dashes and the spaces around it: "a -- b", "a\u2014b" and "a - b" read the same.
_DASH_RUN = re.compile(r" ?-+ ?")
# A Chinese or Japanese character (those scripts put no spaces between words), a word (with
# inner apostrophes), or a run of other characters (punctuation, dashes).
TOKEN = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|\w+(?:['\u2018\u2019\u201b\u2032\u00b4]\w+)*|[^\w\s]+"
)
_PARAS = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# Sentence ends: . ! ? ... (and closing quotes or brackets) before a space and a character that
# is not a lowercase letter; CJK full stops end one even without a space.
_SPLIT = re.compile(
    r"([.!?\u2026\u061f\u06d4][\"'\u201d\u2019\u00bb)\]]{0,2})\s+(?![a-z\u00df-\u00ff\u0430-\u045f])"
    r"|([\u3002\uff01\uff1f])\s*(?=\S)"
)
# Words after which a full stop is usually not the end of a sentence.
_ABBREV = frozenset(
    "Mr Mrs Ms Dr Prof Sr Jr St Gen Col Lt Sgt Capt Gov Sen Rep Rev Mt No Vol vs etc Inc Corp "
    "Co Ltd Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)


def norm(s: str) -> str:
    """Quotes, dashes, ellipses and odd spaces made uniform."""
    if not s.isascii():
        s = _SPECIAL.sub(lambda m: _MAP[m.group()], s)
    return _DASH_RUN.sub("-", s) if "-" in s else s


def keys(texts: list[str]) -> list[str]:
    """Normalised keys of one-line texts, in one pass: equal keys mean no real change."""
    return norm("\n".join(texts)).split("\n") if texts else []


def paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines, each re-flowed onto one line."""
    return [" ".join(p.split()) for p in _PARAS.split(text) if p.strip()]


def _abbreviation(piece: str) -> bool:
    """True when a piece ends with an abbreviation or an initial ("Mr.", "J.") and goes on."""
    if not piece.endswith("."):
        return False
    word = piece[piece.rfind(" ") + 1 : -1]
    return word in _ABBREV or len(word.replace(".", "")) == 1 and word[:1].isupper()


def split_sentences(para: str) -> list[str]:
    """Sentences of one re-flowed paragraph (abbreviations and initials do not end one)."""
    parts = _SPLIT.split(para)  # text, end (or None), CJK end (or None), text, ...
    out: list[str] = []
    for k in range(0, len(parts), 3):
        piece = parts[k] + (parts[k + 1] or parts[k + 2] or "" if k + 1 < len(parts) else "")
        if out and _abbreviation(out[-1]):
            out[-1] += " " + piece
        elif piece:
            out.append(piece)
    return out


def sentences(text: str) -> list[Sentence]:
    """Every sentence of a text, with its paragraph and normalised key."""
    found = [
        (p, k, s)
        for p, para in enumerate(paragraphs(text))
        for k, s in enumerate(split_sentences(para))
    ]
    return [
        Sentence(s, key, p, k == 0) for (p, k, s), key in zip(found, keys([f[2] for f in found]))
    ]


def tokens(s: str) -> list[tuple[int, int, str]]:
    """(start, end, normalised) for each token of a sentence."""
    n = norm(s)
    if len(n) == len(s):  # quotes and dashes swapped one for one: same places, same tokens
        return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(n)]
    return [(m.start(), m.end(), norm(m.group())) for m in TOKEN.finditer(s)]
