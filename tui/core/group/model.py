"""Plain data of grouping: what goes in, what comes out, and the tuning knobs."""

from __future__ import annotations

import hashlib
from array import array
from dataclasses import dataclass, field
from typing import Protocol

from tui.core.model import Sameness

from .corrections import Corrections
from .index import TermIndex


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
    sameness: Sameness = "coverage"
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
    short_reach: int = 2  # headline-sized texts read and verify this many times as many
    common_share: float = 0.1  # terms in more than this share of articles are not looked up
    join: float = 0.18  # same-language similarity to join a story (after local scaling)
    join_short: float = 0.1  # ... between two texts of ``short_terms`` words or fewer
    short_terms: int = 12  # distinct words of a headline-sized text (evidence is thin) ...
    long_terms: int = 24  # ... and of a text long enough for the full-text settings
    local: float = 1.0  # minus this share of the mean of two articles' nearest similarities
    local_k: int = 5  # ... over this many nearest same-language articles
    local_base: float = 0.2  # ... above this density (sparse neighbourhoods get no bonus)
    local_docs: int = 50  # ... counted in full from this many articles in the language on
    name_boost: float = 1.25  # weight of names and numbers against other words
    relative: float = 0.9  # ... and at least this share of either cluster's own cohesion
    relative_single: float = 0.3  # a lone article joining a cluster: share of its cohesion
    cohesion_cap: float = 1.0  # cohesion above this counts as this (near-copies are very tight)
    centroid: float = 1.0  # short texts: pull of a cluster's centre over average link, at most
    young: int = 200  # while a language group has this many articles, placements stay open
    open_stories: int = 3  # earlier stories each new full text reopens (see ``neighbours``)
    open_size: int = 400  # ... if they have at most this many articles (reading more costs)
    copy_sim: float = 0.7  # near-copies (see ``copy_share``) are this similar at least
    cross_join: float = 0.08  # cross-language score to join a story
    cross_margin: float = 1.2  # best cross-language story must beat the runner-up by this factor
    cross_hold: float = 0.5  # ... and beat this share of the article's tie to its own story
    cross_weekday: float = 0.02  # days of the week named, across languages (as ``weekday``)
    window_days: int = 7  # a dated article joins a story only within this many days of it
    time_boost: float = 0.5  # two articles with times of day: shared evidence counts up to
    time_hours: float = 3.0  # ... this share more, the closer they are within these hours
    weekday: float = 0.05  # both openings name days of the week: + if one is shared, - if none
    copy_ratio: float = 90.0  # leads this similar (rapidfuzz ratio) ...
    copy_size: float = 0.8  # ... and bodies this close in length make a copy
    copy_share: float = 0.9  # ... when they also share this share of the shorter's sentences
    idf_power: float = 0.8  # word weights: idf to this power (plain idf lets words no other
    # article has outweigh the words two tellings of one event share; ``TermIndex.weigh``)


# The words and weights grouping keeps (``features``, ``Params``): a grouping cache written with
# another is rebuilt once (raise it with any change to them; 2: numbers as one word, idf^0.8)
WORDS_VERSION = 2


@dataclass(slots=True)
class Packed:
    """One article's counted evidence, compact, between counting and weighting."""

    group: str
    tids: array  # word ids
    counts: array  # their counts
    boosted: bytes  # 1 where the word is a name or number
    keys: array  # cross-language key ids
    days: int = 0  # days of the week named
    mass: int = 0  # distinct words counted


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
    mass: int = 0  # distinct words of title and body (how much evidence the text can hold)
    sketch: array = field(default_factory=lambda: array("I"))  # body sentences (longer bodies)
    names: array = field(default_factory=lambda: array("i"))  # word ids of names and numbers
    counts: bytes = b""  # how often each counted word occurs (up to 255): to weigh it again


def story_id_for(seed: str, taken: dict) -> str:
    """12 hex characters from an article id (or a split's ids), unique among ``taken``."""
    text = seed
    while True:
        sid = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
        if sid not in taken:
            return sid
        text += "'"


@dataclass(slots=True)
class Book:
    """The grouper's state, public to the modules that place articles (``placing``) and cache
    them (``state``): articles by id and by slot, stories, their date spans and cohesion, the
    first article of each origin and of each text."""

    docs: dict = field(default_factory=dict)  # article id -> DocEntry
    slots: list = field(default_factory=list)  # slot -> DocEntry (None once removed)
    stories: dict[str, list[str]] = field(default_factory=dict)  # story -> ids, joining order
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # story -> first, last day
    cohesion: dict[str, tuple[float, int]] = field(default_factory=dict)  # (sum, pairs)
    origins: dict[str, str] = field(default_factory=dict)  # origin -> its first article
    texts: dict[int, str] = field(default_factory=dict)  # text key -> first article with it
    young: dict[str, Packed] = field(default_factory=dict)  # counted evidence, young groups

    def join(self, entry: DocEntry, sid: str) -> None:
        """Add an article to a story (its placement is the caller's)."""
        self.stories.setdefault(sid, []).append(entry.id)
        self.widen(sid, entry.day)

    def widen(self, sid: str, day: int | None) -> None:
        if day is not None:
            lo, hi = self.spans.get(sid, (day, day))
            self.spans[sid] = (min(lo, day), max(hi, day))

    def leave(self, entry: DocEntry) -> None:
        """Take an article out of its story (a story left empty is gone)."""
        sid = entry.placement.story
        members = self.stories.get(sid, [])
        if entry.id in members:
            members.remove(entry.id)
        self.spans.pop(sid, None)
        self.cohesion.pop(sid, None)
        if not members:
            self.stories.pop(sid, None)
            return
        for aid in members:
            self.widen(sid, self.docs[aid].day)


class GroupContext(Protocol):
    """The grouper's state as the modules that place articles (``placing``), reopen young
    groups or near stories (``young``, ``neighbours``) and cache it (``state``) see it: the
    book of articles and stories, the settings, the two term indexes, the reader's
    corrections, and the weighing of counted evidence with the frequencies known now.
    ``Grouper`` is one; these modules never import it.
    """

    book: Book
    params: Params
    words: TermIndex  # same-language words
    cross: TermIndex  # cross-language keys (names, numbers, CJK bigrams)
    corrections: Corrections

    def weigh(
        self, f: Packed, twins: int = 0
    ) -> tuple[array, array, array, tuple[float, float]]: ...
