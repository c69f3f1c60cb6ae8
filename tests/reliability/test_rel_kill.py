"""Killed mid-save: SIGKILL at random moments, many rounds; nothing acknowledged is lost.

A forked writer changes the workspace in a loop (triage, story state, ingest) and reports each
change on a pipe only after the call returned. The test kills it at a random moment, then checks
that the workspace opens cleanly, every file parses, and every reported change is there.
``wiredesk doctor --repair`` then clears any leftover temporary file.
"""

from __future__ import annotations

import os
import random
import signal
import time
import tomllib

from relkit import record

from tui.core.workspace import Workspace
from tui.core.workspace.doctor import check, healthy, repair

ROUNDS = 60
TWO_WRITER_ROUNDS = 20


def _writer(root, wfd: int, seed: int) -> None:
    """The child: change, then acknowledge, forever (until killed)."""
    ws = Workspace.open(root, lock_timeout=5)
    ids = sorted(a.id for a in ws.articles())
    rnd = random.Random(seed)
    i = 0
    while True:
        op = rnd.random()
        aid = ids[i % len(ids)]
        if op < 0.7:
            ws.update_triage(aid, add_tags=[f"t{seed}-{i}"], note=f"note {seed}-{i}",
                             starred=bool(i % 2))
            os.write(wfd, f"triage {aid} {i}\n".encode())
        elif op < 0.85:
            sid = ws.get(aid).story or aid
            ws.set_story_state(sid, title=f"title {seed}-{i}")
            os.write(wfd, f"story {sid} {i}\n".encode())
        else:
            rep = ws.ingest([record(1000 + seed * 100 + i, extra=f"round {seed} step {i}")])
            for new in rep.added:
                os.write(wfd, f"ingest {new} {i}\n".encode())
        i += 1


def _run_round(root, seeds: list[int], rnd: random.Random) -> dict[int, list]:
    """Fork one writer per seed, kill each at a random moment; returns their acknowledgements."""
    procs = {}
    for seed in seeds:
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child never returns
            try:
                os.close(r)
                _writer(root, w, seed)
            finally:
                os._exit(0)
        os.close(w)
        procs[seed] = (pid, r)
    data = {seed: os.read(r, 1) for seed, (_, r) in procs.items()}  # each is up and has saved
    for seed, (pid, r) in procs.items():
        time.sleep(rnd.uniform(0, 0.04))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        while chunk := os.read(r, 65536):
            data[seed] += chunk
        os.close(r)
    acks: dict[int, list] = {}
    for seed, raw in data.items():
        lines = [x for x in raw.decode().splitlines() if x.count(" ") == 2]  # last may be cut
        acks[seed] = [(k, ident, int(i)) for k, ident, i in (x.split() for x in lines)]
    return acks


def _check_round(root, seed: int, acks, *, alone: bool = True) -> None:
    """Everything ``seed``'s writer acknowledged is there (notes and titles only when it wrote
    alone: another writer may have overwritten them since, legitimately)."""
    for path in root.rglob("*.toml"):
        if ".trash" not in path.parts:
            tomllib.loads(path.read_text(encoding="utf-8"))  # never half a file
    ws = Workspace.open(root)
    assert ws.problems == []
    # All doctor may find after a kill: temporary files, and texts of an unfinished ingest.
    found = check(root, tmp_age=0)
    assert all(p.fix == "remove" or p.severity == "note" for p in found), found
    last_note: dict[str, int] = {}
    for kind, ident, i in acks:
        if kind == "triage":
            assert f"t{seed}-{i}" in ws.get(ident).triage.tags
            last_note[ident] = i
        elif kind == "ingest":
            a = ws.get(ident)
            assert f"step {i}" in ws.body(a)
    if not alone:
        return
    for aid, i in last_note.items():
        note = ws.get(aid).triage.note
        assert note.startswith(f"note {seed}-"), note
        assert int(note.rsplit("-", 1)[1]) >= i  # the acknowledged one, or a later in-flight one
    stories = {k: i for k, _, i in acks if k == "story"}
    if stories:
        titles = [s.title for s in ws.stories()]
        assert any(t and t.startswith(f"title {seed}-") for t in titles)


def test_sigkill_mid_save_loses_nothing_acknowledged(make_ws):
    root, _ = make_ws(6)
    rnd = random.Random(8)
    total = 0
    for seed in range(ROUNDS):
        acks = _run_round(root, [seed], rnd)[seed]
        total += len(acks)
        _check_round(root, seed, acks)
    assert total >= ROUNDS  # every round saved at least once before its kill
    repair(root, check(root, tmp_age=0))
    assert healthy(check(root))
    assert not list(root.rglob("*.tmp"))


def test_two_writers_killed_at_random_lose_nothing_acknowledged(make_ws):
    """Two processes writing at once, each killed at its own random moment (one of them may
    die holding the lock the other waits for)."""
    root, _ = make_ws(4)
    rnd = random.Random(2)
    for n in range(TWO_WRITER_ROUNDS):
        seeds = [1000 + 2 * n, 1001 + 2 * n]
        acks = _run_round(root, seeds, rnd)
        for seed in seeds:
            _check_round(root, seed, acks[seed], alone=False)
    assert healthy(check(root, tmp_age=0)) or all(
        p.fix == "remove" for p in check(root, tmp_age=0) if p.severity == "error")


def test_sigkill_of_the_command_line(make_ws, cli):
    """The real `wiredesk tag` killed at random moments: a command that returned 0 is saved."""
    import subprocess
    import sys

    from relkit import REPO, cli_env

    root, ids = make_ws(3)
    rnd = random.Random(3)
    done = []
    for n in range(8):
        p = subprocess.Popen([sys.executable, "-m", "tui", "tag", ids[n % 3], f"cli{n}"],
                             cwd=REPO, env=cli_env(root), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        time.sleep(rnd.uniform(0.05, 0.4))
        p.send_signal(signal.SIGKILL)
        if p.wait() == 0:
            done.append((ids[n % 3], f"cli{n}"))
    ws = Workspace.open(root)
    assert ws.problems == []
    for aid, tag in done:
        assert tag in ws.get(aid).triage.tags
