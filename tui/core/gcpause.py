"""Pausing Python's cyclic collector while many objects are created at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Loading or building tens of thousands of objects (records, story faces, a pickled
    index) would only make the collector rescan them again and again; it resumes after.

    What was loaded is then frozen (``gc.freeze``): it lives as long as the workspace, and
    the first collection after the pause would otherwise walk every one of those objects
    (0.5-1.5 s at 100,000 articles). Frozen objects are still freed by reference counting;
    only cycles among them would wait, and these loads make none that become garbage.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.freeze()
            gc.enable()
