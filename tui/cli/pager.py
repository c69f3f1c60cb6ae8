"""A pager for long terminal output of ``show``, ``diff`` and ``stories`` (as git does).

Only when standard output is a terminal: output is collected, and when it is longer than the
screen it goes through ``$WIREDESK_PAGER``, else ``$PAGER``, else ``less -R`` (with
``LESS=FRX`` unless ``$LESS`` is set: quit at once on one screen, keep colours, leave the text
on the screen). ``--no-pager``, ``PAGER=cat`` or an empty ``PAGER`` turn it off; piped or
redirected output is never paged.
"""

from __future__ import annotations

import contextlib
import io
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator

from tui.core.safe_text import SafeStream, raw_stream

DEFAULT = "less -R"


class _Capture(io.StringIO):
    """Collects a terminal's output; says it is a terminal so colours are kept."""

    def isatty(self) -> bool:
        return True


def stdout_is_terminal() -> bool:
    try:
        return bool(sys.stdout.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def pager_command() -> list[str] | None:
    cmd = os.environ.get("WIREDESK_PAGER")
    if cmd is None:
        cmd = os.environ.get("PAGER", DEFAULT)
    cmd = cmd.strip()
    if not cmd or cmd == "cat":
        return None
    try:
        return shlex.split(cmd)
    except ValueError:
        return shlex.split(DEFAULT)


@contextlib.contextmanager
def paged(enabled: bool = True) -> Iterator[None]:
    """Within the block, standard output is collected and shown through the pager when it is
    longer than the terminal (nothing changes when not a terminal or not ``enabled``)."""
    cmd = pager_command()
    if not enabled or cmd is None or not stdout_is_terminal():
        yield
        return
    real = sys.stdout
    buf = _Capture()
    sys.stdout = SafeStream(buf)
    try:
        yield
    finally:
        sys.stdout = real
        show(buf.getvalue(), cmd)


def show(text: str, cmd: list[str]) -> None:
    """``text`` on the terminal, through ``cmd`` when it does not fit on one screen."""
    rows = shutil.get_terminal_size((80, 24)).lines
    raw = raw_stream(sys.stdout)
    if text.count("\n") < rows - 1:
        raw.write(text)
        raw.flush()
        return
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    raw.flush()
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, env=env)
    except OSError:  # no such pager: print it all
        raw.write(text)
        raw.flush()
        return
    try:
        assert proc.stdin is not None
        proc.stdin.write(text.encode("utf-8", "replace"))
        proc.stdin.close()
    except BrokenPipeError:  # the reader quit the pager early
        pass
    with contextlib.suppress(KeyboardInterrupt):
        proc.wait()
