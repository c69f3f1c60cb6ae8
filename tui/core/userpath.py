"""Paths as a user types them: ``~`` and ``~user`` expanded the way the shell does."""

from __future__ import annotations

import os
from pathlib import Path


def user_path(arg: str | os.PathLike[str]) -> Path:
    """``arg`` with a leading ``~`` or ``~user`` expanded. An unknown user (``~nobody9``) is
    kept as written, as the shell keeps it, where ``Path.expanduser`` raises RuntimeError
    ("Could not determine home directory"): the name then reaches the caller's own error."""
    return Path(os.path.expanduser(os.fspath(arg)))


def is_pattern(arg: str) -> bool:
    """``arg`` is a shell's pattern (``*``, ``?`` or ``[``) that ingest expands with
    :func:`glob.glob`, as the shell would (the ingest field and the command line agree)."""
    return any(c in arg for c in "*?[")
