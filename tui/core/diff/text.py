"""Prose into sentences and tokens, with the normalisation that makes cosmetic edits invisible.

Re-wrapping and whitespace, curly vs straight quotes, dash styles (hyphen, en/em dash, ``--``)
and the ellipsis character are not changes: sentence keys and token keys are normalised so
they compare equal, while the surface text is kept for display.
"""

from __future__ import annotations

import re
from itertools import accumulate

from tui.core.textutil import paragraphs

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
_MAP_ITEMS = tuple(_MAP.items())
# A Chinese or Japanese character (those scripts put no spaces between words), a word (with
# inner apostrophes), or a run of other characters (punctuation, dashes).
TOKEN = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|\w+(?:['\u2018\u2019\u201b\u2032\u00b4]\w+)*|[^\w\s]+"
)
_TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")
# Sentence ends: . ! ? ... (and closing quotes or brackets) before a space and a character that
# is not a lowercase letter; CJK full stops end one even without a space.
# The pattern starts with one character class so the regex engine can skip ahead to the next
# candidate end (an alternation of groups would be tried at every position).
_SPLIT = re.compile(
    r"([.!?\u2026\u061f\u06d4\u3002\uff01\uff1f])"
    r"(?:(?<=[.!?\u2026\u061f\u06d4])([\"'\u201d\u2019\u00bb)\]]{0,2})\s+"
    r"(?![a-z\u00df-\u00ff\u0430-\u045f])|(?<=[\u3002\uff01\uff1f])\s*(?=\S))"
)
# Words after which a full stop is usually not the end of a sentence.
_ABBREV = frozenset(
    "Mr Mrs Ms Dr Prof Sr Jr St Gen Col Lt Sgt Capt Gov Sen Rep Rev Mt No Vol vs etc Inc Corp "
    "Co Ltd Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)


def _chars(s: str) -> str:
    """Quotes, dashes, ellipses and odd spaces mapped to ASCII (all one for one but "...")."""
    if not s.isascii():
        for ch, to in _MAP_ITEMS:
            if ch in s:
                s = s.replace(ch, to)
    return s


def _dashes(s: str) -> str:
    """A run of dashes and one space on each side as one "-": "a -- b", "a - b", "a-b"."""
    if "-" not in s:
        return s
    s = s.replace(" -", "-").replace("- ", "-")
    while "--" in s:
        s = s.replace("--", "-")
    return s


def norm(s: str) -> str:
    """Quotes, dashes, ellipses and odd spaces made uniform."""
    return _dashes(_chars(s))


def keys(texts: list[str]) -> list[str]:
    """Normalised keys of one-line texts, in one pass: equal keys mean no real change."""
    return norm("\n".join(texts)).split("\n") if texts else []


def _abbreviation(piece: str) -> bool:
    """True when a piece ends with an abbreviation or an initial ("Mr.", "J.") and goes on."""
    if not piece.endswith("."):
        return False
    word = piece[piece.rfind(" ") + 1 : -1]
    return word in _ABBREV or len(word.replace(".", "")) == 1 and word[:1].isupper()


def split_sentences(para: str) -> list[str]:
    """Sentences of one re-flowed paragraph (abbreviations and initials do not end one)."""
    parts = _SPLIT.split(para)  # text, end mark, closing quotes (or None), text, ...
    out: list[str] = []
    for k in range(0, len(parts), 3):
        piece = parts[k] + (parts[k + 1] + (parts[k + 2] or "") if k + 1 < len(parts) else "")
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


def split_tokens(s: str) -> tuple[list[int], list[int], list[str]]:
    """Starts, ends and normalised text of the tokens of a sentence (C-speed: one split)."""
    c = _chars(s)
    n = _dashes(c)
    same = n == c and len(c) == len(s)  # characters swapped one for one: same places
    parts = _TOKEN_SPLIT.split(n if same else s)  # gap, token, gap, token, ..., gap
    bounds = list(accumulate(map(len, parts)))
    toks = parts[1::2]
    return bounds[0::2][: len(toks)], bounds[1::2], toks if same else list(map(norm, toks))


def tokens(s: str) -> list[tuple[int, int, str]]:
    """(start, end, normalised) for each token of a sentence."""
    return list(zip(*split_tokens(s)))
