"""After the second review of the row-first change: retry() leaves memory alone, a count of
the writer thread that was not made is made later, a change of an article deleted meanwhile
does not block export, the repaint message is never dropped (no thread, no clock)."""

from __future__ import annotations

import threading

import pytest

from tests.desk.test_failed_saves import failing, opened, saved_by_hand
from tests.desk.test_row_star_desk import biggest, flags
from tui.core.workspace.paths import article_path
from tui.desk import counts as counts_mod
from tui.desk.service import Desk
from tui.screens.main_messages import Progress, Recounted


def setup(demo_root, whole):
    desk = Desk(opened(demo_root, whole))
    errors: list[str] = []
    desk.writer.on_error = lambda label, e: errors.append(f"{label}: {e}")
    listing, story = biggest(desk)
    return desk, errors, listing, story, story.article_ids[0]


@pytest.mark.parametrize("whole", [True, False])
def test_retry_beside_a_key_keeps_the_key_in_memory(demo_root, monkeypatch, whole):
    """A key pressed while the export worker retries (its change is in memory before or
    after the retry's): memory keeps the key's star, the retry makes no change in memory, and
    the file gets both the failed tag and the star."""
    desk, errors, listing, story, x = setup(demo_root, whole)
    failing(monkeypatch, desk)
    desk.tag([x], add=["kept"])
    desk.writer.save_now()
    monkeypatch.undo()
    w = desk.writer
    real = w.current
    fired: list[int] = []

    def current(aids):
        out = real(aids)
        if not fired:  # the UI thread's key lands between the retry's read and its write
            fired.append(1)
            desk.toggle("starred", [x])
        return out

    monkeypatch.setattr(w, "current", current)
    made = w.changes
    w.retry()
    monkeypatch.setattr(w, "current", real)
    if not fired:  # (the retry read nothing: the key lands after it)
        desk.toggle("starred", [x])
    assert desk.current([x])[x].triage.starred is True, "the key's star is gone from memory"
    assert w.changes == made + 1  # the key's change only: a retry changes nothing in memory
    w.save_now()
    assert flags(demo_root, [x])[x][0] is True and flags(demo_root, [x])[x][2] == ["kept"]
    assert w.failed() == [] and x not in w.pending_now


@pytest.mark.parametrize("whole", [True, False])
def test_retry_alone_saves_what_was_kept(demo_root, monkeypatch, whole):
    desk, errors, listing, story, x = setup(demo_root, whole)
    failing(monkeypatch, desk)
    desk.toggle("starred", [x])
    desk.writer.save_now()
    assert desk.writer.failed() == [x]
    desk.writer.retry()  # fails again: kept, named again
    desk.writer.save_now()
    assert desk.writer.failed() == [x] and len(errors) == 2
    monkeypatch.undo()
    desk.writer.retry()
    desk.writer.save_now()
    assert flags(demo_root, [x])[x][0] is True and desk.writer.failed() == []
    assert desk.current([x])[x].triage.starred is True and desk.writer.unsaved() == set()


@pytest.mark.parametrize("whole", [True, False])
def test_a_deleted_article_does_not_block_export(demo_root, monkeypatch, tmp_path, whole):
    desk, errors, listing, story, x = setup(demo_root, whole)
    failing(monkeypatch, desk)
    desk.toggle("starred", [x])
    desk.writer.save_now()
    monkeypatch.undo()
    article_path(demo_root, x).unlink()  # another process deletes it
    saved_by_hand(monkeypatch, desk)
    desk.select(None, reload=True)  # (the app's poll reads the folder again)
    desk.export(None, "json", tmp_path / "out.json")  # tried once more: gone, named, dropped
    assert desk.writer.failed() == [] and x not in desk.writer.pending_now
    assert len(errors) == 2 and "no article with id" in errors[-1]
    desk.export(None, "json", tmp_path / "out2.json")
    assert len(errors) == 2  # named once


def _stories(demo_root, whole):
    """The demo's one story last, after two the list does not hold (a count starts last)."""
    desk = Desk(opened(demo_root, whole))
    listing = desk.select(None)
    desk.counts.shown = listing
    sids = ["gone-1", "gone-2", listing.stories[0].id]
    return desk, listing, sids


@pytest.mark.parametrize("whole", [True, False])
def test_a_discarded_count_leaves_the_rest_to_count(demo_root, monkeypatch, whole):
    desk, listing, sids = _stories(demo_root, whole)
    w = desk.writer
    real = counts_mod.recount

    def recount(*a, **k):  # a key changes memory while the first story is counted
        real(*a, **k)
        w._changes += 1

    monkeypatch.setattr(counts_mod, "recount", recount)
    desk.counts.saved(sids, desk.lock)  # type: ignore[arg-type]
    monkeypatch.setattr(counts_mod, "recount", real)
    assert w._saved_stories == set(sids)  # none counted: each counted with the next save
    real_face = listing.face(sids[-1])
    real_face.unread = 999  # a stale count (another process's change): the next save counts
    x = real_face.article_ids[0]
    desk.toggle("read", [x])
    w.save_now()
    assert real_face.unread != 999 and w._saved_stories == set()


def test_a_busy_lock_leaves_the_stories_to_count(demo_root):
    desk, listing, sids = _stories(demo_root, True)
    busy = threading.Lock()
    busy.acquire()  # (held elsewhere: a look over the folder, an export's snapshot)
    desk.counts.saved(set(sids), busy)  # type: ignore[arg-type]
    assert desk.writer._saved_stories == set(sids)


def test_the_repaint_is_not_replaced_by_a_progress_line():
    """Textual drops a message when it ``can_replace`` the next one queued."""
    assert not Recounted(["s1"]).can_replace(Progress("saving"))
    assert not Recounted(["s1"]).can_replace(Recounted(["s2"]))
    assert Progress("saving 1").can_replace(Progress("saving 2"))
    assert not Progress("saving 1").can_replace(Progress("", done=True))  # (the end is shown)
    assert not Progress("saving 1").can_replace(Recounted(["s1"]))


@pytest.mark.parametrize("whole", [True, False])
def test_held_names_only_the_stories_the_list_holds(demo_root, whole):
    desk = Desk(opened(demo_root, whole))
    listing = desk.select(None)
    sid = listing.stories[0].id
    assert listing.held([sid, "nosuchstory"]) == [sid]
