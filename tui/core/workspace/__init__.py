"""The TOML workspace: the truth about articles, stories and triage."""

from tui.core.workspace.errors import (
    AmbiguousId,
    StaleUndo,
    UnknownId,
    WorkspaceError,
    WorkspaceLocked,
)
from tui.core.workspace.records import Story, StoryState
from tui.core.workspace.store import Workspace

__all__ = [
    "AmbiguousId", "StaleUndo", "Story", "StoryState", "UnknownId", "Workspace",
    "WorkspaceError", "WorkspaceLocked",
]
