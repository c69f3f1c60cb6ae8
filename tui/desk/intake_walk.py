"""The files sources name, found as the ingest finds them (``tui.core.ingest.expand``: a
shell's glob, folders walked for the kinds ingest reads) but within a :class:`Budget`: at most
:data:`LOOK_ENTRIES` folder entries are looked at, and the look stops (:class:`Cut`) as soon as
its ``stop`` says so (the field edited, the dialog or the app closed). ``glob.glob`` lists a
whole tree before it answers and cannot be stopped: ``/usr/**/*.xml`` took minutes, and kept
the process busy after the app quit. A link back to a folder above met under a ``**`` is
skipped and named (:attr:`Budget.loops`): the ingest's glob would go round it. No Textual."""

from __future__ import annotations

import fnmatch
import os
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

LOOK_ENTRIES = 100_000  # folder entries looked at, at most, before an ingest of globs/folders


class Cut(Exception):
    """The look stopped before its end: ``why`` (None: stopped by its caller)."""

    def __init__(self, why: str | None) -> None:
        super().__init__(why or "stopped")
        self.why = why


class Stop:
    """A look's stop: set from the UI thread (the field edited, the dialog or the app closed),
    asked by the look's thread at each folder entry."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()


class Budget:
    """The folder entries a look may still look at, and its ``stop`` (asked at each one)."""

    def __init__(self, stop: Callable[[], bool] | None = None, entries: int | None = None):
        self.stop = stop or (lambda: False)
        self.entries = LOOK_ENTRIES if entries is None else entries
        self.left = self.entries
        self.loops: list[str] = []  # links back to a folder above, met under a `**` (skipped)

    def spend(self, n: int = 1) -> None:
        if self.stop():
            raise Cut(None)
        self.left -= n
        if self.left < 0:
            raise Cut("too many to count here")


def expand(src: str, out: Any, budget: Budget) -> Iterator[Path]:
    """The files ``src`` names, as ``tui.core.ingest.expand`` gives them (failures and the
    files not read put in ``out`` alike); raises :class:`Cut` when the budget is spent."""
    from tui.core.userpath import is_pattern, user_path  # noqa: PLC0415 (as in intake)

    p = user_path(src)
    if p.is_dir():
        yield from walk(p, out, budget)
    elif p.exists() or p.is_symlink():
        yield p
    elif is_pattern(src):
        hit = False
        folders: set[Path] = set()  # `**` names folders and their files: each walked once
        for found in glob(os.path.expanduser(src), budget):
            hit, hp = True, Path(found)
            if not folders.isdisjoint(hp.parents):
                continue
            if hp.is_dir():
                folders.add(hp)
                yield from walk(hp, out, budget)
            else:
                yield hp
        if not hit:
            out.failures.append((src, "no file matches this pattern"))
    else:
        out.failures.append((src, "no such file or folder"))


def walk(folder: Path, out: Any, budget: Budget) -> Iterator[Path]:
    """``tui.core.ingest_walk.walk`` within the budget: the readable files below ``folder``."""
    from tui.core.ingest import FEED_EXT, JSONL_EXT, TEXT_EXT  # noqa: PLC0415
    from tui.core.ingest_walk import walk as core_walk  # noqa: PLC0415

    readable = TEXT_EXT.keys() | JSONL_EXT | FEED_EXT
    yield from core_walk(folder, readable, out.failures, out.warnings, budget.spend)


def glob(pattern: str, budget: Budget) -> Iterator[str]:
    """``glob.glob(pattern, recursive=True)``'s paths (hidden names skipped unless the pattern
    names them; ``**`` is every folder below), one folder at a time, in a sorted order."""
    root = os.sep if pattern.startswith(os.sep) else ""
    parts = [p for p in pattern.split(os.sep) if p] + ([""] if pattern.endswith(os.sep) else [])
    yield from _match(root, parts, budget, frozenset())


def _match(base: str, parts: list[str], budget: Budget, up: frozenset[Any]) -> Iterator[str]:
    if not parts:
        yield base
        return
    head, rest = parts[0], parts[1:]
    if not head:  # (a pattern that ends with a slash names folders only)
        if os.path.isdir(base or "."):
            yield base
        return
    if head == "**":
        for folder in _below(base, budget, up):
            yield from _match(folder, rest, budget, up) if rest else [folder]
            if not rest:
                yield from (p for p, d in _scan(folder, budget, False) if not d)
        return
    if not any(c in head for c in "*?["):
        path = os.path.join(base, head)
        if rest:
            yield from _match(path, rest, budget, up)
        elif os.path.lexists(path):
            yield path
        return
    matches = re.compile(fnmatch.translate(head)).match
    for path, is_dir in _scan(base, budget, head.startswith(".")):
        if matches(os.path.basename(path)) and (is_dir or not rest):
            yield from _match(path, rest, budget, up)


def _below(base: str, budget: Budget, up: frozenset[Any]) -> Iterator[str]:
    """``base`` and every folder below it (links followed, as glob follows them; a link back
    to a folder above is skipped and kept in ``budget.loops``: glob would go round it)."""
    try:
        st = os.stat(base or ".")
    except OSError:
        return
    key = (st.st_dev, st.st_ino)
    if key in up:
        budget.loops.append(base)
        return
    yield base
    for path, is_dir in _scan(base, budget, False):
        if is_dir:
            yield from _below(path, budget, up | {key})


def _scan(base: str, budget: Budget, hidden: bool) -> list[tuple[str, bool]]:
    """The entries of folder ``base`` (path, is a folder), sorted; none if it cannot be read."""
    found = []
    try:
        with os.scandir(base or ".") as entries:
            for entry in entries:
                budget.spend()
                if hidden or not entry.name.startswith("."):
                    try:
                        is_dir = entry.is_dir()
                    except OSError:
                        is_dir = False
                    found.append((os.path.join(base, entry.name), is_dir))
    except OSError:
        return []
    return sorted(found)
