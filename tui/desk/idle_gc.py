"""Python's full garbage collections moved out of key presses, into the app's quiet moments
(no Textual: the app calls :meth:`IdleCollector.note_input` on each key or click and
:meth:`IdleCollector.tick` from a timer).

CPython collects its oldest generation when enough young collections have passed: on whatever
allocation comes then, which in the app is a key press. That pass walks every tracked object
the app holds (rows drawn, story faces and article rows read, Textual's caches): 15-30 ms
at 1,000,000 articles, on top of the key's own 10 ms, so one page-down in twenty took twice a
frame. Here the automatic rule stops short of the oldest generation, and the collector runs
it itself once the user has stopped for a moment (:data:`QUIET` seconds without input) and
a full pass is due by CPython's own count. The young generations are collected as before
(about 1 ms). Nothing is left uncollected for long: under keys pressed without a pause the
full pass runs anyway once :data:`OVERDUE` times its usual interval has gone by.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

QUIET = 1.0  # seconds without a key or a click before a full collection may run (a pause to read)
OVERDUE = 20  # times CPython's own interval: a full pass runs even while keys are pressed
NEVER = 1 << 30  # an oldest-generation threshold the automatic rule never reaches


class IdleCollector:
    """Runs the oldest generation's collections when the user is not pressing keys."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        collect: Callable[[int], object] = gc.collect,
    ) -> None:
        self.clock = clock
        self.collect = collect
        self.last_input = clock()
        self.every = 0  # CPython's interval: young collections between two full ones
        self.saved: tuple[int, ...] | None = None  # the thresholds before start()
        self.runs = 0  # full collections run here (for tests and benchmarks)
        self.seconds = 0.0  # and the CPU they took

    @property
    def started(self) -> bool:
        return self.saved is not None

    def start(self) -> None:
        """Take over the oldest generation: the automatic rule keeps the young ones."""
        if self.saved is not None:
            return
        self.saved = gc.get_threshold()
        young, middle, self.every = self.saved
        gc.set_threshold(young, middle, NEVER)

    def stop(self) -> None:
        """Give the oldest generation back to CPython (the thresholds as they were)."""
        if self.saved is not None:
            gc.set_threshold(*self.saved)
            self.saved = None

    def note_input(self) -> None:
        """A key or a click came: no full collection until the user stops again."""
        self.last_input = self.clock()

    def due(self) -> bool:
        """A full collection is due: as many middle-generation collections have passed as
        CPython would wait for (its oldest generation's count)."""
        return self.started and self.every > 0 and gc.get_count()[2] >= self.every

    def tick(self) -> bool:
        """Run a full collection if one is due and the user is quiet (or it is long overdue).
        Returns whether it ran. Not while the collector is off (a bulk load paused it: a
        full pass would walk every object just made); it runs at a quiet tick after."""
        if not gc.isenabled() or not self.due():
            return False
        quiet = self.clock() - self.last_input >= QUIET
        if not quiet and gc.get_count()[2] < self.every * OVERDUE:
            return False
        t = time.thread_time()
        self.collect(2)
        self.seconds += time.thread_time() - t
        self.runs += 1
        return True
