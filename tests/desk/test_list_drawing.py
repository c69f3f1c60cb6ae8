"""Pilot tests of how the list and the reader draw (issue 16: a key under 16 ms): rows drawn
once are drawn again when what they show changes (a star, marks, the focus on the cursor's
row); a cursor move draws only what changed and lays nothing out; a pane's new length shows or
hides its scrollbar as before; the keymap given to Textual holds only what differs."""

from __future__ import annotations

from textual.screen import Screen

from tests.app.conftest import settle
from tui.widgets import rows
from tui.widgets.story_list import Row


def visible(sl, row: Row) -> int:
    return sl.y_of(row) - sl.scroll_offset.y


async def test_a_row_is_drawn_again_when_its_star_or_mark_changes(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        sl = app.screen.stories
        await pilot.press("j")  # the first article of the first story
        await pilot.pause()
        art, story = sl.cursor, Row("story", sl.cursor.index)
        assert sl.render_line(visible(sl, art)).text[4] == " "  # drawn: not starred
        assert sl.render_line(visible(sl, story)).text[1] == " "
        await pilot.press("s")
        await pilot.pause()
        assert sl.render_line(visible(sl, art)).text[4] == "*"
        assert sl.render_line(visible(sl, story)).text[1] == "*"  # the story's count too
        await pilot.press("m")  # marked, and the cursor moves on
        await pilot.pause()
        assert sl.render_line(visible(sl, art)).text[3] == "+"
        assert sl.render_line(visible(sl, story)).text[0] == "+"
        await pilot.press("escape")  # marks cleared
        await pilot.pause()
        assert sl.render_line(visible(sl, art)).text[3] == " "
        assert sl.render_line(visible(sl, story)).text[0] == " "


async def test_the_cursor_row_follows_the_focus_and_other_rows_are_kept(make, monkeypatch):
    app = make(mark_read_on_open=False)  # opening changes nothing the rows show
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        sl = app.screen.stories
        y = visible(sl, sl.cursor)
        focused = sl.render_line(y)
        other = sl.render_line(y + 3)
        await pilot.press("enter")  # the reader takes the focus
        await pilot.pause()
        assert not sl.has_focus
        blurred = sl.render_line(y)
        assert [s.style for s in blurred] != [s.style for s in focused]
        assert sl.render_line(y + 3) is other  # the same look: kept, not laid out again
        await pilot.press("escape")
        await pilot.pause()
        assert [s.style for s in sl.render_line(y)] == [s.style for s in focused]
        drawn = []
        real = rows.story_line
        monkeypatch.setattr(
            "tui.widgets.story_draw.story_line", lambda *a, **k: drawn.append(1) or real(*a, **k)
        )
        await pilot.press("j", "j", "k", "k")
        await pilot.pause()
        assert len(drawn) <= 2  # the cursor's rows at most: the rest came from what is held


async def test_a_cursor_move_lays_nothing_out(make, monkeypatch):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        sl, reader = app.screen.stories, app.screen.reader
        layouts = []
        real = Screen._refresh_layout
        monkeypatch.setattr(
            Screen,
            "_refresh_layout",
            lambda self, *a, **k: layouts.append(1) or real(self, *a, **k),
        )
        heights = set()
        for _ in range(len(sl.listing.stories) + 3):  # across stories of one and of several
            await pilot.press("j")
            await pilot.pause()
            heights.add(reader.virtual_size.height)
            assert sl.virtual_size.height == sl.row_count
            assert reader.virtual_size.height == len(reader.text_lines)
        assert len(heights) > 1  # articles of other lengths were shown
        assert not layouts


async def test_a_longer_text_shows_the_scrollbar_and_a_shorter_hides_it(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        reader = app.screen.reader
        reader.show("long", [("title", "Long")], "\n\n".join(f"Paragraph {i}." for i in range(60)))
        await pilot.pause()
        assert reader.show_vertical_scrollbar
        reader.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert reader.scroll_offset.y > 0
        reader.show("short", [("title", "Short")], "One line.")
        await pilot.pause()
        assert not reader.show_vertical_scrollbar
        assert reader.scroll_offset.y == 0
        assert reader.virtual_size.height == len(reader.text_lines)


async def test_textual_is_given_only_the_keys_that_differ(make):
    app = make(keymap="vim")
    async with app.run_test(size=(120, 30)):
        from tui.keys import default_keys

        given = app._keymap
        assert given and all(default_keys()[bid] != keys for bid, keys in given.items())
        assert {bid for bid, keys in app.keys.items() if default_keys()[bid] != keys} == set(given)
    plain = make()
    async with plain.run_test(size=(120, 30)):
        assert not plain._keymap  # the default keymap: nothing to apply on every key


async def test_the_reader_keeps_articles_seen_and_lays_out_one_that_changed(make, monkeypatch):
    from tui.widgets.reader import Reader

    app = make(mark_read_on_open=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        reader = app.screen.reader
        laid = []
        real = Reader._lay_out
        monkeypatch.setattr(
            Reader, "_lay_out", lambda self, *a: laid.append(self.article_id) or real(self, *a)
        )
        await pilot.press("j")
        await pilot.pause()
        first, aid = reader.text_lines, reader.article_id
        await pilot.press("j")
        await pilot.pause()
        assert reader.article_id != aid and laid[-1] == reader.article_id  # a new one: laid out
        before = len(laid)
        await pilot.press("k")  # back
        await pilot.pause()
        assert reader.article_id == aid and reader.text_lines == first
        assert len(laid) == before  # its lines were kept
        await pilot.press("s")  # its header says "starred" now: laid out again
        await pilot.pause()
        assert laid[before:] == [aid]
        assert reader.text_lines != first and "starred" in " ".join(reader.text_lines[:5])
