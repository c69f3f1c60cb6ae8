"""The first part of a filter's answer (issue 16, review of session 27): asked only for a new
filter, never when the list is read again (the poll, archive, undo, corrections), where it
sent the cursor to the top and dropped the marks outside it; the cursor and the marks kept
through a first part; no first part cut by size under another sort; a first part that is
the whole answer is not partial; the filter dialog's words read in a worker that may fail
without closing the app; no full collection while a bulk load has the collector off."""

from __future__ import annotations

import gc

from textual.widgets import Input

from tests.app.conftest import main_ready, settle
from tests.desk import test_dated_parts
from tests.desk.test_keys_cost import hold_words
from tui.app import make_app
from tui.config import Config
from tui.core.query import parse_filter
from tui.core.workspace import Workspace, index_stream
from tui.desk.idle_gc import IdleCollector
from tui.desk.select import select
from tui.screens import main_messages as msg
from tui.screens.query_dialog import QueryDialog

dated_template, dated = test_dated_parts.dated_template, test_dated_parts.dated  # fixtures
QUERY = "after:2021-01"


async def _started(pilot, app) -> None:
    await main_ready(pilot, listed=True)


def _spy(sl) -> list[tuple[bool, int]]:
    shown: list[tuple[bool, int]] = []
    real = sl.set_data

    def spy(listing, *args, **kwargs):
        shown.append((listing.partial, len(listing.stories)))
        return real(listing, *args, **kwargs)

    sl.set_data = spy
    return shown


async def test_reading_the_list_again_keeps_the_cursor_and_the_marks(dated, monkeypatch):
    monkeypatch.setattr(index_stream, "DATED_FIRST", 3)
    Workspace.open(dated, lazy=True).index.count_stories()  # the index built
    app = make_app(dated, config=Config(sort="size"))
    async with app.run_test(size=(110, 30)) as pilot:
        await _started(pilot, app)
        screen, sl = app.screen, app.screen.stories
        await pilot.press("f", *QUERY, "enter")
        await settle(pilot)
        assert len(sl.listing.stories) > 8 and not sl.listing.partial
        for _ in range(3):
            await pilot.press("pagedown")
        await pilot.press("m")
        await settle(pilot)
        keep, marked = screen.keep(), set(sl.marked)
        assert marked and sl.listing.index_of(keep[0]) > 3  # outside a first part
        shown = _spy(sl)
        screen.rebuild(screen.current_filter(), reload=True)  # what the 2-second check does
        await settle(pilot)
        assert shown and not any(partial for partial, _ in shown)  # the whole answer only
        assert screen.keep() == keep and sl.marked == marked


async def test_a_first_part_keeps_the_marks_and_the_cursor_comes_back(dated, monkeypatch):
    monkeypatch.setattr(index_stream, "DATED_FIRST", 3)
    ws = Workspace.open(dated, lazy=True)
    flt = parse_filter(QUERY)
    quick = select(ws, flt, window=True, quick=True)
    whole = select(ws, flt)
    assert quick.partial and len(quick.stories) < len(whole.stories) - 5
    app = make_app(dated, config=Config(sort="size"))
    async with app.run_test(size=(110, 30)) as pilot:
        await _started(pilot, app)
        screen, sl = app.screen, app.screen.stories
        screen.show_listing(msg.ListingReady(whole, (None, None)))
        deep = whole.stories[len(quick.stories) + 2]
        sl.goto(deep.id, whole.members[deep.id][0])
        deep_aid = whole.members[deep.id][0]
        sl.marked.add(deep_aid)
        keep = screen.keep()
        # a new filter: its first part, then the whole answer; the cursor not moved between
        screen.show_listing(msg.ListingReady(quick, keep))
        assert deep_aid in sl.marked  # not cut to the first part
        screen.show_listing(msg.ListingReady(whole, keep))
        assert screen.keep() == keep and deep_aid in sl.marked
        # moved onto another story after the first part came: the whole list keeps that one
        screen.show_listing(msg.ListingReady(quick, keep))
        second = quick.stories[1] if len(quick.stories) > 1 else None
        if second is not None:
            sl.goto(second.id, quick.members[second.id][0])
        else:  # one story: its second article
            sl.goto(quick.stories[0].id, quick.members[quick.stories[0].id][1])
        assert screen.keep() != keep
        moved = screen.keep()
        screen.show_listing(msg.ListingReady(whole, keep))
        assert screen.keep() == moved


def test_no_first_part_cut_by_size_under_another_sort(dated, monkeypatch):
    monkeypatch.setattr(index_stream, "DATED_FIRST", 3)
    ws = Workspace.open(dated, lazy=True)
    flt = parse_filter(QUERY)
    assert select(ws, flt, window=True, quick=True, order="size").partial
    for order in ("newest", "unread"):
        listing = select(ws, flt, window=True, quick=True, order=order)
        assert not listing.partial, order
        assert [s.id for s in listing.stories] == [s.id for s in select(ws, flt).stories]


def test_a_first_part_that_is_the_whole_answer_is_not_partial(dated, monkeypatch):
    ws = Workspace.open(dated, lazy=True)
    monkeypatch.setattr(index_stream, "DATED_FIRST", 3)
    part, whole = ws.index.first_dated(parse_filter(QUERY))
    assert part and not whole
    assert ws.index.first_dated(parse_filter("after:2031")) == ([], True)  # nothing kept
    listing = select(ws, parse_filter("after:2031"), window=True, quick=True)
    assert not listing.partial and not listing.stories
    monkeypatch.setattr(index_stream, "DATED_FIRST", 10_000)
    part, whole = ws.index.first_dated(parse_filter(QUERY))
    assert whole
    flt = parse_filter(QUERY)
    listing = select(ws, flt, window=True, quick=True)
    assert not listing.partial
    assert [s.id for s in listing.stories] == [s.id for s in select(ws, flt).stories]


async def test_an_error_reading_the_filter_words_is_said_and_keeps_the_dialog(make, monkeypatch):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)

        def broken():
            raise RuntimeError("index busy")

        monkeypatch.setattr(app.desk, "outlets_and_langs", broken)
        await pilot.press("f", *"unread af")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, QueryDialog)
        assert app.screen.query_one(Input).value == "unread af"
        assert any("completion unavailable" in n.message for n in app._notifications)
        await pilot.press(*"ter:2020", "enter")
        await settle(pilot)
        assert app.screen.query_text == "unread after:2020"


def test_no_full_collection_while_the_collector_is_off(monkeypatch):
    saved, runs = gc.get_threshold(), []
    c = IdleCollector(clock=lambda: 1e9, collect=runs.append)
    try:
        c.start()
        c.last_input = 0.0  # quiet for long
        monkeypatch.setattr(c, "due", lambda: True)
        gc.disable()
        assert not c.tick() and runs == []  # a bulk load paused it: not now
        gc.enable()
        assert c.tick() and runs == [2]  # the next quiet tick
    finally:
        gc.enable()
        c.stop()
        gc.set_threshold(*saved)


async def test_what_was_typed_before_the_words_came_is_completed_when_they_come(make, monkeypatch):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        gate = hold_words(app, monkeypatch)
        await pilot.press("f", *"lang:e")
        await pilot.pause()
        field = app.screen.query_one(Input)
        assert field._suggestion == ""  # no words yet
        gate.set()
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert field.value == "lang:e"
        assert field._suggestion.startswith("lang:e") and len(field._suggestion) > 6
