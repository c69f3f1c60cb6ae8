"""A key no binding takes is named, with the help key, at most every few seconds; never a key
typed into a field, nor a modifier (session 38: before, it was dropped without a word)."""

from __future__ import annotations

from tests.app.conftest import main_ready, settle


def _said(app) -> list[str]:
    return [n.message for n in app._notifications if "not a key here" in n.message]


async def test_a_key_of_no_use_is_named_once_with_the_help_key(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        await pilot.press("z")
        await pilot.pause()
        assert _said(app) == ["z is not a key here (?: the keys)."], _said(app)
        await pilot.press("v", "shift", "z")  # (rate-limited; a modifier never named)
        await pilot.pause()
        assert len(_said(app)) == 1
        app._unbound_said -= 60  # (as if a minute went by)
        await pilot.press("shift")
        await pilot.pause()
        assert len(_said(app)) == 1
        await pilot.press("j", "k")  # (bound: nothing said)
        await pilot.pause()
        assert len(_said(app)) == 1


async def test_keys_typed_into_a_field_are_not_named(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        await pilot.press("slash", *"zzv", "f5")
        await settle(pilot)
        assert _said(app) == []


async def test_no_hint_on_the_help_screen_nor_for_a_bound_key_that_was_skipped(make):
    from tui.widgets.reader import Reader

    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        app.screen.query_one(Reader).focus()  # (→ is Textual's scroll_right: nothing to scroll)
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        assert _said(app) == [], _said(app)
        await pilot.press("question_mark")
        await settle(pilot)
        await pilot.press("z")  # (help lists the keys already)
        await pilot.pause()
        assert _said(app) == [], _said(app)
