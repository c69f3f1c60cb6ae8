"""Atomic file writes: a crash or a kill never leaves a half-written file.

A write goes to a temporary file in the same folder (``.<name>.<random>.tmp``), is flushed and
fsynced, then renamed over the target; the folder is fsynced so the rename itself survives a
power cut. Bulk writers pass ``sync=False`` and call :func:`sync_dirs` once at the end instead:
it fsyncs the files written so (and their folders) when they are few, else syncs everything
once (a global sync waits for every other writer on the machine: seconds on a busy one, for a
one-article ingest). Disposable files (the cache) pass ``sync=None``: never synced.
A killed writer can leave a temporary file behind: it is never read, and ``wiredesk doctor
--repair`` removes it. The new file keeps the mode of the file it replaces (else the umask's).
"""

from __future__ import annotations

import itertools
import os
import threading
from pathlib import Path

TMP_SUFFIX = ".tmp"
_MAX_STEM = 200  # keeps ".<name>.<random>.tmp" under the usual 255-byte name limit


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_DEFAULT_MODE = 0o666 & ~_umask()
_SEQ = itertools.count()
_PID = f"{os.getpid():x}"  # in temporary names (a forked child takes its own, below)


def _forked() -> None:
    global _PID
    _PID = f"{os.getpid():x}"


os.register_at_fork(after_in_child=_forked)
_PENDING: list[Path | str] = []  # written with sync=False, not yet made durable
_PENDING_DIRS: list[Path] = []  # folders that gained a folder so, not yet made durable
_PENDING_LOCK = threading.Lock()
FSYNC_MAX = 256  # more files than this waiting: one global sync instead of one fsync each
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(
    os, "O_CLOEXEC", 0)


def _temp(folder: str, stem: str, later: bool = False) -> tuple[int, str]:
    """A new temporary file beside the target, open for writing, made with the umask's mode
    (as ``mkstemp`` makes one, at a fraction of its cost: a bulk ingest writes three files per
    article; paths are strings, not ``Path``s, for the same reason). ``later``: a new folder's
    entry is made durable by the next :func:`sync_dirs`, not now."""
    made = False
    while True:
        tmp = f"{folder}{os.sep}.{stem}.{_PID}{next(_SEQ):x}{os.urandom(3).hex()}{TMP_SUFFIX}"
        try:
            return os.open(tmp, _FLAGS, 0o666), tmp
        except FileExistsError:
            continue
        except FileNotFoundError:  # the folder is new (once: else the error is real)
            if made:
                raise
            os.makedirs(folder, exist_ok=True)
            if later:
                with _PENDING_LOCK:
                    _PENDING_DIRS.append(Path(folder).parent)
            else:
                fsync_dir(Path(folder).parent)
            made = True


def write_atomic(path: Path | str, data: bytes | str, *, sync: bool | None = True
                 ) -> os.stat_result:
    """Replace ``path`` with ``data`` atomically (readers see the old or the new file).
    ``sync``: True, durable now; False, made durable by the next :func:`sync_dirs`; None,
    never (a disposable file). Returns the new file's status (its time and size are the ones
    a ``stat`` of ``path`` gives now: a rename changes neither)."""
    name = os.fspath(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder, base = os.path.split(name)
    folder = folder or os.curdir
    try:
        mode = os.stat(name).st_mode & 0o7777
    except OSError:
        mode = _DEFAULT_MODE  # (the mode a new file gets: no chmod)
    stem = base.encode("utf-8", "surrogateescape")[:_MAX_STEM].decode("utf-8", "ignore")
    fd, tmp = _temp(folder, stem, True) if sync is False else _temp(folder, stem)
    try:
        try:
            if mode != _DEFAULT_MODE:
                os.fchmod(fd, mode)
            done = os.write(fd, data)
            if done < len(data):
                view = memoryview(data)
                while done < len(data):
                    done += os.write(fd, view[done:])
            if sync:
                os.fsync(fd)
            st = os.fstat(fd)
        finally:
            os.close(fd)
        os.replace(tmp, name)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError) and e.filename is None:  # (ENOSPC, EIO: name the file)
            raise OSError(e.errno, e.strerror, name) from e
        raise
    if sync:
        fsync_dir(folder)
    elif sync is False:
        with _PENDING_LOCK:
            _PENDING.append(path)
    return st


def is_temp_name(name: str) -> bool:
    """True for the name of a temporary file :func:`write_atomic` makes."""
    return name.startswith(".") and name.endswith(TMP_SUFFIX)


def fsync_dir(folder: Path | str) -> None:
    """Make a folder's entries (a rename, a new file) durable; a no-op where unsupported."""
    _fsync(folder)


def sync_dirs(folders) -> None:
    """Make everything written with ``sync=False`` durable, and ``folders``' entries."""
    with _PENDING_LOCK:
        files = list(dict.fromkeys(_PENDING))
        _PENDING.clear()
        folders = [*_PENDING_DIRS, *folders]
        _PENDING_DIRS.clear()
    if len(files) > FSYNC_MAX and hasattr(os, "sync"):
        os.sync()
    else:
        for f in files:
            fsync_file(f)
        folders += [os.path.dirname(os.fspath(f)) or os.curdir for f in files]
    for folder in dict.fromkeys(folders):
        fsync_dir(folder)


def fsync_file(path: Path | str) -> None:
    """Make a file's data durable (a file gone since is no error: its remover owns it)."""
    _fsync(path)


def _fsync(path: Path | str) -> None:
    """fsync what ``path`` names, opened read-only; a path that cannot be opened or synced
    (gone, or a file system without it) is no error."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
