"""Pilot tests: a star on a story row (every article of the story) shows at once, is saved by
the writer in the background (chunks, progress on the status line), undone exactly, and an
article it could not save is named (issue 16)."""

from __future__ import annotations

import pytest

from tests.app.conftest import main_ready, reopen, settle
from tui.core.workspace import Workspace
from tui.desk import writer as writer_mod


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    monkeypatch.setattr(writer_mod, "CHUNK", 2)  # the demo's stories are small


def opened(root, lazy: bool = True) -> Workspace:
    """The workspace as the app opens it (its index built first: else the index is built
    by reading every article, and the workspace is read whole), or read whole."""
    if lazy:
        Workspace.open(root, lazy=True).index.count_stories()
    return Workspace.open(root, lazy=lazy)


def starred_on_disk(root, aids) -> list[bool]:
    ws = reopen(root)
    return [ws.get(a).triage.starred for a in aids]


async def on_biggest_story_row(pilot):
    screen = await main_ready(pilot, listed=True)
    sl = screen.stories
    story = max(sl.listing.stories[:50], key=lambda s: len(s.article_ids))
    sl.goto(story.id)
    await pilot.pause()
    assert sl.cursor.kind == "story" and len(story.article_ids) >= 3
    return screen, story


@pytest.mark.parametrize("lazy", [True, False])  # the index's path, and one read whole
async def test_a_story_row_star_counts_at_once_saves_and_undoes(make, demo_root, lazy):
    app = make(workspace=opened(demo_root, lazy))
    async with app.run_test(size=(120, 30)) as pilot:
        screen, story = await on_biggest_story_row(pilot)
        assert app.desk.whole is not lazy
        members = list(story.article_ids)
        before = starred_on_disk(demo_root, members)
        shown: list[str] = []
        post = screen.post_message

        def posted(message):
            shown.append(getattr(message, "text", ""))
            return post(message)

        screen.post_message = posted
        await pilot.press("s")
        face = app.desk.face(story.id)
        assert face.starred == len(members)  # counted at once, saved or not
        await settle(pilot)
        assert starred_on_disk(demo_root, members) == [True] * len(members)
        n = len(members)
        assert f"Saving (starred): 2 of {n} articles" in shown  # the status line, chunk by chunk
        assert f"Saving (starred): {n} of {n} articles" in shown
        await pilot.press("u")
        assert app.desk.face(story.id).starred == sum(before)
        await settle(pilot)
        assert starred_on_disk(demo_root, members) == before
        assert app.desk.writer.unsaved() == set()
        assert app.desk.whole is not lazy


@pytest.mark.parametrize("lazy", [True, False])
async def test_an_article_not_saved_is_named(make, demo_root, monkeypatch, lazy):
    app = make(workspace=opened(demo_root, lazy))
    async with app.run_test(size=(120, 30)) as pilot:
        screen, story = await on_biggest_story_row(pilot)
        assert app.desk.whole is not lazy
        members = list(story.article_ids)
        bad = members[-1]
        real = app.desk.ws.update_triage

        def refuse_one(aid, **changes):
            if aid == bad:
                raise OSError("disk full")
            return real(aid, **changes)

        monkeypatch.setattr(app.desk.ws, "update_triage", refuse_one)
        await pilot.press("s")
        await settle(pilot)
        said = [str(n.message) for n in app._notifications]
        assert any("Not saved (starred)" in m and bad in m and "disk full" in m for m in said)
        assert starred_on_disk(demo_root, members) == [a != bad for a in members]
        assert app.desk.face(story.id).starred == len(members)  # memory still says it
