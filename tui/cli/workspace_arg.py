"""Opening the workspace for a command, only when the command needs it."""

from __future__ import annotations

import os
import sys


class LazyWorkspace:
    """Opens the workspace (``--workspace``, ``WIREDESK_WORKSPACE``, or the default) on first
    use."""

    def __init__(self, root: str | None) -> None:
        self._root = root or os.environ.get("WIREDESK_WORKSPACE") or None
        self._ws = None

    @property
    def opened(self):
        if self._ws is None:
            from tui.core.gcpause import freeze_after_loads
            from tui.core.workspace import Workspace

            freeze_after_loads()  # a command-line command: the process ends in seconds
            self._ws = Workspace.open(self._root)
            for problem in self._ws.problems[:5]:
                print(f"wiredesk: warning: {problem}", file=sys.stderr)
            if len(self._ws.problems) > 5:
                print(f"wiredesk: warning: {len(self._ws.problems) - 5} more damaged files; "
                      "run `wiredesk doctor`", file=sys.stderr)
        return self._ws

    @property
    def root_arg(self) -> str | None:
        return self._root

    def __getattr__(self, name):
        return getattr(self.opened, name)

    def __len__(self) -> int:
        return len(self.opened)


def known_error(e: Exception) -> str | None:
    """The one-line message for an error a user can meet, or None for a bug."""
    from tui.core.decode import DecodeError
    from tui.core.workspace import WorkspaceError, WorkspaceLocked
    from tui.config import ConfigError
    from tui.keys import KeymapError

    if isinstance(e, (WorkspaceError, WorkspaceLocked, KeymapError, ConfigError, DecodeError)):
        return str(e)
    if isinstance(e, PermissionError):
        return f"permission denied: {e.filename or e}"
    if isinstance(e, OSError) and e.filename:
        return f"{e.filename}: {e.strerror or e}"
    if isinstance(e, OSError):
        return f"{e.strerror or e}"
    return None
