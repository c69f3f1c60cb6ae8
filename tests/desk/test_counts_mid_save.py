"""A story's counts say what memory holds while the writer saves (issue 16: the app test of a
star on a story row, then ``u``, counted 1 star of 5 now and then): the writer reads each
article's file again before it writes it, and a workspace read whole held that file's old
state until the write, which the counts took for the article's own. A list read again (the
disk poll) while changes are still being saved counts them too. No Textual, no thread: the
save is stopped half-way by hand."""

from __future__ import annotations

import pytest

from tests.desk.test_face_counts import lazy
from tests.desk.test_row_star_desk import biggest
from tui.core.workspace import Workspace
from tui.desk.service import Desk


def opened(root, whole: bool) -> Workspace:
    return Workspace.open(root) if whole else lazy(root)


def shown(listing, sid: str):
    """The face of story ``sid`` as the list shows it (the window's pages read: the top)."""
    return next(s for s in listing.stories[:50] if s.id == sid)


@pytest.mark.parametrize("whole", [True, False])
def test_counts_asked_half_way_through_a_save_say_memory(demo_root, monkeypatch, whole):
    desk = Desk(opened(demo_root, whole))
    listing, story = biggest(desk)
    members, start = list(story.article_ids), story.starred
    desk.toggle("starred", members)
    desk.writer.save_now()
    assert desk.undo() is not None  # every article unstarred again in memory, not saved
    seen: list[int] = []
    write = desk.ws.write_article

    def half_way(a, *args, **kwargs):  # the file read again, not written yet
        desk.recount([story.id], listing)
        seen.append(listing.face(story.id).starred)
        return write(a, *args, **kwargs)

    monkeypatch.setattr(desk.ws, "write_article", half_way)
    desk.writer.save_now()
    assert seen == [start] * len(members)
    desk.recount([story.id], listing)
    assert listing.face(story.id).starred == start


@pytest.mark.parametrize("whole", [True, False])
def test_a_list_read_again_while_saving_counts_the_changes(demo_root, monkeypatch, whole):
    desk = Desk(opened(demo_root, whole))
    _, story = biggest(desk)
    members = list(story.article_ids)
    desk.toggle("starred", members)  # not saved yet
    monkeypatch.setattr(desk, "wait_saved", lambda timeout=0: False)  # (not within its wait)
    assert shown(desk.select(None, reload=True), story.id).starred == len(members)
    desk.writer.save_now()
    assert shown(desk.select(None, reload=True), story.id).starred == len(members)
