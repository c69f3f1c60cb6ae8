"""Pilot tests of the dialogs: tags, notes, search, filters, help, palette, export, ingest."""

from __future__ import annotations

from textual.widgets import Input, Label, OptionList, Select, TextArea

from tests.app.conftest import reopen, settle
from tui.screens.note_editor import NoteEditor
from tui.screens.tag_editor import TagEditor, suggest, tag_change


def test_tag_change_semantics():
    assert tag_change("japan, canada, ", ["japan", "old"], replace=True).add == ("canada",)
    assert tag_change("japan, canada", ["japan", "old"], replace=True).remove == ("old",)
    bulk = tag_change("new, -old", ["x"], replace=False)
    assert bulk.add == ("new",) and bulk.remove == ("old",)


def test_suggestions_are_fuzzy():
    tags = ["japan", "canada", "intelligence", "defence"]
    assert suggest("japn", tags, [])[0] == "japan"
    assert suggest("inteligence", tags, [])[0] == "intelligence"
    assert "japan" not in suggest("", tags, ["japan"])


async def test_tag_editor_adds_tags_and_completes(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "t")
        assert isinstance(app.screen, TagEditor)
        await pilot.press(*"japan, canada", "enter")
        await settle(pilot)
        aid = app.screen.current_id()
        assert reopen(app.ws.root).get(aid).triage.tags == ["canada", "japan"]
        await pilot.press("j", "t", *"jpn")  # the next article: complete an existing tag
        options = app.screen.query_one(OptionList)
        assert str(options.get_option_at_index(0).prompt) == "japan"
        await pilot.press("tab")
        assert app.screen.query_one(Input).value == "japan, "
        await pilot.press("enter")
        await settle(pilot)
        assert reopen(app.ws.root).get(app.screen.current_id()).triage.tags == ["japan"]


async def test_tag_editor_removes_and_cancels(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "t", *"a, b", "enter", "t")
        field = app.screen.query_one(Input)
        assert field.value == "a, b, "
        field.value = "b"
        await pilot.press("enter")
        await settle(pilot)
        assert app.ws.get(app.screen.current_id()).triage.tags == ["b"]
        await pilot.press("t", "x", "escape")
        assert app.ws.get(app.screen.current_id()).triage.tags == ["b"]


async def test_note_editor_saves_with_its_key_and_esc_cancels(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")
        aid = app.screen.current_id()
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("thrown away")
        await pilot.press("escape")  # changed: asks first, stays open
        assert isinstance(app.screen, NoteEditor)
        assert "discards" in str(app.screen.query_one("#note-hint", Label).render())
        await pilot.press("escape")  # the second Esc discards
        await settle(pilot)
        assert not isinstance(app.screen, NoteEditor)
        assert reopen(app.ws.root).get(aid).triage.note == ""
        await pilot.press("n")
        area = app.screen.query_one(TextArea)
        area.insert("First line\nsecond [bold]line[/]")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.current_id() == aid
        assert reopen(app.ws.root).get(aid).triage.note == "First line\nsecond [bold]line[/]"
        await pilot.press("n")
        assert app.screen.query_one(TextArea).text.startswith("First line")
        await pilot.press("ctrl+s")


async def test_filter_search_and_saved_filters(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("j", "s", "j", "s")
        await settle(pilot)
        await pilot.press("f", *"+starred", "enter")
        await settle(pilot)
        screen = app.screen
        assert screen.query_text == "+starred"
        assert screen.stories.listing.article_count == 2
        await pilot.press("ctrl+s", *"mine", "enter")
        await settle(pilot)
        assert screen.saved == [("mine", "+starred")]
        await pilot.press("F")
        await settle(pilot)
        assert screen.stories.listing.article_count == len(app.ws.articles())
        await pilot.press("g")  # the saved filter row at the top
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_text == "+starred"
        await pilot.press("slash", *"Hayashi", "enter")  # a name inside article bodies
        await settle(pilot)
        assert "Hayashi" in screen.query_text and "+starred" in screen.query_text
        await pilot.press("g", "delete")
        await settle(pilot)
        assert screen.saved == [] and screen.stories.filters == []


async def test_cursor_on_a_saved_filter_survives_a_disk_poll(make):
    """The poll re-reads saved filters (another process may have changed them); a cursor on
    a saved filter row stays on that filter, so ``enter`` right after still applies it."""
    from tui.desk import filters as saved_filters

    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = app.screen
        with app.desk.lock:
            saved_filters.save(app.ws, "late", "+unread")
            saved_filters.save(app.ws, "mine", "+starred")
        screen._reload_filters()
        await settle(pilot)
        await pilot.press("g", "j")  # the second saved filter
        assert screen.stories.cursor.kind == "filter"
        chosen = screen.saved[screen.stories.cursor.index]
        with app.desk.lock:  # another process adds a filter that sorts first
            saved_filters.save(app.ws, "aaa", "+read")
        screen._reload_filters()  # what the poll does when the filters file changed
        screen.rebuild(None, reload=True)
        await settle(pilot)
        row = screen.stories.cursor
        assert row.kind == "filter" and screen.saved[row.index] == chosen
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_text == chosen[1]


async def test_bad_filter_shows_error_and_stays(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f", *"after:tomorrow", "enter")
        assert app.screen.query_one("#query-error").display
        await pilot.press("escape")
        assert app.screen.query_text == ""


async def test_help_lists_every_key_of_the_keymap(make):
    from tui.screens.help import key_rows

    app = make(keymap="vim")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        rows = key_rows(app.keys)
        assert {r[1] for r in rows} == set(app.keys)
        assert any(r[1] == "main.page_down" and "ctrl+f" in r[2] for r in rows)
        await pilot.press("escape")
        assert type(app.screen).__name__ == "MainScreen"


async def test_palette_offers_every_main_action(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for want in (
            "Star",
            "Tag",
            "Note",
            "Compare",
            "Search",
            "Filter",
            "Export",
            "Undo",
            "Archive story",
            "Ingest",
            "Refresh feeds",
        ):
            assert want in titles
        await pilot.press("ctrl+p")
        from textual.command import CommandPalette

        assert isinstance(app.screen, CommandPalette)  # (Textual's, with a plain sign)


async def test_export_dialog_writes_a_file(make, tmp_path):
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("j", "s", "e")
        out = tmp_path / "out.json"
        app.screen.query_one("#export-format", Select).value = "json"
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(out)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert out.is_file() and app.ws.get(app.screen.current_id()).id in out.read_text()


async def test_ingest_dialog_adds_files(make, tmp_path):
    src = tmp_path / "extra.txt"
    src.write_text(
        "A new headline about ports\n\nThe port of Example reopened on Monday after "
        "a long strike that stopped shipping for weeks.\n",
        encoding="utf-8",
    )
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        n = len(app.ws.articles())
        await pilot.press("i", *str(src), "enter")
        await settle(pilot)
        assert "1 added" in str(app.screen.query_one("#ingest-report").render())
        await pilot.press("escape")
        await settle(pilot)
        assert len(app.ws.articles()) == n + 1
        assert app.screen.stories.listing.article_count == n + 1


async def test_compare_opens_on_the_story(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("j", "d")
        assert type(app.screen).__name__ == "CompareScreen"
        await pilot.press("escape")
        assert type(app.screen).__name__ == "MainScreen"


async def test_explain_shows_a_dialog(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("j", "w")
        await settle(pilot)
        assert type(app.screen).__name__ == "TextDialog"
        await pilot.press("escape")


async def test_note_editor_tab_indents_and_esc_still_leaves(make):
    """A Tab typed in a note is kept (spaces to the next stop), not dropped; Esc and the save
    key, named in the hint line, still leave the editor."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        aid = app.screen.current_id()
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        hint = str(app.screen.query_one("#note-hint", Label).render())
        assert "Tab indents" in hint and "Esc cancels" in hint
        await pilot.press("tab", *"ab", "tab", "c", "enter", "tab", "tab", "d")
        area = app.screen.query_one(TextArea)
        assert area.text == "    ab  c\n        d" and area.has_focus
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, NoteEditor)
        assert reopen(app.ws.root).get(aid).triage.note == "    ab  c\n        d"
        await pilot.press("n", "tab", "escape")  # changed: asks first
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, NoteEditor)
        assert reopen(app.ws.root).get(aid).triage.note == "    ab  c\n        d"


async def test_note_editor_tab_over_a_selection_indents_its_lines(make):
    """Tab over a selection indents every line it touches (it used to replace the selection,
    the whole note, by four spaces); Shift+Tab takes them back; both are one undo each."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "n")
        assert isinstance(app.screen, NoteEditor)
        hint = str(app.screen.query_one("#note-hint", Label).render())
        assert "Tab indents" in hint and "Shift+Tab unindents" in hint
        assert app.screen.query_one("#note-hint", Label).size.height == 1  # fits at 80 columns
        area = app.screen.query_one(TextArea)
        await pilot.press(*"one", "enter", *"two", "enter", *"three")
        await pilot.press("shift+up", "shift+up", "shift+home")  # everything selected
        assert area.selected_text == "one\ntwo\nthree"
        await pilot.press("tab")
        assert area.text == "    one\n    two\n    three"
        assert area.selected_text == area.text  # still selected: another Tab indents again
        await pilot.press("tab")
        assert area.text == "        one\n        two\n        three"
        await pilot.press("shift+tab", "shift+tab", "shift+tab")  # no further than the margin
        assert area.text == "one\ntwo\nthree"
        await pilot.press("up", "home", "shift+down")  # line 2 to the start of line 3: 1 line
        assert area.selection == ((1, 0), (2, 0))
        await pilot.press("tab")
        assert area.text == "one\n    two\nthree"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert reopen(app.ws.root).get(app.screen.current_id()).triage.note == (
            "one\n    two\nthree"
        )


async def test_note_editor_shift_tab_unindents_the_cursor_line(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "n", "tab", "tab", *"ab", "enter", "space", *"cd")
        area = app.screen.query_one(TextArea)
        assert area.text == "        ab\n cd"
        await pilot.press("up", "end", "shift+tab")  # the cursor's line only, to the last stop
        assert area.text == "    ab\n cd" and area.cursor_location == (0, 6)
        await pilot.press("down", "shift+tab")  # 1 space: back to the margin
        assert area.text == "    ab\ncd" and area.cursor_location[0] == 1


async def test_note_editor_shift_tab_unindents_a_line_indented_with_tabs(make):
    """A tab character in the indent (a note written elsewhere, pasted) reaches the next stop:
    Shift+Tab took back spaces only and left a tab-indented line where it was."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "n")
        area = app.screen.query_one(TextArea)
        area.load_text("\tab\n\t\tcd\n  \tef\n\t  gh")
        area.move_cursor((0, 3))
        await pilot.press("shift+tab")
        assert area.text.split("\n")[0] == "ab" and area.cursor_location == (0, 2)
        area.select_all()
        await pilot.press("shift+tab")
        assert area.text == "ab\n\tcd\nef\n\tgh"  # "  \t" reaches one stop, "\t  " two
        await pilot.press("shift+tab")
        assert area.text == "ab\ncd\nef\ngh"
