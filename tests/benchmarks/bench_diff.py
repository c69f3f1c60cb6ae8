"""Speed and memory of the diff engine, beside plain difflib in the same run.

usage: python3 tests/benchmarks/bench_diff.py [DIR] [--sizes 20000,100000] [--repeat N]
DIR holds a{n}.txt / b{n}.txt pairs (make them with ../shared/bench/make_diff_pair.py); without
it, pairs are made in a temporary folder from ../shared/bench/stories/neus_dev.jsonl.
Targets (issue 5): 20,000 words under 50 ms, 100,000 under 500 ms, memory under 100 MB.
Not a pytest test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from difflib import SequenceMatcher
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("WIREDESK_SHARED", REPO.parent / "shared"))

from tui.core.diff import compare  # noqa: E402
from tui.core.diff.text import paragraphs, split_sentences  # noqa: E402


def timed(fns: list, repeat: int) -> list[list[float]]:
    """Wall times in ms of each function, run in turns so that all see the same load."""
    runs: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, out in zip(fns, runs):
            t = time.perf_counter()
            fn()
            out.append((time.perf_counter() - t) * 1000)
    return runs


def show(runs: list[float]) -> str:
    """Median and best (on a shared machine the best run is the code's own cost)."""
    return f"{statistics.median(runs):.1f} ({min(runs):.1f})"


def peak_mb(fn) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def sentence_then_word_difflib(a: str, b: str) -> None:
    """The anchor of the issue: difflib on sentences, then on the words of replaced runs."""
    sa = [s for p in paragraphs(a) for s in split_sentences(p)]
    sb = [s for p in paragraphs(b) for s in split_sentences(p)]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, sa, sb, autojunk=False).get_opcodes():
        if tag == "replace":
            SequenceMatcher(
                None, " ".join(sa[i1:i2]).split(), " ".join(sb[j1:j2]).split(), autojunk=False
            ).get_opcodes()


def plain_difflib(a: str, b: str) -> None:
    SequenceMatcher(None, a.split(), b.split()).get_opcodes()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?")
    ap.add_argument("--sizes", default="20000,100000")
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--no-plain", dest="plain", action="store_false", help="skip plain difflib")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="wiredesk-diff-"))
    if not all((folder / f"a{n}.txt").is_file() for n in sizes):
        subprocess.run(
            [
                sys.executable,
                str(SHARED / "bench" / "make_diff_pair.py"),
                str(SHARED / "bench" / "stories" / "neus_dev.jsonl"),
                str(folder),
                *map(str, sizes),
            ],
            check=True,
        )
    print("times: median (best) in ms; ratio: median of wiredesk / sent+word difflib per turn")
    print(
        f"{'words':>8} {'wiredesk':>15} {'peak MB':>8} {'sent+word difflib':>18} {'ratio':>6} "
        f"{'plain difflib':>15} {'changes':>8} {'moved':>6} {'similarity':>10}"
    )
    for n in sizes:
        a = (folder / f"a{n}.txt").read_text(encoding="utf-8")
        b = (folder / f"b{n}.txt").read_text(encoding="utf-8")
        comp = compare(a, b)
        ours, anchor = timed(
            [partial(compare, a, b), partial(sentence_then_word_difflib, a, b)], args.repeat
        )
        mem = peak_mb(partial(compare, a, b))
        plain = show(timed([partial(plain_difflib, a, b)], 1)[0]) if args.plain else "-"
        ratio = statistics.median(o / x for o, x in zip(ours, anchor))
        moved = len(comp.moves)
        print(
            f"{len(a.split()):>8} {show(ours):>15} {mem:>8.1f} {show(anchor):>18} {ratio:>6.2f} "
            f"{plain:>15} "
            f"{len(comp.changes) - moved:>8} {moved:>6} {comp.similarity:>10.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
