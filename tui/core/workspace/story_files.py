"""A story's state file (``stories/<id>.toml``): read it, and write it only over a file that
reads.

A story file that does not parse (or holds no id) is named, never taken for "no state": the
reader reports it as a problem ("stories/<id>.toml: line 3: ..."), the index keeps the state it
last read of that story (``index_states.read_again``), and a save of that story's state
(archive, title) is refused, naming the file, so the archive state and title a person can still
read in it are not written over. ``wiredesk doctor --repair`` rewrites it from what parses.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tui.core.workspace import unknown_keys
from tui.core.workspace.errors import WorkspaceError
from tui.core.workspace.paths import STORIES, story_path
from tui.core.workspace.records import StoryState, key_line, read_record, story_state_from_dict

FIX = "fix it by hand or run `wiredesk doctor --repair`"


def read(path: Path, root: Path, own: dict | None = None) -> tuple[StoryState | None, str | None]:
    """The state a story file holds, or None and the problem naming it (``path`` relative to
    ``root``, with the line of a TOML error). ``own``: filled with the keys Wiredesk does not
    read (a person's own), from the same read."""
    rel = f"{STORIES}/{path.name}" if path.parent == root / STORIES else str(path)
    try:
        state, data, text, problem = read_record(path, rel, story_state_from_dict)
    except FileNotFoundError:
        return None, None
    if state is None or data is None:
        return None, problem
    if state.id != path.stem:  # another story's file copied here: not that story's state
        line = key_line(text, "id")
        at = f"line {line}: " if line else ""
        return None, f"{rel}: {at}id {state.id!r} does not match the file name"
    if own is not None:
        own.update({k: v for k, v in data.items() if k not in unknown_keys.STORY})
    return state, None


def current(root: Path, sid: str, own: dict | None = None) -> StoryState:
    """Story ``sid``'s state as its file says it now (defaults when there is none); a file
    there that does not read raises ``WorkspaceError`` naming it: it is not to be written
    over (the caller holds the writer lock). ``own``: as for :func:`read` (one read gives the
    state and the keys to keep: a file changed between two reads cannot lose them)."""
    state, problem = read(story_path(root, sid), root, own)
    if problem is not None:
        raise WorkspaceError(f"{problem}: not overwritten; {FIX}")
    return state or StoryState(id=sid)


def refuse_named(problems: Iterable[str], sids: Iterable[str]) -> None:
    """``WorkspaceError`` (as :func:`current` says it) when ``problems`` (a workspace's known
    damaged files, held in memory) name the file of one of these stories: a save can be refused
    before anything changes, without reading a file."""
    named = {p.partition(":")[0]: p for p in problems if p.startswith(f"{STORIES}/")}
    for sid in sids:
        problem = named.get(f"{STORIES}/{sid}.toml")
        if problem is not None:
            raise WorkspaceError(f"{problem}: not overwritten; {FIX}")
