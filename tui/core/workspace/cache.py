"""The disposable cache: parsed article records and the grouping index, in ``.cache/``.

It only speeds opening. Each record is kept with its file's (mtime, size); on open every
article file is stat-ed and any file that changed, appeared or vanished is read again from the
TOML. Deleting ``.cache/`` loses nothing: it is rebuilt from the TOML files.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from tui.core.gcpause import collector_paused
from tui.core.workspace import journal
from tui.core.workspace.atomic import write_atomic
from tui.core.workspace.lock import WorkspaceLocked, WriterLock
from tui.core.workspace.paths import ARTICLES, CACHE

CACHE_FORMAT = 4


def article_entries(root: Path) -> Iterator[tuple[str, os.DirEntry]]:
    """(shard folder's name, directory entry) of every article file, folder by folder."""
    try:
        shards = list(os.scandir(root / ARTICLES))
    except FileNotFoundError:
        return
    for shard in shards:
        if not shard.is_dir(follow_symlinks=False):
            continue
        with os.scandir(shard.path) as it:
            for e in it:
                if e.name.endswith(".toml") and not e.name.startswith("."):
                    yield shard.name, e


def scan_article_files(root: Path) -> dict[str, tuple[int, int]]:
    """Relative path -> (mtime_ns, size) for every article file."""
    out: dict[str, tuple[int, int]] = {}
    for shard, e in article_entries(root):
        st = e.stat(follow_symlinks=False)
        out[f"{shard}/{e.name}"] = (st.st_mtime_ns, st.st_size)
    return out


def load(root: Path, name: str):
    path = root / CACHE / name
    try:
        with open(path, "rb") as f, collector_paused():
            data = pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
            IndexError, TypeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        return None
    return data


def save(root: Path, name: str, data: dict) -> None:
    data = dict(data, format=CACHE_FORMAT)
    try:
        write_atomic(root / CACHE / name, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL),
                     sync=None)  # disposable: never synced
    except OSError:
        pass  # a cache that cannot be written is only slower next time


def load_layers(root: Path, base: str, delta: str, token: str) -> tuple[dict | None, dict | None]:
    """A cache kept as a base plus a small delta of what changed since (the records and the
    grouping index both are). The delta counts only when it names the base it was written on
    top of: its ``"base"`` equals the base's ``token`` field."""
    data = load(root, base)
    if data is None:
        return None, None
    layer = load(root, delta)
    if layer is None or data.get(token) is None or layer.get("base") != data.get(token):
        layer = None
    return data, layer


def save_base(root: Path, base: str, delta: str, data: dict) -> None:
    """Write a new base; the delta written on the old one no longer applies."""
    save(root, base, data)
    remove(root, delta)


def remove(root: Path, name: str) -> None:
    try:
        os.unlink(root / CACHE / name)
    except OSError:
        pass


def save_unlocked(root: Path, seen: journal.Mark, save: Callable[[], object]) -> bool:
    """Write derived data from a command that only reads (a rebuilt grouping cache, so the next
    command does not rebuild it again): under the writer lock taken without waiting, and only
    when no writer changed the workspace since it was read (``seen``: the journal's mark then).
    False, and nothing said, when another writer holds the lock or wrote since."""
    lock = WriterLock(root, timeout=0)
    try:
        lock.acquire()
    except (WorkspaceLocked, OSError):
        return False
    try:
        if journal.changed(root, seen):
            return False
        save()
        return True
    except (OSError, sqlite3.Error):  # a cache that cannot be written is only slower next time
        return False
    finally:
        lock.release()
