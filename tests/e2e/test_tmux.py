"""Drive the real program in tmux: open, star, tag, note, compare, quit; check the workspace.

Skipped when tmux is not installed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
REPO = Path(__file__).resolve().parents[2]


# A tmux server of our own: another program's sessions and options (a default-size set on the
# shared server) must not change the size of ours.
SOCKET = f"wiredesk-e2e-{os.getpid()}"
# The server passes the test process's COLUMNS/LINES (80x24) on to every command, where they
# would win over the window's real size: each command drops them.
UNSET = "unset COLUMNS LINES"


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True,
                          check=False).stdout


@pytest.fixture(scope="module", autouse=True)
def tmux_server():
    """One server for the module, started before the tests' sessions: a session that starts
    a fresh server can run its program before the pane has its size (the app then drew 80x24
    in a 140x20 window)."""
    tmux("new-session", "-d", "-s", "keeper", "-x", "80", "-y", "24", "sleep 900")
    socket = tmux("display-message", "-p", "#{socket_path}").strip()
    yield
    tmux("kill-server")
    if socket:
        Path(socket).unlink(missing_ok=True)


def screen(name: str) -> str:
    return tmux("capture-pane", "-p", "-t", name)


def wait_for(name: str, text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < deadline:
        shown = screen(name)
        if text in shown:
            return shown
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen shows:\n{shown}")


def keys(name: str, *keys: str, literal: bool = False) -> None:
    tmux("send-keys", "-t", name, *(["-l"] if literal else []), *keys)
    time.sleep(0.4)


@pytest.mark.parametrize("size,no_color", [((80, 24), True), ((120, 36), False)],
                         ids=["80x24-no-color", "120x36"])
def test_triage_in_a_real_terminal(tmp_path, size, no_color):
    name, ws = _start(tmp_path, size, env=("NO_COLOR=1 " if no_color else "") + "TERM=xterm")
    try:
        wait_for(name, "Wiredesk")
        keys(name, "j")  # the first article of the sample story
        keys(name, "Enter")  # open it (marks it read) ...
        keys(name, "q")  # ... and back to the list
        keys(name, "s")
        keys(name, "t")
        wait_for(name, "Tags:")
        keys(name, "japan, canada", literal=True)
        keys(name, "Enter")
        keys(name, "n")
        wait_for(name, "Note:")
        keys(name, "Call the Tokyo desk.", literal=True)
        keys(name, "C-s")  # saves (Esc would cancel)
        keys(name, "d")
        wait_for(name, "similarity")
        keys(name, "q")
        wait_for(name, "Wiredesk")
        keys(name, "q")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and name in tmux("list-sessions", "-F", "#S"):
            time.sleep(0.2)
        assert name not in tmux("list-sessions", "-F", "#S"), screen(name)
    finally:
        _stop(name)
    sys.path.insert(0, str(REPO))
    from tui.core.workspace import Workspace

    arts = Workspace.open(ws).articles()
    done = [a for a in arts if a.triage.starred]
    assert len(done) == 1
    t = done[0].triage
    assert t.read and t.tags == ["canada", "japan"] and t.note == "Call the Tokyo desk."


def _start(tmp_path, size, *, env: str = "", args: str = "") -> tuple[str, Path]:
    """The app on a fresh demo workspace in a tmux window of ``size``."""
    ws = tmp_path / "ws"
    base = {**os.environ, "WIREDESK_CONFIG": str(tmp_path / "none.toml"), "TERM": "xterm"}
    base.pop("NO_COLOR", None)
    subprocess.run([sys.executable, "-m", "tui", "demo", "--workspace", str(ws), "--no-app"],
                   check=True, cwd=REPO, env=base, capture_output=True)
    name = f"wiredesk-test-{uuid.uuid4().hex[:8]}"
    command = (f"cd {REPO} && {UNSET} && {env} WIREDESK_CONFIG={tmp_path / 'none.toml'} "
               f"{sys.executable} -m tui {args} --workspace {ws}")
    tmux("new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]), command)
    return name, ws


def _stop(name: str) -> None:
    if name in tmux("list-sessions", "-F", "#S"):
        tmux("kill-session", "-t", name)


@pytest.mark.parametrize("env", ["TERM=xterm-256color", "NO_COLOR=1 TERM=linux"],
                         ids=["256", "linux-no-color"])
def test_every_article_row_shows_30_characters_of_its_title_at_100x30(tmp_path, env):
    name, ws = _start(tmp_path, (100, 30), env=env)
    try:
        wait_for(name, "Stories")
        keys(name, "j")
        shown = screen(name)
        sys.path.insert(0, str(REPO))
        from tui.core.workspace import Workspace

        rows = [ln for ln in shown.splitlines() if ln.startswith((" ├", " └"))]
        arts = list(Workspace.open(ws).articles())
        assert len(rows) == len(arts), shown
        latin = [a.title for a in arts if a.meta.get("lang") != "ar"]
        for title in latin:
            assert any(title[:30] in row for row in rows), (title, shown)
        assert "coverage" not in shown
        footer = shown.rstrip().splitlines()[-1]
        for word in ("r read", "m mark", "u undo", "i ingest", "e export", "? help"):
            assert word in footer, footer
    finally:
        _stop(name)


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP"])
def test_a_killed_demo_removes_its_workspace(tmp_path, how):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    name = f"wiredesk-test-{uuid.uuid4().hex[:8]}"
    command = (f"cd {REPO} && {UNSET} && exec env TMPDIR={tmp} "
               f"WIREDESK_CONFIG={tmp_path / 'none.toml'} {sys.executable} -m tui demo")
    tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "30", command)
    try:
        wait_for(name, "Stories")
        assert [p.name for p in tmp.iterdir() if p.name.startswith("wiredesk-demo-")]
        if how == "SIGHUP":  # the terminal goes away
            tmux("kill-session", "-t", name)
        else:
            pid = int(tmux("list-panes", "-t", name, "-F", "#{pane_pid}").split()[0])
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(tmp.iterdir()):
            time.sleep(0.2)
        assert not [p.name for p in tmp.iterdir()]
    finally:
        _stop(name)


def test_emacs_alt_keys_and_palette_cancel_in_a_real_terminal(tmp_path):
    """The terminal sends Alt+< as ESC <: the emacs keymap must still jump (and ^g close the
    command palette opened with Alt+x)."""
    name, _ws = _start(tmp_path, (140, 20), env="TERM=xterm-256color", args="--keymap emacs")
    try:
        wait_for(name, "Stories")
        keys(name, "M->")  # the last article: the reader beside the list shows it
        wait_for(name, "Kyodo ·")
        keys(name, "M-<")
        wait_for(name, "Associated Press ·")
        keys(name, "M-x")
        wait_for(name, "Search for commands")
        keys(name, "C-g")
        assert "Search for commands" not in screen(name)
    finally:
        _stop(name)
