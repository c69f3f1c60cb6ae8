"""A story's saved triage read from the index before a key asks for it (no Textual; issue 16).

The first triage key on a story row of 2,500 articles read their saved triage from the index
on the UI thread (``current.saved``: 5-6 ms of a 17 ms press; later presses find the articles
in memory). So when the cursor comes to a story, the screen asks :meth:`ReadAhead.ask`, and
a thread of its own reads that story's rows (``current.BY_STORY``) with a *mark* of the index
(``Queries.point_mark``: SQLite's ``data_version`` of the keys' connection, which changes
with any commit another connection makes: a save of the writer, another process, a catch-up
with hand edits). A key takes what was read ahead only while the mark is the same, so what it
gets is exactly what the index would answer it now; otherwise it reads the index itself, as
before. Nothing is kept but these rows: the files and the index stay the truth, and memory's
changes (``pending_now``, the articles held) are still asked first (``current.now``).

A commit puts every story held out of date (the writer's saves, the app's look over when it
finds a change), so the story last asked is looked at again after a save of this desk, and every
``RENEW`` seconds the thread is idle (any other commit): two tiny statements while the index is
unchanged, a read of the story again after a commit. The rows are read on a connection of their
own (``Queries.ahead``), so a key does not wait for them; both marks are taken on the keys'
connection, before and after, which is enough: equal marks, nothing was committed meanwhile.
This thread never catches the index up (that is the keys' and the app's poll's, under the desk's
lock): an index not caught up yet is not read ahead.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable
from typing import Any

from tui.desk import current
from tui.desk.current import Now

LABEL = "read ahead"  # how a failure is told (``on_failure``: the desk's ``on_error``)
KEEP = 4  # stories held read ahead (the cursor's, and those it just left)
RENEW = 1.0  # seconds idle after which the story last asked is looked at again
_log = logging.getLogger(__name__)


class ReadAhead:
    """Stories' saved triage read ahead off the UI thread, each with the index's mark."""

    def __init__(self, ws: Any, on_failure: Callable[[Exception], None] = lambda _: None) -> None:
        self.ws = ws
        self.on_failure = on_failure  # told each new failure once (the app shows it)
        self._wake = threading.Condition()
        self._asked: str | None = None  # an article of the story to read next
        self._last: str | None = None  # of the story last asked (the cursor's): looked again
        self._held: dict[str, tuple[Any, dict[str, Now]]] = {}  # by article: (mark, story)
        self._stories: list[dict[str, Now]] = []  # the stories held, the newest last
        self._thread: threading.Thread | None = None
        self._stopped = False
        self.reads = 0  # stories read ahead (for tests)
        self.failed: str | None = None  # the last error of a read ahead (also logged)
        self.misses = 0  # reads in a row thrown away (a commit meanwhile) or failed

    def ask(self, aid: str, *, thread: bool = True) -> None:
        """Read ahead the story of article ``aid`` (quick: the read runs in this object's
        thread, and only when the index changed since it was last read; ``thread=False``: in
        :meth:`run_once`, for tests)."""
        with self._wake:
            if self._stopped:
                return
            self._asked = self._last = aid
            self.misses = 0
            self._wake.notify()
        if thread and self._thread is None:
            self._thread = threading.Thread(target=self._run, name="wiredesk-ahead", daemon=True)
            self._thread.start()

    def renew(self) -> None:
        """Look at the story last asked again (after a commit: read it again)."""
        with self._wake:
            if self._last is not None and self._asked is None:
                self._asked = self._last
                self._wake.notify()

    def forget(self) -> None:
        """The cursor left for a row not read ahead: its last story is not looked at again."""
        with self._wake:
            self._last = None

    def stop(self) -> None:
        """End the thread, waiting for a read under way (what is held stays usable)."""
        with self._wake:
            self._stopped = True
            self._wake.notify()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)  # (a read takes milliseconds; SQLite's wait, 30 s)

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._asked is None and not self._stopped:
                    idle = RENEW * 2 ** min(self.misses, 5) if self._last is not None else None
                    if not self._wake.wait(idle):  # (longer while reads are thrown away)
                        self._asked = self._last  # idle: after a commit, read it again
                if self._stopped:
                    return
            try:
                self.run_once()
            except Exception as e:  # noqa: BLE001 - named and logged; the next ask tries again
                with self._wake:
                    self.misses += 1
                if self.failed != (said := f"{type(e).__name__}: {e}"):  # (told once)
                    _log.exception("read ahead of a story failed (its key reads it itself)")
                    self.failed = said
                    with contextlib.suppress(Exception):  # (a failing notice: still read ahead)
                        self.on_failure(e)

    def run_once(self) -> None:
        """Read the story last asked (if any), in this thread."""
        with self._wake:
            aid, self._asked = self._asked, None
        if aid is None or getattr(self.ws, "loaded", True):  # (read whole: memory says it)
            return
        q = self.ws.index
        try:
            mark = q.point_mark(catch_up=False)  # (not caught up: the key reads it itself)
            with self._wake:
                if mark is None or self._held.get(aid, (None,))[0] == mark:
                    return  # (held, and the index the same since)
            rows = q.ahead(current.BY_STORY, (aid,))  # (not on the keys' connection)
            if rows is None or mark != q.point_mark(catch_up=False):  # a commit meanwhile
                with self._wake:
                    self.misses += 1
                return
        except sqlite3.Error:  # (the index closed or gone meanwhile: the key asks it itself)
            return
        story = current.take_all(rows)
        with self._wake:
            self.reads += 1
            self.misses = 0
            self._stories.append(story)
            for old in self._stories[:-KEEP]:  # (an article of it held since by a newer one)
                for a in [a for a in old if self._held.get(a, (None, None))[1] is old]:
                    del self._held[a]
            del self._stories[:-KEEP]
            self._held.update(dict.fromkeys(story, (mark, story)))

    def story(self, aid: str) -> dict[str, Now] | None:
        """The saved triage of every article of ``aid``'s story, as the index says it now;
        None when it was not read ahead, or the index changed since."""
        with self._wake:
            got = self._held.get(aid)
        if got is None:
            return None
        mark, story = got
        return story if self.ws.index.point_mark() == mark else None
