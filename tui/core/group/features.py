"""Evidence drawn from one article: words for same-language comparison, and names, numbers
and shared-script n-grams that survive translation (for comparison across languages)."""

from __future__ import annotations

import email.utils
import hashlib
import re
import threading
import unicodedata
import zlib
from array import array
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache, lru_cache

import snowballstemmer
from anyascii import anyascii

from .tokens import CJK, WORD, WORD_CHAR
from .weekdays import mask_of_runs, mask_of_words

STEM = 6  # words compare on their first letters (after a Snowball stemmer where there is one)
_WORD = WORD
# language group -> Snowball algorithm (the languages Snowball stems; others use prefixes only)
_SNOWBALL = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech",
    "da": "danish", "nl": "dutch", "en": "english", "eo": "esperanto", "et": "estonian",
    "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hi": "hindi",
    "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian",
    "ne": "nepali", "no": "norwegian", "nb": "norwegian", "nn": "norwegian", "fa": "persian",
    "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
    "st": "sesotho", "es": "spanish", "sv": "swedish", "ta": "tamil", "tr": "turkish",
    "yi": "yiddish",
}
_STEMS_CAP = 300_000  # words remembered per language group
_STEM_LONGEST = 48  # longer runs of letters are cut, not stemmed
_LOCAL = threading.local()  # Snowball stemmers keep state while stemming: one per thread
# a number: digits with separators between them; a thin or no-break space before exactly three
# digits separates thousands ("255 000", as French and Russian write them)
_SEPS = ".,\u066b\u066c\u00a0\u202f\u2009"
_NUM = re.compile(r"\d+(?:[.,\u066b\u066c]\d+|[\u00a0\u202f\u2009]\d{3}(?!\d))*")
# (marked with noncharacters, which no text carries, as word characters)
_MARKS = str.maketrans(_SEPS, "".join(chr(0xFDD0 + i) for i in range(len(_SEPS))))
_UNMARK = {v: k for k, v in _MARKS.items()}
_WORD_MARKED = re.compile(WORD_CHAR[:-1] + "\ufdd0-\ufddf]+")  # a number's separators marked
_NUM_LEAD = re.compile(r"[\d_]+")
_NUMBER_LONGEST = 24  # a number word is kept whole up to this long (never cut to ``STEM``)
_CJK = CJK
_HAN_KATA = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[\u30a0-\u30ff]+|[\uac00-\ud7af]+")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
_ARABIC_PREFIX = re.compile(r"^(?:[وفبلك]?ال|لل)(?=\w{3})")
_SKELETON_MAP = str.maketrans(
    {"c": "k", "q": "k", "g": "j", "z": "s", "p": "b", "v": "f", "x": "k"})
_DROP = re.compile(r"[aeiouywh'`\W\d_]")
_NON_LETTER = re.compile(r"[\W\d_]+")
_NASAL_LABIAL = re.compile(r"n(?=[bfm])")
_NASAL_OTHER = re.compile(r"m(?=[^bfm])")
_DOUBLE = re.compile(r"(.)\1+")
_MAX_CJK_CHARS = 6000


@dataclass(slots=True)
class Features:
    """What grouping keeps of one text before weighting."""

    words: Counter  # "group|term": lower-cased words, CJK character bigrams
    cross: dict[str, str]  # cross-language key -> a surface form (names, numbers, CJK bigrams)
    group: str  # language group: primary language subtag, else the dominant script
    names: set[str]  # the keys of ``words`` that are names or numbers (weighted up)
    spelled: Callable[[], dict[str, str]]  # key of ``words`` -> a word it came from (explaining)
    days: int = 0  # days of the week the text names (bit 0 = Monday)


def language_group(lang: str | None, text: str) -> str:
    """``en-GB`` and ``en`` share a group; without a language tag, the dominant script block
    (256 code points) of the first letters stands in for the language."""
    if lang:
        return lang.split("-")[0].split("_")[0].lower()
    letters = _NON_LETTER.sub("", text[:600])
    wide = letters.encode("ascii", "ignore")
    if len(wide) * 2 >= len(letters):
        return "script:0" if letters else "und"
    blocks = Counter(ord(ch) >> 8 for ch in letters)
    return f"script:{blocks.most_common(1)[0][0]:x}" if blocks else "und"


def stop_language(group: str) -> str | None:
    """The language whose function words a ``language_group`` reads: its own, or None
    (unknown: English's list, as elsewhere) for untagged Latin text ("script:0")."""
    return None if group == "script:0" else group


def parse_day(value: str | None) -> int | None:
    """The proleptic ordinal of an ISO date or date-time, else ``None``."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


@cache
def stemmer(group: str) -> Callable[[str], str]:
    """Lower-case word -> its term in ``group``: the Snowball stem where the language has one,
    cut to ``STEM`` letters (so ``denies``, ``denied`` and ``deny`` meet, and so do
    ``president`` and ``presidential``)."""
    algorithm = _SNOWBALL.get(group)
    if algorithm is None or algorithm not in snowballstemmer.algorithms():
        return _prefix
    known: dict[str, str] = {}

    def term(word: str) -> str:
        found = known.get(word)
        if found is None:
            if len(word) > _STEM_LONGEST:  # not a word (a pasted run): no time spent on it
                return word[:STEM]
            stemmers = _LOCAL.__dict__.setdefault("stemmers", {})
            if algorithm not in stemmers:
                stemmers[algorithm] = snowballstemmer.stemmer(algorithm)
            if len(known) >= _STEMS_CAP:
                known.clear()
            found = known[word] = (stemmers[algorithm].stemWord(word) or word)[:STEM]
        return found

    return term


def _prefix(word: str) -> str:
    return word[:STEM]


@lru_cache(maxsize=100_000)
def skeleton(word: str) -> str:
    """A spelling-independent key for a name: Latin letters, consonant classes, no vowels.

    ``Trump``, ``Трамп``, ``ترامب``, ``ट्रम्प`` and ``トランプ`` all become ``trmb``.
    """
    s = anyascii(word).lower().replace("ph", "f").replace("ck", "k")
    s = _DOUBLE.sub(r"\1", _DROP.sub("", s.translate(_SKELETON_MAP)))
    # a nasal takes the place of the next consonant (Indic anusvara, Japanese n): mb, nd
    return _DOUBLE.sub(r"\1", _NASAL_OTHER.sub("n", _NASAL_LABIAL.sub("m", s)))


def number_key(raw: str) -> str | None:
    """Normalise a number written with any digits and separators; ``None`` for 0-9."""
    digits = "".join(str(unicodedata.digit(c)) if c.isdigit() else "." for c in raw)
    parts = digits.split(".")
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        value = "".join(parts)
    else:
        value = parts[0] + ("." + "".join(parts[1:]) if len(parts) > 1 else "")
    value = value.lstrip("0") or "0"
    if "." not in value and len(value) < 2:
        return None
    return value.rstrip("0").rstrip(".") if "." in value else value


def _number_word(raw: str) -> str:
    """A number as one word: its digits (ASCII where it has separators), a decimal point
    written ``_`` (a word character): ``255,000`` -> ``255000``, ``4.9`` -> ``4_9``."""
    if raw.isdigit():
        return raw
    key = number_key(raw)
    return raw if key is None else key.replace(".", "_") or "0"  # ("0.0": "", the number 0)


def _one_number(m: re.Match) -> str:
    return _number_word(m.group())


def _marked(m: re.Match) -> str:
    return m.group().translate(_MARKS)


def word_term(term: Callable[[str], str], word: str) -> str:
    """A word's term: a number word (it starts with a digit) is never cut to ``STEM``
    characters ("1250000" is not "125000"), a longer run of digits only to ``_NUMBER_LONGEST``."""
    if word[0].isdigit() and len(word) > STEM:
        return word[:_NUMBER_LONGEST]
    return term(word)


def _cjk_terms(run: str, words: Counter, cross: dict[str, str]) -> None:
    for block in _HAN_KATA.findall(run):
        grams = [block[i : i + 2] for i in range(len(block) - 1)] or [block]
        words.update(grams)
        if "\u30a0" <= block[0] <= "\u30ff":
            continue
        for gram in grams:
            cross.setdefault("h:" + gram, gram)
    for kata in _KATAKANA.findall(run):
        key = skeleton(kata)
        if len(key) >= 3:
            cross.setdefault("k:" + key, kata)


def _name_keys(
    tokens: list[str], lowered: set[str], cross: dict[str, str], names: set[str],
    term: Callable[[str], str],
) -> None:
    """Capitalised words never seen in lower case (``lowered``), and every word of scripts
    without case."""
    for token in dict.fromkeys(tokens):
        first = token[0]
        if len(token) < 3 or first.isdigit() or first.islower():
            continue
        if first.isupper():
            if token.lower() in lowered:
                continue
            names.add(term(token.lower()))
        else:  # a script without case: any word may be a name
            token = _ARABIC_PREFIX.sub("", token)
        key = skeleton(token)
        if len(key) >= 3:
            cross.setdefault("k:" + key, token)


# Features worked out ahead by another process and offered here (``tui.core.workspace.
# pipeline.offer``), by ``ahead_key`` of extract's arguments: extract takes them from here (the
# same result). (Not ``pipeline.AHEAD``, which counts the messages that process may be ahead.)
OFFERED: dict[bytes, Callable[[], Features]] = {}


def ahead_key(title: str, body: str, lang: str | None) -> bytes:
    text = f"{lang!r}\0{title}\0{body}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=16).digest()


def extract(title: str, body: str, lang: str | None) -> Features:
    """Words (title counted twice), cross-language keys, language group."""
    if OFFERED and (made := OFFERED.get(ahead_key(title, body, lang))) is not None:
        return made()
    text = f"{title}\n{title}\n{body}"
    group = language_group(lang, text)
    cross: dict[str, str] = {}
    words: Counter = Counter()
    days = 0
    if _CJK.search(text):
        budget = _MAX_CJK_CHARS
        runs = _CJK.findall(text)
        for run in runs:
            if budget > 0:
                budget -= len(run)
                _cjk_terms(run, words, cross)
        days = mask_of_runs(runs)
        text = _CJK.sub(" ", text)
    term = stemmer(group)
    # a number is one word ("255,000" is not "255" and "000", which every thousand shares)
    nums = _NUM.findall(text)
    shown = {_number_word(raw): raw for raw in nums if not raw.isdigit()}
    worded = _NUM.sub(_one_number, text) if shown else text
    tokens = _WORD.findall(worded)
    lows = [t.lower() for t in tokens]
    lowered = {low for t, low in zip(tokens, lows) if t[0].islower()}
    # Lower case never turns a word character into another kind, so these are the words of
    # text.lower(); only a final sigma is lowered from context beyond its word.
    if "Σ" in text:
        lows = _WORD.findall(worded.lower())
    counts = Counter(lows)
    days |= mask_of_words(counts, lowered)
    for word, n in counts.items():
        words[word_term(term, word)] += n
    names: set[str] = set()
    _name_keys(tokens, lowered, cross, names, term)
    for raw in nums:
        key = number_key(raw)
        if key is not None:
            cross.setdefault("n:" + key, raw)
            names.add(word_term(term, _number_word(raw)))
    if shown:  # a written number with letters ("$2.5bn": 2_5bn) weighs as its number
        for word in counts:
            if word[0].isdigit() and (lead := _NUM_LEAD.match(word)) and lead.group() in shown:
                names.add(word_term(term, word))
    prefix = group + "|"
    words = Counter({prefix + w: n for w, n in words.items()})

    def spelled() -> dict[str, str]:
        # each word of a written number as written, whole ("$2.5bn": "2.5bn", not "2_5bn")
        marked = _WORD_MARKED.findall(_NUM.sub(_marked, text)) if shown else tokens
        written = {t.lower(): w.translate(_UNMARK) for t, w in zip(tokens, marked)
                   if t != w} if len(marked) == len(tokens) else {}
        return {prefix + word_term(term, t): written.get(t, t) for t in reversed(lows)}

    return Features(words=words, cross=cross, group=group, names={prefix + n for n in names},
                    spelled=spelled, days=days)


def text_key(body: str) -> int:
    """A 64-bit key of a body's words (case, spacing and punctuation ignored)."""
    words = " ".join(_WORD.findall(body.lower()))
    return int.from_bytes(hashlib.blake2b(words.encode("utf-8"), digest_size=8).digest(), "big")


def content_order(title: str, body: str, date: str | None, *rest: str | None) -> tuple:
    """Where an article goes in a batch, fixed by what it is, not by when it came: dated
    articles first, by date (as a feed brings them; of two copies the earlier is the original,
    and an undated copy, such as a page saved without its header, is never the original of
    a dated one), then by a hash of its text and fields (``rest``: the remaining fields, the
    id last, which only parts exact duplicates)."""
    fields = "\x1f".join([title, body, *(r or "" for r in rest)])
    day = _instant(date) if date else ""
    return not date, day, hashlib.blake2b(fields.encode("utf-8"), digest_size=8).digest()


def _instant(date: str) -> str:
    """A date as content order compares it. With an offset (ISO 8601 or RFC 822, as a JSON
    Lines record may keep it): the instant, as UTC ISO 8601 without the offset, so offsets and
    formats compare by time. Any other date is compared as written (ISO without an offset, as
    the cleaner and the feeds write it, already does)."""
    try:
        at = datetime.fromisoformat(date)
    except ValueError:
        try:
            at = email.utils.parsedate_to_datetime(date)
        except (TypeError, ValueError, IndexError, OverflowError):
            return date
        if at.tzinfo is None:  # (RFC 822 with -0000: a time of no known zone)
            return at.isoformat()
    if at.tzinfo is None:
        return date
    try:
        return at.astimezone(UTC).replace(tzinfo=None).isoformat()
    except (OverflowError, ValueError):  # (year 1 less an offset)
        return date


LAST = b"\xff" * 10  # after every ``order_key`` (an article posted without one: see ``TermIndex``)


def order_key(title: str, body: str, date: str | None, *rest: str | None) -> bytes:
    """:func:`content_order` as bytes that compare as its tuples do (a key per article,
    compact, compared at C speed): undated ``ff`` and the hash; dated: the date's UTF-8 (a 00
    byte written 01 01, a 01 byte 01 02), 00, the hash. No UTF-8 byte is ff, and a date
    that is the start of another sorts first, as the strings do."""
    undated, day, digest = content_order(title, body, date, *rest)
    if undated:
        return b"\xff" + digest
    raw = day.encode("utf-8", "surrogatepass")
    return raw.replace(b"\x01", b"\x01\x02").replace(b"\x00", b"\x01\x01") + b"\x00" + digest


_SENTENCE = re.compile(r"(?<=[.!?\u3002])\s+|\n+")
SKETCH = 32  # sentence hashes kept per body
_EDGE_PUNCT = " \"'“”‘’.!?。"


def sentence_sketch(body: str, k: int = SKETCH) -> array:
    """The number of distinct sentences of a body, then the ``k`` smallest of their 32-bit
    hashes (case, spacing and end punctuation ignored): enough to estimate how much of one
    text another holds."""
    seen = set()
    for sentence in _SENTENCE.split(body.lower()):
        words = " ".join(sentence.split()).strip(_EDGE_PUNCT)
        if words:
            seen.add(zlib.crc32(words.encode("utf-8")))
    return array("I", [min(len(seen), 2**32 - 1), *sorted(seen)[:k]])


def contained(a: array, b: array) -> float:
    """Share of the shorter text's sentences that the other text also has (from sketches)."""
    if len(a) < 2 or len(b) < 2:
        return 0.0
    na, nb = a[0], b[0]
    k = min(len(a), len(b)) - 1
    union = sorted(set(a[1:]) | set(b[1:]))[:k]
    both = set(a[1:]) & set(b[1:])
    jaccard = sum(h in both for h in union) / len(union)
    return min(1.0, jaccard * (na + nb) / (1 + jaccard) / min(na, nb))
