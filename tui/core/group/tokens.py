"""How grouping cuts text into words and CJK runs (shared by ``features`` and ``weekdays``)."""

from __future__ import annotations

import re

# Word characters plus the combining marks that \w leaves out (Indic vowel signs, Arabic and
# Hebrew points, Thai vowels...), so words in those scripts are not cut into pieces.
WORD_CHAR = (
    r"[\w\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    r"\u06d6-\u06ed\u0900-\u0963\u0966-\u0dff\u0e31-\u0e4e\u0f18-\u0fbc\u102b-\u103e"
    r"\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
WORD = re.compile(WORD_CHAR + "+")
CJK = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u30a0-\u30ff\u3040-\u309f\uac00-\ud7af]+")
