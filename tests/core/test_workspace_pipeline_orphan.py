"""An ingest killed (SIGKILL, the OOM killer: no clean-up) while its worker has finished and
waits, on its way out, for its queued messages to go into a pipe nobody reads: the worker
ends too, instead of staying behind for ever (an orphan holding a chunk of records)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

PARENT = """
import json, os, signal, sys, time
from tui.core.workspace import pipeline

def main():
    path = sys.argv[1]
    with open(path, "w") as f:  # (far more than a pipe holds, none of it read)
        for n in range(600):
            f.write(json.dumps({"url": f"u:{n}", "title": f"Title {n}",
                                "text": ("word%d " % n) * 200}) + "\\n")
    s = pipeline.Stream([path], chunk=50_000, batch=64)
    pid = s._proc.pid
    print(pid, flush=True)
    still = 0
    for _ in range(1200):  # until the worker waits (a second) on the pipe, all its work done
        time.sleep(0.05)
        waits = [Path(f"/proc/{pid}/task/{t}/wchan").read_text()
                 for t in os.listdir(f"/proc/{pid}/task")]
        main = Path(f"/proc/{pid}/wchan").read_text()
        still = still + 1 if "futex" in main and any("pipe_write" in w for w in waits) else 0
        if still >= 20:
            break
    os.kill(os.getpid(), signal.SIGKILL)

if __name__ == "__main__":
    from pathlib import Path
    main()
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.slow  # (seconds: a second process cleans 600 records)
@pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/wchan").exists(), reason="needs /proc")
def test_a_finished_worker_whose_ingest_is_killed_ends(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(PARENT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    parent = subprocess.Popen([sys.executable, str(script), str(tmp_path / "d.jsonl")],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                              text=True)
    assert parent.stdout is not None
    worker = int(parent.stdout.readline())
    parent.wait()
    parent.stdout.close()
    try:
        for _ in range(300):  # (a watched worker ends within a second; this waits 30)
            if not _alive(worker):
                break
            time.sleep(0.1)
        assert not _alive(worker)
    finally:
        if _alive(worker):
            os.kill(worker, 9)
