"""What one star (and one new article) costs in a 10-article and a 10,000-article workspace.

    python tests/benchmarks/bench_star.py [--big 10000] [--rounds 30]

Builds both workspaces in a temporary folder (JSON Lines records, so cleaning is not measured),
then times, in this same process: the save itself (`Workspace.update_triage`, lock and journal
included) and the whole command a user types (`wiredesk star ID`, process start and workspace
open included). Prints medians; the ratio column is big / small. Neither must grow with the
workspace: the command opens it lazily (one folder listed, one file read; see
docs/WORKSPACE.md). ``bench_scale.py`` measures every command at 10,000 and 100,000 articles.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tui.core.model import RawDocument
from tui.core.workspace import Workspace


def build(root: Path, n: int) -> Workspace:
    ws = Workspace.open(root)
    docs = [RawDocument(origin=f"bench:{i}", kind="record",
                        content=f"Report number {i} on the harbour works in town {i % 97}. "
                                f"The council met on day {i % 28} and voted {i % 7} to {i % 5}.",
                        hints={"title": f"Harbour works, report {i}", "lang": "en"})
            for i in range(n)]
    for k in range(0, n, 5000):
        ws.ingest(docs[k:k + 5000])
    return Workspace.open(root)


def time_saves(ws: Workspace, rounds: int) -> float:
    ids = [a.id for a in ws.articles()[:rounds]]
    times = []
    for i, aid in enumerate(ids):
        t = time.perf_counter()
        ws.update_triage(aid, starred=bool(i % 2 == 0))
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def time_command(root: Path, rounds: int) -> float:
    ws = Workspace.open(root)
    ids = [a.id for a in ws.articles()[-rounds:]]
    env = dict(os.environ, WIREDESK_WORKSPACE=str(root))
    times = []
    for aid in ids[: max(3, rounds // 3)]:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tui", "star", aid[:8]], env=env, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def time_ingest(root: Path, rounds: int) -> float:
    """`wiredesk ingest one.txt` of a new article (process start included)."""
    env = dict(os.environ, WIREDESK_WORKSPACE=str(root))
    times = []
    for i in range(rounds):
        f = root.parent / f"one-{root.name}-{i}.txt"
        f.write_text(f"A new report {time.time_ns()}\n\nThe harbour council of town {i} met "
                     f"today ({time.time_ns()}) and voted on the works.\n", encoding="utf-8")
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tui", "ingest", str(f)], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--big", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=30)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small = build(Path(tmp) / "small", 10)
        big = build(Path(tmp) / "big", args.big)
        rows = [
            ("save (update_triage)", time_saves(small, 10), time_saves(big, args.rounds)),
            ("`wiredesk star ID`", time_command(small.root, 6), time_command(big.root, 9)),
            ("`wiredesk ingest one.txt`", time_ingest(small.root, 5),
             time_ingest(big.root, 5)),
        ]
    print(f"{'one article':27} {'10 articles':>14} {f'{args.big:,} articles':>18} {'ratio':>7}")
    for name, a, b in rows:
        print(f"{name:27} {a * 1000:11.2f} ms {b * 1000:15.2f} ms {b / a:7.2f}")


if __name__ == "__main__":
    main()
