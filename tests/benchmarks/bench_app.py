"""How fast the app shows its first screen and answers keys, by workspace size (a script, not
a timed test). Each workspace is measured in its own process, several rounds, medians.

    python3 tests/benchmarks/bench_app.py WS [WS...] [--rounds 3] [--keys 20] [--before OLD]
        [--search WORDS] [--story-filter QUERY] [--size 120x36]

Per workspace and code version it prints:

- first screen: seconds from the process's start (imports included) to the main screen
  showing its stories, and from the app's start (its modules imported), each with its ratio
  to the first workspace given (the issue's bar: under 0.5 s, and within 1.5x of the time at
  10,000 articles);
- resident memory then (VmRSS) and the process's peak (VmHWM) at the end;
- key presses (cursor moves j/k and page, open, star then unstar): CPU of the UI thread per key (the
  thread Textual runs the app and Pilot in; the writer thread's save of a star is not in it),
  minus the CPU of a key bound to nothing (Pilot's own cost of a press and a pause);
- ``/`` search (words of titles and bodies) and a story filter (``f``): seconds until the
  list shows the result (the first results of a word search);
- the same two as ``wiredesk stories --json --filter``, whole processes: seconds until the
  first story is printed, and until the whole answer is.

``--story-star N,N``: instead, the CPU of the UI thread for a star (then an unstar) pressed
on the row of a story of about each of these sizes (the whole story starred: issue 16), less
a key bound to nothing; the writer's saves wait until the press is measured (Pilot waits for
the whole process to be idle: its waiting while the writer saves would be counted), then are
waited for; the first press in a process is shown apart (it reads what the key needs first).
``--settle S``: wait S seconds on each story's row before its first press (the app's look
over, 1.5 s after the first paint, is then done; a user who reads the row first).

``--before OLD`` runs an older ``tui`` package (``git archive HEAD tui | tar -x -C OLD``) in
the same run, alternating with this one, so the ratio between the two means something on a
busy machine. Triage keys write to the workspace: measure copies
(``cp -a WS /tmp/copy``). Build workspaces with ``../shared/bench/make_corpus.py`` and
``wiredesk ingest``.
"""

from __future__ import annotations

import time

T_START = time.perf_counter()  # before any import of the app: the process's first moment

import argparse  # noqa: E402
import asyncio  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve()
KEYS = {  # name: the keys pressed, one measure per press
    "j (down)": ["j"],
    "k (up)": ["k"],
    "pagedown": ["pagedown"],
    "s (star, unstar)": ["s", "s"],  # the workspace left as it was (the 1M one is shared)
    "enter+esc (open, back)": ["enter", "escape"],
}


class _FullCollections(list):
    """CPU ms of CPython's full (oldest-generation) collections, added as they run (those
    inside a key's measure are what made its worst case); :meth:`close` stops listening."""

    def __init__(self) -> None:
        super().__init__()
        self._start = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._start = time.thread_time()
        else:
            self.append((time.thread_time() - self._start) * 1000)

    def close(self) -> None:
        gc.callbacks.remove(self._callback)


def _status(key: str) -> float:
    """A VmRSS/VmHWM line of this process, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key):
            return int(line.split()[1]) / 1024
    return 0.0


async def _until(pilot, test, timeout: float = 120.0) -> None:
    end = time.perf_counter() + timeout
    while not test():
        if time.perf_counter() > end:
            raise TimeoutError("the app did not get there")
        await asyncio.sleep(0.005)
    await pilot.pause()


def _listed(app) -> bool:
    """The main screen is composed and lists something. Asked before the screen's compose ran,
    ``screen.stories`` (a query_one) raises, and a raise here ends the app mid-mount: its
    ``on_mount`` then reports ``NoMatches: 'Reader'`` (the "start-up race" seen last time)."""
    screen = app.screen
    if type(screen).__name__ != "MainScreen" or not screen.query("StoryList"):
        return False
    return bool(screen.stories.listing.stories)


async def _query(pilot, app, keys: list[str], text: str) -> float:
    """Seconds from the enter that closes a query dialog to the list given its result (the
    first results of a word search). The moment is taken when the list is given it: Pilot's
    ``press`` returns only once the app is idle, after the whole answer."""
    sl = app.screen.stories
    shown: list[float] = []
    real = sl.set_data

    def spy(*a, **k):
        shown.append(time.perf_counter())
        return real(*a, **k)

    await pilot.press(*keys)
    await pilot.press(*text)
    sl.set_data = spy
    t = time.perf_counter()
    await pilot.press("enter")
    await _until(pilot, lambda: bool(shown))
    took = shown[0] - t
    del sl.set_data
    await pilot.press("F")  # the filter cleared
    await _until(pilot, lambda: not app.screen.query_text and not any(
        w.group == "listing" and not w.is_finished for w in app.workers))
    return took


async def measure(root: Path, keys: int, size: tuple[int, int], search: str, story: str
                  ) -> dict:
    from tui.app import make_app
    from tui.config import Config

    t_app = time.perf_counter()  # the app's modules imported: the app starts here
    app = make_app(root, config=Config())
    out: dict = {"imports_s": t_app - T_START}
    async with app.run_test(size=size) as pilot:
        await _until(pilot, lambda: _listed(app))
        out["first_screen_s"] = time.perf_counter() - T_START
        out["first_screen_app_s"] = time.perf_counter() - t_app
        out["rss_mb"] = _status("VmRSS")
        out["articles"] = len(app.ws)
        out["stories"] = len(app.screen.stories.listing.stories)
        cpu: dict[str, list[float]] = {"(no key)": []}
        full = _FullCollections()  # CPython's full garbage collections as they run
        for _ in range(keys):
            for name, seq in [("(no key)", ["ctrl+f19"]), *KEYS.items()]:
                full.clear()
                c = time.thread_time()
                for key in seq:
                    await pilot.press(key)
                    await pilot.pause()
                cpu.setdefault(name, []).append((time.thread_time() - c) * 1000 / len(seq))
                out.setdefault("full_gc_in_keys", []).extend(full)
        full.close()
        idle = statistics.median(cpu.pop("(no key)"))
        out["idle_ms"] = idle
        out["keys_ms"] = {k: (statistics.median(v) - idle, max(v) - idle)
                          for k, v in cpu.items()}
        await pilot.press("g")
        out["search_s"] = await _query(pilot, app, ["slash"], search)
        out["story_filter_s"] = await _query(pilot, app, ["f"], story)
        app.desk.wait_saved(30)
    out["peak_mb"] = _status("VmHWM")
    return out


async def measure_story_star(root: Path, sizes: list[int], presses: int,
                             size: tuple[int, int], settle: float = 0.0) -> dict:
    """UI-thread CPU ms of ``s`` on story rows of about ``sizes`` articles: the first press
    in the process, then the others (star, unstar, alternately; saves waited for)."""
    from tui.app import make_app
    from tui.config import Config

    app = make_app(root, config=Config())
    out: dict = {"articles": 0, "stories": 0}
    async with app.run_test(size=size) as pilot:
        await _until(pilot, lambda: _listed(app))
        sl = app.screen.stories
        out["articles"] = len(app.ws)
        out["stories"] = len(sl.listing.stories)
        gate = threading.Event()  # the saves start once the key's press is measured
        gate.set()
        save = app.desk.writer._save

        def gated(job):
            gate.wait()
            save(job)

        app.desk.writer._save = gated
        for want in sizes:
            story = min(list(sl.listing.stories[:400]),
                        key=lambda s: abs(len(s.article_ids) - want))
            sl.goto(story.id)
            await pilot.pause()
            await asyncio.sleep(settle)
            times = []
            for _ in range(presses):
                c = time.thread_time()
                await pilot.press("ctrl+f19")  # a key bound to nothing: Pilot's own cost
                idle = time.thread_time() - c
                gate.clear()  # the writer waits: Pilot waits for the whole process to idle
                c = time.thread_time()
                await pilot.press("s")
                times.append((time.thread_time() - c - idle) * 1000)
                gate.set()
                await app.desk.flush(600)
                await pilot.pause()
            if presses % 2:  # the workspace left as it was
                await pilot.press("s")
                await app.desk.flush(600)
            out.setdefault("story_star", []).append((len(story.article_ids), times))
    return out


def _child(args) -> int:
    os.environ["WIREDESK_CONFIG"] = str(Path(tempfile.mkdtemp()) / "none.toml")
    cols, rows = (int(x) for x in args.size.split("x"))
    if args.story_star:
        sizes = [int(x) for x in args.story_star.split(",")]
        r = asyncio.run(measure_story_star(args.one, sizes, args.keys, (cols, rows),
                                           args.settle))
        print("RESULT " + json.dumps(r))
        return 0
    r = asyncio.run(measure(args.one, args.keys, (cols, rows), args.search, args.story_filter))
    print("RESULT " + json.dumps(r))
    return 0


def _run(ws: Path, code: Path | None, args) -> dict:
    env = dict(os.environ)
    if code is not None:  # the older package first on the path
        env["PYTHONPATH"] = str(code)
    cmd = [sys.executable, str(HERE), "--one", str(ws), "--keys", str(args.keys),
           "--size", args.size, "--search", args.search, "--story-filter", args.story_filter]
    if code is not None:
        cmd += ["--code", str(code)]
    if args.story_star:
        cmd += ["--story-star", args.story_star, "--settle", str(args.settle)]
    for _ in range(2):  # once more after a failure (a start that lost a race): said below
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
        for line in done.stdout.splitlines():
            if line.startswith("RESULT "):
                out = json.loads(line[7:])
                if args.story_star:
                    return out
                for name, q in (("cli_search", args.search), ("cli_filter", args.story_filter)):
                    out[name] = _cli(ws, code, q)
                return out
        print(f"{ws} ({code or 'now'}): no result, run again:\n{done.stderr[:3000]}",
              file=sys.stderr)
    raise RuntimeError(f"{ws}: no result twice")


def _cli(ws: Path, code: Path | None, query: str) -> tuple[float, float]:
    """``wiredesk stories --json --filter QUERY``, a whole process: seconds until its first
    story is printed (or its empty answer), and until it ends."""
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    cmd = [sys.executable, "-m", "tui", "stories", "-w", str(ws), "--json", "--filter", query]
    t = time.perf_counter()
    first = None
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                          cwd=tempfile.gettempdir()) as p:
        assert p.stdout is not None
        for n, line in enumerate(p.stdout):
            if first is None and (n >= 1 or line.strip() == b"[]"):
                first = time.perf_counter() - t
    whole = time.perf_counter() - t
    return (first if first is not None else whole), whole


def _print_story_star(results: dict, codes: list, workspaces: list[Path]) -> None:
    print("star on a story row: UI-thread CPU ms, first press of a process; later presses "
          "min / median / max (each run's)")
    for label, _ in codes:
        for ws in workspaces:
            runs = results[(label, ws)]
            for k, (n, _) in enumerate(runs[0]["story_star"]):
                firsts = [r["story_star"][k][1][0] for r in runs]
                later = [t for r in runs for t in r["story_star"][k][1][1:]]
                print(f"  [{label}] {ws.name}: {n:5d} articles  first "
                      + " ".join(f"{t:7.1f}" for t in firsts) + "   later "
                      + (f"{min(later):.1f} / {statistics.median(later):.1f} / "
                         f"{max(later):.1f}" if later else "-"))


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("workspaces", type=Path, nargs="*")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--keys", type=int, default=20, help="presses of each key measured")
    p.add_argument("--size", default="120x36")
    p.add_argument("--before", type=Path, help="a folder holding an older tui package")
    p.add_argument("--search", default="nuclear diplomacy", help="words for /")
    p.add_argument("--story-filter", default="unread after:2021-12-20", help="a query for f")
    p.add_argument("--story-star", default="", help="story sizes: star on their rows (only)")
    p.add_argument("--settle", type=float, default=0.0,
                   help="--story-star: seconds on a row before its first press")
    p.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--code", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.code is not None:
        sys.path.insert(0, str(args.code))
    else:
        sys.path.insert(0, str(HERE.parents[2]))
    if args.one is not None:
        return _child(args)
    codes: list[tuple[str, Path | None]] = [("now", None)]
    if args.before is not None:
        codes.insert(0, ("before", args.before))
    results: dict[tuple[str, Path], list[dict]] = {}
    for _ in range(args.rounds):
        for ws in args.workspaces:
            for label, code in codes:  # alternated: the machine's load falls on both
                results.setdefault((label, ws), []).append(_run(ws, code, args))
                if args.story_star:  # each run as it ends (a run takes minutes)
                    print(label, ws.name, results[(label, ws)][-1]["story_star"], flush=True)
    if args.story_star:
        _print_story_star(results, codes, args.workspaces)
        return 0
    print(f"medians of {args.rounds} rounds, whole processes; ratio: to the first workspace "
          "with the same code")
    for label, _ in codes:
        base = _median(results[(label, args.workspaces[0])], "first_screen_s")
        base_app = _median(results[(label, args.workspaces[0])], "first_screen_app_s")
        for ws in args.workspaces:
            runs = results[(label, ws)]
            first = _median(runs, "first_screen_s")
            print(f"\n[{label}] {ws}: {runs[0]['articles']} articles, "
                  f"{runs[0]['stories']} stories")
            app = _median(runs, "first_screen_app_s")
            print(f"  first screen   {first:6.2f} s  ({first / base:.2f}x) from the process's "
                  f"start; {app:5.2f} s ({app / base_app:.2f}x) from the app's (imports "
                  f"{_median(runs, 'imports_s'):.2f} s)")
            print(f"  memory         RSS then {_median(runs, 'rss_mb'):5.0f} MB, peak "
                  f"{_median(runs, 'peak_mb'):5.0f} MB")
            print(f"  / search       {_median(runs, 'search_s'):6.2f} s   "
                  f"story filter {_median(runs, 'story_filter_s'):6.2f} s  (enter to the list)")
            for name, what in (("cli_search", "search"), ("cli_filter", "story filter")):
                first = statistics.median(r[name][0] for r in runs)
                whole = statistics.median(r[name][1] for r in runs)
                base_first = statistics.median(
                    r[name][0] for r in results[(label, args.workspaces[0])])
                print(f"  stories --json --filter ({what}): first story {first:5.2f} s "
                      f"({first / base_first:.2f}x), whole answer {whole:5.2f} s")
            print(f"  key CPU (UI thread, less {_median(runs, 'idle_ms'):.1f} ms of Pilot's "
                  "own per press): median / worst ms")
            for key in KEYS:
                med = statistics.median(r["keys_ms"][key][0] for r in runs)
                worst = max(r["keys_ms"][key][1] for r in runs)
                print(f"    {key:<22} {med:6.1f} / {worst:6.1f}")
            full = [ms for r in runs for ms in r.get("full_gc_in_keys", [])]
            print(f"  full garbage collections inside the keys measured: {len(full)} in "
                  f"{len(runs)} runs" + (f", up to {max(full):.1f} ms" if full else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
