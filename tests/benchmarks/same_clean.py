"""Whether two trees of the code clean every page the same: the check a speed change must pass
(speed work keeps the output byte-identical).

    python3 tests/benchmarks/same_clean.py --against OLD_TREE [--tree NEW_TREE]
        [--sets aeb,wcxb_dev] [--kind html] [--limit N]

Each tree runs in a child process of its own (``tui`` imported from that tree; the two run
side by side), which cleans every page of the sets (all pages, both halves) and the seed
articles, and prints a digest of ``repr(clean(...))`` per page: the text, the metadata and
every other field. The parent compares the digests and names the pages that differ.
``--tree`` defaults to this checkout. Reads ``../shared`` (or $WIREDESK_SHARED). Not a pytest test.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

REPO = Path(__file__).resolve().parents[2]


def arg(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def dump(tree: str, sets: list[str], kind: str, limit: int | None) -> None:
    """Child: one JSON line per page, [set, page, digest], then a line of totals."""
    sys.path.insert(0, tree)
    import logging
    import warnings

    warnings.filterwarnings("ignore")
    logging.disable(logging.CRITICAL)
    import tui
    from tests.benchmarks.bench_clean_sets import SHARED, load
    from tui.core.clean import clean
    from tui.core.model import RawDocument

    assert str(Path(tui.__file__).resolve()).startswith(str(Path(tree).resolve())), tui.__file__
    t0 = time.process_time()
    pages = [(name, str(i), src, kind) for name in sets for i, _, src, _ in
             load(name, kind, "all", limit)]
    pages += [("seeds", f.name, f.read_text(encoding="utf-8"), "text")
              for f in sorted((SHARED / "seeds").glob("*.txt"))]
    for name, page, src, how in pages:
        out = repr(clean(RawDocument("same", src, how)))
        digest = hashlib.sha256(out.encode("utf-8", "surrogatepass")).hexdigest()
        print(json.dumps([name, page, digest]), flush=True)
    print(json.dumps(["done", len(pages), round(time.process_time() - t0, 1)]))


def start(tree: str, rest: list[str]) -> tuple[subprocess.Popen, IO[str]]:
    # each child writes to a file of its own, so neither waits on a full pipe for the other
    out = tempfile.TemporaryFile("w+")
    return subprocess.Popen([sys.executable, __file__, "--dump", tree, *rest], text=True,
                            stdout=out, cwd=tree), out


def digests(started: tuple[subprocess.Popen, IO[str]]) -> tuple[dict[tuple[str, str], str], list]:
    child, file = started
    if child.wait():
        sys.exit(f"a child failed (exit {child.returncode})")
    file.seek(0)
    out = file.read()
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("[")]
    return {(r[0], r[1]): r[2] for r in rows if r[0] != "done"}, rows[-1]


def main() -> None:
    sets = arg("--sets", "aeb,wcxb_dev").split(",")
    kind = arg("--kind", "html")
    limit = int(arg("--limit", "0")) or None
    if "--dump" in sys.argv:
        dump(arg("--dump", ""), sets, kind, limit)
        return
    if "--against" not in sys.argv:
        sys.exit(__doc__)
    rest = ["--sets", ",".join(sets), "--kind", kind, "--limit", str(limit or 0)]
    old_tree, new_tree = arg("--against", ""), arg("--tree", str(REPO))
    children = [start(old_tree, rest), start(new_tree, rest)]  # side by side: two cores
    (old, old_done), (new, new_done) = map(digests, children)
    print(f"old {old_tree}: {old_done[1]} pages, {old_done[2]} s CPU")
    print(f"new {new_tree}: {new_done[1]} pages, {new_done[2]} s CPU")
    missing = sorted(set(old) ^ set(new))
    differ = sorted(k for k in set(old) & set(new) if old[k] != new[k])
    by_set: dict[str, list[int]] = {}
    for key in old:
        counts = by_set.setdefault(key[0], [0, 0])
        counts[0] += 1
        counts[1] += key in differ
    for name, (n, d) in by_set.items():
        print(f"{name:<10} {n:>5} pages  {d} differ")
    print(f"{len(old)} pages, {len(differ)} differ, {len(missing)} in one tree only")
    for key in (differ + missing)[:20]:
        print("  ", *key)
    sys.exit(1 if differ or missing else 0)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
