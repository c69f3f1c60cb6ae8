"""Keys typed after a search's Enter act on the list they were typed for, even when the search
takes longer than HOLD_AT_MOST: before, they were then released onto the old list (session
38). Escape, once the wait is said in the status, drops them, named."""

from __future__ import annotations

from tests.app.conftest import burst, main_ready, moved_then_cleared, slow_search, whole_list


def _status(screen) -> str:
    return str(screen.query_one("#status").render())


async def test_keys_wait_for_a_slow_search_past_the_hold(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        sl = screen.stories
        top, moved = await moved_then_cleared(pilot, screen)
        gate = await slow_search(pilot, app, screen, "j")
        assert screen.held and "for its list" in _status(screen), _status(screen)
        gate.set()
        await whole_list(pilot, screen)
        assert screen.query_text == "japan"
        assert sl.cursor == moved, (sl.cursor, top)


async def test_escape_drops_the_keys_that_wait_and_names_them(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        await moved_then_cleared(pilot, screen)
        gate = await slow_search(pilot, app, screen, "j", "k")
        burst(app, "escape")
        for _ in range(3):
            await pilot.pause()
        assert screen.held is None
        said = [n.message for n in app._notifications]
        assert any("Dropped 2 keys typed for the search: j, k." in m for m in said), said
        gate.set()
        await whole_list(pilot, screen)


async def test_ctrl_q_quits_during_a_slow_search(make):
    """Review MUST-FIX 1 (its reproducer): the app's own keys act on no list, so they never
    wait for one; on app38's tree ctrl+q waited with the list keys."""
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        await moved_then_cleared(pilot, screen)
        gate = await slow_search(pilot, app, screen, "j")
        try:
            await pilot.press("ctrl+q")
            for _ in range(5):
                await pilot.pause()
            assert not app.is_running, f"ctrl+q waits: held={[k.key for k in screen.held or []]}"
        finally:
            gate.set()


async def test_help_opens_at_once_and_the_list_keys_still_wait(make):
    """? (help) while list keys wait: help opens at once; the keys wait on, counted in the
    status, and act on the search's list once help is closed and the list has come."""
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        sl = screen.stories
        top, moved = await moved_then_cleared(pilot, screen)
        gate = await slow_search(pilot, app, screen, "j")
        burst(app, "j")
        await pilot.pause()
        assert "2 keys typed wait" in _status(screen), _status(screen)
        burst(app, "k")
        await pilot.pause()
        assert "3 keys typed wait" in _status(screen), _status(screen)
        burst(app, "question_mark")
        for _ in range(5):
            await pilot.pause()
        assert app.screen is not screen, "help did not open"
        assert [k.key for k in screen.held or []] == ["j", "j", "k"]
        gate.set()
        for _ in range(10):
            await pilot.pause()
        assert screen.held is not None  # (the list came under help: the keys wait for it)
        await pilot.press("escape")
        await whole_list(pilot, screen)
        for _ in range(5):
            await pilot.pause()
        assert app.screen is screen and screen.held is None
        assert screen.query_text == "japan"
        assert sl.cursor == moved, (sl.cursor, top)
