"""What the desk holds of the index for the keys, between two reads of the list (no Textual).

A workspace opened lazily (as the app opens it) answers from the index. Two answers are
asked again and again by the keys and are costly at 1,000,000 articles, so the last ones are
held here:

- **the saved flags of a story** (read, starred of each article), which a triage change
  recounts its story from: 20-60 ms for a story of 2,000 articles. The articles the desk
  changed are taken from memory over them (:func:`tui.desk.select.recount`), so the counts
  stay right while the writer saves;
- **articles as the list draws them**: a row of an article read from its file costs a
  stat, a read and a TOML parse (2-4 ms each when the files are not in the page cache: a
  page of rows took 100 ms). The list's rows are read from the index instead, a page at a
  time; an article this process holds (read or changed here) is taken from memory.

The desk forgets both whenever it reads the list again (another process's change, a
regrouping, an ingest); the rows of the index are what the files say (it is caught up with
hand edits as for any question).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from tui.core.model import Article
from tui.core.workspace import index_list as lists

KEEP_FLAGS = 8  # stories whose flags are held
KEEP_ARTICLES = 4000  # articles held for the list's rows (a few pages either side)


class Held:
    """The saved flags of the stories recounted lately and the articles the list drew lately.
    Asked on the UI thread, cleared from the list's worker: a read that a clear overtook is
    not kept."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self._flags: OrderedDict[str, dict[str, tuple[bool, bool]]] = OrderedDict()
        self._arts: OrderedDict[str, Article] = OrderedDict()
        self._lock = threading.Lock()
        self._cleared = 0  # clears so far

    def flags(self, sid: str) -> dict[str, tuple[bool, bool]]:
        """(read, starred) of each article of story ``sid`` as the index last saved them."""
        with self._lock:
            flags, cleared = self._flags.pop(sid, None), self._cleared
            if flags is not None:
                self._flags[sid] = flags  # the newest last
                return flags
        flags = lists.flags_of(self.ws.index, sid)
        self._keep(self._flags, {sid: flags}, cleared, KEEP_FLAGS)
        return flags

    def brief(self, aid: str, ahead: Sequence[str] = ()) -> Article:
        """Article ``aid`` to draw in the list; ``ahead``: the ids drawn next (read with it).
        Raises ``UnknownId`` as ``Workspace.get`` does."""
        ws = self.ws
        if getattr(ws, "loaded", True):
            return ws.get(aid)
        r = ws.records
        held = r.added.get(aid) or r.few.get(aid)  # read or changed by this process
        if held is not None:
            return held
        with self._lock:
            a, cleared = self._arts.get(aid), self._cleared
        if a is None:
            wanted = list(dict.fromkeys([aid, *ahead]))
            got = {x.id: x for x in ws.index.articles(wanted)}
            self._keep(self._arts, got, cleared, KEEP_ARTICLES)
            a = got.get(aid)
        return a if a is not None else ws.get(aid)  # not in the index: its file says

    def _keep(self, held: OrderedDict, got: dict, cleared: int, keep: int) -> None:
        with self._lock:
            if cleared != self._cleared:
                return
            held.update(got)
            while len(held) > keep:
                held.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._flags.clear()
            self._arts.clear()
            self._cleared += 1
