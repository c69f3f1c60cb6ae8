"""write_atomic: all or nothing, no temporary file left on failure, the file's mode kept."""

from __future__ import annotations

import stat

import pytest

from tui.core.workspace import atomic
from tui.core.workspace.atomic import is_temp_name, write_atomic


def test_failure_mid_write_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "a.toml"
    write_atomic(path, "old = 1\n")

    def boom(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", boom)
    with pytest.raises(OSError):
        write_atomic(path, "new = 2\n")
    assert path.read_text() == "old = 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.toml"]


def test_new_files_follow_the_umask_and_rewrites_keep_the_mode(tmp_path):
    path = tmp_path / "new.toml"
    write_atomic(path, "x = 1\n")  # not mkstemp's 0600: a workspace is shared like any folder
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~atomic._umask()
    path.chmod(0o640)
    write_atomic(path, "x = 2\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_long_names_and_new_folders(tmp_path):
    path = tmp_path / "deep" / "er" / ("n" * 250)
    write_atomic(path, b"\x00bytes")
    assert path.read_bytes() == b"\x00bytes"
    assert not [p for p in path.parent.iterdir() if is_temp_name(p.name)]


def test_replacing_a_symlink_replaces_the_link_not_its_target(tmp_path):
    target = tmp_path / "outside.txt"
    target.write_text("keep")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert target.read_text() == "keep" and not link.is_symlink() and link.read_text() == "new"


def test_a_full_disk_names_the_file_it_could_not_write(tmp_path, monkeypatch):
    from tui.cli.workspace_arg import known_error

    path = tmp_path / "a.toml"
    real_write = atomic.os.write

    def full(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "write", full)
    with pytest.raises(OSError) as got:
        write_atomic(path, "new = 2\n")
    monkeypatch.setattr(atomic.os, "write", real_write)
    assert got.value.errno == 28 and got.value.filename == str(path)
    assert known_error(got.value).startswith(f"{path}: No space left on device (every file")
    assert list(tmp_path.iterdir()) == []
