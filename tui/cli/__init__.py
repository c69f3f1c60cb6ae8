"""The ``wiredesk`` command line (see docs/SPEC in the shared folder and the README).

Exit status: 0 on success; 1 with one line on standard error for a user error; 2 for usage.
"""

from __future__ import annotations

import os
import sys

from tui.cli.errors import UserError
from tui.cli.parser import build_parser
from tui.cli.workspace_arg import LazyWorkspace


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    ws = LazyWorkspace(getattr(args, "workspace", None))
    try:
        func = getattr(args, "func", None)
        if func is None:
            from tui.cli.app_cmd import run_open

            return run_open(args, ws)
        return int(func(args, ws) or 0)
    except UserError as e:
        return _fail(str(e))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`wiredesk stories | head`): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as e:  # one clear line for the errors we know, a traceback for bugs
        from tui.cli.workspace_arg import known_error

        msg = known_error(e)
        if msg is None:
            raise
        return _fail(msg)


def _fail(msg: str) -> int:
    print(f"wiredesk: {msg}", file=sys.stderr)
    return 1
