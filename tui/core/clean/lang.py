"""Language detection for any script: the script decides first, stop words split Latin/Cyrillic."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

# The lists live in a leaf module so that grouping can use them without loading the cleaner.
from tui.core.stopwords import STOPWORDS, stopwords_for

__all__ = ["STOPWORDS", "detect_lang", "stopwords_for"]

# Scripts (as character ranges) whose presence settles the language or narrows it to a family.
_SCRIPTS = {
    "ar": "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff", "he": "\u0590-\u05ff",
    "el": "\u0370-\u03ff\u1f00-\u1fff", "hi": "\u0900-\u097f", "bn": "\u0980-\u09ff",
    "pa": "\u0a00-\u0a7f", "gu": "\u0a80-\u0aff", "or": "\u0b00-\u0b7f", "ta": "\u0b80-\u0bff",
    "te": "\u0c00-\u0c7f", "kn": "\u0c80-\u0cff", "ml": "\u0d00-\u0d7f", "si": "\u0d80-\u0dff",
    "th": "\u0e00-\u0e7f", "lo": "\u0e80-\u0eff", "bo": "\u0f00-\u0fff", "my": "\u1000-\u109f",
    "ka": "\u10a0-\u10ff", "am": "\u1200-\u139f", "km": "\u1780-\u17ff", "hy": "\u0530-\u058f",
    "ko": "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f", "ja": "\u3040-\u30ff",
    "zh": "\u3400-\u4dbf\u4e00-\u9fff", "ru": "\u0400-\u04ff",
    "en": "A-Za-z\u00c0-\u024f\u1e00-\u1eff",
}
_RANGES = sorted((ord(m[1]), ord(m[2]), k) for k, v in _SCRIPTS.items()
                 for m in re.finditer(r"(.)-(.)", v))
_STARTS = [lo for lo, _, _ in _RANGES]
_ASCII = re.compile(r"[\x00-\x7f]+")
_NOT_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_PERSIAN = "پچژگی"
_URDU = "ٹڈڑںےھ"
# Letters a language cannot be written without (absent: that language is unlikely).
_MARKS = {"cs": "ěščřžůý", "pl": "ąęłńśźżó", "ro": "ăâîșşțţ", "tr": "ğışçöü", "hu": "őűáéöü",
          "vi": "ăâđêôơư", "de": "äöüß", "sv": "åäö", "da": "æøå", "no": "æøå", "fi": "äö",
          "pt": "ãõçáéêó", "es": "ñáéíóú¿¡", "fr": "éèêàçù", "it": "àèéìòù", "uk": "іїєґ",
          "bg": "ъщ", "sr": "ђћџјљњ", "hr": "čćđšž", "sk": "ľščťžýáíéôäň", "sl": "čšž",
          "ca": "àèéíòóúç", "lt": "ąčęėįšųūž", "lv": "āčēģīķļņšūž", "et": "äöõü", "sq": "ëç",
          "az": "əğıöüçş", "is": "þðæöáéíóúý"}
# Below this share of a Latin page's prose words on the best list, the page's language is not
# one of the lists: say nothing rather than guess English.
MIN_SHARE = 0.03
# A Latin or Cyrillic text shorter than this (words), or with fewer function words of any list,
# gets no language: a headline of a handful of words fits several lists by chance.
MIN_WORDS = 8
MIN_HITS = 2
PREFIX_CHARS = 400  # _enough_words looks at this much first


def detect_lang(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text."""
    sample = (text or "")[:6000]
    counts: dict[str, int] = {}
    chars = Counter() if sample.isascii() else Counter(_ASCII.sub("", sample))
    for ch, n in chars.items():
        k = bisect_right(_STARTS, ord(ch)) - 1
        if k >= 0 and ord(ch) <= _RANGES[k][1]:
            counts[_RANGES[k][2]] = counts.get(_RANGES[k][2], 0) + n
    ascii_letters = sample.encode("ascii", "ignore").translate(None, _NOT_LETTERS)
    counts["en"] = counts.get("en", 0) + len(ascii_letters)
    counts.setdefault("ja", 0)
    total = sum(counts.values())
    if total < 3:
        return None
    if counts["ja"] > 0.05 * total:  # kana: Japanese, even when most characters are kanji
        return "ja"
    top = max(counts, key=counts.__getitem__)
    if top == "ar":
        if sum(sample.count(c) for c in _URDU) > 0.02 * total:
            return "ur"
        if sum(sample.count(c) for c in _PERSIAN) > 0.02 * total and (
                sample.count("ي") < sample.count("ی")):
            return "fa"
        return "ar"
    if top in ("ru", "en") and not _enough_words(sample):
        return None  # a title, a few words: too little to tell the language, say nothing
    if top == "ru":
        return _by_stopwords(sample, cyrillic=True) or top
    if top == "en":
        return _by_stopwords(sample, cyrillic=False)
    return top


def _enough_words(sample: str) -> bool:
    """Enough text to tell Latin- or Cyrillic-script languages apart by their function words:
    ``MIN_WORDS`` words, ``MIN_HITS`` of them on some list."""
    # Most pages settle it in their first few hundred characters: the words of a prefix (less
    # its last, perhaps cut, word) are words of the whole sample.
    toks = sample[:PREFIX_CHARS].lower().split()[:-1]
    if len(toks) >= MIN_WORDS and sum(t in _INDEX for t in toks) >= MIN_HITS:
        return True
    toks = sample.lower().split()
    if len(toks) < MIN_WORDS:
        return False
    hits = 0
    for t in toks:  # stop at the hits needed (a page holds thousands of words)
        if t in _INDEX:
            hits += 1
            if hits >= MIN_HITS:
                return True
    return False


_CYRILLIC_LANGS = ("ru", "uk", "bg", "sr")
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")
_INDEX: dict[str, list[str]] = {}
for _lang, _words in STOPWORDS.items():
    for _w in _words:
        _INDEX.setdefault(_w, []).append(_lang)
_OTHER_SCRIPT = ("ar", "fa", "hi")
_SIZE = {lang: len(words) for lang, words in STOPWORDS.items()}


def _by_stopwords(sample: str, cyrillic: bool) -> str | None:
    """The list language whose function words the sample's prose uses most; None when no
    list language is likely (none matches, or the best covers under ``MIN_SHARE`` of the words
    of a Latin page's prose)."""
    prose = " ".join(ln for ln in sample.splitlines() if ln.count(" ") >= 7)[:3000]
    low = (prose or sample[:3000]).lower()
    toks = low.split()
    # Only the words some list holds; tokens with punctuation attached just do not count.
    counts = Counter(filter(_INDEX.__contains__, toks))
    scores: dict[str, float] = {}
    for w, n in counts.items():
        for lang in _INDEX[w]:
            scores[lang] = scores.get(lang, 0) + n
    accents: Counter | None = None
    best, best_score = None, 0.0
    # Best raw score first: the accent test only lowers a score, so once a raw score cannot
    # beat the best, no later one can.
    ranked = sorted(((hits / _SIZE[lang] ** 0.3, hits, lang) for lang, hits in scores.items()
                     if lang not in _OTHER_SCRIPT and (lang in _CYRILLIC_LANGS) == cyrillic),
                    key=lambda x: -x[0])
    best_hits = 0.0
    for score, hits, lang in ranked:
        if score <= best_score:
            break
        marks = _MARKS.get(lang)
        if marks:
            if accents is None:
                accents = Counter(_ASCII.sub("", low))
            if sum(accents[c] for c in marks) < 0.002 * len(low):
                score *= 0.3
        if score > best_score:
            best, best_score, best_hits = lang, score, hits
    if cyrillic and best in ("ru", "bg", "sr") and _UKRAINIAN.search(sample):
        return "uk"
    if not cyrillic and prose and best_hits < MIN_SHARE * len(toks):
        return None
    return best
