"""Keeping the index (``index.py``) in step with the TOML files.

- :func:`after_write`: Wiredesk's own writers, in the same step as the TOML write (the caller
  holds the writer lock): the rows of the written articles, their stories' faces, and the new
  folder times.
- :func:`ready`: before a query: the index, built from the TOML when missing, damaged or of
  another version, and caught up with the article folders whose time changed (hand edits).
- :func:`rebuild` and :func:`rescan`: ``wiredesk doctor --reindex`` / ``--rescan``.
"""

from __future__ import annotations

import contextlib
import sqlite3

from tui.core.model import Article
from tui.core.workspace import index as ix
from tui.core.workspace import index_faces as faces
from tui.core.workspace import index_states, index_vocab, journal
from tui.core.workspace.index_bodies import Bodies, read_bodies
from tui.core.workspace.index_faces import refresh_faces
from tui.core.workspace.index_look import Sigs, file_sigs
from tui.core.workspace.index_rows import article_row, story_row
from tui.core.workspace.lock import WorkspaceLocked
from tui.core.workspace.paths import ARTICLES, STORIES, article_path, article_rel
from tui.core.workspace.records import StoryState

IndexUnusable = ix.IndexUnusable
STATES = "@stories"  # the folders table's entry for the stories folder


def current(ws) -> ix.Index | None:
    """The workspace's index when it exists and is usable (no building), else None."""
    if ws.index_db is not None:
        if not ws.index_db.replaced:
            return ws.index_db
        close(ws)  # removed or rebuilt by another process: open the new one
    try:
        idx = ix.Index.open(ws.root)
    except ix.IndexUnusable:
        ix.remove(ws.root)  # damaged: rebuilt by the next query
        return None
    if idx is not None and not idx.complete:
        idx.close()
        return None
    ws.index_db = idx
    return idx


def ids_of_origin(ws, origin: str) -> list[str] | None:
    """The articles the index records for an origin; None when there is no index to ask or
    it cannot be caught up with the article folders (the caller then reads everything)."""
    idx = caught_up(ws)
    if idx is None:
        return None
    with idx.guard:
        return [r[0] for r in idx.db.execute("SELECT id FROM articles WHERE origin=?",
                                              (origin,))]


def caught_up(ws) -> ix.Index | None:
    """The index, with the article folders whose time changed (hand edits, files added or
    removed outside Wiredesk) read again first: once per hold of the writer lock; None when
    there is none, or the folders could not be read again (another process holds the lock)."""
    idx = current(ws)
    if idx is None or ws.caught_up:
        return idx
    changed = idx.changed_folders({STATES: _states_time(ws)})
    if changed:
        try:
            with _locked(ws, CATCH_UP_WAIT):  # (the lock is re-entrant: an ingest holds it)
                rescan(ws, changed)
        except WorkspaceLocked:
            return None
        idx = current(ws)
    ws.caught_up = ws.lock.held
    return idx


def ready(ws) -> ix.Index:
    """The index, built or caught up as needed, for a query. While another process holds the
    writer lock (a long ingest), the index is used as its last finished write left it;
    ``WorkspaceLocked`` when there is none to use yet."""
    idx = current(ws)
    if idx is None:
        return rebuild(ws, force=False)
    changed = idx.changed_folders({STATES: _states_time(ws)})
    if changed:
        try:
            with _locked(ws, CATCH_UP_WAIT):
                rescan(ws, changed)
        except WorkspaceLocked:
            pass
        if not ws.loaded:
            ws.problems = idx.problems()
    return idx


def heal(ws, reread: list[Article], gone, problems: list[str]) -> None:
    """A full read found files changed behind Wiredesk's back (hand edits, damage): put them
    into the index too, if the writer lock is free at once (else the folder signal or
    ``doctor --rescan`` will). The ones the index did not know either (not Wiredesk's own
    writes the records cache missed) are named in the journal and in ``records.noticed``."""
    idx = current(ws)
    fresh = unexplained(ws, idx, reread, gone)
    ws.records.noticed |= fresh
    if idx is None:
        return
    try:
        # story files fixed or damaged in place (the folder time did not move): the index's
        # states and problems follow what this full read found
        stories = _story_problems(idx) != {
            f: p for f, p in _problem_map(problems).items() if f.startswith(f"{STORIES}/")}
        if not (reread or gone or stories):
            return
        with _locked(ws, 0):
            if reread or gone:
                # a file whose index row has its size and time is in the index already
                changed = [a for a in reread if a.id in fresh]
                after_write(ws, changed, bodies=read_bodies(ws, changed),
                            gone=[g for g in gone if g in fresh], before={})
                journal.found(ws.root, sorted(fresh))
            idx = current(ws)
            if idx is not None:
                with idx.writing() as db:
                    idx.put_problems(db, _problem_map(problems), every=True)
                if stories:
                    _rescan_states(ws, idx)
    except (WorkspaceLocked, sqlite3.Error):
        pass


def unexplained(ws, idx, reread: list[Article], gone) -> set[str]:
    """Of the files a full read found different from the records cache, those that differ
    from the index too (every one without an index)."""
    if idx is None:
        return {a.id for a in reread} | set(gone)
    out = set()
    with idx.guard:
        for a in reread:
            row = idx.db.execute("SELECT mtime_ns, size FROM articles WHERE id=?",
                                 (a.id,)).fetchone()
            if row is None or tuple(row) != ws.records.sig_of(a.id):
                out.add(a.id)
        out.update(aid for aid in gone
                   if idx.db.execute("SELECT 1 FROM articles WHERE id=?", (aid,)).fetchone())
    return out


CATCH_UP_WAIT = 0.5  # seconds a query waits for the writer lock to catch the index up


@contextlib.contextmanager
def _locked(ws, timeout: float):
    """The writer lock, waited for at most ``timeout`` (the workspace's own wait otherwise)."""
    before = ws.lock.timeout
    ws.lock.timeout = min(before, timeout)
    try:
        ws.begin()
    finally:
        ws.lock.timeout = before
    try:
        yield
    finally:
        ws.lock.release()


def rebuild(ws, *, force: bool = True) -> ix.Index:
    """Build the index from the TOML (every article read, through the records cache).
    ``force=False``: unless another process built one while this one waited for the lock."""
    with ws:
        if not force and (built := current(ws)) is not None:
            return built
        close(ws)
        ix.remove(ws.root)
        times = ix.folder_times(ws.root)  # before reading: a change during the read shows
        arts = ws.by_id  # every article read
        idx = ix.Index.open(ws.root, create=True)
        assert idx is not None  # the old file was removed: a new one is of this version
        sigs = ws.records.sigs
        with idx.writing() as db:
            idx.fill(db, ((a, sigs.get(article_rel(a.id))) for a in list(arts.values())),
                     Bodies(ws))
            db.executemany("INSERT OR REPLACE INTO states VALUES(?, ?, ?)",
                           [(s.id, int(s.archived), s.title)
                            for s in ws.records.story_states.values()])
            db.executemany(f"INSERT INTO stories VALUES({', '.join('?' * 12)})",
                           [story_row(s) for s in ws.stories()])
            idx.put_folders(db, {**times, STATES: _states_time(ws)})
            idx.put_problems(db, _problem_map(ws.problems), every=True)
            idx.mark_complete(db)
        ws.index_db = idx
        return idx


def folders_before(ws, ids) -> dict[str, int | None]:
    """The times of the folders of these articles, taken before writing into them."""
    if current(ws) is None:
        return {}
    return {f: ix.folder_time(ws.root, f) for f in {aid[:2] for aid in ids}}


def after_write(ws, arts: list[Article], bodies: dict[str, str] | None = None,
                old_stories=(), gone=(), before: dict[str, int | None] | None = None,
                sigs: dict[str, tuple[int, int]] | None = None) -> None:
    """Put written articles into the index (the caller holds the lock, the files are written).
    ``old_stories``: stories the articles were in before, whose faces change too. ``before``:
    the folders' times before the write (:func:`folders_before`); a folder whose recorded time
    was already behind (a hand edit not yet caught up) keeps it, so the edit is still found."""
    idx = current(ws)
    if idx is None:
        return
    try:
        with idx.writing() as db:
            affected = set(old_stories)
            for aid in gone:
                row = db.execute("SELECT story FROM articles WHERE id=?", (aid,)).fetchone()
                if row:
                    affected.add(row[0] or aid)
            put = [(a, (sigs or {}).get(a.id) or ws.records.sig_of(a.id)) for a in arts]
            counts: dict[str, tuple[int, int]] = {}  # a triage change: the counts move
            once = len({a.id for a in arts}) == len(arts)
            rows = []
            for a, sig in put:
                row = db.execute("SELECT * FROM articles WHERE id=?", (a.id,)).fetchone()
                new = article_row(a, sig)
                rows.append(new)
                change = faces.triage_change(row[1:] if row else None, new) if once else None
                sid = a.story or a.id
                if change is None:
                    if row:
                        affected.add(faces.story_of_row(row[1:]))
                    affected.add(sid)
                else:
                    was = counts.get(sid, (0, 0))
                    counts[sid] = (was[0] + change[0], was[1] + change[1])
            idx.drop_articles(db, gone)
            idx.put_articles(db, put, bodies, rows)
            affected |= faces.move_counts(db, {s: c for s, c in counts.items()
                                               if s not in affected})
            refresh_faces(db, affected)
            folders = {a.id[:2] for a in arts} | {aid[:2] for aid in gone}
            known = dict(db.execute("SELECT name, mtime_ns FROM folders"))
            idx.put_folders(db, {f: t for f in folders
                                 if (t := ix.folder_time(ws.root, f)) is not None
                                 and (before is None or known.get(f) == before.get(f))})
            idx.put_problems(db, {}, cleared=[f"{ARTICLES}/{article_rel(a.id)}" for a in arts])
            index_vocab.trim(db, ws.root)  # (the typo words' log, once it is long)
    except sqlite3.Error:
        drop(ws)


def states_changed(ws, states: list[StoryState]) -> None:
    """A story's archived flag or title changed (its file is written, or read as it is): a
    problem named of that file is gone (a file fixed in place does not move the folder time)."""
    files = {f"{STORIES}/{s.id}.toml" for s in states}
    if any(p.partition(":")[0] in files for p in ws.problems):
        ws.problems = [p for p in ws.problems if p.partition(":")[0] not in files]
    idx = current(ws)
    if idx is None:
        return
    try:
        with idx.writing() as db:
            db.executemany("INSERT OR REPLACE INTO states VALUES(?, ?, ?)",
                           [(s.id, int(s.archived), s.title) for s in states])
            refresh_faces(db, {s.id for s in states})
            idx.put_folders(db, {STATES: _states_time(ws)})
            idx.put_problems(db, {}, cleared=sorted(files))
    except sqlite3.Error:
        drop(ws)


def drop(ws) -> None:
    """An index that failed a write no longer matches the files: remove it (rebuilt later)."""
    close(ws)
    ix.remove(ws.root)


def close(ws) -> None:
    """Close the index and the read-only connections the queries opened of their own."""
    if ws.index_db is not None:
        ws.index_db.close()
        ws.index_db = None
    if (q := getattr(ws, "_queries", None)) is not None:
        q.close()


def rescan(ws, folders: list[str] | None = None, stats: dict[str, Sigs] | None = None) -> dict:
    """Compare article files with their rows (all folders, or the ones named), read again
    the ones whose size or mtime differ, and drop rows of vanished files. The caller holds the
    lock. ``stats``: folders' files as a stat just found them (not stat-ed again). Returns
    counts of what was found."""
    idx = current(ws)
    if idx is None:
        rebuild(ws)
        return {"rebuilt": 1}
    names = folders if folders is not None else sorted(
        set(ix.folder_times(ws.root)) | {r[0] for r in idx.db.execute(
            "SELECT name FROM folders WHERE name != ?", (STATES,))})
    found = {"changed": 0, "gone": 0, "damaged": 0, "stories": 0}
    for name in names:
        if name == STATES:
            found["stories"] += _rescan_states(ws, idx)
            continue
        before = idx.signatures(name)
        t = ix.folder_time(ws.root, name)
        now = (stats or {}).get(name)
        if now is not None and not before.keys() <= now.keys():  # stat-ed before the lock:
            now = None  # a file that seems gone may have been written since (stat again)
        now = file_sigs(ws.root / ARTICLES / name) if now is None else now
        fresh, problems, clear, sigs = [], {}, [], {}
        for aid, sig in now.items():
            if before.get(aid) == sig:
                continue
            a, problem = ws.records.read_article(article_path(ws.root, aid))
            rel = f"{ARTICLES}/{article_rel(aid)}"
            if problem:
                problems[rel] = problem
                continue
            clear.append(rel)
            sigs[aid] = sig  # the workspace's own record of the file is left alone: a
            fresh.append(a)  # process holding it (the app) notices the change itself
        gone = sorted(set(before) - set(now)) + sorted(  # a damaged file is not shown
            aid for aid in before if f"{ARTICLES}/{article_rel(aid)}" in problems)
        found["changed"] += len(fresh)
        found["gone"] += len(gone)
        found["damaged"] += len(problems)
        if fresh or gone:
            after_write(ws, fresh, bodies=read_bodies(ws, fresh), gone=gone, before={},
                        sigs=sigs)
            journal.found(ws.root, [a.id for a in fresh] + gone)
        if not (problems or clear) and _folder_time(idx, name) == t:
            continue  # (nothing to write: no commit, which would put the keys' reads out of date)
        with idx.writing() as db:
            idx.put_problems(db, problems, cleared=clear)
            if t is not None:
                idx.put_folders(db, {name: t})
            else:
                db.execute("DELETE FROM folders WHERE name=?", (name,))
    if folders is None:
        found["stories"] += _rescan_states(ws, idx)
    return found


def _rescan_states(ws, idx) -> int:
    """Story files read again (``index_states.read_again``): those whose archived flag or
    title differ get new faces."""
    changed, removed = index_states.read_again(ws, idx, STATES)
    if changed:
        states_changed(ws, changed)
    return len(changed) + removed


def states_of(ws, sids: set[str]) -> dict[str, StoryState]:
    """The states the index holds of these stories (those of damaged files: kept as last
    read); none without an index."""
    try:
        idx = current(ws)
        if idx is None:
            return {}
        with idx.guard:
            rows = [idx.db.execute("SELECT * FROM states WHERE id=?", (s,)).fetchone()
                    for s in sorted(sids)]
    except sqlite3.Error:
        return {}
    return {r[0]: StoryState(id=r[0], archived=bool(r[1]), title=r[2]) for r in rows if r}


_story_problems = index_states.story_problems
_folder_time = index_states.folder_time
_states_time = index_states.stories_time


def _problem_map(problems: list[str]) -> dict[str, str]:
    return {p.partition(":")[0]: p for p in problems}
