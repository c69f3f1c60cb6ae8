"""Interned terms with document frequencies and capped postings, for finding candidates
without comparing a new article with every article."""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable

from .features import sublinear


class TermIndex:
    """One vocabulary: term ids, document frequencies, postings (doc slot, weight)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.terms: list[str] = []
        self.surfaces: list[str] = []  # the first spelling seen of each term
        self.df = array("i")
        self.n_docs = 0
        self.n_group: dict[str, int] = {}  # documents per language group
        self.postings: dict[int, array] = {}

    def intern(self, term: str, surface: str | None = None) -> int:
        tid = self.ids.get(term)
        if tid is None:
            tid = self.ids[term] = len(self.terms)
            self.terms.append(term)
            self.surfaces.append(surface or term)
            self.df.append(0)
        return tid

    def count(
        self, terms: Iterable[str], sign: int = 1, group: str = "",
        surfaces: dict[str, str] | None = None,
    ) -> None:
        """Add (or with ``sign=-1`` take back) one document's distinct terms to the frequencies;
        ``surfaces`` gives a readable spelling of new terms."""
        self.n_group[group] = self.n_group.get(group, 0) + sign
        spell = surfaces or {}
        for term in terms:
            self.df[self.intern(term, spell.get(term))] += sign
        self.n_docs += sign

    def idf(self, tid: int, n_docs: int | None = None) -> float:
        n = self.n_docs if n_docs is None else n_docs
        return math.log((n + 1) / (self.df[tid] + 1)) + 1.0

    def weigh(
        self, counts: Counter, keep: int, group: str = "", boost: tuple[set[str], float] = (set(), 1.0)
    ) -> tuple[array, array]:
        """Top ``keep`` terms of a sublinear tf-idf vector (idf within ``group``; terms in
        ``boost[0]`` weighted by ``boost[1]``), heaviest first, l2-normalised over what is kept."""
        n = self.n_group.get(group, 0)
        special, factor = boost
        pairs = [
            (sublinear(c) * self.idf(self.intern(t), n) * (factor if t in special else 1.0),
             self.ids[t])
            for t, c in counts.items()
        ]
        pairs.sort(key=lambda p: (-p[0], p[1]))
        top = pairs[:keep]
        norm = math.sqrt(sum(w * w for w, _ in top)) or 1.0
        return array("i", [t for _, t in top]), array("f", [w / norm for w, _ in top])

    def post(self, slot: int, tids: Iterable[int]) -> None:
        for tid in tids:
            docs = self.postings.get(tid)
            if docs is None:
                docs = self.postings[tid] = array("i")
            docs.append(slot)

    def unpost(self, slot: int, tids: Iterable[int]) -> None:
        for tid in tids:
            docs = self.postings.get(tid)
            if docs is not None and slot in docs:
                docs.remove(slot)

    def recent(self, tid: int, cap: int) -> array:
        """The last ``cap`` postings of a term (newest articles)."""
        docs = self.postings.get(tid)
        return docs[-cap:] if docs is not None else array("i")
