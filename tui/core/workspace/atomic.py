"""Atomic file writes: a crash or a kill never leaves a half-written file.

A write goes to a temporary file in the same folder, is flushed and fsynced, then renamed over
the target; the folder is fsynced so the rename itself survives a power cut. Bulk writers pass
``sync=False`` and call :func:`sync_dirs` once at the end instead.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes | str, *, sync: bool = True) -> None:
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
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
        fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
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
