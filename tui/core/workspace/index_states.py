"""The index's record of the story files (``stories/<id>.toml``: archived flag and title),
read again when the stories folder's time moved (``index_sync.rescan``) or a full read found a
story file fixed or damaged in place (``index_sync.heal``)."""

from __future__ import annotations

from tui.core.workspace import story_files
from tui.core.workspace.index_faces import refresh_faces
from tui.core.workspace.paths import STORIES
from tui.core.workspace.records import StoryState


def read_again(ws, idx, name: str) -> tuple[list[StoryState], int]:
    """Every story file read again: the states that differ from the index's (for the caller
    to write: ``index_sync.states_changed``) and how many stories lost their file (removed
    here). One that does not read is named (the index's problems) and its story keeps the
    state the index last read (``story_files``): a damaged file is not taken for "no state".
    ``name``: the folders table's entry for the stories folder."""
    states: dict[str, StoryState] = {}
    problems: dict[str, str] = {}  # file -> problem
    folder = ws.root / STORIES
    for p in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
        s, problem = story_files.read(p, ws.root)
        if s is not None:
            states[s.id] = s
        elif problem is not None:
            problems[f"{STORIES}/{p.name}"] = problem
    damaged = {path.rpartition("/")[2].removesuffix(".toml") for path in problems}
    with idx.guard:
        known = {sid: (bool(a), t) for sid, a, t in idx.db.execute("SELECT * FROM states")}
    named = story_problems(idx)
    changed = [s for s in states.values() if known.get(s.id) != (s.archived, s.title)]
    removed = sorted(known.keys() - states.keys() - damaged)
    t = stories_time(ws)
    if removed or named != problems or folder_time(idx, name) != t:  # (else no commit)
        with idx.writing() as db:
            db.executemany("DELETE FROM states WHERE id=?", [(s,) for s in removed])
            refresh_faces(db, removed)
            idx.put_problems(db, problems, cleared=[p for p in named if p not in problems])
            idx.put_folders(db, {name: t})
    return changed, len(removed)


def story_problems(idx) -> dict[str, str]:
    """The problems the index names of story files: file -> problem."""
    with idx.guard:
        return dict(idx.db.execute("SELECT * FROM problems WHERE path LIKE ?", (f"{STORIES}/%",)))


def folder_time(idx, name: str) -> int | None:
    """The time recorded for folder ``name`` (None: none)."""
    with idx.guard:
        row = idx.db.execute("SELECT mtime_ns FROM folders WHERE name=?", (name,)).fetchone()
    return None if row is None else row[0]


def stories_time(ws) -> int:
    """The stories folder's time (0: none)."""
    try:
        return (ws.root / STORIES).stat().st_mtime_ns
    except OSError:
        return 0
