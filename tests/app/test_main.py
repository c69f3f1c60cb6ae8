"""Pilot tests of the main screen: moving, reading, triage, undo, marks."""

from __future__ import annotations

from tests.app.conftest import reopen, settle


async def test_first_screen_lists_stories_and_articles(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        sl = app.screen.stories
        stories = app.ws.stories()
        assert len(sl.listing.stories) == len(stories)
        assert stories[0].size > 1  # the sample story: the first story opens onto its articles
        assert sl.row_count == len(stories) + stories[0].size
        assert sl.cursor.kind == "story"
        assert app.screen.reader.article_id == sl.article_id


async def test_moving_opens_the_focused_story(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        sl = app.screen.stories
        await pilot.press("j")
        assert sl.cursor.kind == "article" and sl.cursor.article == 0
        await pilot.press("G")
        assert sl.y_of(sl.cursor) == sl.row_count - 1
        await pilot.press("g", "down", "down")
        assert sl.cursor.article == 1
        await pilot.press("k", "k")
        assert sl.cursor.kind == "story" and sl.cursor.index == 0
        assert app.screen.reader.article_id == sl.article_id


async def test_open_marks_read_and_back_returns(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("j", "enter")
        aid = app.screen.current_id()
        assert app.screen.reader.has_focus
        assert app.ws.get(aid).triage.read
        await pilot.press("q")
        assert app.screen.stories.has_focus
        await settle(pilot)
        assert reopen(app.ws.root).get(aid).triage.read


async def test_mark_read_on_open_can_be_turned_off(make):
    app = make(mark_read_on_open=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("j", "enter")
        assert not app.ws.get(app.screen.current_id()).triage.read


async def test_star_and_read_toggle_are_saved(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("j", "s", "r")
        aid = app.screen.current_id()
        await settle(pilot)
        t = reopen(app.ws.root).get(aid).triage
        assert t.starred and t.read
        assert app.screen.stories.story.starred == 1
        await pilot.press("s")
        await settle(pilot)
        assert not reopen(app.ws.root).get(aid).triage.starred


async def test_undo_puts_back_the_last_action(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("j", "s")
        aid = app.screen.current_id()
        assert app.ws.get(aid).triage.starred
        await pilot.press("u")
        await settle(pilot)
        assert not reopen(app.ws.root).get(aid).triage.starred
        await pilot.press("u")  # nothing left: a notice, no crash
        await settle(pilot)


async def test_marks_make_bulk_actions(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        size = app.ws.stories()[0].size
        await pilot.press("m")  # on a story row: marks its articles, moves down
        sl = app.screen.stories
        assert len(sl.marked) == size
        await pilot.press("s")
        await settle(pilot)
        ws = reopen(app.ws.root)
        assert sum(a.triage.starred for a in ws.articles()) == size
        await pilot.press("u")
        await settle(pilot)
        assert sum(a.triage.starred for a in reopen(app.ws.root).articles()) == 0
        await pilot.press("escape")
        assert not sl.marked
        await pilot.press("M")
        assert len(sl.marked) == len(app.ws.articles())
        await pilot.press("M")
        assert not sl.marked


async def test_archive_hides_a_story_and_undo_brings_it_back(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        n = len(app.ws.stories())
        await pilot.press("a")
        await settle(pilot)
        assert len(app.screen.stories.listing.stories) == n - 1
        assert reopen(app.ws.root).stories()[0].archived
        await pilot.press("u")
        await settle(pilot)
        assert len(app.screen.stories.listing.stories) == n


async def test_next_unread_skips_read_articles(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("j", "r", "k", "N")
        sl = app.screen.stories
        assert sl.cursor.kind == "article" and sl.cursor.article == 1


async def test_narrow_layout_shows_reader_instead_of_list(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert screen.has_class("-narrow")
        assert not screen.reader.display or not screen.reader.region.width
        await pilot.press("enter")
        await pilot.pause()
        assert screen.reader.region.width > 0 and not screen.stories.region.width
        await pilot.press("escape")
        await pilot.pause()
        assert screen.stories.region.width > 0


async def test_raw_and_rtl_toggles(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("o")
        assert app.screen.show_raw
        await pilot.press("o", "b")
        assert app.screen.reader.rtl_mode == "on"


async def test_emacs_and_vim_keymaps_move_the_cursor(make):
    app = make(keymap="emacs")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+p")
        assert app.screen.stories.cursor.article == 0
    app = make(keymap="vim")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("j", "ctrl+f", "g")
        assert app.screen.stories.cursor.kind == "story"


def _footer_words(app) -> dict[str, str]:
    """Key -> what the footer says it does (only the bindings shown)."""
    return {k: b.binding.description for k, b in app.screen.active_bindings.items()
            if b.binding.show and b.enabled}


async def test_footer_says_back_while_reading_and_quit_on_the_list(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        assert _footer_words(app)["q"] == "Quit"
        await pilot.press("enter")
        await pilot.pause()
        assert _footer_words(app)["q"] == "Back"
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running and app.screen.stories.has_focus
        assert _footer_words(app)["q"] == "Quit"
        await pilot.press("q")
        await settle(pilot)
    assert app.return_code == 0


async def test_unknown_outlet_shows_where_the_article_came_from(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        sl = app.screen.stories
        ids = sl.listing.members[sl.story.id]
        lines = [sl.render_line(y).text for y in range(1, len(ids) + 1)]
        assert not any(" ? " in line or "N?" in line for line in lines)
        nameless = [app.ws.get(a) for a in ids if not app.ws.get(a).meta.get("source")]
        for a in nameless:  # the demo's Arabic sample names no outlet: its file name shows
            from tui.widgets.rows import origin_label

            assert any(origin_label(a.origin)[:6] in line for line in lines)


async def test_story_list_styles_follow_focus_and_theme(make):
    """The list resolves its styles once per focus state and theme: the cursor row is drawn
    in the focused colours, the blurred ones when the reader has focus, and anew after a theme
    change."""
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        sl = app.screen.stories

        def cursor_bg():
            y = sl.y_of(sl.cursor) - sl.scroll_offset.y
            return {seg.style.bgcolor for seg in sl.render_line(y) if seg.style} - {None}

        focused = cursor_bg()
        await pilot.press("enter")  # the reader takes focus
        await settle(pilot)
        assert not sl.has_focus and cursor_bg() != focused
        await pilot.press("q")
        await settle(pilot)
        assert sl.has_focus and cursor_bg() == focused
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await settle(pilot)
        assert cursor_bg() != focused
