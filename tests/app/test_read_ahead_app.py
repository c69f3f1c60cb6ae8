"""Pilot test: the cursor coming to a story row has its story's saved triage read ahead, off
the UI thread (``tui.desk.ahead``), so the first star on that row reads no story from the
index on the UI thread (issue 16), and is counted, saved and undone as before."""

from __future__ import annotations

import asyncio
import threading

from tests.app.conftest import settle
from tests.app.test_row_star_app import on_biggest_story_row, opened, starred_on_disk
from tui.desk import current
from tui.screens import main as main_mod


async def held(ahead, aid: str) -> None:
    for _ in range(500):  # the read ahead's thread done (a wait, not a limit)
        if ahead.story(aid) is not None:
            break
        await asyncio.sleep(0.01)
    assert ahead.story(aid) is not None  # (read ahead, and the index not changed since)


def on_ui_thread(app, monkeypatch) -> list[str]:
    """Every statement the keys' connection is asked on the UI thread from now on."""
    said: list[str] = []
    real = app.ws.index.point

    def point(sql, params=()):
        if threading.current_thread() is threading.main_thread():
            said.append(sql)
        return real(sql, params)

    monkeypatch.setattr(app.ws.index, "point", point)
    return said


async def star_reading_no_story(pilot, monkeypatch, root, story) -> None:
    """``s`` on the story's row: no story read on the UI thread, counted at once, saved."""
    app, members = pilot.app, list(story.article_ids)
    said = on_ui_thread(app, monkeypatch)
    await pilot.press("s")
    assert current.BY_STORY not in said and current.BY_IDS not in said
    assert app.desk.face(story.id).starred == len(members)
    await settle(pilot)
    assert starred_on_disk(root, members) == [True] * len(members)


async def test_the_first_star_on_a_story_row_reads_no_story_on_the_ui_thread(
    make, demo_root, monkeypatch
):
    monkeypatch.setattr(current, "STORY_FIRST", 2)  # the demo's stories are small
    app = make(workspace=opened(demo_root))
    async with app.run_test(size=(120, 30)) as pilot:
        screen, story = await on_biggest_story_row(pilot)
        members = list(story.article_ids)
        await held(app.desk.writer.ahead, members[0])
        before = starred_on_disk(demo_root, members)
        await star_reading_no_story(pilot, monkeypatch, demo_root, story)
        await pilot.press("u")
        await settle(pilot)
        assert starred_on_disk(demo_root, members) == before


async def test_a_first_star_after_the_look_over_reads_no_story_on_the_ui_thread(
    make, demo_root, monkeypatch
):
    """The app's look over (``LOOK_AFTER`` s after the first paint) used to commit even when
    it found nothing, which put the read ahead out of date (review of session 32). It is run
    here at once, rather than waited for."""
    monkeypatch.setattr(current, "STORY_FIRST", 2)
    monkeypatch.setattr(main_mod, "LOOK_AFTER", 3600)  # (the one below instead)
    app = make(workspace=opened(demo_root))
    async with app.run_test(size=(120, 30)) as pilot:
        screen, story = await on_biggest_story_row(pilot)
        members = list(story.article_ids)
        ahead = app.desk.writer.ahead
        await held(ahead, members[0])
        assert app.desk.look_over() == (0, [])  # nothing changed by hand
        assert ahead.story(members[0]) is not None  # nothing committed: still good
        await star_reading_no_story(pilot, monkeypatch, demo_root, story)


async def test_a_failed_read_ahead_is_told_once(make, demo_root, monkeypatch):
    """A read ahead that fails (its key then reads the index itself) is shown once, as the
    writer's failures are: a notification, not only a log line."""
    monkeypatch.setattr(current, "STORY_FIRST", 2)
    monkeypatch.setattr(main_mod, "LOOK_AFTER", 3600)  # (no look over meanwhile)

    def broken(rows):
        raise ValueError("index unreadable")

    monkeypatch.setattr(current, "take_all", broken)
    app = make(workspace=opened(demo_root))
    async with app.run_test(size=(120, 30)) as pilot:
        await on_biggest_story_row(pilot)
        ahead = app.desk.writer.ahead
        for _ in range(500):  # (a wait, not a limit)
            if ahead.failed is not None:
                break
            await asyncio.sleep(0.01)
        ahead.ask(ahead._last)  # fails the same way again: not told twice
        for _ in range(500):
            if ahead.misses >= 1 and ahead._asked is None:
                break
            await asyncio.sleep(0.01)
        await pilot.pause()
        told = [n.message for n in app._notifications if "ahead" in n.message]
        assert told == ["Reading a story's triage ahead failed: ValueError: index unreadable (keys "
                        "read it themselves)."], told
