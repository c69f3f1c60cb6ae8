"""A change journal in the cache, so a process can catch up with another's writes cheaply.

Every writer, holding the lock, appends the ids it rewrote (``a:<article>``, ``s:<story>``,
``*`` for "everything") to ``.cache/journal`` after the files are in place. A process that
read the workspace remembers where the journal ended (its inode and size); before its next write,
or when the app polls, it reads only what was appended since. A missing, replaced or truncated
journal means "read everything again". Being in the cache, it is never the only copy of
anything: hand edits are found by the full scan every open makes.

A journal grown past ``ROTATE_AT`` is started again; the one before is kept as ``journal.1``
(a hard link, so the name ``journal`` always exists), and a reader whose mark is in it reads
its tail and then the new journal. Only a reader two journals behind reads everything again:
a bulk ingest (one line per article written) no longer makes the first write after it look
like "everything changed" to the grouping cache.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from tui.core.workspace.paths import CACHE

NAME = "journal"
PREV = "journal.1"  # the journal before the current one (see the module text)
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
            else:  # new, or grown too long: a new journal (the old one kept as PREV)
                kept = os.fstat(fd).st_size > 0 and _keep(path)
                os.close(fd)
                fd = -1
                tmp = path.with_suffix(".new")
                tmp.write_bytes(_header() + (b"" if kept else b"*\n") + data)
                os.replace(tmp, path)
                fd = os.open(path, os.O_RDONLY)
            return _mark_of(fd)
        finally:
            if fd >= 0:
                os.close(fd)
    except OSError:
        return None  # without a journal, other processes fall back to a full reload


def _keep(path: Path) -> bool:
    """Link the journal about to be replaced as PREV (atomically); False when that fails."""
    prev, tmp = path.with_name(PREV), path.with_name(PREV + ".new")
    try:
        tmp.unlink(missing_ok=True)
        os.link(path, tmp)
        os.replace(tmp, prev)
    except OSError:
        return False
    return True


def changed(root: Path, since: Mark) -> bool:
    return mark(root) != since


def read_since(root: Path, since: Mark) -> tuple[set[str] | None, Mark]:
    """Keys appended since ``since``; None when the journal was replaced (reload everything).
    A mark in the journal before the current one (``PREV``, same first line) reads its tail
    and the whole current journal."""
    path = _path(root)
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # none (yet, or removed with the cache)
        return (set() if since == Mark(0, 0) else None), Mark(0, 0)
    try:
        now = _mark_of(fd)
        if now == since:
            return set(), now
        if since.inode == 0:
            return None, now
        if (now.inode, now.token) == (since.inode, since.token):
            if now.size < since.size:
                return None, now
            data = os.pread(fd, now.size - since.size, since.size)
        else:  # started again since: the mark may be in the journal before this one
            tail = _tail(path.with_name(PREV), since)
            if tail is None:
                return None, now
            data = tail + os.pread(fd, now.size - len(now.token), len(now.token))
    except OSError:
        return None, Mark(0, 0)
    finally:
        os.close(fd)
    keys = {k for k in data.decode("utf-8", "replace").split() if k != "#"}
    return (None if "*" in keys else keys), now


def _tail(prev: Path, since: Mark) -> bytes | None:
    """What ``PREV`` holds past ``since``, when ``since`` is a mark in it (its first line, a
    random token, is the mark's: a workspace copied with its cache keeps it)."""
    try:
        fd = os.open(prev, os.O_RDONLY)
    except OSError:
        return None
    try:
        was = _mark_of(fd)
        if was.token != since.token or not since.token or was.size < since.size:
            return None
        return os.pread(fd, was.size - since.size, since.size)
    except OSError:
        return None
    finally:
        os.close(fd)


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
