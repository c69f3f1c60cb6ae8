"""What two long texts share once the function words are set aside, while their language group
is too small for its frequencies to tell function words ("to", "and", "by") from the rest.

With a handful of articles in a language, idf gives "to" the weight of a name, and a text with
more distinct words than its vector keeps (``Params.keep_terms``) keeps its most frequent ones:
two long texts about anything are then close. ls's manual page and Debian's page on users and
groups reached similarity .19 among six English articles (licence text gave them the two names
the small-group check asks for, ``scoring.unsupported``); the bc manual and the same page .2.
The vectors stay as they are: the join bar and the scaling were tuned on them, and taking the
function words out of them split long articles of one event from different outlets. The
similarity without function words only vetoes a join, at a low floor: .10 for ls and the page,
under .06 for bc and the page, .117 and more for every pair of basil's same-event articles
(three outlets each, alone in a workspace)."""

from __future__ import annotations

import math
from array import array

from tui.core.stopwords import stopwords_for

from .features import stop_language
from .index import TermIndex
from .model import DocEntry, Params

KNOWN = 20  # articles in a language group before its frequencies tell function words
FADED = 2 * KNOWN  # ... the veto fades out linearly up to this many (no cliff at KNOWN)
FLOOR = 0.11  # similarity without function words two long texts need while the group is small


def content_floor(n: int, mass: int, keep: int) -> float:
    """The floor for two texts of a language group of ``n`` articles, the shorter with ``mass``
    distinct words, vectors of ``keep`` terms: ``FLOOR`` up to ``KNOWN`` articles, then less
    and less, none from ``FADED`` on (frequencies discount function words by then); none for
    a text the vector holds whole (function words crowd out no other word), the full floor
    from twice as many distinct words as the vector keeps, a ramp between."""
    crowded = min(1.0, max(0, mass - keep) / keep)
    if n <= KNOWN:
        return FLOOR * crowded
    return max(0.0, FLOOR * crowded * (FADED - n) / (FADED - KNOWN))


def content_similarity(doc: DocEntry, other: DocEntry, words: TermIndex, p: Params) -> float:
    """Cosine of two texts' vectors weighed again without their function words (the language's
    stop list and digits alone), as if those had never been counted: the words they crowded out
    come back (from the kept word counts). A text's names are never function words: a
    capitalised word the text never writes in lower case ("WHO" beside no "who")."""
    a = content_vector(doc, words, p)
    b = content_vector(other, words, p)
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def content_vector(doc: DocEntry, words: TermIndex, p: Params) -> dict[int, float]:
    """``doc``'s vector weighed without its function words, with today's frequencies (its kept
    terms less the function words, normalised again, if its word counts were not kept)."""
    stops = stopwords_for(stop_language(doc.group))
    spelled, names = words.surfaces, set(doc.names)

    def content(t: int) -> bool:
        return t in names or not _function(str(spelled[t]).lower(), stops)

    tids = doc.counted[0]
    if len(doc.counts) != len(tids):
        kept = {t: w for t, w in zip(doc.terms, doc.weights) if content(t)}
        norm = math.sqrt(sum(w * w for w in kept.values()))
        return {t: w / norm for t, w in kept.items()} if norm else {}
    at = [i for i, t in enumerate(tids) if content(t)]
    terms, weights = words.weigh(
        array(tids.typecode, [tids[i] for i in at]),
        array("B", [doc.counts[i] for i in at]),
        bytes(tids[i] in names for i in at),
        p.keep_terms,
        doc.group,
        p.name_boost,
        p.idf_power,
    )
    return dict(zip(terms, weights))


def _function(word: str, stops: frozenset[str]) -> bool:
    return word in stops or len(word) == 1 and word.isdigit()
