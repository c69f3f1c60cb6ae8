"""Fixtures of the reliability suite: small workspaces and the real command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from relkit import REPO, cli_env, record

from tui.core.workspace import Workspace


@pytest.fixture
def make_ws(tmp_path):
    """``make_ws(n)``: a workspace with ``n`` articles; returns (root, sorted ids)."""

    def make(n: int = 4, name: str = "ws") -> tuple[Path, list[str]]:
        root = tmp_path / name
        ws = Workspace.open(root)
        rep = ws.ingest([record(i) for i in range(n)])
        return root, sorted(rep.added)

    return make


@pytest.fixture
def cli():
    """``cli(root, *args, input=None, env=None)``: run ``python -m tui`` and return the result."""

    def run(root: Path | None, *args: str, input: str | bytes | None = None,
            timeout: float = 60, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "tui", *args], cwd=REPO, env=cli_env(root, **env),
            input=input.encode() if isinstance(input, str) else input, capture_output=True,
            timeout=timeout)

    return run


@pytest.fixture
def wd(capsys):
    """Like ``cli`` but in this process (fast): ``main([...])`` with captured output."""
    from types import SimpleNamespace

    from tui.cli import main

    def run(root: Path | None, *args: str) -> SimpleNamespace:
        capsys.readouterr()
        rc = main([*(["--workspace", str(root)] if root else []), *args])
        got = capsys.readouterr()
        return SimpleNamespace(returncode=rc, stdout=got.out.encode(), stderr=got.err.encode())

    return run
