"""Pausing Python's cyclic collector while many objects are created at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_freeze = False


def freeze_after_loads() -> None:
    """For a short-lived process (a command-line command): freeze what each paused load made.

    The first collection after a bulk load would otherwise walk every loaded object (0.5-1.5 s
    at 100,000 articles). ``gc.freeze`` also shuts away whatever cyclic garbage exists at that
    moment, for good; harmless in a process that ends in seconds, a leak in the app, which
    freezes once, after opening the workspace.
    """
    global _freeze
    _freeze = True


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
            if _freeze:
                gc.freeze()
            gc.enable()
