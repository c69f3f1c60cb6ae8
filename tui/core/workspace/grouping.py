"""The workspace side of grouping: feeding the grouper, keeping its index in the cache, and
writing its decisions and the user's corrections into the TOML files.

The truth is each article's ``story`` field and ``corrections.toml``. The grouper's candidate
index is derived data: it is cached in ``.cache/grouper.pickle`` and rebuilt from the articles
(in the order they were added) when it is missing or does not match them.
"""

from __future__ import annotations

import hashlib
import tomllib
from typing import TYPE_CHECKING

import tomli_w

from tui.core.model import Article
from tui.core.workspace import cache, working_set
from tui.core.workspace.atomic import write_atomic
from tui.core.workspace.errors import WorkspaceError
from tui.core.workspace.paths import CORRECTIONS
from tui.core.workspace.records import toml_error

if TYPE_CHECKING:
    from tui.core.group import Placement


def group_doc(ws, a: Article):
    from tui.core.group import GroupDoc

    m = a.meta
    return GroupDoc(id=a.id, title=m.get("title") or "", body=ws.body(a), lang=m.get("lang"),
                    date=m.get("date"), source=m.get("source"), origin=a.origin)


def signature(ws) -> str:
    """What the grouping index depends on: every article's id, newest version and story (in
    id order: a line starts with its id), and the corrections."""
    rows = sorted([f"{a.id} {a.newest.hash} {a.story}\n" for a in ws.articles()])
    h = hashlib.sha256("".join(rows).encode())  # one update: a third of the time of one a line
    h.update(corrections_text(ws).encode())
    return h.hexdigest()


def corrections_text(ws) -> str:
    try:
        return (ws.root / CORRECTIONS).read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    except OSError as e:
        raise WorkspaceError(f"{CORRECTIONS}: cannot read ({e.strerror or e})") from None


def load_corrections(ws):
    from tui.core.group import Corrections

    text = corrections_text(ws)
    if not text:
        return Corrections()
    try:
        return Corrections.from_toml_dict(tomllib.loads(text))
    except tomllib.TOMLDecodeError as e:
        raise WorkspaceError(
            f"{CORRECTIONS}: damaged, {toml_error(text, e)}; fix it or run `wiredesk doctor`"
        ) from None
    except (TypeError, ValueError, AttributeError, KeyError) as e:
        raise WorkspaceError(
            f"{CORRECTIONS}: an entry has the wrong shape ({e}); fix it or run `wiredesk doctor`"
        ) from None


def save_corrections(ws, corrections) -> None:
    head = "# Corrections to story grouping (merge, split, move); later ingests respect them.\n"
    write_atomic(ws.root / CORRECTIONS, head + tomli_w.dumps(corrections.to_toml_dict()))


# The delta lists moved articles since format 2 of its name: a Wiredesk that does not know them
# must not read it (it would keep those articles where they were); "grouper-delta.pickle" was
# the first format, ignored and removed.
BASE, DELTA, OLD_DELTA = "grouper.pickle", "grouper-delta-2.pickle", "grouper-delta.pickle"
DELTA_MAX = 2000  # articles replayed on top of the base before the base is rewritten


def grouper(ws):
    """The grouper for this workspace, from the cache when it matches the articles.

    The cache is a base (the whole index) plus a delta: the ids of articles ingested since,
    replayed with their recorded placements on load, and the ids of older articles moved since
    (by corrections or by a story merge), put where their files say. A small ingest or a
    correction then writes only the delta instead of the whole index."""
    from tui.core.group import Grouper

    sig = signature(ws)
    base, delta = cache.load_layers(ws.root, BASE, DELTA, "sig")
    if base and delta is not None and (base.get("sig") == sig or delta.get("sig") != sig):
        delta = None  # the base alone matches, or the delta does not lead to the articles
    if base and (base.get("sig") == sig or delta):
        try:
            g = Grouper.from_state(base["state"])
            ids = list(delta["ids"]) if delta else []
            moved = list(delta.get("moved", ())) if delta else []
            if delta:  # corrections made since the base are in the file
                g.corrections = load_corrections(ws)
            working_set.closed(g).update(base.get("closed", ()))
            relocate(ws, g, moved)
            replay(ws, g, ids)
            # a closed story that took an article since the base was written is open again
            working_set.reopen(g, working_set.matched(g, (), [*ids, *moved]), _doc_of(ws))
            ws._grouper_base = (base["sig"], ids, moved)
            return g
        except WorkspaceError:
            raise
        except Exception:  # a stale or foreign pickle is only a slower start
            pass
    g = Grouper(load_corrections(ws))
    replay(ws, g, [a.id for a in sorted(ws.articles(), key=lambda a: (a.added, a.id))])
    ws._grouper_base = None
    return g


def _recorded(a: Article, story: str) -> Placement:
    """The placement the workspace recorded for an article (``story``: its ``a.story``)."""
    from tui.core.group import Placement

    return Placement(story, a.sameness, a.copy_of, [])


def relocate(ws, g, ids: list[str]) -> None:
    """Put articles already in the index where the workspace recorded them."""
    for aid in ids:
        a = ws.by_id.get(aid)
        if a is not None and a.story:
            g.relocate(aid, _recorded(a, a.story))


REPLAY_CHUNK = 10_000  # articles replayed together (stories closed in between)


def replay(ws, g, ids: list[str]) -> None:
    """Feed articles to the grouper with the placements the workspace recorded for them, a
    chunk at a time, closing stories in between (the working set stays bounded)."""
    arts = [ws.by_id[i] for i in ids if i in ws.by_id]
    for at in range(0, len(arts), REPLAY_CHUNK):
        if at:
            working_set.close(g)
        part = arts[at : at + REPLAY_CHUNK]
        known = {a.id: _recorded(a, a.story) for a in part if a.story}
        g.add_many([group_doc(ws, a) for a in part], known=known)


def _doc_of(ws):
    """Article id -> its GroupDoc read from the workspace (None when it is gone)."""
    def doc(aid: str):
        a = ws.by_id.get(aid)
        return group_doc(ws, a) if a is not None else None

    return doc


def save_grouper(ws, g, ingested: list[str] | None = None,
                 moved: list[str] | None = None) -> None:
    """Cache the grouper: a delta after a small ingest or correction, else the whole index.

    ``ingested``: articles new or re-versioned since the index was loaded; ``moved``: older
    articles whose story changed (None for either: not known, save the whole index)."""
    sig = signature(ws)
    held = getattr(ws, "_grouper_base", None)
    if (ingested is not None or moved is not None) and held is not None:
        ids, shifted = _joined(held[1], ingested), _joined(held[2], moved)
        if len(ids) + len(shifted) <= DELTA_MAX:
            cache.save(ws.root, DELTA, {"base": held[0], "ids": ids, "moved": shifted,
                                        "sig": sig})
            ws._grouper_base = (held[0], ids, shifted)
            return
    working_set.close(g)  # the base holds the open stories whole, the closed as stubs
    cache.save_base(ws.root, BASE, DELTA, {"sig": sig, "state": g.to_state(),
                                           "closed": sorted(working_set.closed(g))})
    cache.remove(ws.root, OLD_DELTA)
    ws._grouper_base = (sig, [], [])


def _joined(kept: list[str], more) -> list[str]:
    """``kept`` then the ids of ``more`` not in it, each once, in order."""
    return list(dict.fromkeys([*kept, *(more or ())]))


def apply_changes(ws, g, changes: dict[str, str]) -> list[Article]:
    """Write the grouper's placements into the articles; returns the articles that changed."""
    changed = []
    for aid, sid in sorted(changes.items()):
        a = ws.by_id.get(aid)
        if a is None:
            continue
        p = g.placement(aid)
        new = (sid, p.sameness, p.copy_of)
        if (a.story, a.sameness, a.copy_of) != new:
            a.story, a.sameness, a.copy_of = new
            changed.append(a)
    return changed


def place(ws, g, added: list[Article], updated: list[Article]) -> list[Article]:
    from tui.core.group.features import text_key

    changes: dict[str, str] = {}
    docs = [group_doc(ws, a) for a in added]
    # closed stories that these articles find by key (a copy, a new version) open first
    if working_set.closed(g):
        keys = [(text_key(d.body or d.title or ""), d.origin) for d in docs]
        found = working_set.matched(g, keys, [a.id for a in updated])
        working_set.reopen(g, found, _doc_of(ws))
    if docs:
        changes.update(g.add_many(docs))
    for a in updated:
        changes.update(g.update(group_doc(ws, a)))
    return apply_changes(ws, g, changes)


def explain(ws, g, aid: str) -> list[str]:
    """Why an article is in its story (a closed story is opened again to say it)."""
    e = g.book.docs.get(aid)
    if e is not None:
        working_set.reopen(g, [e.placement.story], _doc_of(ws))
    return g.explain(aid)
