"""Story-level actions: on a story row, read/unread, star, tag and archive apply to the whole
story (every article the list shows of it) and undo as one step; ``A`` marks the story read
from any of its rows (newsboat's ``A``)."""

from __future__ import annotations

from contextlib import asynccontextmanager

from tests.app.conftest import reopen, settle
from tui.keys import resolve_keymap

KEYS = resolve_keymap("default", None)


def key(bid: str) -> str:
    return KEYS[bid].split(",")[0]


async def press(pilot, *bids: str) -> None:
    """Press the keys of these binding ids, then let the saves and workers finish."""
    await pilot.press(*(key(b) for b in bids))
    await settle(pilot)


def triage(app, aids):
    """The triage of these articles as saved on disk."""
    ws = reopen(app.ws.root)
    return [ws.get(a).triage for a in aids]


@asynccontextmanager
async def the_biggest_story(make):
    """The app on the demo, the cursor on the first (biggest) story: (app, pilot, story, ids)."""
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        listing = app.screen.stories.listing
        story = listing.stories[0]
        yield app, pilot, story, list(listing.members[story.id])


async def test_star_on_a_story_row_stars_the_whole_story_and_undoes_in_one_step(make):
    async with the_biggest_story(make) as (app, pilot, story, ids):
        assert len(ids) > 1 and app.screen.stories.cursor.kind == "story"
        await press(pilot, "main.star")
        ws = reopen(app.ws.root)
        assert all(ws.get(a).triage.starred for a in ids)
        assert sum(a.triage.starred for a in ws.articles()) == len(ids)  # nothing else
        assert story.starred == len(ids)  # the row's count follows
        await press(pilot, "main.undo")  # one step puts back every article
        assert not any(a.triage.starred for a in reopen(app.ws.root).articles())


async def test_read_toggle_on_a_story_row_reads_the_whole_story(make):
    async with the_biggest_story(make) as (app, pilot, story, ids):
        await press(pilot, "main.toggle_read")
        assert all(t.read for t in triage(app, ids))
        assert story.unread == 0
        await press(pilot, "main.toggle_read")  # all read: the same key makes them unread
        assert not any(t.read for t in triage(app, ids))


async def test_an_article_row_still_acts_on_one_article(make):
    async with the_biggest_story(make) as (app, pilot, _story, ids):
        await press(pilot, "main.down", "main.star")
        ws = reopen(app.ws.root)
        assert [a for a in ids if ws.get(a).triage.starred] == [app.screen.current_id()]


async def test_story_read_key_reads_the_story_from_an_article_row(make):
    async with the_biggest_story(make) as (app, pilot, story, ids):
        await press(pilot, "main.down", "main.story_read")
        assert all(t.read for t in triage(app, ids))
        other = [a.id for a in app.ws.articles() if a.id not in ids]
        assert not any(t.read for t in triage(app, other))
        await press(pilot, "main.undo")
        assert not any(t.read for t in triage(app, ids))


async def test_tag_on_a_story_row_tags_the_whole_story(make):
    async with the_biggest_story(make) as (app, pilot, _story, ids):
        await pilot.press(key("main.tag"))
        await pilot.pause()
        await pilot.press(*"desk", "enter", "ctrl+s")
        await settle(pilot)
        ws = reopen(app.ws.root)
        assert all("desk" in ws.get(a).triage.tags for a in ids)
        assert sum("desk" in a.triage.tags for a in ws.articles()) == len(ids)
        await press(pilot, "main.undo")
        assert not any("desk" in a.triage.tags for a in reopen(app.ws.root).articles())


async def test_archive_on_a_story_row_archives_that_story_only(make):
    async with the_biggest_story(make) as (app, pilot, story, _ids):
        n = len(app.screen.stories.listing.stories)
        await press(pilot, "main.archive")
        archived = [s.id for s in reopen(app.ws.root).stories() if s.archived]
        assert archived == [story.id]
        assert len(app.screen.stories.listing.stories) == n - 1
        await press(pilot, "main.undo")
        assert not any(s.archived for s in reopen(app.ws.root).stories())


async def test_under_a_filter_a_story_row_acts_on_what_it_shows(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        app.screen.apply_query("lang:en")
        await settle(pilot)
        await pilot.press(key("main.first"))
        sl = app.screen.stories
        assert sl.cursor.kind == "story"
        shown = set(sl.listing.members[sl.story.id])
        hidden = set(sl.story.article_ids) - shown
        assert shown and hidden  # the Arabic version is in the story, not in the list
        await press(pilot, "main.star")
        ws = reopen(app.ws.root)
        assert all(ws.get(a).triage.starred for a in shown)
        assert not any(ws.get(a).triage.starred for a in hidden)
