"""The read ahead of a story (``tui.desk.ahead``) after a commit (review of session 32): every
commit puts what was read ahead out of date, this desk's own saves included (they commit on
the shared connection, the mark is taken on the keys' own); so the story last asked is read
again after a save and when the thread is idle, and a look over that finds nothing commits
nothing. An error in a read ahead is named and does not end the thread. The reads run in the
test's thread (``run_once``), but for the two tests of the thread itself, which wait for it
(a wait, not a limit)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from tests.desk.synthetic import workspace_fixtures
from tests.desk.test_face_counts import lazy
from tests.desk.test_read_ahead import read_ahead
from tests.desk.test_row_first_press import as_files, mixed, statements
from tests.desk.test_row_star_desk import flags
from tui.core.workspace import Workspace
from tui.core.workspace.paths import article_path
from tui.desk import ahead as ahead_mod
from tui.desk import current
from tui.desk.service import Desk

root_template, root = workspace_fixtures(40, "root")  # stories of one to four articles


@pytest.fixture(autouse=True)
def small_stories(monkeypatch):
    monkeypatch.setattr(current, "STORY_FIRST", 2)  # the demo's stories are small


def forgotten(desk: Desk) -> None:
    """Memory let go of: the key must ask the index (or what was read ahead)."""
    desk.writer.pending_now.clear()
    desk.ws.records.few.clear()


def test_a_save_of_this_desk_puts_the_read_ahead_out_of_date(root, monkeypatch):
    members, _ = mixed(root)
    desk = Desk(lazy(root))
    read_ahead(desk, members)
    assert desk.writer.ahead.story(members[0]) is not None
    desk.toggle("starred", members[-1:])
    desk.writer.save_now()  # the desk's own writer commits (on the shared connection)
    assert desk.writer.ahead.story(members[0]) is None
    forgotten(desk)
    said = statements(monkeypatch, desk.ws)
    assert as_files(root, desk.current(members)) == flags(root, members)
    assert current.BY_STORY in said


def test_a_hand_edit_once_caught_up_puts_the_read_ahead_out_of_date(root):
    members, _ = mixed(root)
    desk = Desk(lazy(root))
    read_ahead(desk, members)
    path = Path(article_path(Path(root), members[-1]))
    text = path.read_text(encoding="utf-8")
    was = "starred = true" in text
    path.write_text(
        text.replace(f"starred = {str(was).lower()}", f"starred = {str(not was).lower()}"),
        encoding="utf-8",
    )
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    folder = path.parent.stat()
    os.utime(path.parent, ns=(folder.st_atime_ns, folder.st_mtime_ns + 10**9))  # (a rename)
    desk.ws.index._fresh_until = 0
    desk.check_disk()  # the app's poll: the index catches up (a commit on the shared one)
    assert desk.writer.ahead.story(members[0]) is None
    forgotten(desk)
    now = desk.current(members)
    assert as_files(root, now) == flags(root, members)
    assert now[members[-1]].triage.starred is not was


def test_the_story_last_asked_is_read_again_after_a_save(root):
    members, other = mixed(root)
    desk = Desk(lazy(root))
    ahead = desk.writer.ahead
    read_ahead(desk, members)
    desk.toggle("starred", other[:1])  # a save of another story
    desk.writer.save_now()  # (asks the read ahead again)
    assert ahead.story(members[0]) is None
    ahead.run_once()
    assert ahead.reads == 2 and ahead.story(members[0]) is not None
    ahead.renew()  # nothing committed since: looked at, not read
    ahead.run_once()
    assert ahead.reads == 2
    forgotten(desk)
    assert as_files(root, desk.current(members)) == flags(root, members)
    desk.read_ahead(other[:1])  # the cursor on a row not read ahead: the story left is
    Workspace.open(root, lazy=True).update_triage(members[0], add_tags=["late"])
    ahead.renew()  # not read again
    ahead.run_once()
    assert ahead.reads == 2 and ahead.story(members[0]) is None


def test_a_look_over_that_finds_nothing_keeps_the_read_ahead(root, monkeypatch):
    members, _ = mixed(root)
    desk = Desk(lazy(root))
    read_ahead(desk, members)
    desk.look_over()  # (the app's, 1.5 s after its first screen: nothing changed by hand)
    desk.look_over()
    assert desk.writer.ahead.story(members[0]) is not None
    said = statements(monkeypatch, desk.ws)
    assert as_files(root, desk.current(members)) == flags(root, members)
    assert current.BY_STORY not in said and current.BY_IDS not in said


def wait_for(ok) -> bool:
    """Whether ``ok()`` came true while the thread was waited for (a wait, not a limit: a
    thread that never does it fails the test, after 20 s, rather than hanging it)."""
    for _ in range(4000):
        if ok():
            return True
        time.sleep(0.005)
    return bool(ok())


def test_the_thread_reads_the_story_again_when_idle_after_a_commit(root, monkeypatch):
    members, _ = mixed(root)
    monkeypatch.setattr(ahead_mod, "RENEW", 0.01)
    desk = Desk(lazy(root))
    ahead = desk.writer.ahead
    try:
        ahead.ask(members[0])
        assert wait_for(lambda: ahead.story(members[0]) is not None)
        Workspace.open(root, lazy=True).update_triage(members[0], add_tags=["late"])
        assert ahead.story(members[0]) is None or ahead.reads == 2
        assert wait_for(lambda: ahead.story(members[0]) is not None)  # no ask: read again
        assert "late" in ahead.story(members[0])[members[0]].triage.tags
    finally:
        desk.close_ahead()


def test_an_error_in_a_read_ahead_is_named_and_the_thread_goes_on(root, monkeypatch):
    members, _ = mixed(root)
    desk = Desk(lazy(root))
    ahead = desk.writer.ahead
    real, failed = current.take_all, threading.Event()

    def take_all(rows):
        if not failed.is_set():
            failed.set()
            raise ValueError("broken")
        return real(rows)

    monkeypatch.setattr(current, "take_all", take_all)
    try:
        ahead.ask(members[0])
        assert wait_for(lambda: ahead.failed is not None)
        assert ahead.failed == "ValueError: broken" and ahead.story(members[0]) is None
        ahead.ask(members[0])
        assert wait_for(lambda: ahead.story(members[0]) is not None)
    finally:
        desk.close_ahead()
