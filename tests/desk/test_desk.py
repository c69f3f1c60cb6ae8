"""The service layer without Textual: selection, triage and undo, corrections, saved filters,
change detection, and waiting for saves without polling."""

from __future__ import annotations

import asyncio
import threading

from tests.app.conftest import reopen
from tui.core.query import parse
from tui.core.workspace import Workspace
from tui.desk import Desk, DiskChange, Split, select, select_articles
from tui.desk.filters import load as load_filters
from tui.desk.filters import save as save_filter


def started(root) -> Desk:
    desk = Desk(Workspace.open(root))
    desk.start()
    return desk


def test_one_rule_for_archived_stories(demo_root):
    ws = Workspace.open(demo_root)
    first = ws.stories()[0]
    ws.set_story_state(first.id, archived=True)
    hidden = select(ws, None)
    assert first.id not in hidden.members and hidden.archived_left_out == 1
    assert first.id in select(ws, parse("archived")).members  # the filter names it
    assert first.id not in select(ws, parse("-archived")).members
    assert first.id in select(ws, None, include_archived=True).members  # the caller asks
    arts, listing = select_articles(ws, parse("lang:en"), everything=True)
    assert listing.archived_left_out == 1  # said, not lost silently
    assert not any(a.story == first.id for a in arts)
    # the command line's `stories` (the workspace's own selection) keeps the same rule
    assert first.id in {s.id for s, _ in ws.stories_matching(parse("archived"))}
    assert first.id not in {s.id for s, _ in ws.stories_matching(None)}


def test_a_story_read_at_once_is_one_undo_step(demo_root):
    desk = started(demo_root)
    story = desk.faces()[0]
    ids = list(story.article_ids)
    desk.set_read(ids, "story read")
    assert desk.wait_saved(10)
    assert all(reopen(demo_root).get(a).triage.read for a in ids)
    step = desk.undo()
    assert step is not None and {s.aid for s in step.articles} == set(ids)
    assert desk.wait_saved(10)
    assert not any(reopen(demo_root).get(a).triage.read for a in ids)
    assert desk.undo() is None


def test_toggle_and_archive_update_the_faces_shown(demo_root):
    desk = started(demo_root)
    story = desk.faces()[0]
    assert desk.toggle("starred", story.article_ids) == "starred"
    desk.recount([story.id])
    assert story.starred == story.size
    assert desk.archive([story.id]) == (True, 1) and story.archived
    assert desk.wait_saved(10)
    assert reopen(demo_root).stories()[0].archived
    desk.undo()
    assert not story.archived


def test_flush_waits_without_blocking_the_event_loop(demo_root):
    desk = Desk(Workspace.open(demo_root))  # no writer thread yet: nothing gets saved
    aid = desk.faces()[0].article_ids[0]
    desk.toggle("starred", [aid])
    assert desk.wait_saved(0.05) is False  # times out instead of hanging

    async def main() -> tuple[bool, int]:
        ticks = 0

        async def tick() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.01)

        ticker = asyncio.create_task(tick())
        threading.Timer(0.2, desk.start).start()  # the writer starts later
        saved = await desk.flush(10)
        ticker.cancel()
        return saved, ticks

    saved, ticks = asyncio.run(main())
    assert saved and reopen(demo_root).get(aid).triage.starred
    assert ticks >= 5  # the loop kept running while the desk waited


def test_a_correction_is_a_dataclass_and_undoes(demo_root):
    desk = started(demo_root)
    big = next(s for s in desk.faces() if s.size > 2)
    leaving = big.article_ids[0]
    changed = desk.correct([Split(big.id, (leaving,))], "split")
    assert leaving in changed and reopen(demo_root).get(leaving).story != big.id
    step = desk.undo()
    assert step is not None and step.regroup is not None
    desk.undo_regroup(step)
    assert reopen(demo_root).get(leaving).story == big.id


def test_deleting_a_saved_filter_can_be_undone(demo_root):
    desk = started(demo_root)
    desk.save_filter("ja", "tag:japan")
    desk.save_filter("ja", None)
    assert load_filters(demo_root) == []
    step = desk.undo()
    assert step is not None and step.filters == (("ja", "tag:japan"),)
    desk.undo_filters(step)
    assert load_filters(demo_root) == [("ja", "tag:japan")]


def test_check_disk_tells_what_another_process_changed(demo_root):
    desk = Desk(Workspace.open(demo_root))
    assert desk.check_disk() is DiskChange.NONE
    other = Workspace.open(demo_root)
    save_filter(other, "mine", "+starred")
    assert desk.check_disk() is DiskChange.FILTERS
    other.update_triage(other.articles()[0].id, starred=True)
    assert desk.check_disk() is DiskChange.WORKSPACE
    assert desk.check_disk() is DiskChange.NONE


def test_a_failed_save_is_reported_and_a_note_kept(demo_root):
    failures: list[str] = []
    desk = Desk(Workspace.open(demo_root), on_error=lambda label, e: failures.append(label))
    aid = desk.faces()[0].article_ids[0]
    desk.ws.lock.timeout = 0.1
    holder = Workspace.open(demo_root)
    holder.lock.acquire()
    try:
        desk.start()
        assert desk.note(aid, "keep me")
        assert desk.wait_saved(10)
    finally:
        holder.lock.release()
    assert failures == ["note"] and desk.unsaved_notes == {aid: "keep me"}


def test_an_export_while_changes_are_still_saving_is_refused(demo_root, tmp_path, monkeypatch):
    """The files would not yet hold the triage the screen shows: said, nothing written."""
    import pytest

    desk = started(demo_root)
    monkeypatch.setattr(desk.writer, "wait_saved", lambda timeout=None: False)
    out = tmp_path / "notes.md"
    with pytest.raises(RuntimeError, match="still being saved"):
        desk.export(None, "md", out)
    assert not out.exists()
