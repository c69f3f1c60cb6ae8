"""Session 34, final mend: a new search puts the cursor on its first (best) story; R and i on
the missing-workspace screen see a workspace another command made meanwhile."""

from __future__ import annotations

import shutil

import pytest

from tests.app.conftest import main_ready, settle
from tests.app.test_newuser_s34 import _ingest, _said, _screen_named
from tests.desk.rank_corpus import JOLY, build_ranked


@pytest.fixture(scope="module")
def ranked_root(tmp_path_factory):
    return build_ranked(tmp_path_factory)


async def _searched(pilot, screen, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)
    while screen.stories.listing.partial or screen.stories.listing is None:
        await pilot.pause(0.02)
    await settle(pilot)


async def test_a_new_search_puts_the_cursor_on_its_first_story(ranked_root, tmp_path):
    # Before: "/joly" ranked "Joly meets Hayashi" first, but the cursor stayed on the festival
    # (the story it was on, now second): Enter opened the lower-ranked story.
    from tui.app import make_app
    from tui.config import Config

    root = tmp_path / "ws"
    shutil.copytree(ranked_root, root, ignore=shutil.ignore_patterns(".lock"))
    app = make_app(root, config=Config(sort="size"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await main_ready(pilot, listed=True)
        sl = screen.stories
        assert sl.story.title != JOLY  # the biggest story, the festival, under the cursor
        await _searched(pilot, screen, "slash", *"joly", "enter")
        assert [s.title for s in sl.listing.stories][0] == JOLY
        assert sl.cursor.kind == "story" and sl.story.title == JOLY
        # other refreshes keep the cursor where it is: a sort (S), the same search again
        await pilot.press("j")
        await settle(pilot)
        festival = sl.story.id
        assert sl.story.title != JOLY
        await pilot.press("S")
        await settle(pilot)
        assert sl.story.id == festival
        await _searched(pilot, screen, "slash", "enter")  # the words as they were: unchanged
        assert screen.query_text == "joly" and sl.story.id == festival
        # a filter typed with f is a new search too
        await _searched(pilot, screen, "f", *["backspace"] * 5, *"hayashi", "enter")  # joly + space
        assert screen.query_text == "hayashi"
        assert sl.cursor.kind == "story" and sl.cursor.index == 0 and sl.story.title == JOLY
        # clearing the filter keeps the story the cursor is on (as F did)
        await pilot.press("j")
        await settle(pilot)
        kept = sl.story.id
        await _searched(pilot, screen, "F")
        assert screen.query_text == "" and sl.story.id == kept
        # Enter opens the story the search ranked first
        await _searched(pilot, screen, "slash", *"joly", "enter")
        await pilot.press("enter")
        await settle(pilot)
        assert app.desk.get(screen.current_id()).title == JOLY


async def test_r_opens_a_workspace_made_meanwhile_and_fetches_its_feeds(tmp_path):
    # Before: R said "No feeds yet: there is no workspace" though a shell command (`wiredesk
    # feeds add URL -w DIR`, as the ingest dialog advises) had made it meanwhile.
    from tui.app import make_app
    from tui.cli import main
    from tui.cli.app_cmd import sample_files
    from tui.config import Config

    root = tmp_path / "ws"
    app = make_app(root, config=Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await _screen_named(pilot, "NoWorkspaceScreen", instead="MainScreen")
        await pilot.press("R")  # still none: said, nothing made
        await settle(pilot)
        assert any("there is no workspace" in m for m in _said(app))
        assert not root.exists()
        assert main(["-w", str(root), "ingest", "-q", str(sample_files()[0])]) == 0
        await pilot.press("R")
        await settle(pilot)  # the open's worker, then the refresh's
        await settle(pilot)
        assert type(app.screen).__name__ == "MainScreen", _said(app)
        main_screen = await main_ready(pilot, listed=True)
        assert len(main_screen.stories.listing.stories) == 1
        assert any("opened it" in m for m in _said(app)), _said(app)
        assert any("No feeds yet: add some" in m for m in _said(app)), _said(app)  # fetched


async def test_i_says_made_only_for_a_workspace_it_made(tmp_path):
    # Before: "Workspace made at DIR." for a workspace a shell command had made meanwhile.
    from tui.app import make_app
    from tui.cli import main
    from tui.cli.app_cmd import sample_files
    from tui.config import Config

    root = tmp_path / "ws"
    app = make_app(root, config=Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await _screen_named(pilot, "NoWorkspaceScreen", instead="MainScreen")
        first, second = sample_files()[:2]
        assert main(["-w", str(root), "ingest", "-q", str(first)]) == 0
        report = await _ingest(pilot, str(second))
        assert "1 added" in report and "Workspace made" not in report, report
        assert "made meanwhile" in report and str(root) in report, report
        main_screen = await main_ready(pilot, listed=True)
        assert main_screen.stories.listing.article_count == 2
