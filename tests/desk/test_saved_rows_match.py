"""Reviewer's tests (rev-row): the index row of an article says what its file says, whatever the
app's keys do meanwhile; an article saved after a failed save is answered from disk again."""

from __future__ import annotations

import sqlite3
import tomllib
from pathlib import Path

from tests.desk.test_face_counts import lazy
from tui.core.workspace import Workspace, index_sync
from tui.core.workspace.paths import article_file
from tui.desk.service import Desk


def file_and_row(root: Path, aid: str) -> tuple[bool, bool]:
    f = tomllib.loads(Path(article_file(root, aid)).read_text(encoding="utf-8"))
    db = sqlite3.connect(root / ".cache" / "index.sqlite")
    (row,) = db.execute("SELECT starred FROM articles WHERE id=?", (aid,)).fetchone()
    db.close()
    return bool(f.get("triage", {}).get("starred", False)), bool(row)


def keys_between_file_and_row(monkeypatch, desk: Desk, target: str, keys) -> None:
    """Run ``keys`` (the UI thread) once ``target``'s file is written, before its index row."""
    real = index_sync.after_write

    def hooked(ws, arts, *a, **k):
        if any(x.id == target for x in arts):
            keys()
        return real(ws, arts, *a, **k)

    monkeypatch.setattr(index_sync, "after_write", hooked)


def biggest_members(desk: Desk) -> list[str]:
    story = max(desk.select(None).stories, key=lambda s: len(s.article_ids))
    return list(story.article_ids)


def test_an_undo_pressed_during_a_save_leaves_the_row_saying_what_the_file_says(
    demo_root, monkeypatch
):
    lazy(demo_root)  # the index built
    ws = Workspace.open(demo_root)  # read whole: the keys change the held articles
    ws.index.count_stories()
    desk = Desk(ws)
    members = biggest_members(desk)
    desk.toggle("starred", members)
    keys_between_file_and_row(monkeypatch, desk, members[1], desk.undo)
    job = desk.writer._jobs.get_nowait()  # the star's save; the undo's is never run (a crash)
    desk.writer._save(job)
    file, row = file_and_row(demo_root, members[1])
    assert row == file


def test_an_article_opened_during_its_save_leaves_the_row_saying_what_the_file_says(
    demo_root, monkeypatch
):
    desk = Desk(lazy(demo_root))
    members = biggest_members(desk)
    desk.toggle("starred", members)

    def undo_then_open() -> None:
        desk.undo()
        desk.get(members[1])  # the note or tag editor opened on it

    keys_between_file_and_row(monkeypatch, desk, members[1], undo_then_open)
    job = desk.writer._jobs.get_nowait()
    desk.writer._save(job)
    file, row = file_and_row(demo_root, members[1])
    assert row == file


def test_an_article_saved_after_a_failed_save_is_answered_from_disk_again(demo_root):
    desk = Desk(lazy(demo_root))
    aid = biggest_members(desk)[0]
    real = desk.ws.update_triage
    calls = []

    def fail_once(key, **changes):
        calls.append(key)
        if len(calls) == 1:
            raise OSError("disk full")
        return real(key, **changes)

    desk.ws.update_triage = fail_once
    desk.toggle("starred", [aid])
    desk.writer.save_now()  # not saved (said)
    desk.toggle("starred", [aid])  # unstarred: saved
    desk.writer.save_now()
    other = Workspace.open(demo_root, lazy=True)  # another process stars it
    with other:
        other.update_triage(aid, starred=True)
    desk.select(None, reload=True)
    assert desk.writer.unsaved() == set()
    assert desk.current([aid])[aid].triage.starred
