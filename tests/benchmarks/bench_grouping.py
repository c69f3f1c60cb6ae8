"""Scale benchmark for story grouping, beside a TF-IDF average-link baseline (scikit-learn).

usage: python3 tests/benchmarks/bench_grouping.py [--sizes 20000,100000] [--add-one 100000]
                                                  [--baseline 2000,5000]
       python3 tests/benchmarks/bench_grouping.py --against TREE [--sizes 10000,40000,100000]
                                                  [--rounds 2] [--corpus FILE.jsonl]
                                                  [--chunk 5000 [--open 2500]]
``--against TREE`` (another checkout, e.g. a frozen copy of HEAD) groups the same articles as a
bulk ingest does (chunks of 50,000, stories closed between them) with that tree's code and with
this one, alternating, and prints CPU per article of each, their ratio and whether every
article's placement is the same (a hash of story, sameness, copy of and score of each). ``--chunk``
(and ``--open``) run the same with smaller chunks and working set: the paths of a long run (stories
closed, reopened, decided again with earlier ones) at a size that runs in minutes.
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
sys.path.insert(0, os.environ.get("BENCH_TREE") or str(REPO))  # (``--against``: another tree)


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


def run_bulk(path: str, n: int) -> dict:
    """Grouping as a bulk ingest does it: chunks of ``bulk.CHUNK``, stories closed between."""
    import hashlib

    from tui.core.clean import detect_lang
    from tui.core.group import Grouper
    from tui.core.group.features import text_key
    from tui.core.workspace import working_set
    from tui.core.workspace.bulk import CHUNK

    if os.environ.get("BENCH_CHUNK"):  # (``--chunk``/``--open``: many chunks at a small size)
        CHUNK = int(os.environ["BENCH_CHUNK"])  # noqa: N806
        working_set.OPEN_ARTICLES = int(os.environ.get("BENCH_OPEN") or CHUNK // 2)
    docs = _docs(path, n)
    for d in docs:
        d.lang = detect_lang(d.body)
    by_id = {d.id: d for d in docs}
    g, c0 = Grouper(), time.process_time()
    for at in range(0, n, CHUNK):
        part = docs[at : at + CHUNK]
        if working_set.closed(g):
            keys = [(text_key(d.body or d.title or ""), d.origin) for d in part]
            working_set.reopen(g, working_set.matched(g, keys, []), by_id.get)
        g.add_many(part)
        working_set.close(g)
    cpu = time.process_time() - c0
    h = hashlib.sha256()
    for d in sorted(docs, key=lambda d: d.id):
        p = g.book.docs[d.id].placement
        score = g.book.docs[d.id].score
        h.update(f"{d.id}\t{p.story}\t{p.sameness}\t{p.copy_of or ''}\t{score!r}\n".encode())
    return {"cpu_s": cpu, "ms_per_article": 1000 * cpu / n, "hash": h.hexdigest()[:16]}


def against(tree: str, path: str, sizes: list[int], rounds: int) -> None:
    """CPU per article of grouping with ``tree``'s code and this tree's, alternating."""
    print(f"{'articles':>9}{'before ms/art':>15}{'after ms/art':>14}{'after/before':>14}  same")
    for n in sizes:
        runs: dict[str, list[dict]] = {"before": [], "after": []}
        for _ in range(rounds):
            runs["before"].append(_child("bulk", path, n, tree))
            runs["after"].append(_child("bulk", path, n))
        bad = [r["error"] for rs in runs.values() for r in rs if "error" in r]
        if bad:
            print(f"{n:>9}  {bad[0]}")
            continue
        ms = {k: statistics.median(r["ms_per_article"] for r in rs) for k, rs in runs.items()}
        same = len({r["hash"] for rs in runs.values() for r in rs}) == 1
        print(f"{n:>9}{ms['before']:>15.3f}{ms['after']:>14.3f}"
              f"{ms['after'] / ms['before']:>14.2f}  {'yes' if same else 'NO'}", flush=True)


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


def _child(kind: str, path: str, n: int, tree: str | None = None) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, path, str(n)]
    env = {**os.environ, "BENCH_TREE": tree or ""}
    p = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
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
    ap.add_argument("--against", help="another tree to compare with (CPU, placements)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--corpus", help="a make_corpus JSON Lines file (else one is made)")
    ap.add_argument("--chunk", type=int, help="--against: chunks of this many articles (not "
                    "bulk.CHUNK), stories closed past --open newest (default half a chunk)")
    ap.add_argument("--open", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, path, n = args.child
        fn = {"grouper": run_grouper, "add_one": run_add_one, "baseline": run_baseline,
              "bulk": run_bulk}[kind]
        print(json.dumps(fn(path, int(n))))
        return
    if args.against:
        sizes = [int(s) for s in args.sizes.split(",") if s]
        if args.chunk:
            os.environ["BENCH_CHUNK"], os.environ["BENCH_OPEN"] = str(args.chunk), str(
                args.open or args.chunk // 2)
        if args.corpus:
            against(args.against, args.corpus, sizes, args.rounds)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                against(args.against, _corpus(tmp, max(sizes)), sizes, args.rounds)
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
