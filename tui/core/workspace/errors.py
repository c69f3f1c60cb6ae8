"""Workspace errors: each carries a one-line message a person can act on."""

from tui.core.workspace.lock import WorkspaceLocked


class WorkspaceError(Exception):
    """The workspace cannot be used as asked (damaged settings file, newer schema...)."""


class UnknownId(WorkspaceError):
    pass


class AmbiguousId(WorkspaceError):
    pass


class StaleUndo(WorkspaceError):
    """A grouping correction cannot be undone: what it moved has changed since."""


__all__ = ["AmbiguousId", "StaleUndo", "UnknownId", "WorkspaceError", "WorkspaceLocked"]
