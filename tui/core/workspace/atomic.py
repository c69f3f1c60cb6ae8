"""Atomic file writes: a crash or a kill never leaves a half-written file.

A write goes to a temporary file in the same folder (``.<name>.<random>.tmp``), is flushed and
fsynced, then renamed over the target; the folder is fsynced so the rename itself survives a
power cut. Bulk writers pass ``sync=False`` and call :func:`sync_dirs` once at the end instead.
A killed writer can leave a temporary file behind: it is never read, and ``wiredesk doctor
--repair`` removes it. The new file keeps the mode of the file it replaces (else the umask's).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

TMP_SUFFIX = ".tmp"
_MAX_STEM = 200  # keeps ".<name>.<random>.tmp" under the usual 255-byte name limit


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_DEFAULT_MODE = 0o666 & ~_umask()


def write_atomic(path: Path, data: bytes | str, *, sync: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically (readers see the old or the new file)."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = path.parent
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        if sync:
            fsync_dir(folder.parent)
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = _DEFAULT_MODE
    stem = path.name.encode("utf-8", "surrogateescape")[:_MAX_STEM].decode("utf-8", "ignore")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{stem}.", suffix=TMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), mode)
            f.write(data)
            f.flush()
            if sync:
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if sync:
        fsync_dir(folder)


def is_temp_name(name: str) -> bool:
    """True for the name of a temporary file :func:`write_atomic` makes."""
    return name.startswith(".") and name.endswith(TMP_SUFFIX)


def fsync_dir(folder: Path) -> None:
    """Make a folder's entries (a rename, a new file) durable; a no-op where unsupported."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def sync_dirs(folders) -> None:
    """Make everything written with ``sync=False`` durable: one ``syncfs`` where available."""
    folders = list(folders)
    if hasattr(os, "sync"):
        os.sync()
    for folder in folders:
        fsync_dir(folder)
