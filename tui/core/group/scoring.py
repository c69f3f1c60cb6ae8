"""Candidate look-up and verification: which stories a new article could join, and how well."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter, mul

from .index import TermIndex
from .model import DocEntry, Params

_ZEROS = repeat(0.0)


@dataclass(slots=True)
class StoryScore:
    """Best same-language and cross-language evidence for one story."""

    mono: float = 0.0
    mono_partner: str | None = None
    cross: float = 0.0
    cross_partner: str | None = None
    partners: list[str] = field(default_factory=list)


def dot(query: dict[int, float], doc: DocEntry) -> float:
    """Cosine of two truncated, l2-normalised vectors."""
    return sum(map(mul, map(query.get, doc.terms, _ZEROS), doc.weights))


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
    pool: list[int] = []
    for tid in doc.terms[: params.query_terms]:
        if words.df[tid] <= limit:
            pool.extend(words.recent(tid, params.posting_cap))
    ranked = sorted(Counter(pool).items(), key=itemgetter(1), reverse=True)  # most terms shared
    del ranked[params.verify * 2 :]
    query = dict(zip(doc.terms, doc.weights))
    out = []
    for slot, _ in ranked:
        other = slots[slot]
        if other is None or other.group != doc.group:
            continue
        out.append((dot(query, other), other))
        if len(out) >= params.verify:
            break
    out.sort(key=lambda p: (-p[0], p[1].slot))
    return out


def cross_candidates(
    doc: DocEntry, cross: TermIndex, slots: list[DocEntry | None], params: Params
) -> list[tuple[float, DocEntry]]:
    """Articles in other languages sharing names, numbers or CJK bigrams, best first."""
    if len([n for n in cross_groups(cross) if n > 0]) < 2:
        return []
    limit = _limit(params, cross.n_docs)
    acc: dict[int, float] = defaultdict(float)
    for kid in doc.cross:
        if cross.df[kid] > limit:
            continue
        idf = cross.idf(kid)
        for slot in cross.recent(kid, params.posting_cap):
            acc[slot] += idf
    out = []
    for slot, shared in acc.items():
        other = slots[slot]
        if other is None or other.group == doc.group:
            continue
        out.append((shared / math.sqrt(_mass(doc, other) * _mass(other, doc)), other))
    out.sort(key=lambda p: (-p[0], p[1].slot))
    return out[: params.verify]


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
    """Names, numbers and heavy terms two articles share, strongest first."""
    shared = sorted(set(doc.cross) & set(other.cross), key=lambda k: (cross.df[k], k))
    out = [cross.surfaces[k] for k in shared if not cross.terms[k].startswith("h:")][: limit // 2]
    mine = dict(zip(doc.terms, doc.weights))
    common = [(w * mine[t], t) for t, w in zip(other.terms, other.weights) if t in mine]
    common.sort(key=lambda p: (-p[0], p[1]))
    half = words.n_group.get(doc.group, 0) / 2
    seen = {s.lower() for s in out}
    for _, t in common:
        term = str(words.surfaces[t])
        if len(out) >= limit:
            break
        if len(term) > 2 and term not in seen and not (half >= 2 and words.df[t] > half):
            out.append(term)
            seen.add(term)
    return out
