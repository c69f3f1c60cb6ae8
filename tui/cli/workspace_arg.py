"""Opening the workspace for a command, only when the command needs it."""

from __future__ import annotations

import errno
import os
import shlex
import sys
from pathlib import Path

from tui.cli.errors import UserError
from tui.core.userpath import user_path


class LazyWorkspace:
    """Opens the workspace (``--workspace``, ``WIREDESK_WORKSPACE``, or the default) on first
    use."""

    def __init__(self, root: str | None, *, create: bool = False) -> None:
        self._root = root or os.environ.get("WIREDESK_WORKSPACE") or None
        self._create = create  # only commands that add (ingest, feeds add...) make one
        self._ws = None

    @property
    def opened(self):
        if self._ws is None:
            from tui.core.gcpause import freeze_after_loads
            from tui.core.workspace import Workspace

            freeze_after_loads()  # a command-line command: the process ends in seconds
            if not self._create and not Workspace.check(self.root_path):
                raise UserError(missing_message(self.root_path, self._root))
            # lazy: a command reads only what it needs (one article's file, the index)
            self._ws = Workspace.open(self._root, create=self._create, lazy=True)
            self._warned: set[str] = set()
            self.warn_problems()
        return self._ws

    def warn_problems(self) -> None:
        """Name damaged files not named yet (a lazy workspace finds some only when it reads
        everything, or when the index catches up, during the command)."""
        if self._ws is None:
            return
        new = [p for p in self._ws.problems if p not in self._warned]
        self._warned.update(new)
        for problem in new[:5]:
            print(f"wiredesk: warning: {problem}", file=sys.stderr)
        if len(new) > 5:
            print(f"wiredesk: warning: {len(new) - 5} more damaged files; "
                  "run `wiredesk doctor`", file=sys.stderr)

    @property
    def root_arg(self) -> str | None:
        return self._root

    @property
    def root_path(self) -> Path:
        from tui.core.workspace.paths import default_root

        return user_path(self._root) if self._root else default_root()

    def __getattr__(self, name):
        return getattr(self.opened, name)

    def __len__(self) -> int:
        return len(self.opened)


def missing_message(root: Path, arg: str | None) -> str:
    """No workspace where a reading command looks: say so, and how to make one."""
    where = f" --workspace {shlex.quote(str(arg))}" if arg else ""
    return (f"no workspace at {root}: nothing was created; make one with "
            f"`wiredesk ingest FILE...{where}` (or `wiredesk demo{where or ' --workspace DIR'}"
            f" --no-app` for the samples)")


def known_error(e: Exception) -> str | None:
    """The one-line message for an error a user can meet, or None for a bug."""
    from tui.config import ConfigError
    from tui.core.decode import DecodeError
    from tui.core.workspace import WorkspaceError, WorkspaceLocked
    from tui.keys import KeymapError

    if isinstance(e, (WorkspaceError, WorkspaceLocked, KeymapError, ConfigError, DecodeError)):
        return str(e)
    if isinstance(e, PermissionError):
        return f"permission denied: {e.filename or e}"
    if isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT):
        where = f"{e.filename}: " if e.filename else ""
        return (f"{where}{e.strerror or e} (every file is written whole or not at all: free "
                "some space and run the command again)")
    if isinstance(e, OSError) and e.filename:
        return f"{e.filename}: {e.strerror or e}"
    if isinstance(e, OSError):
        return f"{e.strerror or e}"
    return None
