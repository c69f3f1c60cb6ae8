"""Words a page's conversion to text split or glued at the edges of its styled elements.

A page's text copy loses the box around a styled letter or phrase: a drop cap comes out as a
letter apart from the rest of its word ("T he Davis Cup began..."), and an element closing in
a parenthesis runs into the next one ("Hong Kong (CNN Business)A muddled view",
"(English, daily)Germany"). ``mend`` rejoins the first and spaces the second, on evidence
from the text itself: a drop cap is rejoined only at the start of a paragraph-long line, when
the whole word is written elsewhere in the text and the letter and fragment never stand apart
elsewhere ("R is a language", "X is the input" stay); a parenthesis is spaced only when it
opens after a space, holds two characters or more and a capital follows ("O(x)Caml",
"(K)Ubuntu" stay). Nothing else changes: no word is added or dropped.
"""

from __future__ import annotations

import re

DROP_CAP_WORDS = 8  # a drop cap opens a paragraph: a line of at least this many words
_DROP_CAP = re.compile(r"([^\w\n-]{0,2})([^\W\d_]) ([^\W\d_]+)\b")
_GLUED_PAREN = re.compile(r"\(([^()\n]{2,40})\)(?=[^\W\d_])")  # opening after a space: _spaced


def _drop_caps(text: str) -> str:
    """``text`` with each drop cap that the evidence allows rejoined to its word."""
    lines = text.split("\n")
    found = [(k, m) for k, ln in enumerate(lines) if " " in ln[1:4]
             and (m := _DROP_CAP.match(ln)) and m[2].isupper() and m[3].islower()
             and ln.count(" ") >= DROP_CAP_WORDS - 1]
    if not found:
        return text
    low = text.lower()
    for k, m in found:
        letter, rest = m[2], m[3]
        whole = (letter + rest).lower()
        if whole in low and re.search(rf"(?<!\w){whole}(?!\w)", low) and len(re.findall(
                rf"(?<!\w){letter} {rest}\b", low, re.IGNORECASE)) == 1:  # never apart elsewhere
            lines[k] = m[1] + letter + rest + lines[k][m.end():]  # ("R is", "X is" stay)
    return "\n".join(lines)


def _spaced(m: re.Match[str]) -> str:
    inner, at = m[1], m.start()
    nxt = m.string[m.end()]
    if (nxt.isupper() and (at == 0 or m.string[at - 1].isspace())
            and any(c.isalpha() for c in inner)):
        return f"({inner}) "
    return m[0]


def mend(text: str) -> str:
    """``text`` with drop caps rejoined to their words and glued parentheses spaced."""
    text = _drop_caps(text)
    if ")" in text:
        text = _GLUED_PAREN.sub(_spaced, text)
    return text
