"""Candidate look-up and verification: which stories a new article could join, and how well."""

from __future__ import annotations

import math
import re
from array import array
from bisect import bisect_left, bisect_right
from itertools import repeat
from operator import mul
from typing import Any

from tui.core.stopwords import stopwords_for

from .content import KNOWN, content_floor, content_similarity
from .features import LAST, stemmer, stop_language
from .general import general_words
from .index import TermIndex
from .model import DocEntry, Params
from .timing import timed
from .tokens import WORD
from .weekdays import day_names, is_day_word

_ZEROS = repeat(0.0)
_KNOWN = KNOWN  # articles in a language group before its frequencies tell function words
_COMMON = 0.05  # ... a word in more than this share of them is one
_FUNCTION = 0.2  # ... and a longer word in this share of them (a story is rarely so large)
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[.!?\u3002])\s")


def dot(query: dict[int, float], doc: DocEntry) -> float:
    """Cosine of two truncated, l2-normalised vectors."""
    return sum(map(mul, map(query.get, doc.terms, _ZEROS), doc.weights))  # (``dot_of`` inlined)


def dot_of(query: dict[int, float], terms, weights) -> float:
    """:func:`dot` with a vector given as its terms and weights."""
    return sum(map(mul, map(query.get, terms, _ZEROS), weights))


def cross_groups(cross: TermIndex) -> list[int]:
    """Article counts per language group (cross-language look-ups need two groups)."""
    return list(cross.n_group.values())


def _limit(params: Params, n_docs: int) -> int:
    return max(50, int(params.common_share * n_docs))


def mono_candidates(
    doc: DocEntry, words: TermIndex, slots: list[DocEntry | None], params: Params
) -> list[tuple[float, DocEntry]]:
    """Same-language articles sharing heavy terms, scored by exact cosine, best first."""
    limit = _limit(params, words.n_group.get(doc.group, 0))
    # a headline's few words leave many candidates tied, and a large story has more members
    # than one posting list is read for: read and verify more (each costs little), so that
    # who is found depends less on the order of arrival
    short = doc.mass <= params.short_terms
    cap = params.posting_cap * (params.short_reach if short else 1)
    verify = params.verify * (params.short_reach if short else 1)
    pool: dict[int, float] = {}
    get = pool.get  # (twice as fast as a defaultdict here, the hottest loop of grouping)
    df, postings, keys = words.df, words.postings, words.keys
    # postings in content order (``TermIndex.keys``): the article's key, else its slot
    at: Any = doc.slot
    kget: Any = None
    if keys is not None:
        at, kget = keys.get(at, LAST), keys.__getitem__
    for tid, weight in zip(doc.terms[: params.query_terms], doc.weights):
        if df[tid] <= limit and (docs := postings.get(tid)) is not None:
            if len(docs) > cap:  # (else all are read, wherever the article stands)
                # (``TermIndex.recent`` inlined: ``cap`` postings nearest before the article)
                end = bisect_right(docs, at, key=kget)
                start = end - cap if end > cap else 0
                docs = docs[start : start + cap]
            for slot in docs:
                pool[slot] = get(slot, 0.0) + weight
    # heaviest shared terms first (a partial dot product; ties in the postings' order: a
    # stable sort of the slots by their sums, without a tuple per slot)
    ranked = sorted(pool, key=pool.__getitem__, reverse=True)[: verify * 2]
    qget = dict(zip(doc.terms, doc.weights)).get
    group, out = doc.group, []
    for slot in ranked:
        other = slots[slot]
        if other is None or other.group != group:
            continue
        # (``dot`` inlined) minus the score, then the slot: sorted without a key function
        out.append((-sum(map(mul, map(qget, other.terms, _ZEROS), other.weights)), slot, other))
        if len(out) >= verify:
            break
    out.sort()  # best first, ties by slot (slots are distinct: entries never compared)
    return [(-s, other) for s, _, other in out]


def cross_candidates(
    doc: DocEntry, cross: TermIndex, slots: list[DocEntry | None], params: Params
) -> list[tuple[float, DocEntry]]:
    """Articles in other languages sharing names, numbers or CJK bigrams, best first. (The
    cross-language pass asks twice for an article left alone: the second answer is the first,
    remembered while the index does not change.)"""
    held = cross.memo.get(doc.slot)
    if held is not None and held[0] is doc and held[1] is params and held[2] is slots:
        return list(held[3])
    out = _cross_candidates(doc, cross, slots, params)
    cross.memo[doc.slot] = (doc, params, slots, out)
    return list(out)


def _cross_candidates(
    doc: DocEntry, cross: TermIndex, slots: list[DocEntry | None], params: Params
) -> list[tuple[float, DocEntry]]:
    groups = cross.posted_groups(slots)
    if len([n for n in cross_groups(cross) if n > 0]) < 2:
        return []
    limit = _limit(params, cross.n_docs)
    acc: dict[int, float] = {}
    get = acc.get
    # the slots other languages have in the postings: a posting list's window without any
    # of them is skipped, one with a few adds only those (same-language hits are dropped
    # below anyway, and each hit's sum is added in the same order: the same scores)
    foreign = None if groups is None else [m for grp, m in groups.items() if grp != doc.group]
    for kid in doc.cross:
        if cross.df[kid] > limit:
            continue
        window = cross.recent(kid, params.posting_cap, doc.slot)
        if foreign is not None and window:
            hits = _foreign_hits(window, foreign)
            if hits is not None:
                if hits:
                    idf = cross.idf(kid)
                    for slot in hits:
                        acc[slot] = get(slot, 0.0) + idf
                continue
        idf = cross.idf(kid)
        for slot in window:
            acc[slot] = get(slot, 0.0) + idf
    out = []
    for slot, shared in acc.items():
        other = slots[slot]
        if other is None or other.group == doc.group:
            continue
        out.append((shared / math.sqrt(_mass(doc, other) * _mass(other, doc)), other))
    out.sort(key=lambda p: (-p[0], p[1].slot))
    return out[: params.verify]


def _foreign_hits(window: array, foreign: list[array]) -> set[int] | None:
    """The slots of ``window`` listed in ``foreign`` (sorted slot arrays), or None when that
    could take longer than reading the window whole (set operations run at C speed, about ten
    times a Python loop's)."""
    lo, hi = window[0], window[-1]  # (postings are in slot order: ``TermIndex.post``)
    spans = []
    for m in foreign:
        i = bisect_left(m, lo)
        j = bisect_right(m, hi, i)
        if j > i:
            spans.append((m, i, j))
    hits: set[int] = set()
    if not spans:  # (the common case: no other language's slot in the window's range)
        return hits
    if sum(j - i for _, i, j in spans) > 8 * len(window):
        return None
    inside = set(window)
    for m, i, j in spans:
        hits.update(inside.intersection(m[i:j]))
    return hits


def cross_score(doc: DocEntry, other: DocEntry, cross: TermIndex) -> float:
    """Cross-language similarity of two articles (as ``cross_candidates`` scores it)."""
    shared = sum(cross.idf(k) for k in set(doc.cross) & set(other.cross))
    return shared / math.sqrt(_mass(doc, other) * _mass(other, doc))


def _mass(doc: DocEntry, other: DocEntry) -> float:
    """The idf mass of ``doc``'s keys of the kinds ``other`` can share (CJK bigrams only
    between two CJK texts)."""
    names, han = doc.cross_norm
    return names + han if han and other.cross_norm[1] else names


def in_window(day: int | None, span: tuple[int, int] | None, days: int) -> bool:
    """A dated article fits a dated story only within ``days`` of its span."""
    if day is None or span is None:
        return True
    return span[0] - days <= day <= span[1] + days


def shared_evidence(
    doc: DocEntry, other: DocEntry, words: TermIndex, cross: TermIndex, limit: int = 8
) -> list[str]:
    """Distinctive evidence two articles share, strongest first: names and numbers, then heavy
    terms, then the days of the week both openings name. Never function words: short words and
    words common in the language group are left out; while the group is too small to tell which
    are common, a word must be in both titles."""
    n = words.n_group.get(doc.group, 0)
    prefix = doc.group + "|"
    stem = stemmer(doc.group)

    def common(word: str) -> bool:
        tid = words.ids.get(prefix + stem(word.lower()))
        return tid is not None and n >= _KNOWN and words.df[tid] > _COMMON * n

    shared = sorted(set(doc.cross) & set(other.cross),
                    key=lambda k: (cross.df[k], not cross.terms[k].startswith("n:"), k))
    out: list[str] = []
    for k in shared:
        surface, kind = str(cross.surfaces[k]), cross.terms[k][0]
        if kind == "h" or (kind == "k" and (_short(surface, 4) or common(surface))):
            continue
        out.append(surface)
        if len(out) >= limit - 2:
            break
    mine = dict(zip(doc.terms, doc.weights))
    ranked = [(w * mine[t], t) for t, w in zip(other.terms, other.weights) if t in mine]
    ranked.sort(key=lambda p: (-p[0], p[1]))
    seen = {stem(s.lower()) for s in out}
    titles = _title_words(doc.title, stem) & _title_words(other.title, stem)
    for _, t in ranked:
        if len(out) >= limit:
            break
        term = str(words.surfaces[t])
        key = stem(term.lower())
        if "|" in term or key in seen or _short(term, 5) or common(term):
            continue
        if n < _KNOWN and key not in titles:
            continue
        out.append(term)
        seen.add(key)
    named = {s.lower() for s in out}
    out += [day for day in day_names(doc.days & other.days) if day.lower() not in named]
    return out


def thin_evidence(doc: DocEntry, other: DocEntry, words: TermIndex, headline: int) -> bool:
    """Whether two texts, not both headlines (more than ``headline`` distinct words in one),
    share at most one informative word, and no name or number: too little, whatever that
    word weighs (a common noun such as "harbour" names a topic, not an event). Two headlines
    may have one word in common and nothing else to share; a title with a line of text that
    shares one word of them is about something else. Never informative, whatever the size of
    the language group: a function word of the language or a digit alone (``_stop``). Not
    informative either: short words common in the group (any short word while the group is
    too small to tell which are common) and longer words in a fifth of its articles or more
    ("said", "after"); a word common only because its story is large still counts. Days of
    the week are neither (they have their own weight, ``Params.weekday``)."""
    if max(doc.mass, other.mass) <= headline:
        return False
    # (the pairs of a batch's clustering all come here: sets, and no call per shared word)
    spelled, shared = words.surfaces, set(doc.terms).intersection(other.terms)
    named = shared.intersection(doc.names)
    named.update(shared.intersection(other.names))
    if any(not is_day_word(str(spelled[t]).lower()) for t in named):
        return False  # a name or number shared (a day's name is not one)
    n = words.n_group.get(doc.group, 0)
    df, most, function = words.df, _COMMON * n, _FUNCTION * n if n >= _KNOWN else math.inf
    stops = stopwords_for(stop_language(doc.group))
    informative = 0
    for t in shared:
        w = str(spelled[t])
        low = w.lower()
        if is_day_word(low) or _stop(low, stops):
            continue
        if df[t] <= most and n >= _KNOWN or df[t] < function and not _short(w, 4):
            informative += 1
            if informative > 1:
                return False
    return True


def _stop(word: str, stops: frozenset[str]) -> bool:
    """A function word of the language ("that"), or a digit alone (a list's "1."; 0-9 are no
    numbers to ``features.number_key`` either): never evidence that two texts tell one story.
    (Frequencies hide most function words once a group is large, but not a list's numbers
    that only two documents hold: "1 2 3" joined a note and release notes at 20-62
    articles.)"""
    return word in stops or len(word) == 1 and word.isdigit()


def unsupported(doc: DocEntry, other: DocEntry, words: TermIndex, near: bool = False) -> bool:
    """Whether two texts of a language group too small to tell common words (fewer than
    ``_KNOWN`` articles) share none of the evidence a reader would accept: two names or
    numbers (one may be a word that only opens sentences, "However", "Read", which looks
    like a name), a word of both headlines (the title, else the opening sentence), never
    short words or general vocabulary (``general_words``), or a sentence of the same
    wording. Until the group can tell them, many shared words may all be general vocabulary
    ("used", "system", "should": the Debian page on users and groups and libffi's manual
    page shared 38 such words and reached similarity 0.21). ``near``: two outlets published
    them close in time (``timing``), which a general word of both headlines then corroborates
    ("show": two headlines of one motor show ten minutes apart). Texts with CJK bigrams are
    left to their frequencies (no case tells their names)."""
    if words.n_group.get(doc.group, 0) >= _KNOWN or doc.cross_norm[1] or other.cross_norm[1]:
        return False
    if _caseless(doc) or _caseless(other):
        return False  # (no case tells their names: Arabic, Hindi, Hebrew... as CJK)
    stops = general_words(doc.group)
    spelled, cut = words.surfaces, len(doc.group) + 1
    need = 2
    for t in set(doc.names).intersection(other.names):
        word = str(spelled[t])
        if not (_short(word, 4) or _stop(word.lower(), stops) or words.terms[t][cut:] in stops):
            need -= 1
            if not need:
                return False
    stem, heads = stemmer(doc.group), stopwords_for(stop_language(doc.group)) if near else stops
    if _head_words(doc, stem, heads) & _head_words(other, stem, heads):
        return False
    return not set(doc.sketch[1:]).intersection(other.sketch[1:])


def _caseless(doc: DocEntry) -> bool:
    """A text written mostly in a script without capitals (its headline's letters), where
    names cannot be told from other words by their case."""
    head = (doc.title or doc.lead)[:200]
    letters = [c for c in head if c.isalpha()]
    cased = sum(1 for c in letters if c.lower() != c.upper())
    return bool(letters) and cased * 2 < len(letters)


def _head_words(doc: DocEntry, stem, stops: frozenset[str]) -> set[str]:
    """The informative words of a text's headline: its title, else its opening sentence. A
    capitalised word of three letters counts ("BoE", "Fed": in a headline, likely a name; an
    acronym, "GM", is never short)."""
    head = doc.title or _SENTENCE_END.split(doc.lead, maxsplit=1)[0]
    return {stem(w.lower()) for w in WORD.findall(head)
            if w.lower() not in stops and not _short(w, 3 if w[0].isupper() else 4)}


def thin_share(doc: DocEntry, other: DocEntry, words: TermIndex, p: Params) -> float:
    """How far the similarity of two texts counts: all of it, unless they share too little
    (``thin_evidence``), or nothing a reader would accept while their language group is small
    (``unsupported``), then not at all, full texts included (one word, "notes", made a plain
    note and release notes one story; the grouping eval is unchanged to 0.001 B3,
    tests/benchmarks/eval_group.py)."""
    return 0.0 if thin_reason(doc, other, words, p) else 1.0


def thin_reason(doc: DocEntry, other: DocEntry, words: TermIndex, p: Params) -> str:
    """Why the similarity of two texts does not count (``thin_share``), else ""."""
    if thin_evidence(doc, other, words, p.short_terms):
        return ("they share at most one informative word (function words and digits alone "
                "never count) and no name or number: their similarity counts 0%")
    n = words.n_group.get(doc.group, 0)
    if n < _KNOWN and unsupported(doc, other, words, timed(p, 1.0, doc, other) > 1.0):
        return (f"with {n} article{'s' if n != 1 else ''} in their language (fewer than "
                f"{_KNOWN}), shared words cannot be told from general vocabulary, and they "
                "share no name, number, headline word or sentence: their similarity counts 0%")
    floor = content_floor(n, min(doc.mass, other.mass), p.keep_terms)
    if floor and (left := content_similarity(doc, other, words, p)) < floor:
        return (f"with {n} article{'s' if n != 1 else ''} in their language, function words "
                f"weigh as much as names; without them their similarity is {left:.2f} (under "
                f"{floor:.2f}): it counts 0%")
    return ""


def _title_words(title: str, stem) -> set[str]:
    return {stem(w) for w in _WORD.findall(title.lower())}


def _short(word: str, letters: int) -> bool:
    """Shorter than ``letters`` and not an acronym or number (CJK words are never short)."""
    if any(c.isdigit() for c in word) or (len(word) > 1 and word.isupper()):
        return False
    if any("\u3040" <= c <= "\u9fff" for c in word):
        return False
    return len(word) < letters
