"""Pilot test: the writer's repaint of recounted stories reaches the list even when a progress
line follows it at once, and only the stories the list holds are looked up (second review)."""

from __future__ import annotations

from tests.app.conftest import main_ready
from tests.app.test_row_star_app import opened
from tui.desk.select import Listing
from tui.screens import main_messages as msg


async def test_a_repaint_followed_by_a_progress_line_is_drawn(make, demo_root, monkeypatch):
    app = make(workspace=opened(demo_root, True))
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        sl = screen.stories
        sid = sl.listing.stories[0].id
        drawn: list[list[str]] = []
        looked: list[str] = []
        redraw, index_of = sl.redraw, Listing.index_of
        sl.redraw = lambda ids=None, arts=None: drawn.append(list(ids or [])) or redraw(ids, arts)
        monkeypatch.setattr(Listing, "index_of", lambda ls, s: looked.append(s) or index_of(ls, s))
        # both queued before the screen handles either (as from the writer thread)
        screen.post_message(msg.Progress("", done=True, stories=["gone-story", sid]))
        screen.post_message(msg.Progress("Saving (starred): 50 of 120 articles"))
        await pilot.pause()
        assert drawn == [[sid]]  # not dropped, and the story no longer held left out
        assert "gone-story" not in looked
