"""Scale benchmark for story grouping, beside a TF-IDF average-link baseline (scikit-learn).

usage: python3 tests/benchmarks/bench_grouping.py [--sizes 20000,100000] [--add-one 100000]
                                                  [--baseline 2000,5000]
Articles come from shared/bench/make_corpus.py (real titles and leads, plus lightly edited
copies). Every figure is measured in a fresh process: wall time and peak resident memory.
Bars: 20k < 20 s and < 1 GB; 100k < 120 s; adding one article at 100k < 100 ms. For the
grouper it also prints CPU seconds (the machine may be shared) and times the cache form
(``to_state`` / ``from_state``) and prints its size.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("WIREDESK_SHARED", REPO.parent / "shared"))
sys.path.insert(0, str(REPO))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _docs(path: str, n: int, offset: int = 0) -> list:
    from tui.core.group import GroupDoc

    out = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i < offset:
                continue
            if len(out) >= n:
                break
            r = json.loads(line)
            out.append(GroupDoc(id=f"{i:012x}", title=r["title"], body=r["text"], lang=None,
                                date=r.get("date"), source=None, origin=r["url"]))
    return out


def run_grouper(path: str, n: int) -> dict:
    from tui.core.group import Grouper

    docs = _docs(path, n)
    t0, c0 = time.perf_counter(), time.process_time()
    g = Grouper()
    g.add_many(docs)
    out = {"seconds": time.perf_counter() - t0, "cpu_s": time.process_time() - c0,
           "peak_mb": _peak_mb(), "stories": len(g.stories())}
    t0 = time.perf_counter()
    data = g.to_state()
    out["save_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    Grouper.from_state(data)
    out.update(load_s=time.perf_counter() - t0, state_mb=len(data) / 1e6)
    return out


def run_add_one(path: str, n: int) -> dict:
    from tui.core.group import Grouper

    g = Grouper()
    g.add_many(_docs(path, n))
    times = []
    for doc in _docs(path, 20, offset=n):
        t0 = time.perf_counter()
        g.add(doc)
        times.append((time.perf_counter() - t0) * 1000)
    return {"median_ms": statistics.median(times), "max_ms": max(times), "peak_mb": _peak_mb()}


def run_baseline(path: str, n: int) -> dict:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = _docs(path, n)
    t0 = time.perf_counter()
    x = TfidfVectorizer(sublinear_tf=True).fit_transform([f"{d.title} {d.body}" for d in docs])
    dist = 1.0 - (x @ x.T).toarray()
    labels = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=0.75
    ).fit_predict(dist)
    return {"seconds": time.perf_counter() - t0, "peak_mb": _peak_mb(),
            "stories": int(labels.max()) + 1}


def _child(kind: str, path: str, n: int) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, path, str(n)]
    p = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if p.returncode:
        return {"error": p.stderr.strip().splitlines()[-1] if p.stderr.strip() else "failed"}
    return json.loads(p.stdout)


def _corpus(tmp: str, n: int) -> str:
    path = os.path.join(tmp, f"corpus{n}.jsonl")
    subprocess.run([sys.executable, str(SHARED / "bench" / "make_corpus.py"), path, str(n)],
                   check=True)
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="20000,100000")
    ap.add_argument("--add-one", type=int, default=100000)
    ap.add_argument("--baseline", default="2000,5000")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, path, n = args.child
        fn = {"grouper": run_grouper, "add_one": run_add_one, "baseline": run_baseline}[kind]
        print(json.dumps(fn(path, int(n))))
        return
    sizes = [int(s) for s in args.sizes.split(",") if s]
    base = [int(s) for s in args.baseline.split(",") if s]
    with tempfile.TemporaryDirectory() as tmp:
        path = _corpus(tmp, max(sizes + base + [args.add_one + 20]))
        print(f"{'what':<34}{'articles':>9}{'seconds':>9}{'peak MB':>9}{'stories':>9}")
        for n in sorted(set(sizes + base)):
            rows = [("Wiredesk grouper", _child("grouper", path, n))] if n in sizes else []
            if n in base:
                rows.append(("TF-IDF average-link (sklearn)", _child("baseline", path, n)))
            for name, r in rows:
                if "error" in r:
                    print(f"{name:<34}{n:>9}  {r['error']}")
                else:
                    state = (f"   cpu {r['cpu_s']:.1f} s; state {r['state_mb']:.0f} MB, save "
                             f"{r['save_s']:.2f} s, load {r['load_s']:.2f} s"
                             if "state_mb" in r else "")
                    print(f"{name:<34}{n:>9}{r['seconds']:>9.1f}{r['peak_mb']:>9.0f}"
                          f"{r['stories']:>9}{state}", flush=True)
        if args.add_one:
            r = _child("add_one", path, args.add_one)
            if "error" in r:
                print(f"add one article at {args.add_one}: {r['error']}")
            else:
                print(f"add one article at {args.add_one}: median {r['median_ms']:.1f} ms, "
                      f"max {r['max_ms']:.1f} ms (20 articles); peak {r['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
