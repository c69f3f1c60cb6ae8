"""Comparisons kept across screens: reopening a story's pair of texts is instant.

The comparison view compares on the UI thread for short texts and in workers for long ones, so
the cache is shared between threads behind its own lock (held only to look up and to store,
never while comparing).
"""

from __future__ import annotations

import threading

from tui.core.diff import CompareItem, Comparison, compare

CACHE_SIZE = 8  # pairs kept, the most recently used last
_cache: dict[tuple[str, str, str | None, str | None], Comparison] = {}
_lock = threading.Lock()


def cached_compare(a: CompareItem, b: CompareItem) -> Comparison:
    """``compare()`` of two items, remembered for the last few pairs (texts and languages)."""
    key = (a.text, b.text, a.lang, b.lang)
    with _lock:
        comp = _cache.pop(key, None)
    if comp is None:
        comp = compare(a.text, b.text, a.lang, b.lang)
    with _lock:
        _cache[key] = comp
        while len(_cache) > CACHE_SIZE:
            del _cache[next(iter(_cache))]
    return comp


def forget() -> None:
    """Drop every remembered comparison (benchmarks measure a cold open)."""
    with _lock:
        _cache.clear()
