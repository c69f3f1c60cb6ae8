"""Full garbage collections between keys, not in them (``tui.desk.idle_gc``; issue 16: a full
pass over the app's objects took 15-30 ms at 1,000,000 articles, inside whichever key press
came when CPython's count ran out): the automatic rule keeps the young generations; the full
pass runs when due and the user is quiet, or long overdue; the thresholds come back after."""

from __future__ import annotations

import gc

import pytest

from tests.app.conftest import settle
from tui.desk import idle_gc
from tui.desk.idle_gc import IdleCollector


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def thresholds():
    saved = gc.get_threshold()
    yield saved
    gc.set_threshold(*saved)


def young_collections(n: int) -> None:
    """``n`` collections of the middle generation, as the automatic rule would run them."""
    for _ in range(n):
        gc.collect(1)


def test_the_oldest_generation_is_taken_over_and_given_back(thresholds):
    c = IdleCollector()
    c.start()
    young, middle, oldest = gc.get_threshold()
    assert (young, middle) == thresholds[:2] and oldest == idle_gc.NEVER
    assert c.every == thresholds[2]
    c.stop()
    assert gc.get_threshold() == thresholds
    c.stop()  # twice: nothing more
    assert gc.get_threshold() == thresholds


def test_a_full_pass_waits_for_a_quiet_moment(thresholds):
    clock, runs = Clock(), []
    c = IdleCollector(clock=clock, collect=runs.append)
    c.start()
    gc.collect()  # counts from nought
    young_collections(c.every)
    assert c.due()
    c.note_input()
    clock.now += idle_gc.QUIET / 2
    assert not c.tick() and runs == []  # keys are being pressed: not now
    clock.now += idle_gc.QUIET
    assert c.tick() and runs == [2] and c.runs == 1  # quiet: the full pass
    c.stop()


def test_no_full_pass_before_it_is_due(thresholds):
    clock, runs = Clock(), []
    c = IdleCollector(clock=clock, collect=runs.append)
    c.start()
    gc.collect()
    young_collections(max(0, c.every - 2))
    clock.now += 10 * idle_gc.QUIET
    assert not c.due() and not c.tick() and runs == []
    c.stop()
    assert not c.due()  # stopped: CPython's rule again


def test_a_long_overdue_pass_runs_even_while_keys_come(thresholds):
    clock, runs = Clock(), []
    c = IdleCollector(clock=clock, collect=runs.append)
    c.start()
    gc.collect()
    young_collections(c.every * idle_gc.OVERDUE)
    c.note_input()
    assert c.tick() and runs == [2]
    c.stop()


def test_a_real_full_pass_frees_cycles(thresholds):
    c = IdleCollector(clock=Clock())
    c.start()
    gc.collect()

    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a  # a cycle: only the collector frees it
    del a, b
    young_collections(c.every)
    c.clock.now += 2 * idle_gc.QUIET  # type: ignore[attr-defined]
    assert c.tick() and c.seconds >= 0
    assert not any(type(o).__name__ == "Node" for o in gc.get_objects())
    c.stop()


async def test_the_app_collects_between_keys_and_gives_the_rule_back(make, thresholds):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert gc.get_threshold()[2] == idle_gc.NEVER  # no full pass inside a key press
        c = app.collector
        before = c.last_input
        await pilot.press("j")
        assert c.last_input > before  # a key holds the full pass off
    assert gc.get_threshold() == thresholds  # the app closed: CPython's rule again
