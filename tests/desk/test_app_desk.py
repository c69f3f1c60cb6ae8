"""The app on the desk: undo reaches saved filters, and what the screens leave to the desk."""

from __future__ import annotations

from tests.app.conftest import reopen, settle
from tui.desk.filters import load as load_filters
from tui.keys import resolve_keymap

KEYS = resolve_keymap("default", None)


def key(bid: str) -> str:
    return KEYS[bid].split(",")[0]


async def test_a_deleted_saved_filter_comes_back_with_undo(make, demo_root):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        app.desk.save_filter("mine", "+starred", record=False)  # as if saved in an earlier run
        app.screen._reload_filters()
        await pilot.press(key("main.first"))
        assert app.screen.stories.cursor.kind == "filter"
        await pilot.press(key("main.delete_filter"))
        await settle(pilot)
        assert load_filters(demo_root) == [] and app.screen.saved == []
        await pilot.press(key("main.undo"))
        await settle(pilot)
        assert load_filters(demo_root) == [("mine", "+starred")]
        assert app.screen.stories.filters == [("mine", "+starred")]  # shown again


async def test_quitting_waits_for_saves_on_the_desk(make, demo_root):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press(key("main.star"))  # a story row: the whole story
        aids = list(app.screen.stories.story.article_ids)
        await pilot.press(key("app.quit"))
    assert app.return_code == 0 and app.desk.pending == 0
    assert all(reopen(demo_root).get(a).triage.starred for a in aids)
