"""Sequences read lazily (a window onto the index, a layout wrapped on demand): their common
index arithmetic."""

from __future__ import annotations


def checked_index(i: int, total: int) -> int:
    """``i`` as a position in a sequence of ``total`` items (negative counts from the end);
    IndexError outside it, as a list does."""
    if i < 0:
        i += total
    if not 0 <= i < total:
        raise IndexError(i)
    return i
