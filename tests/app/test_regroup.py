"""Correcting the grouping from the app: split an article out, join stories, move articles."""

from __future__ import annotations

from tests.app.conftest import reopen, settle


async def go_to(pilot, screen, story_id: str) -> None:
    """Move the cursor with keys to the row of story ``story_id``."""
    await pilot.press("g")
    for _ in range(50):
        if screen.stories.cursor.kind == "story" and screen.stories.story.id == story_id:
            return
        await pilot.press("j")
    raise AssertionError(f"story {story_id} not in the list")


def story_sizes(ws) -> list[int]:
    return sorted(len(s.article_ids) for s in ws.stories())


async def test_split_join_and_move_last_and_reach_the_disk(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = app.screen
        assert story_sizes(app.ws) == [5]
        await pilot.press("X")  # on a story row with nothing marked: says how, changes nothing
        await settle(pilot)
        assert story_sizes(app.ws) == [5]
        await pilot.press("j", "j")  # the second article
        leaving = screen.current_id()
        await pilot.press("X")
        await settle(pilot)
        assert story_sizes(app.ws) == [1, 4]
        assert story_sizes(reopen(app.ws.root)) == [1, 4]
        corrections = (app.ws.root / "corrections.toml").read_text()
        assert "cannot_link" in corrections and leaving in corrections
        big = next(s for s in app.ws.stories() if len(s.article_ids) == 4)
        # mark the lone article's story, then join it into the big story
        await go_to(pilot, screen, app.ws.get(leaving).story)
        await pilot.press("m")
        await settle(pilot)
        assert screen.stories.marked == {leaving}
        await go_to(pilot, screen, big.id)
        await pilot.press("J")
        await settle(pilot)
        assert story_sizes(app.ws) == [5] and not screen.stories.marked
        assert app.ws.get(leaving).story == big.id
        await pilot.press("u")  # undo the join
        await settle(pilot)
        assert story_sizes(app.ws) == [1, 4] and story_sizes(reopen(app.ws.root)) == [1, 4]
        await pilot.press("u")  # and the split
        await settle(pilot)
        assert story_sizes(app.ws) == [5]
        assert "cannot_link = []" in (app.ws.root / "corrections.toml").read_text()
        await pilot.press("P")  # nothing marked: says how, changes nothing
        await settle(pilot)
        assert story_sizes(app.ws) == [5]


async def test_move_marked_articles_into_the_story_under_the_cursor(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = app.screen
        await pilot.press("j", "m", "m")  # mark the first two articles
        await settle(pilot)
        moving = set(screen.stories.marked)
        assert len(moving) == 2
        await pilot.press("X")  # the two marked articles leave together
        await settle(pilot)
        assert story_sizes(app.ws) == [2, 3]
        new = {app.ws.get(a).story for a in moving}
        assert len(new) == 1
        one = sorted(moving)[0]
        home = next(s.id for s in app.ws.stories() if s.id not in new)
        screen.stories.marked = {one}
        await go_to(pilot, screen, home)
        await pilot.press("P")
        await settle(pilot)
        assert story_sizes(app.ws) == [1, 4] and app.ws.get(one).story == home
        again = reopen(app.ws.root)
        assert again.get(one).story == home
        assert story_sizes(again) == [1, 4]
