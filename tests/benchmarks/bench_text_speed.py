"""Plain-text cleaning speed: the bar is 300 pages/s on wcxb_dev (long pages) on one core.

usage: python3 tests/benchmarks/bench_text_speed.py [--set wcxb_dev] [--rounds 3]
       [--other DIR]  (another checkout, e.g. a copy of HEAD: measured in the same run,
                       alternated with this one)
Not a pytest test. Reads ``../shared/bench/extract/<set>/text`` (or $WIREDESK_SHARED).

Prints, for each tree, with the baseline measured in the same run:
- read: reading the files alone (in this process), pages/s: the floor;
- in-process: ``wiredesk clean --json``'s work (read, clean, JSON) run in this process, CPU
  pages/s and its ratio to reading alone;
- CLI: the shipped scorer's loop (``wiredesk clean FILE x200 --json`` in a subprocess per 200
  files), pages/s by the children's CPU time (what the scorer prints on an idle core) and by
  the wall clock (what it prints now, under this machine's load);
- start: CPU of one ``wiredesk clean`` of one file (interpreter start-up and imports).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("WIREDESK_SHARED", REPO.parent / "shared")).resolve()
BATCH = 200  # files per `wiredesk clean` (as score_extract.py runs it)
_CODE = "import sys; from tui.cli import main; sys.exit(main())"  # the console script


def _env(tree: Path) -> dict[str, str]:
    """The children's environment: ``tree`` first on the path; bytecode written as a normal
    Python writes it (with PYTHONDONTWRITEBYTECODE set, every module changed since the last
    compile is compiled again at every start: 50-100 ms that no installed copy pays). Children
    run in ``tree`` too: ``python -c`` puts the working directory first on the path."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(tree)}


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cli(tree: Path, files: list[str]) -> tuple[float, float]:
    """(CPU seconds of the children, wall seconds) of the scorer's loop with ``tree``."""
    env = _env(tree)
    c0, t0 = _children_cpu(), time.perf_counter()
    for k in range(0, len(files), BATCH):
        p = subprocess.run([sys.executable, "-c", _CODE, "clean", *files[k:k + BATCH], "--json"],
                           capture_output=True, text=True, env=env, cwd=tree, check=False)
        if p.returncode not in (0, 1) or not p.stdout:
            raise SystemExit(f"clean failed: {p.stderr[-300:]}")
    return _children_cpu() - c0, time.perf_counter() - t0


def in_process(tree: Path, files: list[str]) -> float:
    """CPU seconds of ``clean --json`` run in a fresh interpreter (``tree`` first on the path),
    a batch at a time as the CLI runs, imports excluded."""
    code = (
        "import contextlib, io, sys, time\n"
        "from tui.cli import main\n"
        "import tui.core.clean, tui.core.ingest\n"
        "files = sys.argv[1:]\n"
        "t = time.process_time()\n"
        "quiet = contextlib.redirect_stdout(io.StringIO())\n"
        "with quiet, contextlib.redirect_stderr(io.StringIO()):\n"
        f"    for k in range(0, len(files), {BATCH}):\n"
        f"        main(['clean', *files[k:k + {BATCH}], '--json'])\n"
        "print(time.process_time() - t)\n"
    )
    env = _env(tree)
    p = subprocess.run([sys.executable, "-c", code, *files], capture_output=True, text=True,
                       env=env, cwd=tree, check=True)
    return float(p.stdout.strip().splitlines()[-1])


def start(tree: Path, one: str) -> float:
    """CPU seconds of one ``wiredesk clean`` of one file."""
    env = _env(tree)
    c0 = _children_cpu()
    subprocess.run([sys.executable, "-c", _CODE, "clean", one, "--json"], capture_output=True,
                   env=env, cwd=tree, check=False)
    return _children_cpu() - c0


def read_alone(files: list[str]) -> float:
    t = time.process_time()
    for f in files:
        Path(f).read_bytes().decode("utf-8", "replace")
    return time.process_time() - t


def options(doc: str) -> tuple[argparse.Namespace, list[str], list[tuple[str, Path]]]:
    """The command line these speed scripts share: (its options, the set's text pages, the
    trees to measure: this checkout and ``--other``)."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--set", default="wcxb_dev")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--other", type=Path, help="another checkout to measure alongside")
    args = ap.parse_args()
    folder = SHARED / "bench" / "extract" / args.set / "text"
    if not folder.is_dir():
        raise SystemExit(f"no {folder}")
    files = sorted(str(p) for p in folder.glob("*.txt"))
    return args, files, [("this", REPO)] + ([("other", args.other.resolve())] if args.other else [])


def main() -> None:
    args, files, trees = options(__doc__)
    n = len(files)
    print(f"{args.set}: {n} text pages, {args.rounds} rounds (trees alternated), "
          f"load {os.getloadavg()[0]:.1f}")
    rows: dict[str, list[tuple[float, ...]]] = {name: [] for name, _ in trees}
    for _, tree in trees:  # (a first start writes the bytecode of modules changed since)
        start(tree, files[0])
    for _ in range(args.rounds):
        for name, tree in trees:
            base = read_alone(files)
            inproc = in_process(tree, files)
            cpu, wall = cli(tree, files)
            rows[name].append((base, inproc, cpu, wall, start(tree, files[0])))
    print(f"{'tree':6} {'read p/s':>9} {'in-proc p/s':>12} {'x read':>7} {'ms/page':>8} "
          f"{'CLI cpu p/s':>12} {'CLI wall p/s':>13} {'start ms':>9}")
    for name, _ in trees:
        best = [min(r[j] for r in rows[name]) for j in range(5)]  # least disturbed round
        base, inproc, cpu, wall, st = best
        print(f"{name:6} {n / base:9.0f} {n / inproc:12.0f} {base / inproc:7.3f} "
              f"{inproc / n * 1000:8.2f} {n / cpu:12.0f} {n / wall:13.0f} {st * 1000:9.0f}")
    print("(bar: CLI >= 300 pages/s on one idle core; 'CLI cpu' is what the shipped scorer "
          "prints when nothing else runs)")


if __name__ == "__main__":
    main()
