"""What the desk holds of the index for the keys, between two reads of the list (no Textual).

A workspace opened lazily (as the app opens it) answers from the index. The articles as the
list draws them are asked again and again and are costly at 1,000,000 articles, so the last
ones are held here: a row of an article read from its file costs a stat, a read and a TOML
parse (2-4 ms each when the files are not in the page cache: a page of rows took 100 ms).
The list's rows are read from the index instead, a page at a time; an article this process
holds (read or changed here) is taken from memory.

(A story's counts after a triage key are not held: the index gives them in one short read,
:func:`tui.core.workspace.index_list.counts_of`, where every flag of a big story once was.)

The desk forgets what it holds whenever it reads the list again (another process's change,
a regrouping, an ingest); the rows of the index are what the files say (it is caught up with
hand edits as for any question).
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import Any

from tui.core.model import Article
from tui.desk.current import Now

KEEP_ARTICLES = 4000  # articles held for the list's rows (a few pages either side)


class Held:
    """The articles the list drew lately. Asked on the UI thread, cleared from the list's
    worker: a read that a clear overtook is not kept."""

    def __init__(self, ws: Any, pending: Mapping[str, Now] | None = None) -> None:
        self.ws = ws
        self.pending = pending if pending is not None else {}  # changed here, not saved yet
        self._arts: OrderedDict[str, Article] = OrderedDict()
        self._lock = threading.Lock()
        self._cleared = 0  # clears so far

    def brief(self, aid: str, ahead: Sequence[str] = ()) -> Article:
        """Article ``aid`` to draw in the list; ``ahead``: the ids drawn next (read with it).
        Raises ``UnknownId`` as ``Workspace.get`` does. An article changed here and not saved
        yet is drawn as memory has it (a copy with that triage)."""
        a = self._brief(aid, ahead)
        n = self.pending.get(aid)
        if n is None or a.triage is n.triage:
            return a
        drawn = copy.copy(a)
        drawn.triage = n.triage
        return drawn

    def _brief(self, aid: str, ahead: Sequence[str]) -> Article:
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
            self._keep(got, cleared)
            a = got.get(aid)
        return a if a is not None else ws.get(aid)  # not in the index: its file says

    def _keep(self, got: dict, cleared: int) -> None:
        with self._lock:
            if cleared != self._cleared:
                return
            self._arts.update(got)
            while len(self._arts) > KEEP_ARTICLES:
                self._arts.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._arts.clear()
            self._cleared += 1
