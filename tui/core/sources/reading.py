"""Reading local sources with a bound: regular files, FIFOs and pipes, standard input.

Every read stops at a size limit *while reading* (a device or a stream that never ends cannot
fill the memory), and never waits forever:

- a regular file larger than the limit is refused before it is read;
- a FIFO or pipe (``mkfifo``, ``<(command)``) is read as a stream up to the limit; it is opened
  without blocking, and when nothing arrives for ``WIREDESK_READ_IDLE`` seconds (30 by default:
  nothing writes to it, or the writer stalled) it is reported and the batch goes on;
- a device, socket or other special file (``/dev/zero``, ``/dev/tty``) is not a stream of text:
  it is refused up front (pipe it to ``-`` to read it anyway; the limit applies there too);
- standard input is read in chunks up to the limit.

Errors are :class:`~tui.core.decode.DecodeError` (too large, not a file) or ``OSError``, each
with a one-line message.
"""

from __future__ import annotations

import errno
import os
import select
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Self

from tui.core.decode import MAX_BYTES, DecodeError, size_text

CHUNK = 1 << 16
IDLE_SECONDS = 30.0
MAX_COLLECTION_BYTES = 1 << 30  # one JSON Lines file: beyond this it is stopped (and said)


def idle_seconds() -> float:
    try:
        return max(0.01, float(os.environ.get("WIREDESK_READ_IDLE", IDLE_SECONDS)))
    except ValueError:
        return IDLE_SECONDS


def limit_text(limit: int) -> str:
    return size_text(limit)


def too_large(limit: int, size: int | None = None) -> DecodeError:
    if size is None:
        return DecodeError(f"too large (over the {limit_text(limit)} limit; stopped reading there)")
    return DecodeError(f"too large ({size / 2**20:.1f} MiB; the limit is {limit_text(limit)})")


def special_kind(mode: int) -> str | None:
    """What a special file is, or None for a regular file, folder or FIFO (readable sources)."""
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISFIFO(mode):
        return None
    return "a special file"


def refusal(kind: str) -> DecodeError:
    return DecodeError(f"{kind}, not a file of text (to read it anyway: wiredesk ingest - < FILE)")


class _Opened:
    """A source opened without blocking: its descriptor and whether it is a stream."""

    def __init__(self, path: Path | str) -> None:
        st = os.stat(path)
        kind = special_kind(st.st_mode)
        if kind:
            raise refusal(kind)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, "a folder, not a file", str(path))
        self.fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        try:
            st = os.fstat(self.fd)  # what was opened, not what the name pointed at before
            kind = special_kind(st.st_mode)
            if kind:
                raise refusal(kind)
            self.stream = stat.S_ISFIFO(st.st_mode)
            self.size = None if self.stream else st.st_size
            if not self.stream:
                os.set_blocking(self.fd, True)
        except BaseException:
            os.close(self.fd)
            raise

    def chunks(self) -> Iterator[bytes]:
        """The bytes, a chunk at a time; a stream idle for too long raises ``DecodeError``."""
        if not self.stream:
            while chunk := os.read(self.fd, CHUNK):
                yield chunk
            return
        idle = idle_seconds()
        poller = select.poll()
        poller.register(self.fd, select.POLLIN | select.POLLHUP)
        while True:
            if not poller.poll(idle * 1000):
                raise DecodeError(f"a FIFO or pipe with no data for {idle:g} s (nothing writes "
                                  "to it?); skipped")
            try:
                chunk = os.read(self.fd, CHUNK)
            except BlockingIOError:
                continue
            if not chunk:
                return
            yield chunk

    def close(self) -> None:
        os.close(self.fd)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def read_path(path: Path | str, limit: int = MAX_BYTES) -> bytes:
    """All the bytes of a file or FIFO, refused (``DecodeError``) beyond ``limit``."""
    with _Opened(path) as src:
        if src.size is not None and src.size > limit:
            raise too_large(limit, src.size)
        return _bounded(src.chunks(), limit)


def read_stream(stream, limit: int = MAX_BYTES) -> bytes | str:
    """Standard input (or any file object) up to ``limit``: bytes, or str for a text stream
    without a buffer (tests)."""
    raw = getattr(stream, "buffer", stream)
    read = getattr(raw, "read1", None) or raw.read
    first = read(CHUNK)
    if isinstance(first, str):  # a text stream: count characters, the nearest bound we have
        rest = raw.read(limit + 1 - len(first)) if len(first) <= limit else ""
        text = first + rest
        if len(text) > limit:
            raise too_large(limit)
        return text

    def chunks():
        chunk = first
        while chunk:
            yield chunk
            chunk = read(CHUNK)

    return _bounded(chunks(), limit)


def _bounded(chunks: Iterator[bytes], limit: int) -> bytes:
    parts, size = [], 0
    for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise too_large(limit)
        parts.append(chunk)
    return b"".join(parts)


def iter_lines(path: Path | str, *, line_limit: int = MAX_BYTES,
               total_limit: int = MAX_COLLECTION_BYTES) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)`` of a file or FIFO, newline kept off; a line longer than
    ``line_limit`` comes as ``(n, None)`` (it was skipped, not held in memory). Past
    ``total_limit`` bytes, ``DecodeError`` names the line where reading stopped."""
    with _Opened(path) as src:
        buf = bytearray()
        n, total, skipping = 1, 0, False
        for chunk in src.chunks():
            room = total_limit - total
            total += len(chunk)
            over = total > total_limit
            if over:  # the lines that fit are read; the one the limit cuts is named
                chunk = chunk[:max(room, 0)]
            start = 0
            while True:
                end = chunk.find(b"\n", start)
                piece = chunk[start:] if end < 0 else chunk[start:end]
                if not skipping:
                    buf += piece
                    if len(buf) > line_limit:
                        buf.clear()
                        skipping = True
                if end < 0:
                    break
                yield n, (None if skipping else bytes(buf))
                buf.clear()
                skipping = False
                n += 1
                start = end + 1
            if over:
                raise DecodeError(f"stopped at line {n}: over the {limit_text(total_limit)} "
                                  "limit for one file (split it); the lines before were read")
        if skipping:
            yield n, None
        elif buf:
            yield n, bytes(buf)
