"""Two writers on one workspace: nothing lost, a bounded wait for the lock, changes picked up."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from relkit import REPO, cli_env

from tui.core.workspace import Workspace, WorkspaceLocked
from tui.core.workspace.lock import WriterLock
from tui.core.workspace.paths import article_path

N = 3  # commands per shell (each CLI start costs ~0.3-1 s on a loaded machine)


def _shell(root, ids: list[str], who: str) -> subprocess.Popen:
    """One shell running N triage commands, on a shared article and on its own one."""
    shared, own = ids[0], ids[1] if who == "a" else ids[2]
    cmds = []
    for i in range(N):
        cmds.append(["tag", shared, f"{who}{i}"])
        cmds.append(["tag", own, f"{who}-own{i}"])
    cmds.append(["star", own])
    cmds.append(["note", own, f"note from {who}"])
    script = "; ".join(
        f"{sys.executable} -m tui " + " ".join(f"'{x}'" for x in c) + " || echo FAIL >&2"
        for c in cmds)
    return subprocess.Popen(["sh", "-c", script], cwd=REPO, env=cli_env(root),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_two_shells_at_once_lose_nothing(make_ws):
    root, ids = make_ws(3)
    procs = [_shell(root, ids, "a"), _shell(root, ids, "b")]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0 and b"FAIL" not in err, err.decode()
    ws = Workspace.open(root)
    shared = set(ws.get(ids[0]).triage.tags)
    assert shared == {f"{w}{i}" for w in "ab" for i in range(N)}
    for who, aid in (("a", ids[1]), ("b", ids[2])):
        a = ws.get(aid)
        assert set(a.triage.tags) == {f"{who}-own{i}" for i in range(N)}
        assert a.triage.starred and a.triage.note == f"note from {who}"


def test_in_process_writers_interleaved(make_ws):
    """Two open workspaces (the app and a shell) writing in turns: each sees the other's work."""
    root, ids = make_ws(2)
    app, shell = Workspace.open(root), Workspace.open(root)
    for i in range(20):
        (app if i % 2 else shell).update_triage(ids[0], add_tags=[f"x{i}"])
    assert set(Workspace.open(root).get(ids[0]).triage.tags) == {f"x{i}" for i in range(20)}


@pytest.mark.slow  # asserts on wall-clock time
def test_lock_timeout_gives_one_line_and_exit_1(make_ws, cli):
    root, ids = make_ws(1)
    with WriterLock(root):
        t = time.monotonic()
        r = cli(root, "star", ids[0], WIREDESK_LOCK_TIMEOUT="0.8")
        waited = time.monotonic() - t
    assert r.returncode == 1
    err = r.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "locked" in err and str(os.getpid()) in err
    assert waited >= 0.8
    assert not Workspace.open(root).get(ids[0]).triage.starred


def test_writer_waits_for_a_short_lock(make_ws, cli):
    """Held briefly by someone else: the command waits and succeeds."""
    root, ids = make_ws(1)
    lock = WriterLock(root)
    lock.acquire()
    p = subprocess.Popen([sys.executable, "-m", "tui", "star", ids[0]], cwd=REPO,
                         env=cli_env(root, WIREDESK_LOCK_TIMEOUT="20"), stderr=subprocess.PIPE)
    time.sleep(0.6)
    assert p.poll() is None  # still waiting
    lock.release()
    assert p.wait(timeout=30) == 0
    assert Workspace.open(root).get(ids[0]).triage.starred


def test_lock_in_process_times_out(make_ws):
    root, _ = make_ws(1)
    with WriterLock(root):
        other = WriterLock(root, timeout=0.2)
        with pytest.raises(WorkspaceLocked):
            other.acquire()


def test_open_workspace_sees_outside_changes(make_ws):
    root, ids = make_ws(2)
    app = Workspace.open(root)
    Workspace.open(root).update_triage(ids[1], add_tags=["outside"])
    assert app.changed_on_disk()
    app.reload()
    assert "outside" in app.get(ids[1]).triage.tags


def test_same_size_change_within_one_clock_tick_is_not_lost(make_ws):
    root, ids = make_ws(1)
    path = article_path(root, ids[0])
    app = Workspace.open(root)
    app.update_triage(ids[0], add_tags=["aa"])
    st = path.stat()
    Workspace.open(root).update_triage(ids[0], remove_tags=["aa"], add_tags=["bb"])
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # as a coarse clock would leave it
    assert path.stat().st_size == st.st_size
    app.update_triage(ids[0], starred=True)
    assert "bb" in Workspace.open(root).get(ids[0]).triage.tags


def test_threads_of_one_process_take_turns(tmp_path):
    """The app's worker threads share one lock object: each waits for the other."""
    import threading

    lock = WriterLock(tmp_path, timeout=10)
    counter = tmp_path / "n"
    counter.write_text("0")

    def bump() -> None:
        for _ in range(200):
            with lock:
                with lock:  # re-entrant in the holding thread
                    n = int(counter.read_text())
                    time.sleep(0)
                    counter.write_text(str(n + 1))

    threads = [threading.Thread(target=bump) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert counter.read_text() == "600"
    with WriterLock(tmp_path, timeout=0):  # and the file lock was released at the end
        pass


def test_hand_edit_while_the_app_is_open_is_not_overwritten(make_ws):
    root, ids = make_ws(1)
    app = Workspace.open(root)
    path = article_path(root, ids[0])
    path.write_text(path.read_text().replace("tags = []", 'tags = ["by-hand"]'))
    app.update_triage(ids[0], starred=True)
    a = Workspace.open(root).get(ids[0])
    assert a.triage.starred and "by-hand" in a.triage.tags


@pytest.mark.slow  # asserts on wall-clock time
def test_a_busy_writer_cannot_starve_a_waiting_one(make_ws):
    """The app saving in a tight loop (a bulk action): a command still gets its turn quickly."""
    import signal

    root, ids = make_ws(1)
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        try:
            ws = Workspace.open(root)
            os.write(w, b"up")
            for i in range(100000):
                ws.update_triage(ids[0], read=bool(i % 2))
        finally:
            os._exit(0)
    try:
        os.read(r, 2)
        waits = []
        for _ in range(5):
            t = time.monotonic()
            with WriterLock(root, timeout=5):
                waits.append(time.monotonic() - t)
        assert max(waits) < 1.0, waits
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(r)
        os.close(w)
