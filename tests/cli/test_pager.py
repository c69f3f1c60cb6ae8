"""Item 8: long terminal output of show, diff and stories goes through a pager ($PAGER, less -R
by default); never when piped, never with --no-pager."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.cli.conftest import article_ids
from tui.cli import pager


@pytest.fixture
def fake_pager(tmp_path, monkeypatch):
    """$PAGER is a script writing what it is given to a file; the terminal is pretended."""
    got = tmp_path / "paged.txt"
    script = tmp_path / "pager.py"
    script.write_text(f"import sys\nopen({str(got)!r}, 'w', encoding='utf-8')"
                      ".write(sys.stdin.read())\n")
    monkeypatch.setenv("PAGER", f"{sys.executable} {script}")
    monkeypatch.delenv("WIREDESK_PAGER", raising=False)
    monkeypatch.setattr(pager, "stdout_is_terminal", lambda: True)
    monkeypatch.setenv("LINES", "10")
    monkeypatch.setenv("COLUMNS", "100")
    return got


def test_long_output_on_a_terminal_is_paged(cli, ws, fake_pager, monkeypatch):
    aid = article_ids(cli, ws)[0]
    r = cli("-w", ws, "show", aid)
    assert r.code == 0 and r.out == ""  # it all went to the pager
    assert len(fake_pager.read_text().splitlines()) > 3
    fake_pager.unlink()
    monkeypatch.setenv("LINES", "3")  # the samples make few stories
    r = cli("-w", ws, "stories")
    assert r.code == 0 and fake_pager.exists()
    fake_pager.unlink()
    r = cli("-w", ws, "diff", aid, article_ids(cli, ws)[1])
    assert r.code == 0 and fake_pager.exists()


def test_short_output_and_no_pager_are_printed_directly(cli, ws, fake_pager, monkeypatch):
    aid = article_ids(cli, ws)[0]
    r = cli("-w", ws, "show", "--no-pager", aid)
    assert r.out and not fake_pager.exists()
    monkeypatch.setenv("LINES", "1000")
    r = cli("-w", ws, "stories")
    assert r.out and not fake_pager.exists()
    monkeypatch.setenv("LINES", "10")
    monkeypatch.setenv("PAGER", "cat")
    r = cli("-w", ws, "show", aid)
    assert r.out and not fake_pager.exists()


def test_json_is_never_paged(cli, ws, fake_pager):
    aid = article_ids(cli, ws)[0]
    r = cli("-w", ws, "show", "--json", aid)
    assert r.out.startswith("{") and not fake_pager.exists()


def test_a_missing_pager_prints_everything(cli, ws, fake_pager, monkeypatch):
    monkeypatch.setenv("PAGER", "/nonexistent/pager")
    aid = article_ids(cli, ws)[0]
    r = cli("-w", ws, "show", aid)
    assert r.code == 0 and r.out.count("\n") > 3


def test_piped_output_is_not_paged_in_a_real_process(ws, tmp_path):
    marker = tmp_path / "paged"
    env = {**os.environ, "PAGER": f"touch {marker}", "LINES": "5"}
    r = subprocess.run([sys.executable, "-m", "tui", "-w", str(ws), "stories"],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0 and r.stdout and not marker.exists()


def test_default_pager_is_less_r(monkeypatch):
    monkeypatch.delenv("PAGER", raising=False)
    monkeypatch.delenv("WIREDESK_PAGER", raising=False)
    assert pager.pager_command() == ["less", "-R"]
    monkeypatch.setenv("PAGER", "")
    assert pager.pager_command() is None
