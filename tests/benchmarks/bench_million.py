"""The issue-16 table at a million articles: every command a user types, as whole processes, in
workspaces of 5, 10,000, 100,000 and 1,000,000 articles, measured in one run.

    python tests/benchmarks/bench_million.py --dir DIR [--ws 1000000=/path/to/ws ...]
        [--sizes 5,10000] [--rounds 5] [--code SNAPSHOT] [--bulk 1000000=time-v.log ...]
        [--skip WORDS] [--json OUT]

Workspaces: ``--ws N=PATH`` uses a workspace already built (a million articles take an hour
or more to ingest on a busy 2-core machine: build it once, with ``/usr/bin/time -v``); each
size of ``--sizes`` without one is built in ``--dir`` from ``make_corpus.py`` (as
``bench_scale.py`` does, and reused from there next time). ``--code``: a folder holding the
``tui`` package to run (a snapshot, so that edits made during a long run do not mix in);
default, this tree.

For each command (``star``, ``tag``, ``note``, ``read``, ``show`` of one article, ``ingest`` of
one new article, ``stories --json``, ``stories --filter WORDS``, a story filter ``unread
after:DAY``) it prints the median wall and CPU seconds over ``--rounds`` processes, each with
its ratio to the smallest workspace of the same run (the issue's bar: at most 1.5x), and the
peak memory. Then per workspace: files and disk use, and, for each ``--bulk N=LOG`` (the
``/usr/bin/time -v`` output of the ingest that built it), the time to build, articles per
second (wall and CPU) and peak memory. Triage commands write to the workspaces (a star, a tag,
a note per round); ``ingest`` adds one article per round.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_scale  # noqa: E402  (its process runner, commands and footprint)


def time_v(log: Path) -> dict:
    """The figures of a ``/usr/bin/time -v`` report."""
    text = log.read_text(encoding="utf-8", errors="replace")

    def field(name: str) -> str:
        m = re.search(rf"^\s*{re.escape(name)}: (.+)$", text, re.MULTILINE)
        return m.group(1).strip() if m else ""

    parts = [float(p) for p in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
    wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts))) if parts else 0.0
    cpu = float(field("User time (seconds)") or 0) + float(field("System time (seconds)") or 0)
    return {"wall": wall, "cpu": cpu, "peak_mb": int(field("Maximum resident set size "
                                                             "(kbytes)") or 0) / 1024,
            "exit": field("Exit status")}


def pairs(items: list[str]) -> dict[int, Path]:
    out = {}
    for item in items:
        n, _, path = item.partition("=")
        out[int(n.replace(",", "").replace("_", ""))] = Path(path)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, required=True, help="where workspaces are built")
    ap.add_argument("--sizes", default="5,10000", help="sizes built here when missing")
    ap.add_argument("--ws", action="append", default=[], metavar="N=PATH",
                    help="a workspace of N articles already built")
    ap.add_argument("--bulk", action="append", default=[], metavar="N=LOG",
                    help="the /usr/bin/time -v report of the ingest that built N")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--code", type=Path, help="a folder holding the tui package to run")
    ap.add_argument("--skip", default="", help="commands left out (words of their names)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    folder = args.dir
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, WIREDESK_CONFIG=str(folder / "no-config.toml"))
    if args.code:
        env["PYTHONPATH"] = str(args.code.resolve())
    given = pairs(args.ws)
    sizes = sorted({int(x) for x in args.sizes.split(",") if x} | set(given))
    built = {}
    for n in sizes:
        ws = folder / f"ws{n}"
        if n in given and ws.is_symlink() and ws.resolve() != given[n].resolve():
            ws.unlink()  # a link left by a run on another workspace of that size
        if n in given and not ws.exists():
            ws.symlink_to(given[n].resolve(), target_is_directory=True)
        built[n] = bench_scale.build(folder, n, env) if n not in given else {}
    skip = [s.strip() for s in args.skip.split(",") if s.strip()]
    tmp = Path(tempfile.mkdtemp(prefix="wiredesk-million-"))
    try:
        results = {n: bench_scale.measure(folder / f"ws{n}", args.rounds, {"now": env}, tmp,
                                          skip) for n in sizes}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    base = sizes[0]
    code = args.code or Path(__file__).resolve().parents[2]
    print(f"code: {code}; whole processes, medians of {args.rounds}: wall s (x {base:,}) / "
          f"CPU s (x {base:,}) / peak MB")
    print(f"{'command':32}" + "".join(f"{f'{n:,} articles':>34}" for n in sizes))
    table: dict = {}
    for name, label in results[base]:
        if name.startswith("first query"):
            print(f"{name}: " + ", ".join(
                f"{n:,}: {results[n][name, label][0]:.1f} s, {results[n][name, label][2]:.1f} s "
                f"CPU, {results[n][name, label][1]:.0f} MB" for n in sizes))
            continue
        row = f"{name:32}"
        w0, _, c0 = results[base][name, label]
        for n in sizes:
            w, m, c = results[n][name, label]
            cell = (f"{w:.2f} / {c:.2f} / {m:.0f}" if n == base else
                    f"{w:.2f} ({w / w0:.1f}x) / {c:.2f} ({c / c0:.1f}x) / {m:.0f}")
            row += f"{cell:>34}"
            table.setdefault(name, {})[n] = {"wall": w, "cpu": c, "peak_mb": m}
        print(row)
    logs = pairs(args.bulk)
    for n in sizes:
        files, size = bench_scale.footprint(folder / f"ws{n}")
        line = f"{n:,} articles: {files:,} files, {size / 2**30:.2f} GiB"
        info: dict = {"files": files, "bytes": size}
        if n in logs:
            t = time_v(logs[n])
            info["bulk"] = t
            line += (f"; bulk ingest {t['wall'] / 60:.1f} min wall, {t['cpu'] / 60:.1f} min CPU:"
                     f" {n / t['wall']:.0f} articles/s wall, {n / t['cpu']:.0f} per CPU s; "
                     f"peak {t['peak_mb']:,.0f} MB (exit {t['exit']})")
        elif built.get(n):
            b = built[n]
            info["bulk"] = b
            line += (f"; bulk ingest {b['bulk']:.0f} articles/s ({b['bulk_s']:.0f} s), peak "
                     f"{b['bulk_mb']:.0f} MB")
        print(line)
        table.setdefault("_workspaces", {})[n] = info
    if args.json:
        args.json.write_text(json.dumps(table, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
