"""Session 37, the final review: the list of an earlier search, come late, does not release the
keys held for the search typed after it (``MainScreen.show_listing``'s search-number check)."""

from __future__ import annotations

import asyncio

from tests.app.conftest import burst, gated_select, main_ready, moved_then_cleared, whole_list
from tui.screens import main_messages as msg


async def test_a_late_list_of_an_earlier_search_keeps_the_keys_held(make):
    # Reviewer: with `if True:` in place of the check, the app tests still passed (search 1's
    # list had always come before search 2 was typed). Here it comes while search 2 is slow.
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        sl = screen.stories
        top, moved = await moved_then_cleared(pilot, screen)
        gate = gated_select(app)
        try:
            burst(app, "F", "slash", *"japan", "enter", "j")  # search 2 (slow)
            for _ in range(200):  # (until the "j" waits for search 2's list)
                await pilot.pause(0.02)
                if screen.held:
                    break
            assert screen.held and screen.held[-1].key == "j", screen.held
            stale = msg.ListingReady(sl.listing, msg.TOP, screen._searches - 1)
            screen.post_message(stale)  # (search 1's list, come late)
            await pilot.pause(0.1)
            held = screen.held
        finally:
            gate.set()
        await whole_list(pilot, screen)
        await asyncio.sleep(0)
        assert held and held[-1].key == "j", ("j released by an earlier search's list", held)
        assert screen.query_text == "japan"
        assert sl.cursor == moved, ("j not applied to the new list", sl.cursor, top)
