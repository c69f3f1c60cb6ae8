"""A change whose save failed is never lost, nor hidden (review of session 31): the next save of
that article writes it too (a damaged file is still never overwritten, and the article is
named again); an export is refused while it is not saved; the tag editor offers its tags;
and once a save is done, the stories of the saved articles are counted again (another
process's change, hidden by memory while ours was queued). No Textual, no thread: the
writer's queue is saved by hand."""

from __future__ import annotations

import json

import pytest

from tests.desk.test_face_counts import lazy
from tests.desk.test_row_star_desk import biggest, flags
from tui.core.workspace import Workspace
from tui.core.workspace.paths import article_path
from tui.desk import counts
from tui.desk import writer as writer_mod
from tui.desk.jobs import merged
from tui.desk.service import Desk


def opened(root, whole: bool) -> Workspace:
    return Workspace.open(root) if whole else lazy(root)


def failing(monkeypatch, desk: Desk) -> None:
    """Every article file written from now on fails (after the writer read it again)."""

    def full(*_a, **_k):
        raise OSError("disk full")

    monkeypatch.setattr(desk.ws, "write_article", full)


def saved_by_hand(monkeypatch, desk: Desk) -> None:
    """``wait_saved`` saves the queue in this thread (as the writer thread would)."""
    w = desk.writer
    monkeypatch.setattr(w, "wait_saved", lambda timeout=0: w.save_now() or True)


@pytest.mark.parametrize("whole", [True, False])
def test_a_failed_change_is_written_with_the_next_save(demo_root, monkeypatch, whole):
    desk = Desk(opened(demo_root, whole))
    errors: list[str] = []
    desk.writer.on_error = lambda label, e: errors.append(label)
    listing, story = biggest(desk)
    x, start = story.article_ids[0], story.starred
    assert flags(demo_root, [x])[x] == (False, False, [])
    failing(monkeypatch, desk)
    desk.toggle("starred", [x])
    desk.tag([x], add=["kept", "dropped"])
    desk.writer.save_now()
    assert errors == ["starred", "tagged"] and desk.writer.failed() == [x]
    monkeypatch.undo()
    desk.tag([x], remove=["dropped"])
    desk.toggle("read", [x])  # saved: the star and the tags that failed are written with it
    desk.writer.save_now()
    assert flags(demo_root, [x])[x] == (True, True, ["kept"])
    assert desk.writer.unsaved() == set() and errors == ["starred", "tagged"]
    desk.recount([story.id], listing)
    assert listing.face(story.id).starred == start + 1


@pytest.mark.parametrize("whole", [True, False])
def test_a_damaged_file_keeps_the_change_and_names_it_again(demo_root, whole):
    desk = Desk(opened(demo_root, whole))
    errors: list[str] = []
    desk.writer.on_error = lambda label, e: errors.append(f"{label}: {e}")
    _, story = biggest(desk)
    x = story.article_ids[0]
    desk.get(x)  # (held before the damage)
    path = article_path(demo_root, x)
    good = path.read_bytes()
    path.write_bytes(b"title = [damaged\n")
    desk.toggle("starred", [x])
    desk.toggle("read", [x])
    desk.writer.save_now()
    assert [e.split(":")[0] for e in errors] == ["starred", "marked read"]
    assert all("not overwritten" in e for e in errors)
    assert path.read_bytes() == b"title = [damaged\n"  # never overwritten
    assert desk.writer.failed() == [x] and desk.get(x).triage.starred
    path.write_bytes(good)  # mended by hand: saved again (the export's retry)
    desk.writer.retry()
    desk.writer.save_now()
    assert len(errors) == 2 and desk.writer.failed() == []
    assert flags(demo_root, [x])[x][:2] == (True, True)


def test_two_changes_merged_say_what_the_two_in_turn_say():
    def apply(tags: set[str], c: dict) -> set[str]:
        return {t for t in tags if t not in set(c.get("remove_tags", ()))} | set(
            c.get("add_tags", ())
        )

    changes = [
        {"add_tags": ("a", "b"), "starred": True},
        {"remove_tags": ("a", "c"), "read": True},
        {"add_tags": ("c",), "remove_tags": ("b",), "note": ""},
        {"add_tags": ("a",), "remove_tags": ("a",), "starred": False},
        {},
    ]
    for first in changes:
        for then in changes:
            both = merged(first, then)
            for start in ({"a"}, {"b", "c"}, set(), {"d"}):
                assert apply(start, both) == apply(apply(start, first), then)
            for k in ("starred", "read", "note"):
                assert both[k] == (then.get(k) if then.get(k) is not None else first.get(k))


@pytest.mark.parametrize("whole", [True, False])
def test_an_export_is_refused_while_a_change_is_not_saved(demo_root, monkeypatch, tmp_path, whole):
    desk = Desk(opened(demo_root, whole))
    saved_by_hand(monkeypatch, desk)
    _, story = biggest(desk)
    x = story.article_ids[0]
    failing(monkeypatch, desk)
    desk.tag([x], add=["unsaved"])
    desk.writer.save_now()
    out = tmp_path / "out.json"
    with pytest.raises(RuntimeError, match=f"1 article\\(s\\) could not be saved \\({x}\\)"):
        desk.export(None, "json", out)  # (tried once more: it fails again)
    assert not out.exists()
    assert desk.get(x).triage.tags == ["unsaved"]  # the row shows it
    monkeypatch.setattr(desk.ws, "write_article", Workspace.write_article.__get__(desk.ws))
    assert desk.export(None, "json", out) == 1  # the retry saved it
    assert "unsaved" in json.dumps(json.loads(out.read_text()))
    assert desk.writer.failed() == []


@pytest.mark.parametrize("whole", [True, False])
def test_the_tags_offered_hold_those_not_saved(demo_root, monkeypatch, whole):
    desk = Desk(opened(demo_root, whole))
    _, story = biggest(desk)
    failing(monkeypatch, desk)
    desk.tag([story.article_ids[0]], add=["not-saved"])
    assert "not-saved" in desk.tags()  # queued
    desk.writer.save_now()
    assert "not-saved" in desk.tags()  # failed


@pytest.mark.parametrize("whole", [True, False])
def test_a_story_is_counted_again_once_saved(demo_root, monkeypatch, whole):
    """Another process marks an article read while our star of its story is being saved:
    memory (the star's record) hides it until saved; then the story is counted again."""
    monkeypatch.setattr(writer_mod, "CHUNK", 1)
    desk = Desk(opened(demo_root, whole))
    told: list[list[str]] = []
    desk.counts.on_recounted = told.append
    listing, story = biggest(desk)
    members, unread = list(story.article_ids), story.unread
    assert not desk.get(members[-1]).triage.read
    desk.toggle("starred", members)
    desk.recount([story.id], listing)
    Workspace.open(demo_root).update_triage(members[-1], read=True)  # another process
    desk.writer.save_now()
    assert listing.face(story.id).unread == unread - 1  # no key pressed since
    assert told == [[story.id]]


@pytest.mark.parametrize("whole", [True, False])
def test_a_count_made_once_saved_is_not_set_over_a_newer_key(demo_root, monkeypatch, whole):
    """A key pressed while the writer thread counts a story: the key's count is kept."""
    desk = Desk(opened(demo_root, whole))
    listing, story = biggest(desk)
    (x, y), start = story.article_ids[:2], story.starred
    desk.toggle("starred", [x])
    desk.recount([story.id], listing)
    real = counts.recount
    keys: list[str] = []

    def and_a_key(ws, face, *args):
        real(ws, face, *args)  # counted (x starred, y not)...
        if not keys:  # ...then a key stars y, and counts the story on its own thread
            keys.append(desk.toggle("starred", [y]))
            desk.recount([story.id], listing)

    monkeypatch.setattr(counts, "recount", and_a_key)
    w = desk.writer
    job = w._jobs.get_nowait()  # x's save only (y's star is queued once it is done)
    try:
        w._save(job)
    finally:
        w._jobs.task_done()
    assert keys == ["starred"] and w.unsaved() == {y}
    assert listing.face(story.id).starred == start + 2
