"""A change journal in the cache, so a process can catch up with another's writes cheaply.

Every writer, holding the lock, appends the ids it rewrote (``a:<article>``, ``s:<story>``,
``*`` for "everything") to ``.cache/journal`` after the files are in place. A process that
read the workspace remembers where the journal ended (its inode and size); before its next write,
or when the app polls, it reads only what was appended since. A missing, replaced or truncated
journal means "read everything again". Being in the cache, it is never the only copy of
anything: hand edits are found by the full scan every open makes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from tui.core.workspace.paths import CACHE

NAME = "journal"
ROTATE_AT = 256 * 1024


@dataclass(frozen=True)
class Mark:
    inode: int
    size: int
    token: bytes = b""  # the journal's first line: a new journal on a reused inode differs


def _path(root: Path) -> Path:
    return root / CACHE / NAME


def mark(root: Path) -> Mark:
    try:
        fd = os.open(_path(root), os.O_RDONLY)
    except OSError:
        return Mark(0, 0)
    try:
        return _mark_of(fd)
    except OSError:
        return Mark(0, 0)
    finally:
        os.close(fd)


def _mark_of(fd: int) -> Mark:
    """Where an open journal ends, and its first line (up to 64 bytes, newline included)."""
    st = os.fstat(fd)
    head = os.pread(fd, 64, 0)
    cut = head.find(b"\n")
    return Mark(st.st_ino, st.st_size, head if cut < 0 else head[: cut + 1])


def _header() -> bytes:
    return b"# " + os.urandom(12).hex().encode() + b"\n"


def append(root: Path, keys) -> Mark | None:
    """Record changed keys (the caller holds the writer lock). Returns the journal's mark
    after the write, read from the same open file; None when nothing could be written."""
    data = "".join(f"{k}\n" for k in keys).encode()
    if not data:
        return None
    path = _path(root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            if os.fstat(fd).st_size in range(1, ROTATE_AT + 1):
                os.write(fd, data)
            else:  # new or grown too long: a new journal, and every reader reloads once
                os.close(fd)
                fd = -1
                tmp = path.with_suffix(".new")
                tmp.write_bytes(_header() + b"*\n" + data)
                os.replace(tmp, path)
                fd = os.open(path, os.O_RDONLY)
            return _mark_of(fd)
        finally:
            if fd >= 0:
                os.close(fd)
    except OSError:
        return None  # without a journal, other processes fall back to a full reload


def changed(root: Path, since: Mark) -> bool:
    return mark(root) != since


def read_since(root: Path, since: Mark) -> tuple[set[str] | None, Mark]:
    """Keys appended since ``since``; None when the journal was replaced (reload everything)."""
    now = mark(root)
    if now == since:
        return set(), now
    if (now.inode, now.token) != (since.inode, since.token) or now.size < since.size or (
            since.inode == 0):
        return None, now
    try:
        with open(_path(root), "rb") as f:
            f.seek(since.size)
            data = f.read(now.size - since.size)
    except OSError:
        return None, now
    keys = {k for k in data.decode("utf-8", "replace").split() if k != "#"}
    return (None if "*" in keys else keys), now


FOUND_MAX = 2000  # changes found behind Wiredesk's back named one by one; more: "everything"


def found(root: Path, ids) -> None:
    """Record changes made behind Wiredesk's back, once found (``index_sync``): every process
    (the finder too: its records of those files are not updated) and the grouping cache,
    which checks the articles named here since it was written, learn of them."""
    ids = list(ids)
    if len(ids) > FOUND_MAX:
        append(root, ["*"])
    elif ids:
        append(root, [f"a:{aid}" for aid in ids])
