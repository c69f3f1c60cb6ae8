"""Each article's triage as this process holds it now, for the triage keys (no Textual).

A triage key on a story row applies to every article of the story: 2,464 of them in the
biggest story at 1,000,000 articles. Reading each article's file for its flags (and for the
undo step) cost about 0.5 ms an article on the UI thread, a second for that story (issue 16).
So the keys take an article's triage, in this order, from:

1. the writer's *pending* map: the articles changed here whose save is queued, running or
   failed (:attr:`tui.desk.writer.TriageWriter.pending_now`), as memory has them now;
2. the article as this process holds it (read or written here: no file read);
3. the index, which holds each article's saved triage: one read on the keys' own connection
   (``Queries.point``: never behind a save, opened off the UI thread): for many articles (a
   story row's), the story of one of them read whole, then the ids it did not hold;
4. the article's file, for an article the index does not hold (the file is the truth).

Articles of the index that say the same share one ``Now`` and its ``Triage`` (nothing changes a
``Triage`` or its tags in place: a change makes new ones), so a story's 2,500 unread,
unstarred articles cost one. The files stay the truth: the writer re-reads each file before
it saves a change into it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from tui.core.model import Article, Triage
from tui.core.workspace.index_rows import unpack

# The saved triage of articles, grouped: one row for the articles that say the same (story and
# triage), their ids a JSON array. Asked of a list of ids (a JSON array: json_each), or of the
# story of one id: the index reads a story's rows in its order, where 2,500 ids, each sought
# in the index of ids (and put in a temporary one first), cost half as much again (3.7 ms).
_TRIAGE = "tags, starred, read, note, note_version, note_updated, json_group_array(id)"
BY_IDS = (
    f"SELECT coalesce(story, id), {_TRIAGE} FROM articles WHERE id IN "
    "(SELECT value FROM json_each(?)) GROUP BY 1, 2, 3, 4, 5, 6, 7"
)
BY_STORY = (  # (the story found is not null: grouped by the triage alone, 0.3 ms less)
    f"SELECT story, {_TRIAGE} FROM articles WHERE story = "
    "(SELECT story FROM articles WHERE id = ?) GROUP BY 2, 3, 4, 5, 6, 7"
)
STORY_FIRST = 64  # ids from which the story of one of them is read first (a story row's key)


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


def saved(ws: Any, aids: Sequence[str], ahead: Any = None) -> dict[str, Now]:
    """The triage of these articles as the index saved it (those it holds), from rows that
    each stand for the articles that say the same: a story's 2,500 alike articles are one row,
    one ``Triage`` and one ``Now`` (a row per article, made in Python, cost 1.6 ms of a first
    press; issue 16). Many ids (a story row's): the story of one of them is read whole first,
    then the ids it did not hold (marked articles of several stories); that story is taken
    from ``ahead`` (``tui.desk.ahead.ReadAhead``) when it read it ahead and the index is the
    same since (the UI thread spared the read)."""
    asked = set(aids)
    out: dict[str, Now] = {}
    if len(asked) >= STORY_FIRST:
        story = ahead.story(aids[0]) if ahead is not None else None
        if story is not None:
            out.update({aid: story[aid] for aid in asked.intersection(story)})
        else:
            _take(out, asked, ws.index.point(BY_STORY, (aids[0],)))  # (a story row's own)
    rest = asked.difference(out) if out else asked
    if rest:
        _take(out, rest, ws.index.point(BY_IDS, (json.dumps(list(rest)),)))
    return out


def _take(out: dict[str, Now], asked: set[str], rows: list) -> None:
    """Put in ``out`` the articles of ``rows`` (``BY_IDS``' or ``BY_STORY``'s) that were asked."""
    got = take_all(rows)
    out.update({aid: got[aid] for aid in asked.intersection(got)})


def take_all(rows: list) -> dict[str, Now]:
    """Every article of ``rows`` (``BY_IDS``' or ``BY_STORY``'s) with its ``Now``: one for
    the articles of a row (they say the same)."""
    out: dict[str, Now] = {}
    for story, tags, starred, read, note, version, updated, ids in rows:
        t = Triage(unpack(tags or ""), bool(starred), bool(read), note or "", version, updated)
        out.update(dict.fromkeys(json.loads(ids), Now(story, t)))
    return out


def warm(ws: Any) -> None:
    """Open the keys' connection, read the index's schema and prepare the statements of
    :func:`saved` (*blocking*: off the UI thread; 0.6 ms of a first press in the app)."""
    ws.index.point(BY_STORY, ("",))
    ws.index.point(BY_IDS, ("[]",))


def now(
    ws: Any, pending: Mapping[str, Now], aids: Sequence[str], ahead: Any = None
) -> dict[str, Now]:
    """The story and triage of each of ``aids`` as this process holds it now (``pending``:
    the articles changed here and not saved yet; ``ahead``: stories read ahead, see
    :func:`saved`). Raises ``UnknownId`` for an article neither the index nor a file knows."""
    out: dict[str, Now] = {}
    missing: list[str] = []
    rest: Iterable[str] = aids
    whole = getattr(ws, "loaded", True)
    r = None if whole else ws.records
    if r is not None and aids and not (aids[0] in pending or aids[0] in r.few):
        # likely none held (a first key on a story row): those not held told apart at once
        asked = set(aids)
        unheld = asked.difference(pending, r.added, r.few)
        if unheld:
            first = [aids[0]] if aids[0] in unheld else []  # (its story read whole first)
            missing, rest = [*first, *unheld.difference(first)], asked - unheld
    held_by = holder(ws)
    for aid in rest:
        n = pending.get(aid)
        if n is None:
            a = held_by(aid)
            if a is None:
                missing.append(aid)
                continue
            n = Now(a.story or a.id, a.triage)
        out[aid] = n
    if missing:
        got = {} if whole else _saved_or_none(ws, missing, ahead)
        out.update(got)
        for aid in set(missing).difference(got):  # not in the index (or no index): its file
            a = ws.get(aid)
            out[aid] = Now(a.story or a.id, a.triage)
    return out


def _saved_or_none(ws: Any, aids: Sequence[str], ahead: Any) -> dict[str, Now]:
    try:
        return saved(ws, aids, ahead)
    except Exception:  # noqa: BLE001 - no index to use now (busy, damaged): the files say
        return {}
