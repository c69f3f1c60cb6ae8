"""Session 36, the app as a new user meets it: searching again after nothing matched, the
reader's dates, the help's pane row, the palette's sign on the Linux console."""

from __future__ import annotations

from tests.app.conftest import main_ready, open_ingest, settle


async def test_search_again_after_nothing_matched_replaces_the_failed_words(make):
    # Before: / on an empty answer opened on "qwertyzz " with the cursor after it, so the next
    # word narrowed an answer that was already empty ("qwertyzz japan": nothing again).
    from textual.widgets import Input

    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        await pilot.press("slash", *"qwertyzz", "enter")
        await settle(pilot)
        assert screen.query_text == "qwertyzz" and not screen.stories.listing.stories
        await pilot.press("slash")
        await pilot.pause()
        field = app.screen.query_one(Input)
        assert field.value == "qwertyzz"
        assert field.selected_text == "qwertyzz"  # selected: the next key replaces it
        await pilot.press(*"japan")
        assert field.value == "japan"
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_text == "japan" and screen.stories.listing.stories
        # an answer with stories still narrows: the words in force stay, a space after them
        await pilot.press("slash")
        await pilot.pause()
        field = app.screen.query_one(Input)
        assert field.value == "japan " and not field.selected_text
        await pilot.press(*"canada", "enter")
        await settle(pilot)
        assert screen.query_text == "japan canada"


async def test_failed_words_kept_with_the_right_arrow(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        await pilot.press("slash", *"qwertyzz", "enter")
        await settle(pilot)
        await pilot.press("slash", "right", "backspace", "backspace", *"jpan", "enter")
        await settle(pilot)
        assert screen.query_text == "qwertyjpan"


def test_reader_header_dates_read_as_a_person_reads_them(demo_root):
    # Before: "2022-10-11T19:41:00+05:30" on screen, as stored.
    from tui.core.workspace import Workspace
    from tui.screens.main_header import article_header, readable_date

    assert readable_date("2019-10-11T14:03:00+00:00") == "Fri 11 Oct 2019 14:03 UTC"
    assert readable_date("2019-10-11T14:03:00Z") == "Fri 11 Oct 2019 14:03 UTC"
    assert readable_date("2019-10-11") == "Fri 11 Oct 2019"
    assert readable_date("2019-10-11T14:03:09") == "Fri 11 Oct 2019 14:03:09"
    assert readable_date("2022-10-11T09:05:00-03:30") == "Tue 11 Oct 2022 09:05 -03:30"
    assert readable_date("2019-10") == "2019-10"  # not a whole date: as it is
    assert readable_date("last Friday") == "last Friday"
    ws = Workspace.open(demo_root)
    reuters = next(a for a in ws.articles() if a.meta.get("source") == "Reuters")
    meta = dict(article_header(reuters))["meta"]
    assert "Tue 11 Oct 2022 19:41 +05:30" in meta and "T19" not in meta
    assert reuters.meta["date"] == "2022-10-11T19:41:00+05:30"  # stored (and exported) as is


def test_help_names_each_pane_key_once():
    # Before: two rows "Tab  Other pane" and "Shift+Tab  Other pane".
    from rich.console import Console

    from tui.keys import resolve_keymap
    from tui.screens.help import help_sections

    for name in ("default", "vim", "emacs"):
        console = Console(width=100, record=True, color_system=None)
        for _sid, group in help_sections(resolve_keymap(name)):
            console.print(group)
        text = console.export_text()
        assert text.count("Other pane") == 1, name
        row = next(line for line in text.splitlines() if "Other pane" in line)
        assert "Tab" in row and "Shift+Tab" in row and " / " in row, row


async def test_the_palette_search_row_has_no_emoji(make, monkeypatch):
    # Before: Textual's magnifier emoji, which the Linux console cannot draw.
    from textual.command import CommandPalette, SearchIcon

    monkeypatch.setenv("TERM", "linux")
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await main_ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        icon = app.screen.query_one(SearchIcon).icon
        assert icon.isascii() and icon.strip(), repr(icon)


def _status(app) -> str:
    return str(app.screen.query_one("#ingest-status").render())


async def _until_idle(pilot, dialog) -> None:
    await settle(pilot)
    while dialog.running:
        await pilot.pause(0.02)
    await settle(pilot)


async def test_a_typed_star_shows_what_it_names_before_it_ingests(make, tmp_path, monkeypatch):
    # Before: `*` typed in the ingest field ingested every file below the folder the app was
    # started in, at once, unseen.

    here = tmp_path / "started-here"
    (here / "sub").mkdir(parents=True)
    for n in range(4):
        (here / f"note{n}.txt").write_text(
            f"Headline {n} about harbours\n\nThe harbour number "
            f"{n} reopened on Monday after a strike.\n"
        )
    (here / "sub" / "deep.md").write_text("# Deep headline\n\nA canal was dredged at last.\n")
    monkeypatch.chdir(here)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        n = len(app.ws.articles())
        dialog = await open_ingest(pilot, app)
        await pilot.press("asterisk", "enter")
        await _until_idle(pilot, dialog)
        said = _status(app)
        assert "5 files" in said and str(here) in said, said
        assert "note0.txt" in said and "and 2 more" in said and "Enter again" in said, said
        assert not str(dialog.query_one("#ingest-report").render())  # nothing ingested
        assert len(app.ws.articles()) == n
        # an edit shows the files anew: "*.txt" names 4, not the folder's 5
        await pilot.press("backspace", *"*.txt", "enter")
        await _until_idle(pilot, dialog)
        assert "4 files" in _status(app) and len(app.ws.articles()) == n, _status(app)
        await pilot.press("enter")  # the second Enter ingests them
        await _until_idle(pilot, dialog)
        assert "4 added" in str(dialog.query_one("#ingest-report").render())
        await pilot.press("escape")
        await settle(pilot)
        assert len(app.ws.articles()) == n + 4


async def test_a_folder_is_shown_first_a_file_is_ingested_at_once(make, tmp_path):

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("A headline on ports\n\nThe port reopened on Monday.\n")
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        dialog = await open_ingest(pilot, app)
        await pilot.press(*str(folder), "enter")
        await _until_idle(pilot, dialog)
        assert "1 file" in _status(app) and "a.txt" in _status(app), _status(app)
        assert not str(dialog.query_one("#ingest-report").render())
        await pilot.press("ctrl+u", *str(folder / "a.txt"), "enter")  # a file: at once
        await _until_idle(pilot, dialog)
        assert "1 added" in str(dialog.query_one("#ingest-report").render())
        # a pattern that matches nothing is not held: the report says so
        await pilot.press("ctrl+u", *str(tmp_path / "none*.txt"), "enter")
        await _until_idle(pilot, dialog)
        assert "no file matches" in str(dialog.query_one("#ingest-report").render())


async def test_comparison_header_of_one_outlet_at_80_columns_keeps_whole_facts(make):
    # Before: "- 1/2 R… · 2022-10-11T19:41:00+05:…": one letter of the outlet and title
    # ("Reuters: Japan..." cut to the name's least), the date cut at the margin.
    from tui.core.diff import CompareItem
    from tui.screens.compare import CompareScreen

    body = "Japan and Canada agreed on Tuesday to start talks on sharing intelligence. " * 20
    items = [
        CompareItem(
            "a1",
            "Reuters",
            "2022-10-11T19:41:00+05:30",
            "en",
            "Japan, Canada eye information-sharing pact, citing China",
            body,
        ),
        CompareItem(
            "a2",
            "Reuters",
            "2022-10-12",
            "en",
            "Japan and Canada agree to begin intelligence talks",
            body + " Also.",
        ),
    ]
    for width, titled in ((80, False), (120, True)):
        app = make()
        async with app.run_test(size=(width, 24)) as pilot:
            await main_ready(pilot)
            app.push_screen(CompareScreen(items))
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, CompareScreen)
            for side, day in (("left", "11 Oct 2022"), ("right", "12 Oct 2022")):
                head = str(screen.query_one(f"#compare-{side}-header").render())
                assert "Reuters" in head and day in head and "2022-10" not in head, head
                if titled:  # room for a title: it tells the two apart, 12 cells at least
                    title = head.split("Reuters: ", 1)[1].split(" \u00b7 ", 1)[0]
                    assert len(title.rstrip("\u2026")) >= 12, head
                else:  # none: the outlet alone, never one letter of a title
                    assert "Reuters:" not in head and "\u2026" not in head, head


def test_a_title_shown_in_a_header_keeps_a_dozen_cells_or_gives_way():
    from rich.cells import cell_len

    from tui.render.header import MIN_TITLE, pane_headers

    title = "Japan, Canada eye information-sharing pact, citing China"
    for width in range(30, 90):  # (the outlet and the day: 27 cells)
        sides = [
            ("- 1/2 ", (f"Reuters: {title}", "Reuters"), "2022-10-11", 361, "en"),
            ("+ 2/2 ", ("Reuters: Other", "Reuters"), "2022-10-12", 410, "en"),
        ]
        left, _right = pane_headers(sides, None, [width, width])
        assert cell_len(left) <= width and "11 Oct 2022" in left, (width, left)
        if "Reuters: " in left:
            shown = left.split("Reuters: ", 1)[1].split(" \u00b7 ", 1)[0].rstrip("\u2026")
            assert len(shown) >= MIN_TITLE, (width, left)
    # a side with no date beside one with a day (forms of different counts): no crash
    sides = [
        ("- 1/5 ", "Associated Press", "2022-10-11", 361, "en"),
        ("+ 5/5 ", "004", None, 352, "ar"),
    ]
    for width in (38, 60):
        left, right = pane_headers(sides, None, [width, width])
        assert "Oct 2022" in left and right.startswith("+ 5/5 004"), (left, right)


async def test_escape_while_a_glob_is_looked_at_closes_and_reads_nothing(
    make, tmp_path, monkeypatch
):
    import time

    from tui.desk import intake
    from tui.screens.ingest_dialog import IngestDialog

    (tmp_path / "a.txt").write_text("A headline on ports\n\nThe port reopened on Monday.\n")
    monkeypatch.chdir(tmp_path)
    looked = []
    real = intake.look

    def slow_look(sources, *_):  # (held until the dialog is closed: Esc during the look)
        while isinstance(app.screen, IngestDialog):
            time.sleep(0.01)
        looked.append(sources)
        return real(sources)

    monkeypatch.setattr("tui.screens.ingest_dialog.look", slow_look)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        n = len(app.ws.articles())
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("asterisk", "enter")
        await pilot.pause()
        assert "Looking" in _status(app)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, IngestDialog)
        assert looked == [["*"]] and len(app.ws.articles()) == n


def test_two_texts_of_one_outlet_and_day_told_apart_by_the_hour_when_the_title_cannot():
    from tui.render.header import pane_headers

    sides = [
        (
            "- 1/2 ",
            ("Hand feed: Bridge closed after ship strike", "Hand feed"),
            "2024-12-02T08:15:00+01:00",
            361,
            "en",
        ),
        (
            "+ 2/2 ",
            ("Hand feed: Ship strike shuts Kessel bridge", "Hand feed"),
            "2024-12-02T10:40:00+01:00",
            410,
            "en",
        ),
    ]
    left, right = pane_headers(sides, None, [39, 39])  # (80 columns, side by side)
    assert left == "- 1/2 Hand feed · 2 Dec 08:15 +01:00", left
    assert right == "+ 2/2 Hand feed · 2 Dec 10:40 +01:00", right
    left, right = pane_headers(sides, None, [80, 80])
    assert left.startswith("- 1/2 Hand feed: Bridge closed after ship strike · Mon 2 Dec 2024")
