"""Session 37: what a new user met (keys after a search's Enter, a failed search's words, the
ingest field's look, holding a key as a screen opens, the comparison header when narrow)."""

from __future__ import annotations

import threading

from tests.app.conftest import (
    burst,
    gated_select,
    main_ready,
    moved_then_cleared,
    open_ingest,
    settle,
    whole_list,
)


async def test_a_key_typed_after_a_search_enter_moves_on_the_new_list(make):
    # Before: "/japan" Enter "j" in one burst: the "j" moved the cursor on the old list, and
    # the new list, arriving after it, put the cursor back on its top.
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        sl = screen.stories
        top, moved = await moved_then_cleared(pilot, screen)
        # the list arrives after the key was read (a big workspace, a loaded machine)
        gate = gated_select(app)
        burst(app, "slash", *"japan", "enter", "j")
        for _ in range(5):
            await pilot.pause()
        gate.set()
        await whole_list(pilot, screen)
        assert screen.query_text == "japan"
        assert sl.cursor == moved, (sl.cursor, top)


async def test_search_again_selects_only_the_words_that_found_nothing(make):
    # Before: after "/japan qwertyzz" found nothing, "/" selected both words: typing replaced
    # "japan" too, though it alone finds stories.
    from textual.widgets import Input

    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        await pilot.press("slash", *"japan qwertyzz", "enter")
        await whole_list(pilot, screen)
        assert not screen.stories.listing.stories
        await pilot.press("slash")
        await settle(pilot)
        await pilot.pause()
        field = app.screen.query_one(Input)
        assert field.value == "japan qwertyzz"
        start, end = sorted(field.selection)
        assert field.value[start:end] == "qwertyzz"
        said = str(app.screen.query_one("#query-failed").render())
        assert "Nothing matched qwertyzz; japan alone finds stories without it" in said, said


async def test_a_key_held_while_a_screen_opens_gets_one_warning(make):
    # Before: "?" then "z" held (the terminal repeats it): one warning per "z".
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        before = len(app._notifications)
        burst(app, "question_mark", *"zzzzzz")
        await settle(pilot)
        await settle(pilot)
        said = [str(n.message) for n in app._notifications][before:]
        assert type(app.screen).__name__ == "HelpScreen"
        assert len([m for m in said if "not used" in m]) == 1, said
        assert "6 times" in said[-1], said


def test_a_narrow_comparison_header_keeps_the_offset_and_what_tells_two_texts_apart():
    # Before: at 80 columns "14:03 +05:45" and "14:03 +14:00" both read "14:03"; at 60 the
    # two texts of one outlet and day had the same header but for the pane's number.
    from tui.render.header import pane_headers

    def sides(left: str, right: str):
        return [
            ("- 1/2 ", ("Hand feed: Bridge closed", "Hand feed"), left, 361, "en"),
            ("+ 2/2 ", ("Hand feed: Bridge closed", "Hand feed"), right, 410, "en"),
        ]

    same_day = sides("2024-12-02T14:03:00+05:45", "2024-12-02T14:03:00+14:00")
    for width in (39, 29):  # 80 and 60 columns, side by side
        left, right = pane_headers(same_day, None, [width, width])
        assert "14:03 +05:45" in left and "14:03 +14:00" in right, (width, left, right)
    # of two days: the day tells them apart
    left, right = pane_headers(
        sides("2024-12-02T14:03:00Z", "2024-12-03T09:00:00Z"), None, [29, 29]
    )
    assert "2 Dec" in left and "3 Dec" in right, (left, right)


def _status(app) -> str:
    return str(app.screen.query_one("#ingest-status").render())


async def test_an_edit_while_a_glob_is_looked_at_does_not_leave_looking(
    make, tmp_path, monkeypatch
):
    # Before: the field edited while the look ran: the look's answer, for the old value, was
    # dropped, and the status said "Looking..." for good.
    from tui.desk import intake

    (tmp_path / "a.txt").write_text("A headline on ports\n\nThe port reopened on Monday.\n")
    monkeypatch.chdir(tmp_path)
    gate, real = threading.Event(), intake.look

    def slow_look(sources, *_):
        gate.wait(30)
        return real(sources)

    monkeypatch.setattr("tui.screens.ingest_dialog.look", slow_look)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        dialog = await open_ingest(pilot, app)
        await pilot.press("asterisk", "enter")
        await pilot.pause()
        assert "Looking" in _status(app)
        await pilot.press("backspace", *"*.txt")
        await pilot.pause()
        assert "Looking" not in _status(app), _status(app)
        gate.set()
        await settle(pilot)
        while dialog.running:
            await pilot.pause(0.02)
        assert "Looking" not in _status(app) and "Enter looks" in _status(app), _status(app)
        await pilot.press("enter")  # the current value is looked at
        await settle(pilot)
        while dialog.running:
            await pilot.pause(0.02)
        assert "1 file" in _status(app), _status(app)


def test_the_ingest_preview_says_what_feeds_and_json_lines_hold(tmp_path):
    # Before: "That names 3 files" for a feed of 3 items, a JSON Lines file of 2 and a text.
    from tui.desk.intake import look, look_said

    items = "".join(
        f"<item><title>T{n}</title><description>D</description></item>" for n in range(3)
    )
    (tmp_path / "hand.rss").write_text(f"<rss><channel>{items}</channel></rss>")
    (tmp_path / "two.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n')
    (tmp_path / "a.txt").write_text("A headline\n\nA body.\n")
    got = look([str(tmp_path)])
    assert (got.files, got.holders, got.items) == (3, 2, 5)
    said = look_said(got)
    kind = "feeds, JSON or JSON Lines files by their names"
    assert f"3 files (2 of them {kind}, holding 5 articles)" in said, said
