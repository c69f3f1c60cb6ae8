"""The ``wiredesk`` command line (the README and docs/CLI.md describe it).

Exit status: 0 on success; 1 with one line on standard error for a user error, and for a partial
failure (some of the files or records given failed, the rest was done: each failure has its own
line); 2 for usage; 70 for a bug in Wiredesk (one line; ``WIREDESK_DEBUG=1`` shows the
traceback); 130 when interrupted.
"""

from __future__ import annotations

import os
import sys

from tui.cli.errors import UserError
from tui.core.safe_text import SafeStream, one_line

EXIT_USER = 1
EXIT_USAGE = 2
EXIT_BUG = 70
MAX_MESSAGE = 1000


def main(argv: list[str] | None = None) -> int:
    """Run one command. Everything it prints passes the output sanitiser (tui.core.safe_text)."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
    try:
        return _run(argv)
    except SystemExit as e:  # argparse: --help, --version, usage errors
        if e.code is None or isinstance(e.code, int):
            return e.code or 0
        return _fail(str(e.code))
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        sys.stdout, sys.stderr = out, err


def _run(argv: list[str] | None) -> int:
    from tui.core.gcpause import collector_paused

    argv = sys.argv[1:] if argv is None else argv
    with collector_paused():  # (modules loading: the collector would scan them again and again)
        from tui.cli.parser import build_parser
        from tui.cli.workspace_arg import LazyWorkspace

        parser = build_parser(argv)  # only the command named is imported
    args = parser.parse_args(argv)
    ws = LazyWorkspace(getattr(args, "workspace", None), create=getattr(args, "creates", False))
    try:
        func = getattr(args, "func", None)
        if func is None:
            from tui.cli.app_cmd import run_open

            return run_open(args, ws)
        code = int(func(args, ws) or 0)
        ws.warn_problems()  # damaged files found while the command ran (issue 16: lazy open)
        return code
    except UserError as e:
        return _fail(str(e))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`wiredesk stories | head`): not an error.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return 0
    except Exception as e:  # one clear line for the errors we know, one line for bugs too
        from tui.cli.workspace_arg import known_error

        msg = known_error(e)
        if msg is not None:
            return _fail(msg)
        if os.environ.get("WIREDESK_DEBUG"):
            raise
        _fail(f"internal error: {type(e).__name__}: {e} (a bug in Wiredesk; run again with "
              "WIREDESK_DEBUG=1 for the traceback)")
        return EXIT_BUG


def _fail(msg: str) -> int:
    line = one_line(msg)
    if len(line) > MAX_MESSAGE:  # a 100,000-character argument quoted back
        line = line[: MAX_MESSAGE - 1] + "…"
    print(f"wiredesk: {line}", file=sys.stderr)
    return EXIT_USER
