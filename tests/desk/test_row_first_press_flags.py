"""A story row's key read from the index keeps every article's own state: when its first
article is neither changed nor held the changed ones still come from memory, and one record
for alike articles never merges articles that differ in a flag the change does not set."""

from __future__ import annotations

import pytest

from tests.desk.synthetic import workspace_fixtures
from tests.desk.test_face_counts import lazy
from tests.desk.test_row_first_press import mixed
from tests.desk.test_row_star_desk import flags
from tui.core.workspace import Workspace
from tui.desk import current
from tui.desk.service import Desk

root_template, root = workspace_fixtures(40, "root")


def test_changed_articles_after_the_first_come_from_memory(root):
    members, _ = mixed(root)
    desk = Desk(lazy(root))
    desk.toggle("starred", members[1:])  # not saved: the index still has the old flags
    now = desk.current(members)  # members[0]: neither changed nor held
    assert [now[a].triage.starred for a in members[1:]] == [True] * (len(members) - 1)


def test_one_record_keeps_each_articles_other_flags(root):
    members, _ = mixed(root)  # members[0] starred, members[1] read and tagged
    before = flags(root, members)
    desk = Desk(lazy(root))
    desk.toggle("read", members)  # from the index: only "read" changes
    now = desk.current(members)
    assert {a: (n.triage.starred, n.triage.tags) for a, n in now.items()} == {
        a: (s, t) for a, (s, _, t) in before.items()
    }
    desk.writer.save_now()
    assert flags(root, members) == {a: (s, True, t) for a, (s, _, t) in before.items()}


@pytest.mark.parametrize("story_first", [2, 64])  # the story read whole, or the ids asked
def test_one_record_keeps_each_articles_story_and_note(root, monkeypatch, story_first):
    monkeypatch.setattr(current, "STORY_FIRST", story_first, raising=False)
    big, other = mixed(root)
    desk = Desk(lazy(root))
    desk.set_read(big, "read")  # big[2] and big[3] alike but for the note
    desk.note(big[3], "mine")
    desk.writer.save_now()
    desk = Desk(lazy(root))
    was = {
        **desk.current(big),
        **desk.current(other),
    }  # (big: its story read whole, at 2)
    whole = Workspace.open(root)
    assert {a: n.triage.note for a, n in was.items()} == {a: whole.get(a).triage.note for a in was}
    desk.toggle("starred", [*big, *other])  # from the index, alike but for story and note
    now = desk.current([*big, *other])
    assert {a: (n.story, n.triage.note) for a, n in now.items()} == {
        a: (n.story, n.triage.note) for a, n in was.items()
    }
