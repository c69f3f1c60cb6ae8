"""A story's saved triage read ahead (``tui.desk.ahead``), off the UI thread, before the first
key on its row (issue 16: that read was 5-6 ms of a 17 ms first press on a story of 2,500).
The key then reads no story from the index, and gets exactly what the index would answer it
now: anything committed since the read ahead (a save of this process, another process, a
catch-up with hand edits) makes the key read the index itself. No Textual, no thread: the
reads ahead run in the test's thread (``run_once``)."""

from __future__ import annotations

import time

import pytest

from tests.desk.synthetic import workspace_fixtures
from tests.desk.test_face_counts import lazy
from tests.desk.test_row_first_press import as_files, mixed, statements
from tests.desk.test_row_star_desk import flags
from tui.core.workspace import Workspace
from tui.desk import ahead as ahead_mod
from tui.desk import current
from tui.desk.service import Desk

root_template, root = workspace_fixtures(40, "root")  # stories of one to four articles


@pytest.fixture(autouse=True)
def small_stories(monkeypatch):
    monkeypatch.setattr(current, "STORY_FIRST", 2)  # the demo's stories are small


def read_ahead(desk: Desk, members: list[str]) -> None:
    desk.writer.ahead.ask(members[0], thread=False)
    desk.writer.ahead.run_once()


def test_a_story_read_ahead_spares_the_key_its_read(root, monkeypatch):
    members, _ = mixed(root)
    desk = Desk(lazy(root))
    read_ahead(desk, members)
    assert desk.writer.ahead.reads == 1
    said = statements(monkeypatch, desk.ws)
    now = desk.current(members)
    assert current.BY_STORY not in said and current.BY_IDS not in said  # no story read
    assert as_files(root, now) == flags(root, members)
    alike = {(n.triage.starred, n.triage.read, tuple(n.triage.tags)) for n in now.values()}
    assert len({id(n) for n in now.values()}) == len(alike)  # one record for the alike ones


def test_a_star_on_a_story_read_ahead_is_saved_and_undone(root):
    members, _ = mixed(root)
    before = flags(root, members)
    desk = Desk(lazy(root))
    read_ahead(desk, members)
    desk.toggle("starred", members)
    desk.writer.save_now()
    assert [s for s, _, _ in flags(root, members).values()] == [True] * len(members)
    desk.undo()
    desk.writer.save_now()
    assert flags(root, members) == before


def test_a_commit_since_the_read_ahead_makes_the_key_read_the_index(root, monkeypatch):
    members, _ = mixed(root)
    desk = Desk(lazy(root))
    read_ahead(desk, members)
    other = Workspace.open(root, lazy=True)  # another process stars one of them
    was = flags(root, members[-1:])[members[-1]][0]
    other.update_triage(members[-1], starred=not was)
    said = statements(monkeypatch, desk.ws)
    now = desk.current(members)
    assert current.BY_STORY in said  # what was read ahead is not the index now
    assert as_files(root, now) == flags(root, members)
    assert now[members[-1]].triage.starred is not was


def test_a_commit_during_the_read_ahead_keeps_nothing(root, monkeypatch):
    members, _ = mixed(root)
    desk = Desk(lazy(root))
    real = desk.ws.index.ahead  # (the rows are read on a connection of their own)
    other = Workspace.open(root, lazy=True)

    def ahead(sql, params=()):
        rows = real(sql, params)
        assert sql == current.BY_STORY
        other.update_triage(members[0], add_tags=["late"])  # right after the rows were read
        return rows

    monkeypatch.setattr(desk.ws.index, "ahead", ahead)
    read_ahead(desk, members)
    assert desk.writer.ahead.reads == 0
    assert desk.writer.ahead.misses == 1  # (the idle re-read waits longer after each)
    assert "late" in desk.current(members)[members[0]].triage.tags
    monkeypatch.setattr(desk.ws.index, "ahead", real)
    read_ahead(desk, members)  # a read kept: waits as usual again
    assert (desk.writer.ahead.reads, desk.writer.ahead.misses) == (1, 0)


def test_the_same_index_is_not_read_again_and_old_stories_are_let_go(root, monkeypatch):
    desk = Desk(lazy(root))
    stories = sorted(desk.select(None).stories, key=lambda s: -len(s.article_ids))
    monkeypatch.setattr(ahead_mod, "KEEP", 2)
    first = list(stories[0].article_ids)
    read_ahead(desk, first)
    read_ahead(desk, first)  # the index the same: not read again
    assert desk.writer.ahead.reads == 1
    for s in stories[1:3]:
        read_ahead(desk, list(s.article_ids))
    assert desk.writer.ahead.reads == 3
    assert desk.writer.ahead.story(first[0]) is None  # the oldest of three, let go
    assert desk.writer.ahead.story(stories[2].article_ids[0]) is not None


def test_a_workspace_read_whole_reads_nothing_ahead(root):
    desk = Desk(Workspace.open(root))
    assert desk.writer.ahead is None
    desk.read_ahead(list(desk.select(None).stories[0].article_ids))  # (nothing to do)


def test_a_notice_that_fails_does_not_end_the_read_ahead(root, monkeypatch):
    """``on_failure`` raising (the app closing, a bug): the thread keeps reading ahead."""
    members, _ = mixed(root)
    told: list[Exception] = []

    def notice(e: Exception) -> None:
        told.append(e)
        raise KeyError("the app is gone")

    real, calls = current.take_all, []

    def broken_once(rows):
        calls.append(rows)
        if len(calls) == 1:
            raise ValueError("index unreadable")
        return real(rows)

    monkeypatch.setattr(current, "take_all", broken_once)
    ahead = ahead_mod.ReadAhead(lazy(root), notice)
    try:
        ahead.ask(members[0])
        for _ in range(1000):  # (a wait, not a limit)
            if told and (
                ahead._thread is None or not ahead._thread.is_alive() or ahead._asked is None
            ):
                break
            time.sleep(0.01)
        ahead.ask(members[0])  # read again: the thread is still there to do it
        for _ in range(1000):
            if ahead.reads:
                break
            time.sleep(0.01)
    finally:
        ahead.stop()
    assert len(told) == 1 and ahead.failed == "ValueError: index unreadable"
    assert ahead.reads == 1
