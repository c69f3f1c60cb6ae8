"""`wiredesk doctor --repair`: fix what :func:`check` found, under the writer lock.

Nothing is deleted but temporary files of interrupted saves and the disposable cache: a file
changed is first copied to ``.trash/<timestamp>/`` (same relative path), a file or folder in
the way is moved there. The layout is repaired first; then the workspace is checked again and
what the first repairs revealed (bodies to clean again, records to rebuild) is repaired too.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import tomli_w

from tui.core.workspace.atomic import write_atomic
from tui.core.workspace.doctor import fields, rebuilding
from tui.core.workspace.doctor.checking import (
    check,
    check_article,
    check_corrections,
    check_settings,
    check_story,
    parse,
)
from tui.core.workspace.doctor.layout import check_layout
from tui.core.workspace.doctor.problem import FIX_ORDER, TRASH, Problem
from tui.core.workspace.lock import WriterLock
from tui.core.workspace.paths import ARTICLES, CACHE, CORRECTIONS, SCHEMA_VERSION, SETTINGS

ROUNDS = 3


def repair(root: Path, problems: list[Problem], *, lock_timeout: float = 10.0) -> list[str]:
    """Fix the repairable ``problems`` (and what fixing them reveals); one line per action."""
    root = Path(root)
    todo = [p for p in problems if p.fix]
    if not todo:
        return []
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    trash = root / TRASH / stamp
    done: list[str] = []
    with WriterLock(root, timeout=lock_timeout):
        first = True
        for _ in range(ROUNDS):
            todo = [p for p in todo if not first or _still_wrong(root, p)]
            acted = _round(root, sorted(todo, key=lambda p: FIX_ORDER.index(p.fix)), trash)
            done += acted
            first = False
            if not acted:
                break
            todo = [p for p in check(root) if p.fix]
            if not todo:
                break
        if any(not line.startswith(("removed ", "dropped ")) for line in done):
            _drop_cache(root)
    return done


def _round(root: Path, todo: list[Problem], trash: Path) -> list[str]:
    done = []
    settings_done = False
    for p in todo:
        path = root / p.path
        if p.fix == "trash" and p.path == TRASH:  # .trash itself is in the way: renamed
            aside = root / f"{TRASH}.{trash.name}"
            path.rename(aside)
            done.append(f"renamed {TRASH} (a file) to {aside.name}, to make room for the "
                        f"{TRASH}/ folder")
        elif p.fix == "trash":
            if path.exists() or path.is_symlink():
                saved = rebuilding.move_to_trash(root, path, trash)
                done.append(f"moved {p.path} to {saved} ({p.message.split(':')[0]})")
        elif p.fix == "remove":
            if path.exists():
                path.unlink()
                done.append(f"removed {p.path}")
        elif p.fix == "drop-cache":
            _drop_cache(root)
            done.append(f"dropped the cache ({CACHE}/ is rebuilt on next open)")
        elif p.fix == "settings" and not settings_done:
            done.append(_repair_settings(root, trash))
            settings_done = True
        elif p.fix == "salvage" and path.is_file():
            done.append(rebuilding.salvage(root, path, trash))
        elif p.fix == "reclean" and path.is_file():
            done.append(rebuilding.reclean(root, path, trash))
        elif p.fix == "raw-aside" and path.is_file():
            saved = rebuilding.move_to_trash(root, path, trash)
            done.append(f"moved {p.path} to {saved}: it no longer matches its hash (the "
                        "article keeps its cleaned body)")
        elif p.fix == "drop-version" and path.is_file() and p.detail:
            done.append(rebuilding.drop_version(root, path, p.detail, trash))
        elif p.fix == "rebuild":
            done.append(rebuilding.rebuild_missing(root, path.name.split("-", 1)[0]))
    return [d for d in done if d]


def _still_wrong(root: Path, p: Problem) -> bool:
    """Check again, under the lock, a file :func:`check` found wrong before."""
    path = root / p.path
    if p.fix == "settings":
        return bool(check_settings(root))
    if p.fix == "trash":
        return any(q.path == p.path for q in check_layout(root))
    if p.fix == "salvage":
        if not path.is_file():
            return False
        if p.path.startswith(f"{ARTICLES}/"):
            return check_article(root, path)[0] is None
        return bool(check_corrections(root) if p.path == CORRECTIONS
                    else check_story(root, path))
    return True


def _drop_cache(root: Path) -> None:
    """Remove the cached data, and tell running processes (the journal) to re-read everything.
    The journal itself is kept, not deleted, so its identity cannot be confused with a new one."""
    from tui.core.workspace import journal

    folder = root / CACHE
    if folder.is_dir():
        for p in folder.iterdir():
            if p.name == journal.NAME:
                continue
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
    journal.append(root, ["*"])


def _repair_settings(root: Path, trash: Path) -> str:
    """Rewrite ``wiredesk.toml``: what still parses, fields of a wrong type converted where
    the intent is clear; a fresh file otherwise. The old one is backed up."""
    path = root / SETTINGS
    saved = ""
    data: dict = {}
    changes: list[str] = []
    if path.is_file():
        saved = f" (the old one is in {rebuilding.backup(root, path, trash)})"
        parsed = parse(root, path, None)
        if not isinstance(parsed, Problem):
            data, changes = fields.coerce(parsed, fields.SETTINGS)
    found = data.get("workspace")
    ws = found if isinstance(found, dict) else {}
    schema = ws.get("schema")
    if not isinstance(schema, int) or not 1 <= schema <= SCHEMA_VERSION:
        ws["schema"] = SCHEMA_VERSION
    ws.setdefault("created", dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    data["workspace"] = ws
    write_atomic(path, "# Wiredesk workspace (rewritten by `wiredesk doctor --repair`).\n"
                 + tomli_w.dumps(data))
    said = f"; {', '.join(changes)}" if changes else ""
    return f"rewrote {SETTINGS}{said}{saved}"
