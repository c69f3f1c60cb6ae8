"""Plain data of grouping: what goes in, what comes out, and the tuning knobs."""

from __future__ import annotations

import hashlib
from array import array
from dataclasses import dataclass, field


@dataclass(slots=True)
class GroupDoc:
    """One article as grouping sees it. ``date`` is an ISO date or date-time, or ``None``."""

    id: str
    title: str
    body: str
    lang: str | None = None
    date: str | None = None
    source: str | None = None
    origin: str = ""


@dataclass(slots=True)
class Placement:
    """Where an article sits and why: ``sameness`` is ``coverage``, ``copy`` or ``version``."""

    story: str
    sameness: str = "coverage"
    copy_of: str | None = None
    evidence: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Params:
    """One setting for every kind of collection (tuned on dev sets, never per set)."""

    keep_terms: int = 64  # terms kept per article vector
    query_terms: int = 20  # heaviest terms used to look up candidates (and posted)
    cross_keys: int = 80  # cross-language keys kept per article (rarest first)
    posting_cap: int = 100  # newest postings read per term
    verify: int = 30  # candidates scored exactly
    common_share: float = 0.05  # terms in more than this share of articles are not looked up
    join: float = 0.18  # same-language similarity to join a story (after local scaling)
    local: float = 1.0  # minus this share of the mean of two articles' nearest similarities
    local_k: int = 5  # ... over this many nearest same-language articles
    local_base: float = 0.2  # ... above this density (sparse neighbourhoods get no bonus)
    name_boost: float = 1.25  # weight of names and numbers against other words
    relative: float = 0.9  # ... and at least this share of either cluster's own cohesion
    relative_single: float = 0.3  # a lone article joining a cluster: share of its cohesion
    cohesion_cap: float = 1.0  # cohesion above this counts as this (near-copies are very tight)
    link_mix: float = 0.0  # story similarity: 1 = best member (single link), 0 = average link
    cross_join: float = 0.08  # cross-language score to join a story
    cross_margin: float = 1.2  # best cross-language story must beat the runner-up by this factor
    cross_hold: float = 0.5  # ... and beat this share of the article's tie to its own story
    cross_weekday: float = 0.02  # days of the week named, across languages (as ``weekday``)
    window_days: int = 7  # a dated article joins a story only within this many days of it
    weekday: float = 0.05  # both openings name days of the week: + if one is shared, - if none
    copy_ratio: float = 90.0  # leads this similar (rapidfuzz ratio) ...
    copy_size: float = 0.8  # ... and bodies this close in length make a copy


@dataclass(slots=True)
class Packed:
    """One article's counted evidence, compact, between counting and weighting."""

    group: str
    tids: array  # word ids
    counts: array  # their counts
    boosted: bytes  # 1 where the word is a name or number
    keys: array  # cross-language key ids
    days: int = 0  # days of the week named


@dataclass(slots=True)
class DocEntry:
    """What the grouper keeps of one article (never the full text)."""

    id: str
    slot: int
    title: str
    lead: str
    source: str | None
    origin: str
    lang: str | None
    group: str
    day: int | None
    date: str | None
    terms: array
    weights: array
    cross: array
    cross_norm: tuple[float, float]  # idf mass of names and numbers, of CJK bigrams
    placement: Placement
    counted: tuple[array, array]  # every word id and key id counted (to take back exactly)
    partner: str | None = None
    score: float = 0.0
    near: float = 0.0  # mean similarity to its nearest same-language articles (density)
    text_key: int = 0  # hash of the body's words: equal keys are the same text
    size: int = 0  # body length
    how: str = "founded"  # founded | same-language | cross-language | version | correction
    days: int = 0  # days of the week the opening names (bit 0 = Monday)


def story_id_for(seed: str, taken: dict) -> str:
    """12 hex characters from an article id (or a split's ids), unique among ``taken``."""
    text = seed
    while True:
        sid = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
        if sid not in taken:
            return sid
        text += "'"
