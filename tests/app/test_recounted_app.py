"""Pilot test: the writer's repaint of recounted stories reaches the list even when a progress
line follows it at once, and only the stories the list holds are looked up (second review)."""

from __future__ import annotations

import threading

from textual.widgets import Static

from tests.app.conftest import main_ready
from tests.app.test_row_star_app import opened
from tui.desk.select import Listing
from tui.screens import main_messages as msg
from tui.screens.main_header import status_line
from tui.widgets.story_draw import Row


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
        screen.post_message(msg.Recounted(["gone-story", sid]))
        screen.post_message(msg.Progress("Saving (starred): 50 of 120 articles"))
        await pilot.pause()
        assert drawn == [[sid]]  # not dropped, and the story no longer held left out
        assert "gone-story" not in looked


async def test_a_recount_made_in_the_writer_thread_redraws_its_row_and_the_status_line(
    make, demo_root
):
    """The writer's path end to end: its ``on_saved`` called from a thread of its own (as the
    writer calls it once a save is done) counts the story again, and the count it changed
    reaches the screen (``Recounted``, posted across threads): the row is drawn again, not
    served from the rows drawn, and the status line is written again."""
    app = make(workspace=opened(demo_root, True))
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        sl = screen.stories
        story = sl.listing.stories[0]
        face = app.desk.counts.shown.face(story.id)
        real = face.unread
        y = sl.y_of(Row("story", 0)) - sl.scroll_offset.y
        face.unread = 999  # a stale count (another process changed its articles meanwhile)
        sl.redraw([story.id])
        assert f"(999/{story.size})" in sl.render_line(y).text  # drawn, and held drawn
        status = screen.query_one("#status", Static)
        status.update("a line of an earlier job", layout=False)
        writer = threading.Thread(target=app.desk.writer.on_saved, args=({story.id},))
        writer.start()
        writer.join()
        assert face.unread == real  # counted again in that thread
        for _ in range(20):  # (the message is handled within a few turns of the loop)
            if str(status.render()) != "a line of an earlier job":
                break
            await pilot.pause()
        assert f"({real}/{story.size})" in sl.render_line(y).text
        line = status_line(sl.listing, screen.query_text, len(sl.marked), raw=screen.show_raw)
        assert str(status.render()) == line.plain
