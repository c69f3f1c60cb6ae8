"""Helpers of the hostile-input and damage suites (imported by their tests): the real command
line in a child process, with its peak memory (``ru_maxrss`` of that child alone)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# C0 controls but newline and tab, DEL, C1 controls, and the bidi overrides
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    peak_mb: float


def run_cli(args: list[str], *, root: Path | None = None, stdin=None, timeout: float = 600,
            **env: str) -> Run:
    """``python -m tui ARGS`` in a child; its output decoded strictly (bad UTF-8 fails)."""
    full_env = dict(os.environ, PYTHONPATH=str(REPO), NO_COLOR="1", **env)
    full_env.pop("WIREDESK_WORKSPACE", None)
    if root is not None:
        full_env["WIREDESK_WORKSPACE"] = str(root)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        hwm = Path(tempfile.mkstemp(prefix="wiredesk-hwm-")[1])
        full_env["WIREDESK_TEST_HWM"] = str(hwm)
        proc = subprocess.Popen([sys.executable, "-c", _MEASURED, *args], cwd=REPO, env=full_env,
                                stdin=stdin if stdin is not None else subprocess.DEVNULL,
                                stdout=out, stderr=err)
        timer = threading.Timer(timeout, proc.kill)  # a hang fails the test, never the run
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        peak = _peak_kib(hwm, usage.ru_maxrss)
        return Run(proc.returncode, out.read().decode("utf-8"), err.read().decode("utf-8"),
                   peak / 1024)


# The child's own peak (VmHWM of the process image after exec): ``ru_maxrss`` of a child also
# counts the forked copy of this test process before exec, so a test run that has grown to a
# gigabyte would be charged to every command it starts.
_MEASURED = """
import atexit, os, runpy, sys
def _hwm():
    with open("/proc/self/status") as f, open(os.environ["WIREDESK_TEST_HWM"], "w") as out:
        out.write(next(l for l in f if l.startswith("VmHWM:")).split()[1])
atexit.register(_hwm)
sys.argv[0] = "wiredesk"
runpy.run_module("tui", run_name="__main__", alter_sys=True)
"""


def _peak_kib(hwm: Path, fallback_kib: int) -> float:
    """The child's peak in KiB as it wrote it at exit; ``ru_maxrss`` when it could not (killed)."""
    try:
        text = hwm.read_text().strip()
        return float(text) if text else float(fallback_kib)
    except OSError:
        return float(fallback_kib)
    finally:
        hwm.unlink(missing_ok=True)
