"""A large ingest (a JSON Lines dump, a folder of thousands of pages) in chunks.

One ingest of N documents used to clean them all, then group them all in one batch, then write
every record, then rewrite the caches: its memory grew with N (every body held for the
full-text index, every article's candidates held by the clustering), and a kill near the end
lost the whole run's work. Here the documents go through in chunks of ``CHUNK``: each chunk is
cleaned, grouped (one batch, the grouper kept across chunks) and written to disk (records and
the search index) before the next starts. Between chunks, stories that took no recent article
close (see ``working_set``): the grouper holds the open stories whole and the others as keys.
The caches (records, grouping index, furniture) are written at the end (the grouping index
also between the chunks of a long run, below). A run killed part-way keeps every chunk it
finished; the caches are rebuilt from the files on the next open.

A JSON Lines file comes as an iterator (``tui.core.ingest.stream``): only the chunk in hand is
held. The search index is built first (empty, for a new workspace) and kept chunk by chunk, so
that past ``HELD_MAX`` articles the workspace can forget the articles it holds (``_shed``) and
look them up as a lazy workspace does: memory is bounded by the chunk and the grouper's working
set, not by the run. Past ``CHECKPOINT`` articles the grouping index is also saved between
chunks, so a long run killed part-way does not leave the next command to group every article
again.

``CHUNK`` is larger than any labelled set we score on (and than a collection of that kind is
likely to be), so the grouping of a set ingested in one go is the one batch decision it always
was. Chunks cost grouping precision (at 100,000 synthetic articles, chunks of 10,000 took the
precision of articles after the first 25,000 from .873 to .835, as ten separate ingests do);
50,000 keeps that cost to dumps of more than 50,000 while memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from tui.core.workspace import adding, cache, grouping, index_sync, pipeline, working_set
from tui.core.workspace.adding import IngestReport, Progress
from tui.core.workspace.records import now_iso
from tui.core.workspace.spill import SpilledReport

if TYPE_CHECKING:
    from tui.core.model import RawDocument

CHUNK = 50_000  # documents cleaned, grouped and written together (see the module text)
HELD_MAX = 200_000  # articles held in memory past this: forgotten after each chunk (_shed)
CHECKPOINT = 100_000  # past this many articles, the grouping index is saved after each chunk


def wanted(docs: list[RawDocument]) -> bool:
    """Whether ``docs`` is large enough to go through in chunks."""
    return len(docs) > CHUNK


def chunks(docs: Iterable[RawDocument]) -> Iterator[list[RawDocument]]:
    """``docs`` a chunk at a time (an iterator is read only as far as the chunk in hand). A
    chunk handed on is not held here: once its taker lets it go, its documents are freed."""
    it = iter(docs)
    box = [list(islice(it, CHUNK))]
    while box[-1]:
        yield box.pop()
        box.append(list(islice(it, CHUNK)))


def emptied(items: list) -> Iterator:
    """The items of a list, in order, each let go of as it is handed on (the list is emptied:
    a chunk read ahead is not held for the whole run)."""
    items.reverse()
    while items:
        yield items.pop()


def ingest(ws, docs: Iterable[RawDocument], *, on_progress: Progress | None = None,
           failures=(), ready=None) -> IngestReport:
    """As :func:`tui.core.workspace.regrouping.ingest`, chunk by chunk (``ws`` is entered: the
    writer lock is held). ``docs`` may be an iterator (a JSON Lines file read as it goes):
    then the progress total is 0 (unknown), each chunk's furniture is learned before it is
    cleaned, and ``failures`` (a list the reader fills as it reads) is read once the
    documents are spent. The grouper is loaded when the first new document is met.
    ``ready(doc)``: a record's pure work done ahead by another process (``pipeline``)."""
    listed_docs = docs if isinstance(docs, list) else None
    sized = listed_docs is not None
    index_sync.ready(ws)  # kept chunk by chunk: the articles can be looked up without memory
    furniture = adding.furniture_model(ws)
    if listed_docs is not None:  # every page's furniture first, as one ingest learns it
        adding.learn_furniture(furniture, listed_docs)  # (observing a page again counts once)
    g = None
    now = now_iso()
    rep = SpilledReport()  # the run's names, on disk: memory holds one batch of them
    total = len(listed_docs) if listed_docs is not None else 0
    at = 0
    unsaved = False  # the grouping index changed since it was last saved, in a long run
    for chunk in chunks(docs):
        if unsaved:  # another chunk comes: save the grouping index as the files now are
            _checkpoint(ws, g, furniture)
            unsaved = False
        progress = None
        if on_progress is not None:
            def progress(n: int, _total: int, origin: str, _at: int = at) -> None:
                on_progress(_at + n, total, origin)
        at += len(chunk)
        if not sized:
            adding.learn_furniture(furniture, chunk)
        if g is None:
            if all(adding.is_duplicate(ws, d) for d in chunk):
                for d in chunk if ready is not None else ():
                    ready(d, False)  # (let go of their work done ahead)
                rep.join(IngestReport(duplicates=[
                    (a.origin, a.id) for d in chunk if (a := adding.known(ws, d))]))
                if progress is not None:
                    for n, d in enumerate(chunk, 1):
                        progress(n, 0, d.origin)
                continue
            g = grouping.grouper(ws)  # before the new articles join the workspace
        part, touched, bodies = adding.ingest(ws, chunk, now=now, furniture=furniture,
                                              on_progress=progress, ready=ready)
        rep.join(part)
        del chunk
        if not touched:
            continue
        new = set(part.added)
        added = [a for a in touched if a.id in new]
        updated = [a for a in touched if a.id not in new]
        changed = place(ws, g, added, updated)
        working_set.close(g)  # stories out of the window keep only their keys in memory
        written = list({a.id: a for a in touched + changed}.values())
        adding.finish(ws, written, bodies)  # durable, indexed and told to others, chunk by chunk
        rep.move(a.id for a in changed)
        del part, touched, bodies, added, updated, changed, written
        _shed(ws)
        unsaved = rep.n_listed >= CHECKPOINT
    rep.put_first(failures)  # the sources' failures first, as one batch reports them
    if rep.n_listed:
        # a few ids: the caches' deltas; more: their whole bases (``None``), as they would
        few = rep.n_listed + rep.n_moved() <= grouping.DELTA_MAX  # (write for so many)
        ingested, moved = (list(rep.listed()), rep.moved()) if few else (None, None)
        if ws.loaded:  # (else there is no records cache to bring up to date: see _shed)
            ws.save_cache(None if ingested is None or moved is None else
                          [a for i in [*ingested, *moved] if (a := ws.find(i)) is not None])
        grouping.save_grouper(ws, g, ingested, moved)
        cache.save(ws.root, "furniture.pickle", {"model": furniture.to_dict()})
    return rep


def _checkpoint(ws, g, furniture) -> None:
    """Save the grouping index (and the furniture) between two chunks of a long run: a run
    killed in a later chunk then leaves an index that matches the files (that chunk's records
    are not written yet), and the next command does not group every article again, which
    would take as long as the run itself."""
    grouping.save_grouper(ws, g)
    cache.save(ws.root, "furniture.pickle", {"model": furniture.to_dict()})


def _shed(ws) -> None:
    """Once more than ``HELD_MAX`` articles are held, forget them all (they are written and in
    the index): the next chunks look articles up through the index and their own files, as a
    lazy workspace does, so memory stays bounded however long the run. From then on, what a
    chunk read or wrote is forgotten after it, so no more than a chunk is ever held again.
    The records cache is then not rewritten at the end (a full read of so many articles is
    what it would serve; it checks every file against the cache anyway, and reads the ones it
    lacks)."""
    r = ws.records
    if r.added or index_sync.current(ws) is None:
        return
    if r.loaded and len(r.arts) + len(r.few) <= HELD_MAX:
        return
    r.loaded = False
    r.arts, r.origins, r.sigs, r.few, r.few_sig = {}, {}, {}, {}, {}
    ws.shown.faces, ws.shown.pending = None, set()


def place(ws, g, added: list, updated: list) -> list:
    """``grouping.place``; the features offered ahead and not asked for are let go after it,
    and the bodies this ingest kept for it too when it fails."""
    try:
        return grouping.place(ws, g, added, updated)
    except BaseException:
        getattr(ws, "fresh", {}).clear()
        raise
    finally:
        pipeline.forget()
