"""Each article's triage as this process holds it now, for the triage keys (no Textual).

A triage key on a story row applies to every article of the story: 2,464 of them in the
biggest story at 1,000,000 articles. Reading each article's file for its flags (and for the
undo step) cost about 0.5 ms an article on the UI thread, a second for that story (issue 16).
So the keys take an article's triage, in this order, from:

1. the writer's *pending* map: the articles changed here whose save is queued, running or
   failed (:attr:`tui.desk.writer.TriageWriter.pending_now`), as memory has them now;
2. the article as this process holds it (read or written here: no file read);
3. the index, a read of up to 500 ids at a time on the keys' own connection
   (``Queries.point``: never behind a save), which holds each article's saved triage;
4. the article's file, for an article the index does not hold (the file is the truth).

Rows of the index that say the same share one ``Triage`` (nothing changes a ``Triage`` or its
tags in place: a change makes new ones), so a story's 2,500 unread, unstarred articles cost
one. The files stay the truth: the writer re-reads each file before it saves a change into it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from tui.core.model import Article, Triage
from tui.core.workspace.index_rows import unpack

IDS_ASKED = 500  # article ids in one read of the index


class Now(NamedTuple):
    """An article's story and its triage as this process holds it (a named tuple: one for
    each article of a story row's key)."""

    story: str
    triage: Triage


def holder(ws: Any) -> Callable[[str], Article | None]:
    """A look-up of an article this process holds in memory, or None (no file is read): a
    workspace read whole holds every article; one not read whole, those read or added here."""
    if getattr(ws, "loaded", True):

        def whole(aid: str) -> Article | None:
            try:
                return ws.get(aid)
            except Exception:  # noqa: BLE001 - unknown here: the caller asks further
                return None

        return whole
    r = ws.records
    added, few = r.added, r.few
    return lambda aid: added.get(aid) or few.get(aid)


def saved(ws: Any, aids: Sequence[str]) -> dict[str, Now]:
    """The triage of these articles as the index saved it (those it holds)."""
    out: dict[str, Now] = {}
    for k in range(0, len(aids), IDS_ASKED):
        chunk = list(aids[k : k + IDS_ASKED])
        rows = ws.index.point(
            "SELECT id, coalesce(story, id), tags, starred, read, note, note_version, "
            f"note_updated FROM articles WHERE id IN ({', '.join('?' * len(chunk))})",
            chunk,
        )
        made: dict[tuple, Triage] = {}  # one Triage for the rows that say the same
        for r in rows:
            key = r[2:]
            t = made.get(key)
            if t is None:
                tags, starred, read, note, version, updated = key
                t = Triage(
                    unpack(tags or ""), bool(starred), bool(read), note or "", version, updated
                )
                made[key] = t
            out[r[0]] = Now(r[1], t)
    return out


def now(ws: Any, pending: Mapping[str, Now], aids: Sequence[str]) -> dict[str, Now]:
    """The story and triage of each of ``aids`` as this process holds it now (``pending``:
    the articles changed here and not saved yet). Raises ``UnknownId`` for an article
    neither the index nor a file knows."""
    out: dict[str, Now] = {}
    missing: list[str] = []
    held_by = holder(ws)
    for aid in aids:
        n = pending.get(aid)
        if n is None:
            a = held_by(aid)
            if a is None:
                missing.append(aid)
                continue
            n = Now(a.story or a.id, a.triage)
        out[aid] = n
    if missing:
        got = {} if getattr(ws, "loaded", True) else _saved_or_none(ws, missing)
        for aid in missing:
            n = got.get(aid)
            if n is None:  # not in the index (or no index to ask): its file says
                a = ws.get(aid)
                n = Now(a.story or a.id, a.triage)
            out[aid] = n
    return out


def _saved_or_none(ws: Any, aids: Sequence[str]) -> dict[str, Now]:
    try:
        return saved(ws, aids)
    except Exception:  # noqa: BLE001 - no index to use now (busy, damaged): the files say
        return {}
