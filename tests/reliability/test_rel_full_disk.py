"""A full disk: the writer lock is still taken (writing its holder's pid is no condition of
it), so the save that fails names the file it could not write; and the lock is let go, so the
next save, once there is space, goes through at once (the app lives on after a failed save)."""

from __future__ import annotations

import pytest

from tui.core.workspace import Workspace, lock
from tui.core.workspace.lock import WriterLock


def test_the_lock_is_taken_and_let_go_when_its_pid_cannot_be_written(tmp_path, monkeypatch):
    def full(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(lock.os, "write", full)
    mine = WriterLock(tmp_path, timeout=0.2)
    with mine:
        assert mine.held
    monkeypatch.undo()
    with WriterLock(tmp_path, timeout=0.2) as other:  # another process's, in effect
        assert other.held


def test_a_save_on_a_full_disk_names_the_file_and_the_next_one_saves(make_ws, monkeypatch):
    root, ids = make_ws(1)
    ws = Workspace.open(root, lock_timeout=0.5)

    def full(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(lock.os, "write", full)
    monkeypatch.setattr("tui.core.workspace.atomic.os.write", full)
    with pytest.raises(OSError) as got:
        ws.update_triage(ids[0], starred=True)
    assert got.value.filename.endswith(f"{ids[0]}.toml")
    monkeypatch.undo()
    assert ws.update_triage(ids[0], starred=True).triage.starred  # no wait on our own lock
    assert Workspace.open(root).get(ids[0]).triage.starred
