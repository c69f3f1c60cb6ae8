"""Pilot tests of what a key costs beyond its own rows (issue 16: a key under 16 ms at
1,000,000 articles): opening an article on a narrow screen shows the reader in the list's
place without a class of the screen changing (a class change restyled every widget: 7 ms a
key), and back; the rows held are bounded and let go the oldest one at a time, not all at once
(a clear of 2,000 rows cost 5-9 ms inside one page-down); the filter dialog opens at once and
completes the outlets and languages the index groups (2.7 s of CPU at 1,000,000 before)."""

from __future__ import annotations

import threading

from textual.widgets import Input

from tests.app.conftest import settle
from tests.desk.synthetic import build
from tui.core.workspace import Workspace
from tui.desk import indexed
from tui.screens.query_dialog import QueryDialog
from tui.widgets import story_draw
from tui.widgets.suggest import vocabulary


async def test_open_and_back_on_a_narrow_screen_change_no_class_of_the_screen(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        classes = set(screen.classes)
        assert "-narrow" in classes
        restyled: list[object] = []
        real = app.update_styles

        def spy(node=None, animate=True):
            restyled.append(node)
            return real(node, animate=animate)

        app.update_styles = spy  # type: ignore[method-assign]
        await pilot.press("enter")
        await settle(pilot)
        assert screen.reader.display and screen.reader.region.width > 0
        assert not screen.stories.display and not screen.stories.region.width
        assert set(screen.classes) == classes
        assert screen not in restyled  # the panes' focus, not the whole screen
        await pilot.press("escape")
        await settle(pilot)
        assert screen.stories.display and screen.stories.region.width > 0
        assert not screen.reader.display
        assert set(screen.classes) == classes and screen not in restyled
        await pilot.resize_terminal(160, 30)  # wide: both panes, whatever was read
        await settle(pilot)
        assert screen.stories.region.width > 0 and screen.reader.region.width > 0
        await pilot.press("enter")
        await settle(pilot)
        assert screen.stories.region.width > 0 and screen.reader.has_focus
        await pilot.resize_terminal(100, 30)  # narrow again while reading: the reader alone
        await settle(pilot)
        assert screen.reader.region.width > 0 and not screen.stories.region.width


async def test_the_rows_held_are_bounded_and_the_oldest_go_first(make, monkeypatch):
    monkeypatch.setattr(story_draw, "DRAWN_MAX", 3)
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        sl = app.screen.stories
        assert len(sl._drawn) <= 3  # the first screen too
        rows = min(sl.row_count, sl.size.height)
        assert rows > 4
        sl._drawn.clear()
        drawn = []
        for y in range(rows):
            sl.render_line(y)
            drawn.append(list(sl._drawn)[-1])  # the row just drawn is held, newest last
            assert list(sl._drawn) == drawn[-3:]  # at most 3, the oldest gone one at a time
        assert list(sl._drawn) == drawn[-3:]  # the oldest went, one at a time
        before = list(sl._drawn)
        sl.render_line(rows - 1)  # held: drawn from what is held, nothing goes
        assert list(sl._drawn) == before


def test_the_filter_words_grouped_by_the_index_are_those_counted_story_by_story(tmp_path):
    root = build(tmp_path / "ws", 120)
    ws = Workspace.open(root, lazy=True)
    stories = Workspace.open(root).stories()
    grouped = indexed.outlets_and_langs(ws)
    assert len(grouped) < len(stories)  # one row for each set of outlets and languages
    assert sum(f.count for f in grouped) == sum(bool(s.sources or s.langs) for s in stories)
    assert vocabulary([], grouped) == vocabulary([], stories)  # the same words, same order


def hold_words(app, monkeypatch) -> threading.Event:
    """The filter dialog's words held back until the returned event is set."""
    gate = threading.Event()
    real = app.desk.outlets_and_langs

    def slow():
        gate.wait(10)
        return real()

    monkeypatch.setattr(app.desk, "outlets_and_langs", slow)
    return gate


async def test_the_filter_dialog_opens_before_its_words_are_read(make, monkeypatch):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        gate = hold_words(app, monkeypatch)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, QueryDialog)  # open while the words are being read
        field = app.screen.query_one(Input)
        assert await field.suggester.get_suggestion("lang:e") is None
        gate.set()
        await app.workers.wait_for_complete()
        assert await field.suggester.get_suggestion("lang:e") == "lang:en"
