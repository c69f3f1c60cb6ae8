"""What `doctor --repair` can save of a damaged file: the longest run of its leading lines that
parses, and, for a story file, the account of what that keeps (its archive state and title)
and which lines are lost; the check says it before the repair, the repair after it. What the
lines that parse no longer hold of a story's state, the index may (it keeps the state it last
read of a damaged story file): taken from there, and said so."""

from __future__ import annotations

import sqlite3
import tomllib
from pathlib import Path

import tomli_w


def parsable(path: Path) -> tuple[dict, int, int]:
    """The TOML of the longest run of leading lines that still parses (a truncated file), how
    many lines that is, and how many the file has."""
    text = path.read_bytes().decode("utf-8", "replace")
    lines = text.splitlines(keepends=True)
    for n in range(len(lines), 0, -1):
        try:
            return tomllib.loads("".join(lines[:n])), n, len(lines)
        except tomllib.TOMLDecodeError:
            continue
    return {}, 0, len(lines)


STATE_KEYS = ("archived", "title")


def indexed_state(path: Path) -> dict:
    """The archive state and title the index last read of the story whose file is ``path``
    (``stories/<id>.toml``): {} when the index holds none or cannot be read (never written)."""
    index = path.parent.parent / ".cache" / "index.sqlite"  # (tui.core.workspace.index)
    if not index.is_file():
        return {}
    try:
        con = sqlite3.connect(f"{index.resolve().as_uri()}?mode=ro", uri=True, timeout=2)
        try:
            row = con.execute(
                "SELECT archived, title FROM states WHERE id = ?", (path.stem,)
            ).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return {}
    if row is None:
        return {}
    return {"archived": bool(row[0]), **({"title": row[1]} if row[1] else {})}


def with_indexed(data: dict, indexed: dict) -> tuple[dict, list[str]]:
    """``data`` with the state keys it lacks taken from ``indexed``, and which were taken."""
    taken = [k for k in STATE_KEYS if k not in data and k in indexed]
    return {**data, **{k: indexed[k] for k in taken}}, taken


def story_account(
    data: dict, read: int, lines: int, *, done: bool = True, indexed: dict | None = None
) -> str:
    """What of a story's state comes through (its archive state and title: from the lines
    that parse, else from ``indexed``, the index's), and the lines of the damaged file not
    read (what they held is only in the backup); ``done``: said after the repair, else
    before it."""
    data, taken = with_indexed(data, indexed or {})
    own = [_toml(k, data[k]) for k in STATE_KEYS if k in data and k not in taken]
    given = [_toml(k, data[k]) for k in taken]
    keeps = "kept" if done else "--repair would keep"
    parts = [f"{keeps}: {', '.join(own)}"] if own else []
    if given:
        parts.append(f"{keeps} from the index (as it last read the file): {', '.join(given)}")
    said = "; ".join(parts) or "no archive state or title can be read"
    if read < lines:
        where = f"line {read + 1}" if read + 1 == lines else f"lines {read + 1}-{lines}"
        lost = "LOST from the story's state, in the backup" if done else "lost, kept in a backup"
        if given:
            lost = "in the backup" if done else "kept in a backup"
        said += f"; {where} could not be read ({lost})"
    return said


def story_hint(path: Path) -> str:
    """What ``--repair`` would make of a damaged story file, said before it runs."""
    try:
        data, read, lines = parsable(path)
    except OSError:
        return ""
    return f" ({story_account(data, read, lines, done=False, indexed=indexed_state(path))})"


def _toml(key: str, value) -> str:
    try:
        return tomli_w.dumps({key: value}).strip()
    except TypeError:  # (a value TOML cannot hold back: as Python shows it)
        return f"{key} = {value!r}"
