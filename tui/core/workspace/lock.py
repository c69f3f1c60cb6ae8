"""An exclusive writer lock on a workspace (``fcntl.flock`` on ``.lock``, with a turnstile on
the workspace folder so that waiting writers take turns).

Readers never lock: every file is replaced atomically, so a reader sees the old or the new file.
Writers (the command line, the app while it saves) take the lock around each change, waiting up
to ``timeout`` seconds; past that, :class:`WorkspaceLocked` says who holds it. The lock is
re-entrant in the thread that holds it, and other threads of the same process (the app's
workers) wait for it too, so one of them cannot release the file lock under another's feet.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def lock_timeout() -> float:
    """How long a writer waits for the lock: ``$WIREDESK_LOCK_TIMEOUT`` seconds, else 10."""
    try:
        return float(os.environ.get("WIREDESK_LOCK_TIMEOUT", 10.0))
    except ValueError:
        return 10.0


class WorkspaceLocked(Exception):
    pass


class WriterLock:
    def __init__(self, root: Path, timeout: float = 10.0) -> None:
        self.root = Path(root)
        self.path = self.root / ".lock"
        self.timeout = timeout
        self._fd: int | None = None
        self._depth = 0
        self._thread_lock = threading.RLock()

    def acquire(self) -> None:
        deadline = time.monotonic() + self.timeout
        if not self._thread_lock.acquire(timeout=max(self.timeout, 0)):
            raise WorkspaceLocked(f"workspace is busy in this process; waited {self.timeout:g} s")
        if self._depth:
            self._depth += 1
            return
        try:
            self._lock_file(deadline)
        except BaseException:
            self._thread_lock.release()
            raise
        self._depth = 1

    def _lock_file(self, deadline: float) -> None:
        # The turnstile (a lock on the workspace folder itself) makes waiting fair: a writer
        # that saves in a tight loop must queue behind the one already waiting, instead of
        # taking the lock back at once and starving it until its timeout.
        turn = os.open(self.root, os.O_RDONLY)
        try:
            self._wait_for(turn, deadline)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                self._wait_for(fd, deadline)
            except BaseException:
                os.close(fd)
                raise
        finally:
            os.close(turn)  # closing it leaves the turnstile to the next in line
        self._fd = fd  # held from here: released by release(), whatever fails below
        try:  # who holds it, for the message of a writer that waits (a full disk: unsaid)
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        except OSError:
            pass

    def _wait_for(self, fd: int, deadline: float) -> None:
        """``flock`` ``fd`` exclusively, polling until ``deadline``."""
        if fcntl is None:
            return
        delay = 0.002
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WorkspaceLocked(
                        f"workspace is locked by another Wiredesk process{_holder(self.path)}; "
                        f"waited {self.timeout:g} s (try again, or close the other one)"
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.02)

    @property
    def held(self) -> bool:
        """This process holds the lock."""
        return self._depth > 0

    def release(self) -> None:
        if not self._depth:
            return
        self._depth -= 1
        try:
            if not self._depth:
                self._unlock_file()
        finally:
            self._thread_lock.release()

    def _unlock_file(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""
