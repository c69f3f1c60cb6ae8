"""Command-line tests, run in this process through ``tui.cli.main`` (fast), with a workspace
built once from the bundled samples and copied for each test."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tui.cli import main
from tui.cli.app_cmd import sample_files

ARABIC_SAMPLE = "004_ede46a4935d85797.txt"  # the Arabic seed, also bundled in tui/samples
ARABIC_WORD = "اتفقت"  # "agreed": occurs in the Arabic sample in logical order
ARABIC_VISUAL = ARABIC_WORD[::-1]  # the same word reversed, as visual order lays it out


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def all(self) -> str:
        return self.out + self.err


def call(capsys, *args) -> Result:
    capsys.readouterr()
    code = main([str(a) for a in args])
    got = capsys.readouterr()
    return Result(code, got.out, got.err)


@pytest.fixture
def cli(capsys, monkeypatch):
    """``cli(*args)`` runs one command in this process; output captured (never a terminal)."""
    for name in ("WIREDESK_BIDI", "WIREDESK_PAGER", "WIREDESK_DEBUG", "WIREDESK_WORKSPACE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return lambda *args: call(capsys, *args)


@pytest.fixture(scope="session")
def samples_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("samples")
    for p in sample_files():
        shutil.copy(p, folder)
    return folder


@pytest.fixture(scope="session")
def base_ws(tmp_path_factory, samples_dir) -> Path:
    ws = tmp_path_factory.mktemp("base") / "ws"
    assert main(["-w", str(ws), "ingest", "-q", *map(str, sorted(samples_dir.iterdir()))]) == 0
    return ws


@pytest.fixture
def ws(base_ws, tmp_path) -> Path:
    """A workspace with the five samples (one Arabic), this test's own copy."""
    dst = tmp_path / "ws"
    shutil.copytree(base_ws, dst, ignore=shutil.ignore_patterns(".lock"))
    return dst


def article_ids(cli, ws: Path) -> list[str]:
    import json

    r = cli("-w", ws, "stories", "--json")
    assert r.code == 0, r.err
    return [a["id"] for s in json.loads(r.out) for a in s["articles"]]


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every file of a workspace but derived data (.cache) and the lock: size and mtime."""
    out = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if rel.parts[0] in (".cache", ".lock") or not p.is_file():
            continue
        st = p.stat()
        out[str(rel)] = (st.st_size, st.st_mtime_ns)
    return out
