"""500 hostile inputs ingested in folders of 50 beside good files (the bar of issue 19).

Per folder, one `wiredesk ingest` in a child process: no traceback, exit 0 or 1; each failure
is one line on standard error naming its file (and its line for JSON Lines, its item for a
feed); every good file, and every hostile one that holds readable text, is ingested; no
escape, C0 or C1 control byte in any output; peak memory under 500 MB. A FIFO with no writer
and a device are given as arguments too: each is named, neither blocks.

The fast variant runs one folder; ``-m slow`` runs all ten (and the 50 MB line).
"""

from __future__ import annotations

import os
import re

import pytest
from hostile_gen import Input, big_line, good, hostile, kind_of, write
from hostkit import UNSAFE, run_cli

from tui.core.workspace import Workspace

FOLDER = 50
GOOD = 8
TOKEN = re.compile(r"[hgf]\d{4}")
PEAK_MB = 500


def _folder(tmp_path, k: int, *, long_line: bool) -> tuple[list[Input], list[Input]]:
    bad = [hostile(i) for i in range(k * FOLDER, (k + 1) * FOLDER)]
    if long_line:
        bad.append(big_line(f"h{9000 + k:04d}"))
    fine = [good(k * GOOD + j) for j in range(GOOD)]
    write(tmp_path / f"in{k}", bad + fine)
    return bad, fine


def _check_folder(tmp_path, k: int, *, long_line: bool = False, extra: tuple = ()) -> None:
    bad, fine = _folder(tmp_path, k, long_line=long_line)
    root = tmp_path / f"ws{k}"
    r = run_cli(["ingest", str(tmp_path / f"in{k}"), *extra], root=root, WIREDESK_READ_IDLE="1")
    assert r.returncode in (0, 1), r.stderr[-3000:]
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr, r.stderr[-3000:]
    for text in (r.stdout, r.stderr):
        assert not UNSAFE.search(text.replace("\n", "")), UNSAFE.findall(text)[:5]
    assert r.peak_mb < PEAK_MB, r.peak_mb
    by_token = {x.token: x for x in bad + fine}
    named: set[str] = set()
    for line in r.stderr.splitlines():
        assert line.startswith("wiredesk: "), line
        tokens = set(TOKEN.findall(line)) & set(by_token)
        if not tokens:  # an argument that is not in the folder (the FIFO, the device)
            assert any(str(x) in line for x in extra), line
            continue
        named |= tokens
        for t in tokens:
            name = by_token[t].name
            if name.endswith(".jsonl") and "warning:" not in line:
                assert re.search(r"\.jsonl:\d+: ", line), line  # file and line
            if "feed item" in line:
                assert re.search(r" item \d+ ", line), line  # file and item
    ws = Workspace.open(root)
    ingested = {t for a in ws.articles() for t in TOKEN.findall(a.origin)}
    for x in fine:
        assert x.token in ingested, (x.name, x.token)
    for i, x in zip(range(k * FOLDER, (k + 1) * FOLDER), bad):
        if x.expect == "ok":
            assert x.token in ingested, (kind_of(i), x.name, r.stderr[-2000:])
        elif x.expect == "fail":
            assert x.token in named, (kind_of(i), x.name)
        else:
            assert x.token in ingested | named, (kind_of(i), x.name)
    for a in ws.articles():  # what came in is clean, whatever came in
        body = ws.body(a)
        assert not UNSAFE.search(body.replace("\n", "").replace("\t", "")), a.origin
        assert "/etc/passwd" not in body and "root:x:0" not in body
        assert len(body) < 2_000_000


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "fifo-f0001"
    os.mkfifo(path)
    return path


def test_one_folder_of_hostile_inputs(tmp_path, fifo):
    """The fast variant: 50 hostile inputs, 8 good files, a 50 MB line, a FIFO that nothing
    writes to, and /dev/zero, in one ingest."""
    _check_folder(tmp_path, 0, long_line=True, extra=(fifo, "/dev/zero"))


@pytest.mark.slow
@pytest.mark.parametrize("k", range(1, 10))
def test_five_hundred_hostile_inputs(tmp_path, k):
    _check_folder(tmp_path, k, long_line=k == 9)


def test_every_kind_is_generated():
    kinds = {kind_of(i) for i in range(FOLDER)}
    assert len(kinds) >= 18 and "duplicate" in kinds
    assert len({hostile(i).name for i in range(500)}) == 500  # distinct names


def print_figures(folders: int = 10) -> None:
    """``python tests/hostile/test_hostile_batch.py``: per folder, exit, time, peak memory."""
    import tempfile
    import time
    from pathlib import Path

    tmp = Path(tempfile.mkdtemp())
    for k in range(folders):
        bad, fine = _folder(tmp, k, long_line=k in (0, folders - 1))
        start = time.monotonic()
        r = run_cli(["ingest", str(tmp / f"in{k}")], root=tmp / f"ws{k}")
        summary = (r.stdout.strip().splitlines() or ["?"])[-1]
        print(f"folder {k}: {len(bad)} hostile + {len(fine)} good: exit {r.returncode}, "
              f"{time.monotonic() - start:.1f} s, peak {r.peak_mb:.0f} MB, {summary}, "
              f"traceback {'Traceback' in r.stderr}")


if __name__ == "__main__":
    print_figures()
