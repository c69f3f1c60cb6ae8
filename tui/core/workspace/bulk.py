"""A large ingest (a JSON Lines dump, a folder of thousands of pages) in chunks.

One ingest of N documents used to clean them all, then group them all in one batch, then write
every record, then rewrite the caches: its memory grew with N (every body held for the
full-text index, every article's candidates held by the clustering), and a kill near the end
lost the whole run's work. Here the documents go through in chunks of ``CHUNK``: each chunk is
cleaned, grouped (one batch, the grouper kept across chunks) and written to disk (records and
the search index) before the next starts. Between chunks, stories that took no recent article
close (see ``working_set``): the grouper holds the open stories whole and the others as keys.
The caches (records, grouping index, furniture) are written once at the end. A run killed
part-way keeps every chunk it finished; the caches are rebuilt from the files on the next open.

``CHUNK`` is larger than any labelled set we score on (and than a collection of that kind is
likely to be), so the grouping of a set ingested in one go is the one batch decision it always
was. Chunks cost grouping precision (at 100,000 synthetic articles, chunks of 10,000 took the
precision of articles after the first 25,000 from .873 to .835, as ten separate ingests do);
50,000 keeps that cost to dumps of more than 50,000 while memory stays bounded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.model import Article
from tui.core.workspace import adding, cache, grouping, working_set
from tui.core.workspace.adding import IngestReport, Progress
from tui.core.workspace.records import now_iso

if TYPE_CHECKING:
    from tui.core.model import RawDocument

CHUNK = 50_000  # documents cleaned, grouped and written together (see the module text)


def wanted(docs: list[RawDocument]) -> bool:
    """Whether ``docs`` is large enough to go through in chunks."""
    return len(docs) > CHUNK


def ingest(ws, docs: list[RawDocument], *, on_progress: Progress | None = None,
           failures=()) -> IngestReport:
    """As :func:`tui.core.workspace.regrouping.ingest`, chunk by chunk (the caller checked that
    some document is new, and ``ws`` is entered: the writer lock is held)."""
    rep = IngestReport(failed=list(failures))
    furniture = adding.furniture_model(ws)
    # every page's furniture first, as one ingest learns it (observing a page again counts once)
    adding.learn_furniture(furniture, docs)
    g = grouping.grouper(ws)  # before the new articles join the workspace
    now = now_iso()
    touched_all: dict[str, Article] = {}
    moved: set[str] = set()
    listed: set[str] = set()  # ids in the report's added or updated lists
    total = len(docs)
    for start in range(0, total, CHUNK):
        chunk = docs[start : start + CHUNK]
        progress = None
        if on_progress is not None:
            def progress(n: int, _total: int, origin: str, _at: int = start) -> None:
                on_progress(_at + n, total, origin)
        part, touched, bodies = adding.ingest(ws, chunk, now=now, furniture=furniture,
                                              on_progress=progress)
        _join(rep, part, listed)
        if not touched:
            continue
        new = set(part.added)
        added = [a for a in touched if a.id in new]
        updated = [a for a in touched if a.id not in new]
        changed = grouping.place(ws, g, added, updated)
        working_set.close(g)  # stories out of the window keep only their keys in memory
        written = list({a.id: a for a in touched + changed}.values())
        adding.finish(ws, written, bodies)  # durable, indexed and told to others, chunk by chunk
        touched_all.update((a.id, a) for a in touched)
        moved |= {a.id for a in changed}
    if touched_all:
        moved -= set(touched_all)
        others = [a for i in sorted(moved) if (a := ws.by_id.get(i)) is not None]
        ws.save_cache([*touched_all.values(), *others])
        grouping.save_grouper(ws, g, list(touched_all), sorted(moved))
        cache.save(ws.root, "furniture.pickle", {"model": furniture.to_dict()})
    return rep


def _join(rep: IngestReport, part: IngestReport, listed: set[str]) -> None:
    """Add one chunk's report to the whole run's (an article added or updated in an earlier
    chunk is listed once, where it was first)."""
    rep.added += part.added
    rep.updated += [i for i in part.updated if i not in listed]
    listed.update(part.added)
    listed.update(part.updated)
    rep.duplicates += part.duplicates
    rep.failed += part.failed
