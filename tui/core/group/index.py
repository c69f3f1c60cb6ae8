"""Interned terms with document frequencies and capped postings, for finding candidates
without comparing a new article with every article."""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable


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
        self, terms: Iterable[str], group: str,
        surfaces: dict[str, str] | Callable[[], dict[str, str]] | None = None,
    ) -> array:
        """Add one document's distinct terms to the frequencies; returns their ids in order.
        ``surfaces`` (or a function making them, called only if a term is new) gives a
        readable spelling of new terms."""
        ids, tids, spell = self.ids, array("i"), None
        for term in terms:
            tid = ids.get(term)
            if tid is None:
                if spell is None:
                    spell = (surfaces() if callable(surfaces) else surfaces) or {}
                tid = self.intern(term, spell.get(term))
            tids.append(tid)
        self._add(tids, group, 1)
        return tids

    def uncount(self, tids: Iterable[int], group: str) -> None:
        """Take back what ``count`` added for one document."""
        self._add(tids, group, -1)

    def _add(self, tids: Iterable[int], group: str, sign: int) -> None:
        df = self.df
        for tid in tids:
            df[tid] += sign
        self.n_group[group] = self.n_group.get(group, 0) + sign
        self.n_docs += sign

    def idf(self, tid: int, n_docs: int | None = None) -> float:
        n = self.n_docs if n_docs is None else n_docs
        return math.log((n + 1) / (self.df[tid] + 1)) + 1.0

    def weigh(
        self, tids: array, counts: array, boosted: bytes, keep: int, group: str, factor: float
    ) -> tuple[array, array]:
        """Top ``keep`` terms of a sublinear tf-idf vector (idf within ``group``; terms flagged
        in ``boosted`` weighted by ``factor``), heaviest first, l2-normalised over what is kept."""
        df, log = self.df, math.log
        top_idf = log(self.n_group.get(group, 0) + 1) + 1.0  # idf = top_idf - log(df + 1)
        pairs = [
            ((1.0 + log(c)) * (top_idf - log(df[t] + 1)) * (factor if b else 1.0), t)
            for t, c, b in zip(tids, counts, boosted)
        ]
        pairs.sort(key=lambda p: (-p[0], p[1]))
        top = pairs[:keep]
        norm = math.sqrt(sum(w * w for w, _ in top)) or 1.0
        return array("i", [t for _, t in top]), array("f", [w / norm for w, _ in top])

    def post(self, slot: int, tids: Iterable[int]) -> None:
        """Add a document to postings, kept in slot (arrival) order."""
        for tid in tids:
            docs = self.postings.get(tid)
            if docs is None:
                docs = self.postings[tid] = array("i")
            if docs and docs[-1] > slot:  # a re-indexed older article
                docs.insert(bisect_right(docs, slot), slot)
            else:
                docs.append(slot)

    def unpost(self, slot: int, tids: Iterable[int]) -> None:
        for tid in tids:
            docs = self.postings.get(tid)
            if docs is None:
                continue
            # postings are in slot order (``post``): found by bisection, not by a scan of a
            # long list (a scan per term was a fifth of a large ingest's time)
            i = bisect_left(docs, slot)
            if i < len(docs) and docs[i] == slot:
                del docs[i]
            elif slot in docs:  # (out of order: never expected; removed as before)
                docs.remove(slot)

    def recent(self, tid: int, cap: int, slot: int | None = None) -> array:
        """``cap`` postings of a term: those nearest before ``slot`` in arrival order (the
        newest when ``slot`` is ``None`` or the newest itself), and after it if too few."""
        docs = self.postings.get(tid)
        if docs is None:
            return array("i")
        end = len(docs) if slot is None else bisect_right(docs, slot)
        start = max(0, end - cap)
        return docs[start : start + cap]
