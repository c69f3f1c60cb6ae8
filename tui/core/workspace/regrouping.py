"""Adding articles and correcting the grouping: the writes that involve the grouper.

They need every article (the grouper's index, the furniture model), so they load the whole
workspace; an ingest whose documents are all known (by origin and content) does not. The
workspace (``store.py``) calls these with itself; they use only what :class:`Host` names (and
what ``adding`` and ``grouping`` use).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from tui.core.model import Article
from tui.core.workspace import adding, bulk, cache, grouping
from tui.core.workspace.adding import IngestReport
from tui.core.workspace.errors import StaleUndo
from tui.core.workspace.records import now_iso

if TYPE_CHECKING:  # the grouper's modules load with the first grouping, not at start-up
    from tui.core.group import Grouper

R = TypeVar("R")


class Host(Protocol):
    """What these writes use of the workspace directly."""

    root: Path

    def __enter__(self) -> Any: ...  # the writer lock, caught up with other processes
    def __exit__(self, *exc: object) -> None: ...
    def by_origin(self, origin: str) -> Article | None: ...
    def save_cache(self, changed: list[Article] | None = None) -> None: ...


def ingest(ws: Host, docs, *, on_progress=None, failures=(), ready=None) -> IngestReport:
    """Add documents: new articles, new versions, duplicates skipped; then group them.
    ``docs``: a list, or an iterator read as it goes (more than ``bulk.CHUNK`` of them go
    through in chunks, never all held; ``failures`` may then fill while it is read)."""
    if not isinstance(docs, list):
        rest = iter(docs)
        docs = list(islice(rest, bulk.CHUNK + 1))
        if len(docs) > bulk.CHUNK:
            with ws:
                return bulk.ingest(ws, chain(bulk.emptied(docs), rest),
                                   on_progress=on_progress, failures=failures, ready=ready)
    with ws:
        if all(adding.is_duplicate(ws, d) for d in docs):
            # Nothing new: neither the furniture model nor the grouping index is needed.
            for d in docs if ready is not None else ():
                ready(d, False)  # (let go of their work done ahead)
            rep = IngestReport(duplicates=[
                (a.origin, a.id) for d in docs if (a := adding.known(ws, d)) is not None])
            rep.failed[:0] = list(failures)
            return rep
        if bulk.wanted(docs):  # cleaned, grouped and written chunk by chunk
            return bulk.ingest(ws, docs, on_progress=on_progress, failures=failures,
                               ready=ready)
        furniture = adding.furniture_model(ws)
        g = grouping.grouper(ws)  # before the new articles join the workspace
        rep, touched, bodies = adding.ingest(ws, docs, now=now_iso(), furniture=furniture,
                                             on_progress=on_progress, ready=ready)
        rep.failed[:0] = list(failures)
        if touched:
            new = set(rep.added)
            added = [a for a in touched if a.id in new]
            updated = [a for a in touched if a.id not in new]
            changed = bulk.place(ws, g, added, updated)
            written = list({a.id: a for a in touched + changed}.values())
            adding.finish(ws, written, bodies)
            ws.save_cache(written)
            # New or re-versioned articles are replayed from the delta; older articles
            # that moved (stories merged) are put where their files say.
            moved = {a.id for a in changed} - {a.id for a in touched}
            grouping.save_grouper(ws, g, [a.id for a in touched], sorted(moved))
            cache.save(ws.root, "furniture.pickle", {"model": furniture.to_dict()})
        return rep


def correct_all(ws: Host, steps: list) -> tuple[list[str], tuple]:
    """Apply corrections in order with one load and one save of the grouping index. Returns
    the changed article ids and a record for :func:`undo_correction`."""
    return regroup(ws, lambda g: g.corrected(steps))


def undo_correction(ws: Host, record: tuple) -> list[str]:
    """Put the grouping and ``corrections.toml`` back as they were before ``correct_all``
    gave ``record``; ``StaleUndo`` if those articles have moved, or other corrections were
    made, since."""
    def restore(g: Grouper) -> tuple[dict[str, str], None]:
        try:
            return g.restore(record), None
        except ValueError as e:
            raise StaleUndo(f"cannot undo the correction: {e}") from None

    return regroup(ws, restore)[0]


def regroup(ws: Host, act: Callable[[Grouper], tuple[dict[str, str], R]]
            ) -> tuple[list[str], R]:
    """Under the lock: the grouper loaded, ``act`` applied, the articles that changed story
    written, the corrections and the grouping index saved."""
    with ws:
        g = grouping.grouper(ws, whole=True)  # a correction may name a closed story
        changes, record = act(g)
        changed = grouping.apply_changes(ws, g, changes)
        grouping.save_corrections(ws, g.corrections)
        adding.finish(ws, changed)
        ws.save_cache(changed)
        grouping.save_grouper(ws, g, moved=[a.id for a in changed])
        return [a.id for a in changed], record
