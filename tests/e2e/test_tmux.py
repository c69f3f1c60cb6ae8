"""Drive the real program in tmux: open, star, tag, note, compare, quit; check the workspace.

Skipped when tmux is not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
REPO = Path(__file__).resolve().parents[2]


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


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
    ws = tmp_path / "ws"
    env = {**os.environ, "WIREDESK_CONFIG": str(tmp_path / "none.toml"), "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    subprocess.run([sys.executable, "-m", "tui", "demo", "--workspace", str(ws), "--no-app"],
                   check=True, cwd=REPO, env=env, capture_output=True)
    name = f"wiredesk-test-{uuid.uuid4().hex[:8]}"
    prefix = "NO_COLOR=1 " if no_color else ""
    command = (f"cd {REPO} && {prefix}TERM=xterm WIREDESK_CONFIG={tmp_path / 'none.toml'} "
               f"{sys.executable} -m tui --workspace {ws}")
    tmux("new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]), command)
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
        keys(name, "Escape")
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
        if name in tmux("list-sessions", "-F", "#S"):
            tmux("kill-session", "-t", name)
    sys.path.insert(0, str(REPO))
    from tui.core.workspace import Workspace

    arts = Workspace.open(ws).articles()
    done = [a for a in arts if a.triage.starred]
    assert len(done) == 1
    t = done[0].triage
    assert t.read and t.tags == ["canada", "japan"] and t.note == "Call the Tokyo desk."
