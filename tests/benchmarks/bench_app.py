"""How fast the app opens and answers keys on a big workspace (a script, not a timed test).

    python3 tests/benchmarks/bench_app.py WORKSPACE [--keys 50] [--size 120x36]

Prints: workspace open time, first paint, list ready (workspace read, stories shown), the time of a
key press (press + repaint through Pilot: wall time, which includes Pilot's idle detection,
and CPU time, which is the work the key caused), and the peak memory.
Build big workspaces with ``python3 ../shared/bench/make_corpus.py OUT.jsonl N`` and
``wiredesk ingest OUT.jsonl --workspace DIR``. Triage keys write to the workspace: use a copy.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


async def measure(root: Path, keys: int, size: tuple[int, int]) -> dict:
    from tui.app import make_app
    from tui.config import Config
    from tui.core.workspace import Workspace

    t = time.perf_counter()
    Workspace.open(root)
    t_open = time.perf_counter() - t
    t0 = time.perf_counter()
    app = make_app(root, config=Config())
    out: dict = {}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        out["first_paint_s"] = time.perf_counter() - t0
        while type(app.screen).__name__ != "MainScreen":
            await asyncio.sleep(0.02)
        await pilot.pause()
        out["list_ready_s"] = time.perf_counter() - t0
        out["articles"] = len(app.ws)
        out["stories"] = len(app.screen.stories.listing.stories)
        timings = {}
        for name, seq in (("j", ["j"] * keys), ("k", ["k"] * keys),
                          ("space", ["space"] * (keys // 5)), ("s (star)", ["s", "s"] * 5),
                          ("G/g", ["G", "g"] * 5)):
            times, cpu = [], []
            for key in seq:
                t, c = time.perf_counter(), time.process_time()
                await pilot.press(key)
                await pilot.pause()
                times.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
            timings[name] = (statistics.mean(times) * 1000, max(times) * 1000,
                             statistics.mean(cpu) * 1000)
        out["keys_ms"] = timings
        t = time.perf_counter()
        await pilot.press("f", *"+starred", "enter")
        busy = [w for w in app.workers if w.group == "listing"]
        if busy:  # an empty list would wait for every worker, the saver included
            await app.workers.wait_for_complete(busy)
        await pilot.pause()
        out["filter_starred_s"] = time.perf_counter() - t
        app.desk.wait_saved(30)
    out["open_s"] = t_open
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("workspace", type=Path)
    p.add_argument("--keys", type=int, default=50)
    p.add_argument("--size", default="120x36")
    args = p.parse_args(argv)
    os.environ["WIREDESK_CONFIG"] = str(Path(tempfile.mkdtemp()) / "none.toml")
    cols, rows = (int(x) for x in args.size.split("x"))
    r = asyncio.run(measure(args.workspace, args.keys, (cols, rows)))
    print(f"{r['articles']} articles, {r['stories']} stories shown")
    print(f"workspace open  {r['open_s']:.2f} s (Workspace.open alone, warm file cache)")
    print(f"first paint     {r['first_paint_s']:.2f} s (the app answers: loading screen)")
    print(f"list ready      {r['list_ready_s']:.2f} s (workspace open, stories shown)")
    print("key press + repaint, wall time through Pilot (which adds its own idle waits) and "
          "CPU time of this process:")
    for name, (mean, worst, cpu) in r["keys_ms"].items():
        print(f"key {name:<10}  wall mean {mean:6.1f} ms  worst {worst:6.1f} ms   "
              f"cpu mean {cpu:5.1f} ms")
    print(f"filter +starred {r['filter_starred_s']:.2f} s")
    print(f"peak memory     {r['peak_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
