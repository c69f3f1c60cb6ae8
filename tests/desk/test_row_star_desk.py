"""A triage key on a story row (every article of the story) reads no article file on the key's
thread: the flags and the undo step come from memory and the index, the writer saves the files
in chunks, says how far it got and names what it could not save (issue 16: a star on a story
of 2,464 articles read each file, about a second). No Textual."""

from __future__ import annotations

import pytest

from tests.desk.test_face_counts import lazy, stored_and_rebuilt
from tui.core.workspace import Workspace
from tui.core.workspace.loading import Records
from tui.desk import writer as writer_mod
from tui.desk.service import Desk
from tui.desk.writer import NotSaved


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(writer_mod, "CHUNK", 2)  # the demo's stories are small


def no_file_reads(monkeypatch) -> list[str]:
    """Every article file read from now on (the key must read none)."""
    read: list[str] = []
    real = Records.read_article

    def spy(self, path):
        read.append(path.stem)
        return real(self, path)

    monkeypatch.setattr(Records, "read_article", spy)
    return read


def flags(root, aids) -> dict[str, tuple]:
    """The triage the files say (a workspace read whole, as a new process reads it)."""
    ws = Workspace.open(root)
    return {
        a: (ws.get(a).triage.starred, ws.get(a).triage.read, ws.get(a).triage.tags) for a in aids
    }


def biggest(desk: Desk):
    listing = desk.select(None)
    story = listing.stories[0]
    assert len(story.article_ids) >= 3
    return listing, story


def test_a_story_row_star_reads_no_file_and_saves_every_article(
    demo_root, monkeypatch, small_chunks
):
    desk = Desk(lazy(demo_root))
    listing, story = biggest(desk)
    members = list(story.article_ids)
    read = no_file_reads(monkeypatch)
    assert desk.toggle("starred", members) == "starred"
    desk.recount([story.id], listing)
    assert read == []  # flags and the undo step from the index
    assert story.starred == len(members)
    assert all(desk.held.brief(a).triage.starred for a in members)  # the rows draw it
    assert desk.pending == -(-len(members) // 2)  # one save a chunk, not one an article
    progress: list[tuple] = []
    desk.writer.on_progress = lambda *p: progress.append(p)
    desk.writer.save_now()
    assert progress[0] == ("starred", 2, len(members), 0)
    assert progress[-1] == ("starred", len(members), len(members), 0)
    assert all(s for s, _, _ in flags(demo_root, members).values())
    assert desk.writer.unsaved() == set() and desk.writer.pending_now == {}
    stored, rebuilt = stored_and_rebuilt(desk.ws)
    assert stored[story.id] == rebuilt[story.id]


def test_undo_puts_back_exactly_the_flags_before(demo_root, small_chunks):
    desk = Desk(lazy(demo_root))
    listing, story = biggest(desk)
    members = list(story.article_ids)
    desk.toggle("starred", members[:1])  # one starred before, one tagged
    desk.tag(members[1:2], add=["keep"])
    desk.writer.save_now()
    before = flags(demo_root, members)
    desk.toggle("starred", members)  # every article starred
    desk.toggle("read", members)
    assert desk.undo() is not None and desk.undo() is not None
    desk.recount([story.id], listing)
    assert story.starred == 1
    desk.writer.save_now()
    assert flags(demo_root, members) == before
    assert desk.current(members)[members[1]].triage.tags == ["keep"]


def test_a_save_failed_part_way_is_named_and_the_rest_is_saved(
    demo_root, monkeypatch, small_chunks
):
    errors: list[tuple[str, Exception]] = []
    desk = Desk(lazy(demo_root), on_error=lambda label, e: errors.append((label, e)))
    listing, story = biggest(desk)
    members = list(story.article_ids)
    bad = members[1]
    real = desk.ws.update_triage

    def refuse_one(aid, **changes):
        if aid == bad:
            raise OSError("disk full")
        return real(aid, **changes)

    monkeypatch.setattr(desk.ws, "update_triage", refuse_one)
    desk.toggle("starred", members)
    desk.writer.save_now()
    assert len(errors) == 1  # once, when the change is done
    label, e = errors[0]
    assert label == "starred" and isinstance(e, NotSaved)
    assert e.failed[0][0] == bad and bad in str(e) and "disk full" in str(e)
    assert f"1 of {len(members)} articles" in str(e)
    saved = flags(demo_root, members)
    assert not saved[bad][0] and all(saved[a][0] for a in members if a != bad)
    assert desk.writer.unsaved() == {bad}  # memory says starred, its file does not
    desk.recount([story.id], listing)
    assert story.starred == len(members)
    assert desk.ws.index.story(story.id).starred == len(members) - 1


def test_a_stop_part_way_leaves_files_old_or_new_and_the_index_in_step(demo_root, small_chunks):
    desk = Desk(lazy(demo_root))
    _, story = biggest(desk)
    members = list(story.article_ids)
    desk.toggle("starred", members)
    job = desk.writer._jobs.get_nowait()  # the first chunk saved, then the process ends
    desk.writer._save(job)
    saved = flags(demo_root, members)
    assert [saved[a][0] for a in members] == [a in job.keys for a in members]
    ws = lazy(demo_root)  # opened again
    stored, rebuilt = stored_and_rebuilt(ws)
    assert stored == rebuilt
    assert ws.index.story(story.id).starred == len(job.keys)


def test_a_change_queued_over_one_being_saved_is_what_memory_shows(demo_root):
    desk = Desk(lazy(demo_root))
    _, story = biggest(desk)
    aid = story.article_ids[0]
    desk.toggle("starred", [aid])
    job = desk.writer._jobs.get_nowait()
    desk.toggle("starred", [aid])  # unstarred before the star is saved
    desk.writer._save(job)  # the star saved (the file read again, held)
    desk.writer._jobs.task_done()
    assert not desk.get(aid).triage.starred and not desk.held.brief(aid).triage.starred
    desk.writer.save_now()
    assert not flags(demo_root, [aid])[aid][0]


def test_faces_read_while_a_change_is_saved_count_it(demo_root):
    desk = Desk(lazy(demo_root))
    listing, story = biggest(desk)
    saved = story.starred
    desk.toggle("starred", list(story.article_ids))  # not saved yet (no writer thread)
    other = listing.ordered("newest")  # its pages read from the index again
    face = next(s for s in other.stories if s.id == story.id)
    assert face.starred == len(story.article_ids) != saved
    assert desk.ws.index.story(story.id).starred == saved
