"""Containers that build a loaded grouper's articles and postings when first read.

Adding one article to a large workspace reads a few dozen articles and a few dozen postings;
building all of them (100,000 articles, a million postings) on load took seconds. These stand
in for the grouper's list of slots, its dict of articles and an index's dict of postings, and
behave like them: an entry is built from the loaded columns the first time it is read, and
iterating builds everything.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator
from itertools import accumulate
from typing import Any


def ends_of(lengths: array) -> array:
    """Cumulative ends of consecutive parts (part ``i`` is ``values[ends[i-1]:ends[i]]``)."""
    return array("q", accumulate(lengths))


def part(values: array, ends: array, i: int) -> array:
    return values[ends[i - 1] if i else 0 : ends[i]]


class LazySlots(list):
    """A list of articles by slot where a not yet built article is its row number (an int)."""

    def __init__(self, cells: list, build: Callable[[int], Any]):
        super().__init__(cells)
        self._build = build

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        v = list.__getitem__(self, i)
        if type(v) is int:
            v = self._build(v)
            list.__setitem__(self, i, v)
        return v

    def __iter__(self) -> Iterator:
        for i in range(len(self)):
            yield self[i]

    def copy(self) -> list:  # type: ignore[override]
        return list(self)


class _LazyDict(dict):
    """A dict whose ``_pending`` keys get their values from ``_make`` when first read."""

    _pending: dict

    def _make(self, key, where):
        raise NotImplementedError

    def _fill(self, key):
        where = self._pending.pop(key, None)
        if where is None:
            return None
        v = self._make(key, where)
        dict.__setitem__(self, key, v)
        return v

    def _fill_all(self) -> None:
        for key in list(self._pending):
            self._fill(key)

    def get(self, key, default=None):  # type: ignore[override]
        v = dict.get(self, key)
        if v is None:
            v = self._fill(key)
        return default if v is None else v

    def __getitem__(self, key):
        v = self.get(key)
        if v is None:
            raise KeyError(key)
        return v

    def __contains__(self, key) -> bool:
        return dict.__contains__(self, key) or key in self._pending

    def __setitem__(self, key, value) -> None:
        self._pending.pop(key, None)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key) -> None:
        self._fill(key)
        dict.__delitem__(self, key)

    def pop(self, key, *default):  # type: ignore[override]
        self._fill(key)
        return dict.pop(self, key, *default)

    def __len__(self) -> int:
        return dict.__len__(self) + len(self._pending)

    def __iter__(self) -> Iterator:
        self._fill_all()
        return dict.__iter__(self)

    def keys(self):  # type: ignore[override]
        self._fill_all()
        return dict.keys(self)

    def values(self):  # type: ignore[override]
        self._fill_all()
        return dict.values(self)

    def items(self):  # type: ignore[override]
        self._fill_all()
        return dict.items(self)


class LazyDocs(_LazyDict):
    """Article id -> article, reading not yet built articles through their slot."""

    def __init__(self, slot_of: dict[str, int], slots: LazySlots):
        super().__init__()
        self._pending = slot_of
        self._slots = slots

    def _make(self, key, where):
        return self._slots[where]


class LazyPostings(_LazyDict):
    """Term id -> postings array, cut from one flat array when first read."""

    def __init__(self, posted: array, values: array, lengths: array):
        super().__init__()
        self._pending = dict(zip(posted, range(len(posted))))
        self._values = values
        self._ends = ends_of(lengths)

    def _make(self, key, where):
        return part(self._values, self._ends, where)
