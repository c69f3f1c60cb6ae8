"""What `doctor --repair` can save of a damaged file: the longest run of its leading lines that
parses, and, for a story file, the account of what that keeps (its archive state and title)
and which lines are lost; the check says it before the repair, the repair after it."""

from __future__ import annotations

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


def story_account(data: dict, read: int, lines: int, *, done: bool = True) -> str:
    """What of a story's state comes through (its archive state and title), and the lines of
    the damaged file not read (what they held is only in the backup); ``done``: said after
    the repair, else before it."""
    kept = [_toml(k, data[k]) for k in ("archived", "title") if k in data]
    keeps = "kept" if done else "--repair would keep"
    said = f"{keeps}: {', '.join(kept)}" if kept else "no archive state or title can be read"
    if read < lines:
        where = f"line {read + 1}" if read + 1 == lines else f"lines {read + 1}-{lines}"
        lost = "LOST from the story's state, in the backup" if done else "lost, kept in a backup"
        said += f"; {where} could not be read ({lost})"
    return said


def story_hint(path: Path) -> str:
    """What ``--repair`` would make of a damaged story file, said before it runs."""
    try:
        data, read, lines = parsable(path)
    except OSError:
        return ""
    return f" ({story_account(data, read, lines, done=False)})"


def _toml(key: str, value) -> str:
    try:
        return tomli_w.dumps({key: value}).strip()
    except TypeError:  # (a value TOML cannot hold back: as Python shows it)
        return f"{key} = {value!r}"
