"""Session 36, after the final review: a dialog closes once (a second Enter never closes the
main screen under it), and a key typed after a dialog's Enter goes where the Enter leads."""

from __future__ import annotations

import pytest

from tests.app.conftest import burst, main_ready, settle


def _stack(app) -> list[str]:
    return [type(s).__name__ for s in app.screen_stack]


@pytest.mark.parametrize(
    "opener",
    [
        ("slash", *"japan"),  # the search
        ("f", *"tag:japan"),  # the filter
        ("ctrl+s", *"myf"),  # the name of a filter to save
        ("t", *"x"),  # the tag editor (it had a guard of its own)
    ],
)
async def test_two_enters_fast_in_a_dialog_keep_the_main_screen(
    make, opener, tmp_path, monkeypatch
):
    # Before: the second Enter, queued for the dialog, dismissed again: Textual pops the
    # screen in front, the main screen, and the app was blank (only Ctrl+Q worked).
    monkeypatch.chdir(tmp_path)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        if opener[0] == "ctrl+s":  # (a filter to save)
            await pilot.press("slash", *"japan", "enter")
            await settle(pilot)
        await pilot.press(*opener)
        await settle(pilot)
        assert app.screen is not screen
        burst(app, "enter", "enter")
        await settle(pilot)
        assert app.screen is screen, _stack(app)
        assert _stack(app)[-1] == "MainScreen" and "MainScreen" in _stack(app)


async def test_a_key_typed_after_enter_in_a_burst_goes_to_the_list(make):
    # Before: "/japan" Enter "j" in one burst searched "japanj": the field took the "j" at
    # once, and the Enter ran later, as a binding (Textual #6605).
    from tui.screens.help import HelpScreen

    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        burst(app, "slash", *"japan", "enter", "j")
        await settle(pilot)
        assert app.screen is screen, _stack(app)
        assert screen.query_text == "japan"
        # the key reached the main screen: "?" opens the help there (it is not in the field)
        await pilot.press("F")
        await settle(pilot)
        burst(app, "slash", *"japan", "enter", "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen), _stack(app)
        assert screen.query_text == "japan"
        await pilot.press("escape")
        await settle(pilot)
        # and the same once the dialog is open: "japan" Enter "?" at once
        await pilot.press("F", "slash")
        await settle(pilot)
        burst(app, *"japan", "enter", "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen), _stack(app)
        assert screen.query_text == "japan"


async def test_keys_after_an_enter_that_does_not_close_go_into_the_field(make):
    # The filter's Enter does nothing while the filter is wrong: what follows is typed into it.
    from textual.widgets import Input

    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        await pilot.press("f")
        await settle(pilot)
        dialog = app.screen
        burst(app, *"after:zz", "enter", *"x", "backspace", "backspace", "backspace")
        await settle(pilot)
        assert app.screen is dialog
        assert dialog.query_one(Input).value == "after:"
        assert getattr(dialog, "held", None) is None  # (nothing left waiting)
