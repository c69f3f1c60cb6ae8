"""The articles ``wiredesk export`` (and the app's export) carries: :func:`select`'s, in list
order, or only those with a note, a tag or a star. Apart from ``select`` so that a command that
lists (``wiredesk stories``) does not load the export's modules at its start."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from tui.core.export.items import has_triage
from tui.core.model import Article
from tui.core.query import Filter
from tui.core.workspace import Story
from tui.core.workspace import index_list as lists
from tui.desk.jobs import NAMED  # articles a refusal names (the rest are counted)
from tui.desk.select import Listing, Readable, select
from tui.desk.writer import TriageWriter


def select_articles(
    ws: Readable,
    flt: Filter | None,
    *,
    everything: bool = True,
    include_archived: bool = False,
    stories: Sequence[Story] | None = None,
) -> tuple[list[Article], Listing]:
    """The articles :func:`select` keeps, in list order; without ``everything`` only those with
    a note, a tag or a star (what ``wiredesk export`` carries by default). A word search reads
    the bodies it exports from their files, so one that cannot be read is named."""
    whole = getattr(ws, "loaded", True)
    if stories is None and not whole and flt is not None and flt.needs_body:
        stories = ws.stories()
    if stories is None and not whole and not everything and (flt is None or flt.is_empty):
        # what has a note, a tag or a star, in list order, without reading every article
        listing = select(ws, flt, include_archived=include_archived, window=True)
        ids = listing.in_order(lists.triaged(ws.index))  # type: ignore[attr-defined]
        return [a for aid in ids if has_triage(a := ws.get(aid))], listing
    listing = select(ws, flt, stories=stories, include_archived=include_archived)
    arts = [listing.articles.get(aid) or ws.get(aid) for aid in listing.article_ids()]
    return (arts if everything else [a for a in arts if has_triage(a)]), listing


def export(
    ws: Readable,
    writer: TriageWriter,
    lock: threading.RLock,
    faces: Callable[[], Sequence[Story]] | None,
    flt: Filter | None,
    fmt: str,
    path: Path,
    *,
    force: bool = False,
) -> int:
    """*Blocking*: ``Desk.export`` (``faces``: the desk's, of a workspace read whole). Refused
    while a change is still being saved, or could not be saved, tried once more (the files
    would not hold the triage the list shows): those articles are named."""
    from tui.core.export import items_from, render, write_output  # noqa: PLC0415 (tui.app_later)

    writer.retry()  # (a save that failed before is tried once more first)
    if not writer.wait_saved(10):
        raise RuntimeError("changes are still being saved: export again once saved")
    if failed := writer.failed():
        more = f" and {len(failed) - NAMED} more" if len(failed) > NAMED else ""
        raise RuntimeError(
            f"not exported: the changes of {len(failed)} article(s) could not be saved "
            f"({', '.join(failed[:NAMED])}{more}); export again to try once more"
        )
    if faces is not None:
        with lock:  # a snapshot of the faces, not taken while a correction rewrites
            shown: Sequence[Story] = list(faces())
        arts, _ = select_articles(ws, flt, everything=flt is not None, stories=shown)
    else:
        arts, listing = select_articles(ws, flt, everything=flt is not None)
        shown = listing.faces_of(arts)
    items = items_from(arts, shown)
    write_output(path, render(items, fmt), force=force)
    return len(arts)
