"""Atomic writes: a new folder is made, the file's mode is kept, and no temporary file is left
(the temporary names are the ones ``doctor`` knows)."""

from __future__ import annotations

import os

import pytest

from tui.core.workspace import atomic


def test_writes_into_a_new_folder_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "a" / "b" / "x.toml"
    atomic.write_atomic(target, "one\n", sync=False)
    assert target.read_text() == "one\n"
    atomic.write_atomic(target, "two\n")
    assert target.read_text() == "two\n"
    assert os.listdir(target.parent) == ["x.toml"]


def test_keeps_the_mode_and_names_temporaries_as_doctor_expects(tmp_path, monkeypatch):
    target = tmp_path / "x.txt"
    target.write_text("old")
    target.chmod(0o640)
    names = []
    real = atomic._temp
    monkeypatch.setattr(atomic, "_temp", lambda folder, stem: names.append(
        os.path.basename((r := real(folder, stem))[1])) or r)
    atomic.write_atomic(target, b"new")
    assert target.stat().st_mode & 0o777 == 0o640 and target.read_bytes() == b"new"
    assert len(names) == 1 and atomic.is_temp_name(names[0]) and names[0].startswith(".x.txt.")


def test_a_failed_write_removes_its_temporary(tmp_path, monkeypatch):
    target = tmp_path / "x.txt"
    monkeypatch.setattr(os, "replace", lambda a, b: (_ for _ in ()).throw(OSError("full")))
    with pytest.raises(OSError):
        atomic.write_atomic(target, "data")
    assert os.listdir(tmp_path) == []


def test_a_missing_folder_that_cannot_be_made_is_an_error(tmp_path):
    (tmp_path / "file").write_text("")
    with pytest.raises(OSError):
        atomic.write_atomic(tmp_path / "file" / "x.txt", "data")


def test_sync_dirs_fsyncs_few_files_and_syncs_all_for_many(tmp_path, monkeypatch):
    atomic.sync_dirs([])  # what earlier tests left waiting
    synced, global_syncs = [], []
    monkeypatch.setattr(atomic, "fsync_file", synced.append)
    monkeypatch.setattr(os, "sync", lambda: global_syncs.append(1))
    for n in range(3):
        atomic.write_atomic(tmp_path / f"f{n}.txt", "x", sync=False)
    atomic.write_atomic(tmp_path / "cache.bin", "x", sync=None)  # disposable: never synced
    atomic.sync_dirs([tmp_path])
    assert synced == [tmp_path / f"f{n}.txt" for n in range(3)] and not global_syncs
    atomic.sync_dirs([tmp_path])  # nothing waits any more
    assert len(synced) == 3
    monkeypatch.setattr(atomic, "FSYNC_MAX", 2)
    for n in range(3):
        atomic.write_atomic(tmp_path / f"g{n}.txt", "x", sync=False)
    atomic.sync_dirs([])
    assert global_syncs == [1] and len(synced) == 3


def test_short_writes_are_completed_and_the_stat_is_the_files(tmp_path, monkeypatch):
    """``os.write`` may write fewer bytes than asked: the rest is written; the status returned
    is the one a ``stat`` of the path gives."""
    real = os.write
    calls = []

    def short(fd, data):
        calls.append(len(data))
        return real(fd, bytes(data[:3]))

    data = "héllo, wörld\n" * 5
    target = tmp_path / "x.txt"
    monkeypatch.setattr(os, "write", short)
    st = atomic.write_atomic(str(target), data)
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == data and len(calls) > 1
    now = os.stat(target)
    assert (st.st_mtime_ns, st.st_size, st.st_ino) == (now.st_mtime_ns, now.st_size, now.st_ino)


def test_a_durable_write_fsyncs_the_file_before_its_rename_and_the_folder_after(
        tmp_path, monkeypatch):
    done = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: done.append("file") or real_fsync(fd))
    monkeypatch.setattr(os, "replace", lambda a, b: done.append("rename") or real_replace(a, b))
    monkeypatch.setattr(atomic, "fsync_dir", lambda folder: done.append(("dir", str(folder))))
    atomic.write_atomic(tmp_path / "x.txt", "data")
    assert done == ["file", "rename", ("dir", str(tmp_path))]
    done.clear()
    atomic.write_atomic(tmp_path / "y.txt", "data", sync=None)
    assert done == ["rename"]
