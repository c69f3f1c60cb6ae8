"""Where the plain-text cleaner's time goes, function by function, in two trees side by side.

usage: python3 tests/benchmarks/bench_text_parts.py [--set wcxb_dev] [--rounds 3]
       [--other DIR]  (another checkout, e.g. the base of a speed change: measured in the same
                       run, alternated with this one)
Not a pytest test. Reads ``../shared/bench/extract/<set>/text`` (or $WIREDESK_SHARED).

Each round runs, for each tree, a fresh interpreter (``tree`` first on the path) that cleans
every page as ``wiredesk clean --json`` does (``bench_text_speed``'s in-process figure) with
the functions of ``PARTS`` wrapped in a CPU timer. It prints each function's CPU seconds
(inclusive: ``select`` holds ``measure_page``) and its share of the whole, the least disturbed
of the rounds. On a loaded machine the whole varies by 5-10 % from run to run; a function's
share of it, and the difference between two trees measured together, vary much less: the
figure to judge a change to one function by (``bench_text_speed`` for the bar itself).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("WIREDESK_SHARED", REPO.parent / "shared")).resolve()
BATCH = 200  # files per `wiredesk clean` (as score_extract.py runs it)
# (module, attribute): where the caller looks the function up, so that wrapping it there times
# every call on the plain-text path.
PARTS = [
    ("tui.core.clean.api", "clean_text"),
    ("tui.core.clean.api", "select"),
    ("tui.core.clean.text", "measure_page"),
    ("tui.core.clean.api", "dedupe_lines"),
    ("tui.core.clean.api", "detect_lang"),
    ("tui.core.clean.api", "single_spaced"),
    ("tui.core.clean.api", "reflow"),
    ("tui.core.clean.api", "plain_document"),
    ("tui.core.clean.api", "whole_document"),
    ("tui.core.clean.api", "mend"),
    ("tui.core.clean.meta", "header_fields"),
    ("tui.core.clean.meta", "credit_source"),
]

_CHILD = """
import contextlib, importlib, io, json, sys, time
from tui.cli import main
import tui.core.clean, tui.core.ingest
spent = {}
def timed(name, f):
    clock = time.process_time
    def run(*a, **k):
        t = clock()
        try:
            return f(*a, **k)
        finally:
            spent[name] = spent.get(name, 0.0) + clock() - t
    return run
for mod, attr in json.loads(sys.argv[1]):
    m = importlib.import_module(mod)
    if hasattr(m, attr):
        setattr(m, attr, timed(attr, getattr(m, attr)))
files = sys.argv[2:]
t = time.process_time()
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    for k in range(0, len(files), BATCH):
        main(['clean', *files[k:k + BATCH], '--json'])
spent['(whole)'] = time.process_time() - t
print(json.dumps(spent))
""".replace("BATCH", str(BATCH))


def child(tree: Path, files: list[str]) -> dict[str, float]:
    """CPU seconds per wrapped function (and the whole) of one run with ``tree``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(tree)
    p = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps(PARTS), *files],
        capture_output=True,
        text=True,
        env=env,
        cwd=tree,
        check=True,
    )
    return json.loads(p.stdout.strip().splitlines()[-1])


def main() -> None:
    sys.path.insert(0, str(REPO))
    from tests.benchmarks.bench_text_speed import options

    args, files, trees = options(__doc__)
    print(
        f"{args.set}: {len(files)} text pages, {args.rounds} rounds (trees alternated), "
        f"load {os.getloadavg()[0]:.1f}"
    )
    runs: dict[str, list[dict[str, float]]] = {name: [] for name, _ in trees}
    for _ in range(args.rounds):
        for name, tree in trees:
            runs[name].append(child(tree, files))
    best = {name: min(rs, key=lambda r: r["(whole)"]) for name, rs in runs.items()}
    names = ["(whole)", *dict.fromkeys(attr for _, attr in PARTS)]
    print(f"{'function':16}" + "".join(f"{name + ' s':>10} {'share':>6}" for name, _ in trees))
    for fn in names:
        row = ""
        for name, _ in trees:
            got, whole = best[name].get(fn, 0.0), best[name]["(whole)"]
            row += f"{got:10.3f} {got / whole:6.1%}"
        print(f"{fn:16}{row}")
    print(
        "pages per CPU second (in-process, least disturbed round): "
        + ", ".join(f"{name} {len(files) / best[name]['(whole)']:.0f}" for name, _ in trees)
    )


if __name__ == "__main__":
    main()
