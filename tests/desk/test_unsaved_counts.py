"""A story's counts after a triage key take from memory only the articles whose save is still
queued or failed (issue 16, review of session 28): the desk once kept every article it had
ever changed, so after more than ``COUNTS_ASKED`` changes in one story every later key read
every flag of the story again. Also the two guards of the counts no other test reached: an
article twice in one index write, and a changed article the index saved in another story
(no Textual)."""

from __future__ import annotations

import shutil

import pytest

from tests.desk.test_face_counts import lazy, stored_and_rebuilt
from tui.core.workspace import Workspace, index_sync
from tui.core.workspace import index_list as lists
from tui.desk.select import recount
from tui.desk.service import Desk


def spied(monkeypatch) -> list:
    """What the counts asked the index: ``flags_of`` (every flag), or the ids ``counts_of``
    was asked about."""
    asked: list = []
    flags_of, counts_of = lists.flags_of, lists.counts_of

    def every_flag(q, sid):
        asked.append("flags_of")
        return flags_of(q, sid)

    def counts(q, sid, aids=()):
        asked.append(sorted(aids))
        return counts_of(q, sid, aids)

    monkeypatch.setattr(lists, "flags_of", every_flag)
    monkeypatch.setattr(lists, "counts_of", counts)
    return asked


def test_saved_changes_are_counted_from_the_index_not_asked_again(demo_root, monkeypatch):
    desk = Desk(lazy(demo_root))
    listing = desk.select(None)
    story = listing.stories[0]  # the biggest
    sid, members = story.id, list(story.article_ids)
    assert len(members) >= 2
    start = story.starred
    monkeypatch.setattr(lists, "COUNTS_ASKED", 1)  # as past 500 changed articles at 1M
    asked = spied(monkeypatch)
    desk.toggle("starred", members[:-1])  # a star on many articles, saved
    assert desk.writer.unsaved() == set(members[:-1])
    desk.writer.save_now()
    assert desk.writer.unsaved() == set()
    asked.clear()  # (the story counted again once saved: ``Counts.saved``)
    desk.toggle("starred", members[-1:])  # then one more key in the story
    desk.recount([sid], listing)
    assert asked == [members[-1:]]  # only the unsaved one, never every flag
    assert listing.face(sid).starred == start + len(members)
    desk.writer.save_now()
    asked.clear()
    desk.recount([sid], listing)
    assert asked == [[]]
    assert listing.face(sid).starred == start + len(members)
    assert desk.ws.index.story(sid).starred == start + len(members)


@pytest.mark.parametrize(
    ("whole", "fails"),
    [(False, "update_triage"), (True, "write_article")],  # (whole: the file read again first)
)
def test_a_failed_save_stays_counted_from_memory(demo_root, monkeypatch, whole, fails):
    desk = Desk(Workspace.open(demo_root) if whole else lazy(demo_root))
    listing = desk.select(None)
    story = listing.stories[0]
    aid, start = story.article_ids[0], story.starred

    def refused(*_a, **_k):
        raise OSError("disk full")

    monkeypatch.setattr(desk.ws, fails, refused)
    desk.toggle("starred", [aid])
    desk.writer.save_now()
    assert desk.writer.unsaved() == {aid}  # memory says starred, the files do not
    desk.recount([story.id], listing)
    assert listing.face(story.id).starred == start + 1
    assert not Workspace.open(demo_root).get(aid).triage.starred
    if not whole:
        assert desk.ws.index.story(story.id).starred == start


def test_an_article_twice_in_one_write_moves_its_story_once(demo_template, tmp_path):
    root = tmp_path / "ws"
    shutil.copytree(demo_template, root)
    ws = lazy(root)
    story = ws.index.stories()[0]
    a = ws.get(story.article_ids[0])
    assert not a.triage.starred and not a.triage.read
    a.triage.starred = a.triage.read = True
    with ws:
        ws.write_article(a, log=False)
        index_sync.after_write(ws, [a, a])  # the same article twice in one batch
    stored, rebuilt = stored_and_rebuilt(ws)
    assert stored == rebuilt
    face = ws.index.story(story.id)
    assert (face.unread, face.starred) == (story.unread - 1, story.starred + 1)


def test_a_changed_article_saved_in_another_story_counts_as_new(demo_template, tmp_path):
    """The face held lists an article whose saved row is now in another story (moved by
    another process, or not indexed yet): its saved flags are not in this story's counts,
    so its flags in memory are added, not moved."""
    root = tmp_path / "ws"
    shutil.copytree(demo_template, root)
    ws = lazy(root)
    story = ws.index.stories()[0]
    aid = story.article_ids[0]
    a = ws.get(aid)
    a.story = aid
    with ws:
        ws.write_article(a)  # saved in a story of its own
    saved = ws.index.story(story.id)
    assert saved.size == story.size - 1
    a.triage.read, a.triage.starred = False, True  # in memory, not saved
    assert aid in story.article_ids
    recount(ws, story, {aid})
    assert (story.unread, story.starred) == (saved.unread + 1, saved.starred + 1)
