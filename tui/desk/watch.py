"""A cheap test for "did another process change the workspace?".

Every workspace write is an atomic rename, which changes the modification time of the folder
it lands in. So stating the article shard folders, the stories folder and the saved filters
(a few hundred stats) tells whether to ask the journal (``Workspace.changed_on_disk``) or, for
story files edited by hand, to reload.
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass
from pathlib import Path

from tui.core.workspace.paths import ARTICLES, FILTERS, STORIES


@dataclass(frozen=True, slots=True)
class Stamp:
    articles: tuple[int, tuple[tuple[str, int], ...]]
    stories: int
    filters: int


class DiskChange(enum.Enum):
    """What another process changed since the last look."""

    NONE = "none"
    WORKSPACE = "workspace"  # articles or stories: reload and rebuild the list
    FILTERS = "filters"  # only the saved filters


def _mtime(path: Path) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0


def stamp(root: Path) -> Stamp:
    base = Path(root) / ARTICLES
    try:
        with os.scandir(base) as it:
            shards = tuple(sorted((e.name, e.stat().st_mtime_ns) for e in it if e.is_dir()))
    except OSError:
        shards = ()
    return Stamp((_mtime(base), shards), _mtime(Path(root) / STORIES), _mtime(Path(root) / FILTERS))
