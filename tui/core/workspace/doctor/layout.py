"""The folder layout: folders where folders belong, files where files belong.

A file where a folder belongs (``articles/7d`` replaced by a file) hides everything that was
under it; a folder where a file belongs cannot be read as one. Both are reported, and
``--repair`` moves the intruder to ``.trash/`` (nothing is deleted) so the rest can be rebuilt.
"""

from __future__ import annotations

from pathlib import Path

from tui.core.workspace.atomic import is_temp_name
from tui.core.workspace.doctor.problem import TRASH, Problem
from tui.core.workspace.paths import ARTICLES, CACHE, CORRECTIONS, RAW, SETTINGS, STORIES, TEXTS

_TOP = ((TRASH, True), (SETTINGS, False), (ARTICLES, True), (TEXTS, True), (RAW, True),
        (STORIES, True), (CORRECTIONS, False), ("filters.toml", False), ("feeds.toml", False),
        (CACHE, True))
_WHAT = {ARTICLES: "article records", TEXTS: "cleaned bodies", RAW: "raw texts"}


def check_layout(root: Path) -> list[Problem]:
    out = []
    for name, want_dir in _TOP:
        path = root / name
        if path.exists() and path.is_dir() != want_dir:
            out.append(_misplaced(name, want_dir))
    for folder in (ARTICLES, TEXTS, RAW):
        base = root / folder
        if not base.is_dir():
            continue
        for shard in sorted(base.iterdir()):
            if shard.name.startswith(".") or is_temp_name(shard.name):
                continue
            rel = f"{folder}/{shard.name}"
            if shard.is_symlink():  # not made by Wiredesk; never followed, never moved
                out.append(Problem(rel, "is a symbolic link where a folder belongs: what it "
                                   "points to is not checked", severity="note"))
                continue
            if not shard.is_dir():
                lost = _texts_under(root, shard.name) if folder == ARTICLES else 0
                more = (f"; the texts of {lost} article{'s' * (lost != 1)} remain in "
                        f"{RAW}/{shard.name}/: --repair rebuilds the records, without the tags, "
                        "stars and notes they held") if lost else ""
                out.append(Problem(rel, f"is a file where a folder of {_WHAT[folder]} belongs: "
                                   f"what was stored under it cannot be read{more}", fix="trash"))
                continue
            for entry in sorted(shard.iterdir()):
                if entry.is_dir() and not entry.is_symlink() and not entry.name.startswith("."):
                    out.append(_misplaced(f"{rel}/{entry.name}", False))
    stories = root / STORIES
    if stories.is_dir():
        out += [_misplaced(f"{STORIES}/{p.name}", False) for p in sorted(stories.glob("*.toml"))
                if p.is_dir()]
    return out


def _misplaced(rel: str, want_dir: bool) -> Problem:
    if want_dir:
        return Problem(rel, "is a file where a folder belongs", fix="trash")
    return Problem(rel, "is a folder where a file belongs", fix="trash")


def _texts_under(root: Path, shard: str) -> int:
    folder = root / RAW / shard
    if not folder.is_dir():
        return 0
    return len({p.name.split("-", 1)[0] for p in folder.iterdir() if p.is_file()})
