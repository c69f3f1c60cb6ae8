"""Session 34, a new user's first minutes: a missing workspace opened, help from the
comparison view, S in the reader."""

from __future__ import annotations

import html
import re

import pytest

from tests.app.conftest import main_ready, settle
from tests.desk.rank_corpus import JOLY, build_ranked


def _said(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_s_in_the_narrow_reader_sorts_and_says_so(make):
    # Before: S in the reader below 120 columns did nothing and said nothing (the list's key).
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.in_reader and not screen.stories.display
        before = screen.stories.sort
        await pilot.press("S")
        await settle(pilot)
        assert screen.stories.sort != before
        said = [m for m in _said(app) if m.startswith("Stories sorted")]
        assert said and "q shows it" in said[-1]
        assert screen.in_reader  # still reading


async def _screen_named(pilot, name: str, instead: str = ""):
    """The app's screen once it is ``name`` (no clock: as long as the app runs, or until the
    screen ``instead`` comes)."""
    app = pilot.app
    while type(app.screen).__name__ != name:
        if app._exception is not None or app.error is not None or app._exit:
            raise AssertionError(f"the app stopped: {app._exception!r}, {app.error!r}")
        assert type(app.screen).__name__ != instead, f"{instead} instead of {name}"
        await pilot.pause(0.02)
    await settle(pilot)
    return app.screen


async def _ingest(pilot, source: str):
    from tui.screens.ingest_dialog import IngestDialog

    await pilot.press("i")
    dialog = await _screen_named(pilot, "IngestDialog")
    assert isinstance(dialog, IngestDialog)
    await pilot.press(*source, "enter")
    await settle(pilot)
    while dialog.running:
        await pilot.pause(0.02)
    await settle(pilot)
    report = str(dialog.query_one("#ingest-report").render())
    await pilot.press("escape")
    await settle(pilot)
    return report


async def test_the_app_on_a_missing_workspace_makes_none_until_an_ingest(tmp_path):
    # Before: opening the app on a missing workspace made it (wiredesk.toml, .gitignore,
    # .cache/): reading created one. Now it says there is none and makes it on the first ingest
    # that reads a document.
    from tui.app import make_app
    from tui.config import Config

    root = tmp_path / "new" / "ws"
    app = make_app(root, config=Config())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _screen_named(pilot, "NoWorkspaceScreen", instead="MainScreen")
        assert screen.root == root
        shown = re.sub(r"<[^>]+>", "", app.export_screenshot()).replace("&#160;", " ")
        assert "no workspace at /" in shown and "ingest a file or folder (makes the" in shown
        assert not (tmp_path / "new").exists()
        # an ingest that reads no document makes nothing, and says so
        report = await _ingest(pilot, str(tmp_path / "nothing-here"))
        assert "failed" in report and "No workspace made" in report
        assert not (tmp_path / "new").exists()
        assert type(app.screen).__name__ == "NoWorkspaceScreen"
        # the first document read makes it, and the app opens it
        from tui.cli.app_cmd import sample_files

        report = await _ingest(pilot, str(sample_files()[0]))
        assert "1 added" in report and "Workspace made" in report
        main = await main_ready(pilot, listed=True)
        assert len(main.stories.listing.stories) == 1
    assert (root / "wiredesk.toml").is_file()


async def test_quitting_the_app_on_a_missing_workspace_leaves_the_disk_alone(tmp_path):
    from tui.app import make_app
    from tui.config import Config

    root = tmp_path / "ws"
    app = make_app(root, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await _screen_named(pilot, "NoWorkspaceScreen", instead="MainScreen")
        await pilot.press("R")  # no feeds: said, nothing made
        await settle(pilot)
        assert any("No feeds yet" in m for m in _said(app))
        await pilot.press("q")
        await settle(pilot)
    assert app.return_code == 0
    assert not root.exists()


async def _help_at(app, pilot) -> tuple[int, int]:
    """(the help's scroll offset, the line of the section it should show first)."""
    from textual.containers import VerticalScroll

    from tui.screens.help import HelpScreen

    await pilot.press("question_mark")
    await settle(pilot)
    help_ = app.screen
    assert isinstance(help_, HelpScreen)
    await pilot.pause()
    scroll = help_.query_one("#help-scroll", VerticalScroll)
    if help_.section is None:
        return scroll.scroll_y, 0
    section = help_.query_one(f"#help-{help_.section}")
    return round(scroll.scroll_y), section.virtual_region.y


async def test_help_from_the_comparison_view_opens_at_its_keys(make):
    # Before: it opened at "Anywhere", the comparison view's keys two pages below.
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        await pilot.press("d")
        await _screen_named(pilot, "CompareScreen")
        y, top = await _help_at(app, pilot)
        assert app.screen.section == "compare" and top > 20
        assert y == top
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "CompareScreen"


async def test_help_from_the_reader_opens_at_its_keys_and_from_the_list_at_the_top(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        assert await _help_at(app, pilot) == (0, 0)  # the list: "Anywhere", then its keys
        await pilot.press("escape", "enter")
        await settle(pilot)
        y, top = await _help_at(app, pilot)
        assert app.screen.section == "reader" and y == top > 20


@pytest.fixture(scope="module")
def ranked_root(tmp_path_factory):
    return build_ranked(tmp_path_factory)


@pytest.mark.parametrize("sort", ["size", "newest"])
async def test_slash_lists_an_exact_title_match_first(ranked_root, tmp_path, sort):
    # Before: "/joly" put the festival's three long pages ("jolly", a forgiven typo) first.
    import shutil

    from tui.app import make_app
    from tui.config import Config

    root = tmp_path / "ws"
    shutil.copytree(ranked_root, root, ignore=shutil.ignore_patterns(".lock"))
    app = make_app(root, config=Config(sort=sort))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        assert screen.stories.listing.stories[0].title != JOLY  # biggest/newest: the festival
        await pilot.press("slash", *"joly", "enter")
        await settle(pilot)
        while screen.stories.listing.partial or not screen.query_text:
            await pilot.pause(0.02)
        await settle(pilot)
        shown = screen.stories.listing.stories
        assert len(shown) == 2 and shown[0].title == JOLY
        # the list says its order is not the sort's alone (it said "biggest stories first")
        said = {"size": "biggest stories", "newest": "newest"}[sort]
        assert f"title matches first, then {said}" in str(screen.stories.border_title)
        await pilot.press("S")  # another sort: the title matches stay first, and it says so
        await settle(pilot)
        assert screen.stories.listing.stories[0].title == JOLY
        assert any("sorted title matches first, then" in m for m in _said(app)), _said(app)


async def test_r_with_no_feeds_names_the_workspace_for_the_shell(make, demo_root):
    # Before: "add some with `wiredesk feeds add URL`": typed in a shell, that follows the
    # feed in the default workspace, not in the one the app shows.
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        await pilot.press("R")
        while not any("No feeds yet" in m for m in _said(app)):
            await pilot.pause(0.02)
        said = next(m for m in _said(app) if "No feeds yet" in m)
        assert f"wiredesk feeds add URL -w {demo_root}`" in said
        # the empty list's guide names it too (its shell commands)
        assert app.screen.stories.where == f" -w {demo_root}"


def _shown(app) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")


async def test_the_default_workspace_missing_gets_commands_without_w(tmp_path, monkeypatch):
    # Before: `wiredesk ingest PATH -w /long/default/path`, though the default needs no -w.
    from tui.app import make_app
    from tui.config import Config

    root = tmp_path / "default" / "ws"
    monkeypatch.setenv("WIREDESK_WORKSPACE", str(root))
    app = make_app(root, config=Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await _screen_named(pilot, "NoWorkspaceScreen", instead="MainScreen")
        commands = [ln.strip() for ln in _shown(app).splitlines() if "wiredesk " in ln]
        assert "wiredesk ingest PATH" in commands and "wiredesk demo" in commands, commands
        assert not any("-w" in c for c in commands), commands
        await pilot.press("R")
        await settle(pilot)
        said = next(m for m in _said(app) if "No feeds yet" in m)
        assert "`wiredesk feeds add URL`" in said
        await pilot.press("i")
        dialog = await _screen_named(pilot, "IngestDialog")
        hint = str(dialog.query_one(".dialog--hint").render())
        assert "`wiredesk feeds add URL`" in hint and "-w" not in hint
    assert not root.parent.exists()


async def test_a_path_with_a_newline_is_shown_on_one_line(tmp_path):
    # Before: the path was shown raw: the newline split the status line ("yet" cut off) and
    # an ESC was dropped from the shell command, which then named another folder.
    from tui.app import make_app
    from tui.config import Config

    root = tmp_path / "a\nb \x1b[31mred"
    app = make_app(root, config=Config())
    async with app.run_test(size=(160, 30)) as pilot:
        screen = await _screen_named(pilot, "NoWorkspaceScreen", instead="MainScreen")
        status = str(screen.query_one("#status").render())
        assert "\n" not in status and status.endswith(" yet"), status
        shown = _shown(app)
        assert "\\x0ab \\x1b[31mred'" in shown, shown  # bash's $'...': the real path
        await pilot.press("i")
        dialog = await _screen_named(pilot, "IngestDialog")
        hint = str(dialog.query_one(".dialog--hint").render())
        assert "-w $'" in hint and "\\x1b" in hint, hint
    assert not root.exists()
