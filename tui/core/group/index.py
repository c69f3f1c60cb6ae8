"""Interned terms with document frequencies and capped postings, for finding candidates
without comparing a new article with every article."""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .features import LAST

_PENDING_MAX = 200_000  # slots posted and never looked up by group: tracking stops


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
        # Each posted slot's article's place in content order (``features.order_key``):
        # postings are kept in that order, so what a look-up reads (the postings nearest
        # before an article) does not depend on the order articles came in. None: in slot
        # (arrival) order (the cross-language index; a state saved before keys were kept).
        self.keys: dict[int, bytes] | None = None
        # Which slots were posted, by language group (``posted_groups``): a superset of the
        # slots each group has in the postings, so a look-up for other languages can skip a
        # posting list with none of theirs. None: not known (postings loaded from a cache, or
        # never asked for: see ``_PENDING_MAX``).
        self.by_group: dict[str, array] | None = {}
        self.pending = array("i")  # slots posted since ``by_group`` was brought up to date
        # look-ups remembered while nothing changes (``scoring.cross_candidates``): any
        # change to the frequencies or postings empties it
        self.memo: dict[int, tuple] = {}

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
        self.memo.clear()
        df = self.df
        for tid in tids:
            df[tid] += sign
        self.n_group[group] = self.n_group.get(group, 0) + sign
        self.n_docs += sign

    def idf(self, tid: int, n_docs: int | None = None) -> float:
        n = self.n_docs if n_docs is None else n_docs
        return math.log((n + 1) / (self.df[tid] + 1)) + 1.0

    def weigh(
        self, tids: array, counts: array, boosted: bytes, keep: int, group: str, factor: float,
        power: float = 1.0,
    ) -> tuple[array, array]:
        """Top ``keep`` terms of a sublinear tf-idf vector (idf within ``group``, raised to
        ``power``; terms flagged in ``boosted`` weighted by ``factor``), heaviest first,
        l2-normalised over what is kept."""
        df, log = self.df, math.log
        top_idf = log(self.n_group.get(group, 0) + 1) + 1.0  # idf = top_idf - log(df + 1)
        # (minus the weight, term): heaviest first, ties by term, sorted without a key function
        if power == 1.0:
            pairs = [
                (-((1.0 + log(c)) * (top_idf - log(df[t] + 1)) * (factor if b else 1.0)), t)
                for t, c, b in zip(tids, counts, boosted)
            ]
        else:  # (an idf below 0, a count not yet taken back, weighs nothing)
            pairs = [
                (-((1.0 + log(c)) * max(0.0, top_idf - log(df[t] + 1)) ** power
                   * (factor if b else 1.0)), t)
                for t, c, b in zip(tids, counts, boosted)
            ]
        pairs.sort()
        top = pairs[:keep]
        weights = [-w for w, _ in top]
        norm = math.sqrt(sum([w * w for w in weights])) or 1.0
        return array("i", [t for _, t in top]), array("f", [w / norm for w in weights])

    def post(self, slot: int, tids: Iterable[int]) -> None:
        """Add a document to postings, kept in the order of ``keys`` (the slot's key is set
        first), else in slot (arrival) order."""
        self.memo.clear()
        if self.by_group is not None:
            self.pending.append(slot)
            if len(self.pending) > _PENDING_MAX:  # never asked for (the same-language index)
                self.by_group, self.pending = None, array("i")
        keys = self.keys
        if keys is not None:
            # (a slot posted without a key goes after every keyed one: never expected)
            k = keys.get(slot) or keys.setdefault(slot, LAST)
            kget = keys.__getitem__
            for tid in tids:
                docs = self.postings.get(tid)
                if docs is None:
                    docs = self.postings[tid] = array("i")
                if docs and kget(docs[-1]) > k:  # (one batch: always appended)
                    docs.insert(bisect_right(docs, k, key=kget), slot)
                else:
                    docs.append(slot)
            return
        for tid in tids:
            docs = self.postings.get(tid)
            if docs is None:
                docs = self.postings[tid] = array("i")
            if docs and docs[-1] > slot:  # a re-indexed older article
                docs.insert(bisect_right(docs, slot), slot)
            else:
                docs.append(slot)

    def unpost(self, slot: int, tids: Iterable[int]) -> None:
        """Take a document out of postings (before its key is dropped)."""
        self.memo.clear()
        keys = self.keys
        at: Any = slot
        kget: Any = None
        if keys is not None:
            at, kget = keys.get(slot, LAST), keys.__getitem__
        for tid in tids:
            docs = self.postings.get(tid)
            if docs is None:
                continue
            # postings are in key or slot order (``post``): found by bisection, not by a scan
            # of a long list (a scan per term was a fifth of a large ingest's time)
            i = bisect_left(docs, at, key=kget)
            if i < len(docs) and docs[i] == slot:
                del docs[i]
            elif slot in docs:  # (out of order: never expected; removed as before)
                docs.remove(slot)

    def posted_groups(self, slots: Sequence) -> dict[str, array] | None:
        """Language group -> the slots posted with it, sorted (a superset: a slot stays
        listed after it is unposted, and under every group its versions had); ``slots`` gives
        each slot's article (``.group``). None when not known."""
        by = self.by_group
        if by is None or not self.pending:
            return by
        for slot in self.pending:
            e = slots[slot]
            if e is None:  # (removed: its postings went with it)
                continue
            held = by.get(e.group)
            if held is None:
                held = by[e.group] = array("i")
            if not held or held[-1] < slot:
                held.append(slot)
            elif held[-1] != slot:
                i = bisect_left(held, slot)
                if i == len(held) or held[i] != slot:
                    held.insert(i, slot)
        self.pending = array("i")
        return by

    def recent(self, tid: int, cap: int, slot: int | None = None) -> array:
        """``cap`` postings of a term: those nearest before ``slot`` (itself included) in the
        postings' order (``post``; the last when ``slot`` is ``None``), and after it if too
        few."""
        docs = self.postings.get(tid)
        if docs is None:
            return array("i")
        keys = self.keys
        if slot is None:
            end = len(docs)
        elif keys is None:
            end = bisect_right(docs, slot)
        else:
            end = bisect_right(docs, keys.get(slot, LAST), key=keys.__getitem__)
        start = max(0, end - cap)
        return docs[start : start + cap]
