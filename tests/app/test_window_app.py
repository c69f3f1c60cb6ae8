"""The app on a workspace of 3,000 articles, opened as ``wiredesk`` opens it (lazily): the list
is a window onto the index, the cursor goes far past the first window, a star deep in the
list is shown at once and saved, a word search shows its first results then the whole answer,
and nothing reads the workspace whole."""

from __future__ import annotations

import pytest

from tests.app.conftest import main_ready, settle
from tests.desk.synthetic import workspace_fixtures
from tui.app import make_app
from tui.config import Config
from tui.core.query import parse
from tui.core.workspace import Workspace
from tui.desk import select
from tui.desk import window as win

pytestmark = pytest.mark.slow


big_template, big = workspace_fixtures(3000, "big")


async def opened(pilot):
    return (await main_ready(pilot, listed=True)).stories


async def test_a_star_far_past_the_first_window_is_shown_and_saved(big):
    whole = select(Workspace.open(big), None)  # what reading everything lists
    app = make_app(big, config=Config())
    async with app.run_test(size=(110, 30)) as pilot:
        sl = await opened(pilot)
        assert sl.listing.window is not None and not app.ws.loaded
        assert len(sl.listing.stories) == len(whole.stories) > 3 * win.PAGE
        assert sl.listing.article_count == whole.article_count == 3000
        while sl.cursor.index < 2 * win.PAGE + 17:  # well into the third page
            await pilot.press("pagedown")
        await pilot.press("j", "j", "k")
        while sl.cursor.kind != "story" or len(sl.story.article_ids) < 2:
            await pilot.press("j")  # a story row of a story of several articles
        at = sl.cursor.index
        assert sl.cursor.kind == "story" and sl.story.id == whole.stories[at].id
        deep = sl.story
        before = deep.starred
        await pilot.press("s")  # a story row: every article of the story
        assert sl.story is deep and deep.starred == len(deep.article_ids) > before
        await settle(pilot)
        assert app.desk.wait_saved(10)
        assert sl.listing.window.held <= win.PAGE * win.PAGES
        await pilot.press("G", "g")  # the last page and back: windows read again
        assert sl.cursor.index == 0 and sl.story.id == whole.stories[0].id
        assert not app.ws.loaded
    saved = Workspace.open(big)
    assert all(saved.get(aid).triage.starred for aid in deep.article_ids)
    again = select(Workspace.open(big, lazy=True), None, window=True)
    assert again.stories[at].id == deep.id and again.stories[at].starred == len(deep.article_ids)


async def test_a_word_search_shows_first_results_then_the_whole_answer(big):
    expected = select(Workspace.open(big), parse("harbour"))
    app = make_app(big, config=Config())
    async with app.run_test(size=(110, 30)) as pilot:
        sl = await opened(pilot)
        shown = []
        real = app.screen.stories.set_data

        def spy(listing, *args, **kwargs):
            shown.append(listing.partial)
            return real(listing, *args, **kwargs)

        sl.set_data = spy
        await pilot.press("slash", *"harbour", "enter")
        await settle(pilot)
        assert shown[-1] is False and True in shown  # first results, then the whole answer
        got = [(s.id, list(sl.listing.members[s.id])) for s in sl.listing.stories]
        assert got == [(s.id, list(expected.members[s.id])) for s in expected.stories]
        assert "harbour" in str(app.screen.query_one("#status").render())
        assert not app.ws.loaded
