"""Plain-text cleaning cost in CPU instructions: a measure the machine's load does not move.

usage: python3 tests/benchmarks/bench_text_instr.py [--set wcxb_dev] [--files 200] [--other DIR]

Not a pytest test; needs valgrind. Runs the shipped scorer's batch (``wiredesk clean FILE x N
--json`` in one process) under callgrind, and a batch of one file (start-up: interpreter,
imports, the first page), for this tree and ``--other`` (e.g. a copy of HEAD; both at once, a
process each). Prints instructions (callgrind's Ir) for the batch, for start-up, and per page
past the first. With the hash seed fixed the count is the same from run to run (to a few
hundred instructions), so a change of 0.5 % shows, where wall or CPU time on a shared machine
moves by 10 %: measure here, confirm with bench_text_speed.py. Instructions are not time
(cache misses, branch mispredictions are not counted), but a change that saves none of them
saves no time either.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("WIREDESK_SHARED", REPO.parent / "shared")).resolve()
_CODE = "import sys; from tui.cli import main; sys.exit(main())"  # the console script
_IR = re.compile(r"Collected : (\d+)")


def _env(tree: Path) -> dict[str, str]:
    """``tree`` first on the path, bytecode written (as bench_text_speed.py: a module compiled
    at each start would count), the hash seed fixed (set and dict layouts, so the count)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}


def instructions(tree: Path, files: list[str]) -> int:
    """Instructions of one ``wiredesk clean --json`` of ``files`` with ``tree``."""
    cmd = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        "-c",
        _CODE,
        "clean",
        *files,
        "--json",
    ]
    p = subprocess.run(cmd, capture_output=True, text=True, env=_env(tree), cwd=tree, check=False)
    found = _IR.search(p.stderr)
    if p.returncode not in (0, 1) or not found:
        raise SystemExit(f"clean failed under valgrind: {p.stderr[-300:]}")
    return int(found[1])


def measure(tree: Path, files: list[str]) -> tuple[int, int]:
    """(instructions of the batch, of a batch of its first file) with ``tree``."""
    subprocess.run(
        [sys.executable, "-c", _CODE, "clean", files[0], "--json"],
        capture_output=True,
        env=_env(tree),
        cwd=tree,
        check=False,
    )  # (bytecode)
    return instructions(tree, files), instructions(tree, files[:1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", default="wcxb_dev")
    ap.add_argument("--files", type=int, default=200, help="files in the batch (the scorer's)")
    ap.add_argument("--other", type=Path, help="another checkout to measure alongside")
    args = ap.parse_args()
    folder = SHARED / "bench" / "extract" / args.set / "text"
    if not folder.is_dir():
        raise SystemExit(f"no {folder}")
    files = sorted(str(p) for p in folder.glob("*.txt"))[: args.files]
    trees = [("this", REPO)] + ([("other", args.other.resolve())] if args.other else [])
    with ThreadPoolExecutor(len(trees)) as pool:
        got = list(pool.map(lambda t: measure(t[1], files), trees))
    n = len(files)
    print(f"{args.set}: the first {n} text pages in one batch, under callgrind")
    print(f"{'tree':6} {'batch Mi':>10} {'start Mi':>9} {'Mi/page':>8} {'vs other':>9}")
    per = [(batch - one) / max(1, n - 1) for batch, one in got]
    for (name, _), (batch, one), p in zip(trees, got, per):
        ratio = f"{batch / got[1][0]:9.4f}" if len(got) > 1 else ""
        print(f"{name:6} {batch / 1e6:10.1f} {one / 1e6:9.1f} {p / 1e6:8.2f} {ratio}")
    print("(Mi: millions of instructions; 'vs other': this batch's count over the other's)")


if __name__ == "__main__":
    main()
