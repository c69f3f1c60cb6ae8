"""Pausing Python's cyclic collector while many objects are created at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Loading or building tens of thousands of objects (records, story faces, a pickled
    index) would only make the collector rescan them again and again; it resumes after."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
