"""Incremental story grouping, corrections and explanations (see docs/ARCHITECTURE.md).

How it works: each article gives words (per language group, idf within the group) and
cross-language keys (numbers in any digits, names reduced to consonant skeletons of their
transliteration, CJK bigrams). New articles find candidates through capped postings of their
heaviest words and keys, never by comparing with every article (a word's postings are kept in
content order, as one batch orders its articles, so a look-up reads the same articles whatever
order they came in: ``TermIndex.keys``); a batch is then joined by
average-link over the sparse same-language similarities, each less a share of how crowded the
two articles' neighbourhoods are (in a busy topic, articles must stand out from their usual
neighbours; the pair an article links to most strongly is scored even when no look-up read it,
``triangles``), two tight clusters also needing a linkage near their own cohesion; dated articles
join only within days of a story. How much text each side has sets the bar: headline-sized
texts (``Params.short_terms``) join at a lower similarity, by a cluster's centre as well as its
average, without the crowding discount (``placing.fullness``). Near-copies in one batch merge
first and do not count as cohesion. While a language group is young its placements are
decided again with each ingest (``young``).
Articles left in one-language stories may then move to the clearly best story in other
languages (and so may older stories in other languages that a batch matches, into the stories
it makes: ``older``, so a translation that came first joins its originals). Copies are the
same text (the same sentences, titles may differ), marked as copies of the earliest; versions
share an origin. Corrections (``Merge``, ``Split``, ``Move``) are pins
and links in ``Corrections``, replayed on every rebuild. The grouper's state is a public
``Book``; its cache form is columnar (``state``).
"""

from .corrections import Correction, Corrections, Merge, Move, Split
from .grouper import Grouper
from .model import GroupDoc, Params, Placement

__all__ = [
    "Correction",
    "Corrections",
    "GroupDoc",
    "Merge",
    "Move",
    "Grouper",
    "Params",
    "Placement",
    "Split",
]
