"""Containers that build a loaded grouper's articles and postings when first read.

Adding one article to a large workspace reads a few dozen articles and a few dozen postings;
building all of them (100,000 articles, a million postings) on load took seconds. These stand
in for the grouper's list of slots, its dict of articles and an index's dict of postings, and
behave like them: an entry is built from the loaded columns the first time it is read, and
iterating builds everything.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, KeysView
from itertools import accumulate, compress, repeat
from operator import is_not
from typing import Any


def ends_of(lengths: array) -> array:
    """Cumulative ends of consecutive parts (part ``i`` is ``values[ends[i-1]:ends[i]]``)."""
    return array("q", accumulate(lengths))


def part(values: array, ends: array, i: int) -> array:
    return values[ends[i - 1] if i else 0 : ends[i]]


def held(slots: list) -> list[int]:
    """The slots of a list of slots that are not None (articles not built included)."""
    return list(compress(range(len(slots)), map(is_not, list.__iter__(slots), repeat(None))))


class LazySlots(list):
    """A list of articles by slot where a not yet built article is its row number (an int)."""

    def __init__(self, cells: list, build: Callable[[int], Any],
                 stories: Callable[[list[int]], dict[int, str]] | None = None):
        super().__init__(cells)
        self._build = build
        self._stories = stories  # the saved story of articles not yet built, by slot

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

    def stories_from(self, start: int) -> set[str]:
        """The stories of the articles in slots ``start`` on, without building them (when
        their saved stories can be read apart)."""
        out, unbuilt = set(), []
        for i, v in enumerate(list.__getitem__(self, slice(start, None)), start):
            if type(v) is int:
                unbuilt.append(i)
            elif v is not None:
                out.add(v.placement.story)
        if unbuilt and self._stories is not None:
            out.update(self._stories(unbuilt).values())
        elif unbuilt:
            out.update(self[i].placement.story for i in unbuilt)
        return out


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


_NONE = object()


class BackedMap(dict):
    """A dict of which the entries saved in a store are read one by one when first asked for.

    ``source`` holds the saved entries: ``find(key)`` (the saved value or ``None``),
    ``keys()`` (every saved key, in the saved order), ``rows()`` ((key, value) in that order)
    and ``count``. ``make`` turns a saved value into the entry. Reads, writes and deletions
    behave as on the dict the store was saved from, order included: the saved keys still held
    come first, in their order, then the keys added since. Iterating reads keys, not values;
    ``values`` and ``items`` read everything."""

    def __init__(self, source, make: Callable[[Any], Any] | None = None):
        super().__init__()
        self._src, self._mk = source, make
        self._known: set = set()  # saved keys looked up (read into the dict, or deleted)
        self._dead: set = set()  # saved keys deleted since
        self._new: dict = {}  # keys added that were not saved ones still held (in order)
        self._left = source.count  # saved keys not looked up yet
        self._all = False

    def _look(self, key) -> None:
        if self._all or key in self._known or dict.__contains__(self, key):
            return
        self._known.add(key)
        v = self._src.find(key)
        if v is not None:
            self._left -= 1
            dict.__setitem__(self, key, v if self._mk is None else self._mk(v))

    def read_all(self) -> None:
        if self._all:
            return
        for key, v in self._src.rows():
            if key not in self._known and not dict.__contains__(self, key):
                dict.__setitem__(self, key, v if self._mk is None else self._mk(v))
        self._known.clear()
        self._all, self._left = True, 0

    def touched(self) -> set:
        """Saved keys whose entry may differ from the saved one (read or deleted)."""
        if self._all:
            return set(self._src.keys())
        return self._dead | {k for k in dict.keys(self) if k not in self._new}

    def get(self, key, default=None):  # type: ignore[override]
        self._look(key)
        v = dict.get(self, key, _NONE)
        return default if v is _NONE else v

    def __getitem__(self, key):
        v = self.get(key, _NONE)
        if v is _NONE:
            raise KeyError(key)
        return v

    def __contains__(self, key) -> bool:
        self._look(key)
        return dict.__contains__(self, key)

    def __setitem__(self, key, value) -> None:
        self._look(key)
        if not dict.__contains__(self, key):
            self._new[key] = None
        dict.__setitem__(self, key, value)

    def __delitem__(self, key) -> None:
        self._look(key)
        dict.__delitem__(self, key)
        if key in self._new:
            del self._new[key]
        else:
            self._dead.add(key)

    def pop(self, key, *default):  # type: ignore[override]
        v = self.get(key, _NONE)
        if v is _NONE:
            if default:
                return default[0]
            raise KeyError(key)
        del self[key]
        return v

    def setdefault(self, key, default=None):  # type: ignore[override]
        v = self.get(key, _NONE)
        if v is _NONE:
            self[key] = v = default
        return v

    def update(self, *other, **more) -> None:  # type: ignore[override]
        for key, v in dict(*other, **more).items():
            self[key] = v

    def clear(self) -> None:
        self.read_all()
        for key in list(self):
            del self[key]

    def __len__(self) -> int:
        return dict.__len__(self) + self._left

    def __iter__(self) -> Iterator:
        saved = [k for k in self._src.keys() if k not in self._dead]
        return iter(saved + list(self._new))

    def keys(self):  # type: ignore[override]
        return KeysView(self)

    def values(self):  # type: ignore[override]
        self.read_all()
        return [dict.__getitem__(self, k) for k in self]

    def items(self):  # type: ignore[override]
        self.read_all()
        return [(k, dict.__getitem__(self, k)) for k in self]

    def copy(self) -> dict:  # type: ignore[override]
        return dict(self.items())

    def __eq__(self, other) -> bool:
        return dict(self.items()) == other

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self):
        return (dict, (dict(self.items()),))
