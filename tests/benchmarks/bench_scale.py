"""What every command costs as the workspace grows: 5 articles against 10,000, 100,000...

    python tests/benchmarks/bench_scale.py --sizes 5,10000,100000 [--dir DIR] [--rounds 5]
        [--before OLD]

``--before OLD``: a folder holding an older ``tui`` package (``git archive HEAD tui | tar -x -C
OLD``); every command then runs with both, alternately, in this same run, and the table gives
both (the older code ignores the index; its writes are caught up by the folder signal).

For each size it builds a workspace from ``make_corpus.py`` (in ``--dir``; a workspace already
there is reused, so a 100,000-article one is built once), timing the bulk ingest (articles/s,
peak memory). Then, size after size in this same run, it times whole processes a user types
(``wiredesk star ID`` ...: process start, workspace open, the work, exit) and prints medians
with each size's ratio to the smallest workspace. Peak memory is the child's own (``wait4``).
Triage commands write to the workspaces (star, tag, note, read); ``ingest`` adds an article per
round. The first ``stories`` after a build also builds the index: it is timed apart
(``index build``), before the medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
CPU: list[float] = []  # CPU seconds of each process run, in order
CORPUS = HERE.parents[3] / "shared" / "bench" / "make_corpus.py"


def run(cmd: list[str], env: dict, stdin: str | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one whole process (its output thrown away)."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         cwd=env.get("PYTHONPATH") or None,
                         stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL)
    if stdin is not None:
        p.stdin.write(stdin.encode())
        p.stdin.close()
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    CPU.append(usage.ru_utime + usage.ru_stime)
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode(errors="replace") if p.stderr else ""
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({p.returncode}): {err[-500:]}")
    return wall, usage.ru_maxrss / 1024


def wiredesk(*args: str) -> list[str]:
    return [sys.executable, "-m", "tui", *args]


def build(folder: Path, n: int, env: dict) -> dict:
    ws = folder / f"ws{n}"
    info: dict = {}
    if not (ws / "wiredesk.toml").exists():
        corpus = folder / f"corpus{n}.jsonl"
        subprocess.run([sys.executable, str(CORPUS), str(corpus), str(n)], check=True)
        wall, mb = run(wiredesk("ingest", str(corpus), "--workspace", str(ws)), env)
        info = {"bulk": n / wall, "bulk_mb": mb, "bulk_s": wall}
        wall, mb = run(wiredesk("stories", "--json", "--workspace", str(ws)), env)
        info["index_s"] = wall
    return info


def some_ids(ws: Path, k: int) -> list[str]:
    names = sorted(p.stem for p in (ws / "articles").glob("*/*.toml"))
    step = max(1, len(names) // k)
    return names[::step][:k]


def measure(ws: Path, rounds: int, envs: dict[str, dict], tmp: Path, skip=()) -> dict:
    """{(command, label): (median wall s, peak MB, median CPU s)}, the labelled code versions
    run alternately."""
    envs = {k: dict(e, WIREDESK_WORKSPACE=str(ws)) for k, e in envs.items()}
    ids = some_ids(ws, rounds)
    plans = {
        "star ID": lambda i, a: wiredesk("star" if i % 2 == 0 else "unstar", a),
        "tag ID": lambda i, a: wiredesk("tag", a, f"bench{i}"),
        "note ID": lambda i, a: wiredesk("note", a, f"bench note {i}"),
        "read ID": lambda i, a: wiredesk("read" if i % 2 == 0 else "unread", a),
        "show ID": lambda i, a: wiredesk("show", a),
        "show --json ID": lambda i, a: wiredesk("show", "--json", a),
        "stories --filter WORDS": lambda i, a: wiredesk("stories", "--json", "--filter",
                                                        "nuclear diplomacy"),
        "stories --filter unread after:": lambda i, a: wiredesk(
            "stories", "--json", "--filter", "unread after:2021-12-20"),
        "stories --json": lambda i, a: wiredesk("stories", "--json"),
    }
    def one(i, aid):
        f = tmp / f"one-{ws.name}-{i}-{time.time_ns()}.txt"
        f.write_text(f"A new report {time.time_ns()}\n\nThe harbour council of town {i} met "
                     f"today ({time.time_ns()}) and voted on the works.\n", encoding="utf-8")
        return wiredesk("ingest", str(f))

    plans["ingest one.txt"] = one
    plans = {k: v for k, v in plans.items() if not any(s and s in k for s in skip)}
    out = {}
    # (a word matched by nothing: a short one such as "up" matches inside most articles)
    w, m = run(wiredesk("stories", "--filter", "zqxwarmup"), envs["now"])
    out["first query (index built if missing)", "now"] = (w, m, CPU[-1])
    for name, plan in plans.items():
        got: dict[str, list] = {k: [] for k in envs}
        for i, aid in enumerate(ids):
            for label, env in envs.items():
                w, m = run(plan(i, aid), env)
                got[label].append((w, m, CPU[-1]))
        for label, vals in got.items():
            out[name, label] = (statistics.median(v[0] for v in vals), max(v[1] for v in vals),
                                statistics.median(v[2] for v in vals))
    return out


def footprint(ws: Path) -> tuple[int, int]:
    files, size = 0, 0
    for dirpath, _, names in os.walk(ws):
        for n in names:
            files += 1
            try:
                size += os.lstat(os.path.join(dirpath, n)).st_blocks * 512
            except OSError:
                pass
    return files, size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="5,10000")
    ap.add_argument("--dir", type=Path, help="where workspaces are built and kept")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--before", type=Path, help="a folder with an older tui package")
    ap.add_argument("--skip", default="", help="commands to leave out (comma-separated words "
                    "of their names, e.g. ingest: alternating two versions' ingests makes each "
                    "rebuild the other's grouping cache when their formats differ)")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    folder = args.dir or Path(tempfile.mkdtemp(prefix="wiredesk-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, WIREDESK_CONFIG=str(folder / "no-config.toml"))
    envs = {"now": env}
    if args.before:
        envs = {"before": dict(env, PYTHONPATH=str(args.before.resolve())), "now": env}
    tmp = Path(tempfile.mkdtemp(prefix="wiredesk-one-"))
    try:
        built = {n: build(folder, n, env) for n in sizes}
        skip = [s.strip() for s in args.skip.split(",") if s.strip()]
        results = {n: measure(folder / f"ws{n}", args.rounds, envs, tmp, skip) for n in sizes}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    base = sizes[0]
    print("whole processes, medians: wall s (x the smallest workspace) / CPU s (x the "
          "smallest) / peak MB")
    print(f"{'command':32}{'code':>7}" + "".join(f"{f'{n:,} articles':>38}" for n in sizes))
    for name, label in results[base]:
        row = f"{name:32}{label:>7}"
        if name.startswith("first query"):
            print(f"{name}: " + ", ".join(
                f"{n:,}: {results[n][name, label][0]:.1f} s, {results[n][name, label][2]:.1f} s "
                f"CPU, {results[n][name, label][1]:.0f} MB" for n in sizes))
            continue
        for n in sizes:
            w, m, c = results[n][name, label]
            w0, _, c0 = results[base][name, label]
            ratio = "" if n == base else f" ({w / w0:.1f}x)"
            cratio = "" if n == base else f" ({c / c0:.1f}x)"
            row += f"{f'{w:.2f}{ratio} / {c:.2f}{cratio} / {m:.0f}':>38}"
        print(row)
    for n in sizes:
        b = built[n]
        files, size = footprint(folder / f"ws{n}")
        extra = (f"; bulk ingest {b['bulk']:.0f} articles/s ({b['bulk_s']:.0f} s, peak "
                 f"{b['bulk_mb']:.0f} MB), first stories with index build {b['index_s']:.1f} s"
                 if b else " (reused)")
        print(f"{n:,} articles: {files:,} files, {size / 2**20:.0f} MB{extra}")


if __name__ == "__main__":
    main()
