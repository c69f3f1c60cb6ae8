"""Session 37, the mend of app37: one release timer for a search's held keys (the reviewer's
test), the failed-words hint, a date alone keeps its day."""

from __future__ import annotations

import asyncio

import pytest

from tests.app.conftest import burst, gated_select, main_ready, moved_then_cleared, whole_list


@pytest.mark.parametrize("gap", [2.0, 3.5])
async def test_an_earlier_search_timer_does_not_release_a_later_search_keys(make, gap):
    # Reviewer of app37: each typed search set a 3 s timer that was never stopped; search 1's
    # timer sent the "j" held for a slower search 2 to the old list (then put back on top).
    # (gap 3.5: search 1's timer fired before search 2, the control.)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        sl = screen.stories
        # (its F: search 1 (fast) at t=0, its timer due at t=3)
        top, moved = await moved_then_cleared(pilot, screen)
        await pilot.press("slash", *"canada", "enter")
        await whole_list(pilot, screen)
        await asyncio.sleep(gap)
        gate = gated_select(app)
        burst(app, "F", "slash", *"japan", "enter", "j")  # search 2 (slow) at t~2
        await asyncio.sleep(1.6)  # past t=3: search 1's timer was due
        held = screen.held
        gate.set()
        await whole_list(pilot, screen)
        assert screen.query_text == "japan"
        assert sl.cursor == moved, ("j lost", sl.cursor, top, held)


def test_the_failed_words_hint_says_what_the_user_can_do():
    # Before: "Nothing matched zzqx (japan, canada alone finds stories)": read as if the two
    # were searched together, "japan," kept its comma, and no word of what to do.
    from tui.screens.query_dialog import failed_hint

    one = failed_hint(["bridge", "zzqx"], [True, False], selected=True)
    assert one == (
        "Nothing matched zzqx; bridge alone finds stories without it: typing replaces it "
        "(selected)."
    )
    two = failed_hint(["japan,", "zzqx", "canada"], [True, False, True], selected=True)
    assert "japan and canada each find stories without it" in two, two
    apart = failed_hint(["a", "zz", "b", "qq"], [True, False, True, False], selected=False)
    assert apart == (
        "Nothing matched zz and qq; a and b each find stories without them: delete them to "
        "search a and b."
    )


def test_a_date_alone_keeps_its_day_at_every_step():
    # Reviewer of app37: date_forms(value) with no other date beside it shortened to
    # "19:41 +05:30" (all(()) is True: "beside dates of its day"), the day lost.
    from tui.render.dates import date_forms
    from tui.render.header import pane_headers

    forms = date_forms("2022-10-11T19:41:00+05:30")
    assert all("11 Oct" in form for form in forms), forms
    beside = date_forms("2022-10-11T19:41:00+05:30", ("2022-10-11T08:00:00+00:00",))
    assert beside[-1] == "19:41 +05:30", beside
    compact = date_forms("2022-10-11T19:41:00+05:30", ("20221011T0800Z",))
    assert compact[-1] == "19:41 +05:30", compact  # (a compact form of the same day)
    assert date_forms("2022-10-11T19:41:00+05:30", (None,))[-1] == "11 Oct 2022"
    (alone,) = pane_headers(
        [
            (
                "- 1/1 ",
                ("Hand feed: Bridge closed", "Hand feed"),
                "2024-12-02T14:03:00+05:45",
                361,
                "en",
            )
        ],
        None,
        [29],
    )
    assert "2 Dec" in alone, alone
