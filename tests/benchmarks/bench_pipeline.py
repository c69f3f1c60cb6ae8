"""A bulk JSON Lines ingest, with and without the second process (``workspace.pipeline``).

    python tests/benchmarks/bench_pipeline.py CORPUS.jsonl [...] [--rounds 2] [--dir DIR]
        [--before OLD] [--same]

Each round runs, alternately in this same run, whole ``wiredesk ingest CORPUS --workspace W
--json`` processes into new workspaces: ``serial`` (``WIREDESK_PIPELINE=0``: everything in
one process, as before), ``pipeline`` (``=1``) and, with ``--before OLD`` (a folder holding an
older ``tui``, e.g. a frozen HEAD), ``before``. It prints medians of wall and CPU seconds
(user + system of the ingest and of its worker, from ``wait4``), the largest process's peak
memory, articles per wall and per CPU second, and each mode's ratio to the first, with the
load average of the machine during the runs (a loaded machine has no second core to give).

``--same``: the ``serial`` and ``pipeline`` workspaces of the last round are compared file by
file: every article record, body and raw file byte for byte (the run's time stamps, ``added``
and ``ingested``, put aside: two runs are made at different times), and the report. Workspaces
are deleted after each round (``--keep`` keeps the last).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STAMP = re.compile(rb'^(added|ingested) = "[^"]*"$', re.M)


# The ingest, then its own CPU seconds and what the pipeline measured, to the file $BENCH_STATS.
WRAP = """import json, os, resource, sys, time
from tui.cli import main
code = main(sys.argv[1:])
use = resource.getrusage(resource.RUSAGE_SELF)
try:
    from tui.core.workspace.pipeline import LAST
except ImportError:
    LAST = {}
with open(os.environ["BENCH_STATS"], "w") as f:
    json.dump({"main_cpu": use.ru_utime + use.ru_stime, "main_kb": use.ru_maxrss, **LAST}, f)
raise SystemExit(code)
"""


def run(cmd: list[str], env: dict, out: Path) -> dict:
    """One whole process: wall and CPU seconds (its worker included), peak MB, load; and the
    main process's own CPU, its worker's, and what the main process waited for it."""
    load = os.getloadavg()[0]
    env = {**env, "BENCH_STATS": str(out) + ".stats"}
    t = time.perf_counter()
    with open(out, "wb") as f:
        p = subprocess.Popen(cmd, env=env, stdout=f, stderr=subprocess.PIPE,
                             cwd=env.get("PYTHONPATH") or None, stdin=subprocess.DEVNULL)
        err = p.stderr.read() if p.stderr else b""
        _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({code}): {err[-500:].decode()}")
    rep = json.loads(out.read_text(encoding="utf-8"))
    st = json.loads(Path(env["BENCH_STATS"]).read_text())
    main_cpu, worker = st["main_cpu"], st.get("worker_cpu", 0.0)
    # On an idle machine with two cores: the main process's CPU, plus what it must wait for the
    # worker: the first chunk cannot be grouped before the worker has read all of it (its CPU
    # then beyond the main's), and after it, the worker's CPU beyond the main's, if any.
    idle = main_cpu
    if worker:
        w1, m1 = st["worker_first"], st["main_first"]
        idle += max(0.0, w1 - m1) + max(0.0, (worker - w1) - (main_cpu - m1))
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "mb": usage.ru_maxrss / 1024,
            "load": (load + os.getloadavg()[0]) / 2, "n": len(rep["added"]) + len(rep["updated"]),
            "err": err, "main": main_cpu, "worker": worker, "idle": idle,
            "main_mb": st["main_kb"] / 1024, "worker_mb": st.get("worker_kb", 0) / 1024,
            "waited": st.get("waited", 0.0)}


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): STAMP.sub(rb"\1 = T", p.read_bytes())
            for top in ("articles", "texts", "raw") for p in (root / top).rglob("*")
            if p.is_file()}


def same(a: Path, b: Path) -> str:
    fa, fb = files(a), files(b)
    differ = sorted(k for k in fa.keys() | fb.keys() if fa.get(k) != fb.get(k))
    return (f"{len(fa):,} / {len(fb):,} files (articles, texts, raw); "
            f"{len(differ)} differ{': ' + ', '.join(differ[:5]) if differ else ''}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--dir", default=None, help="where the workspaces go (deleted after)")
    ap.add_argument("--before", default=None, help="a folder holding an older tui package")
    ap.add_argument("--modes", default="before,serial,pipeline")
    ap.add_argument("--same", action="store_true", help="compare serial and pipeline output")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    here = str(Path(__file__).resolve().parents[2])
    base = Path(args.dir or tempfile.mkdtemp(prefix="bench-pipe-"))
    base.mkdir(parents=True, exist_ok=True)
    envs = {}
    for mode in args.modes.split(","):
        env = dict(os.environ)
        if mode == "before":
            if not args.before:
                continue
            env["PYTHONPATH"] = str(Path(args.before).resolve())
        else:
            env["PYTHONPATH"] = here
            env["WIREDESK_PIPELINE"] = "0" if mode == "serial" else "1"
        envs[mode] = env
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{cpus} CPUs usable; modes {', '.join(envs)}; {args.rounds} rounds, alternated")
    for corpus in args.corpus:
        got: dict[str, list[dict]] = {m: [] for m in envs}
        for r in range(args.rounds):
            for mode, env in envs.items():
                ws = base / f"w-{mode}"
                shutil.rmtree(ws, ignore_errors=True)
                res = run([sys.executable, "-c", WRAP, "ingest", str(Path(corpus).resolve()),
                           "--workspace", str(ws), "--json"], env, base / f"{mode}.json")
                got[mode].append(res)
                print(f"  round {r + 1} {mode}: {res['wall']:.1f} s wall, {res['cpu']:.1f} s "
                      f"CPU (main {res['main']:.1f}, worker {res['worker']:.1f}; main waited "
                      f"{res['waited']:.1f} s), peak MB main {res['main_mb']:.0f} / worker "
                      f"{res['worker_mb']:.0f}, load {res['load']:.1f}", flush=True)
            if r == args.rounds - 1 and args.same and {"serial", "pipeline"} <= envs.keys():
                print("  serial vs pipeline:", same(base / "w-serial", base / "w-pipeline"),
                      "; report", "identical" if (base / "serial.json").read_bytes() == (
                          base / "pipeline.json").read_bytes() else "DIFFERS",
                      "; stderr", "identical" if got["serial"][-1]["err"] == got[
                          "pipeline"][-1]["err"] else "DIFFERS")
            if not args.keep or r < args.rounds - 1:
                for mode in envs:
                    shutil.rmtree(base / f"w-{mode}", ignore_errors=True)
        first = next(iter(got))
        med = {m: {k: statistics.median(x[k] for x in v)
                   for k in ("wall", "cpu", "mb", "load", "main", "idle")}
               for m, v in got.items()}
        n = got[first][0]["n"]
        print(f"{corpus}: {n:,} articles; medians of {args.rounds}")
        print("  (CPU: ingest and worker; main: the ingest process alone; idle: main CPU plus"
              " its wait for the worker, the wall expected with two idle cores)")
        print(f"{'mode':<10}{'wall s':>9}{'CPU s':>8}{'main s':>8}{'idle s':>8}{'peak MB':>8}"
              f"{'art/s wall':>11}{'art/CPU s':>10}{'art/s idle':>11}{'idle x':>7}{'load':>6}")
        for m, v in med.items():
            print(f"{m:<10}{v['wall']:>9.1f}{v['cpu']:>8.1f}{v['main']:>8.1f}{v['idle']:>8.1f}"
                  f"{v['mb']:>8.0f}{n / v['wall']:>11.0f}{n / v['cpu']:>10.0f}"
                  f"{n / v['idle']:>11.0f}{med[first]['idle'] / v['idle']:>7.2f}{v['load']:>6.1f}")
    if args.dir is None and not args.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
