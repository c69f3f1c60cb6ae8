"""The stats behind the hand-edit checks: each article folder's files (for ``index_sync.rescan``)
and the app's look over every file for edits made in place (``tui.desk.indexed.look_over``).

An edit made in place (no rename) changes its file's time and maybe size, not its folder's:
only a stat of every file finds it (3-4 s of CPU at 1,000,000 articles, nearly all of it the
kernel's; there is no cheaper signal short of a watcher). What can be saved is everything
after the stats: :func:`folder_look` stats a folder once and gives both a digest of its files
(compared with the last look's, ``.cache/look-over.json``) and, when the folder will be
compared with the index anyway (no record of it), the files' sizes and times the compare needs,
so no folder is stat-ed twice.

The record is tied to the index it was checked against (the index's random name and the
position of its log of written articles, ``index_vocab.log_of``). An index rebuilt, or
replaced by another or an older copy (a lower position), does not match the record: every folder
is compared with it again. An index without the log is never trusted with a record.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from tui.core.workspace.atomic import write_atomic
from tui.core.workspace.paths import CACHE

LOOKED = "look-over.json"  # in .cache: each folder's files as the last look found them
Sigs = dict[str, tuple[int, int]]  # article id -> its file's (mtime_ns, size)


def folder_look(folder: Path, sigs: bool = False) -> tuple[str, Sigs | None]:
    """A digest of the files of a folder (their count and the sum of a hash of each one's
    inode, modification time and size: ints hash the same in every process, no sort), and with
    ``sigs`` the article files' (mtime_ns, size) too, from the same stats."""
    n = total = 0
    out: Sigs | None = {} if sigs else None
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as err:
        return f"unreadable: {err}", out
    try:  # (stats relative to the folder: one name looked up each, not the whole path)
        with os.scandir(fd) as it:
            for entry in it:
                st = entry.stat(follow_symlinks=False)
                mt, size = st.st_mtime_ns, st.st_size
                total += hash((st.st_ino, mt, size))
                n += 1
                name = entry.name
                if out is not None and name.endswith(".toml") and name[0] != ".":
                    out[name[:-5]] = (mt, size)
    except OSError as err:
        return f"unreadable: {err}", out
    finally:
        os.close(fd)
    return f"{n}:{total & 0xFFFFFFFFFFFFFFFF:016x}", out


def file_sigs(folder: Path) -> Sigs:
    """The article files of a folder: id -> (mtime_ns, size) ({} for a folder not there)."""
    return folder_look(folder, sigs=True)[1] or {}


def looked(root: Path, now: str) -> dict[str, str]:
    """The digests the last look recorded, when it checked this index (``now``, its
    ``index_vocab.log_of``) or an earlier state of it; else none (every folder is compared
    with the index)."""
    try:
        got = json.loads((Path(root) / CACHE / LOOKED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # none yet, or damaged
    if not isinstance(got, dict) or not isinstance(folders := got.get("folders"), dict):
        return {}  # (an older record, tied to no index)
    was, _, at = str(got.get("index", "")).partition(":")
    name, _, pos = now.partition(":")
    if not name or was != name or not (at.isdigit() and pos.isdigit()) or int(at) > int(pos):
        return {}
    return folders


def remember(root: Path, now: str, digests: dict[str, str]) -> None:
    """Record the digests the index (``now``) was found in step with."""
    try:
        write_atomic(Path(root) / CACHE / LOOKED,
                     json.dumps({"index": now, "folders": digests}, sort_keys=True), sync=False)
    except OSError:
        pass  # a read-only workspace: the next look compares every folder again
