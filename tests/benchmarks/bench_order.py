"""Order invariance of story grouping: the same articles in one batch, in batches of 100, one
article per call, and in shuffled orders must give the same stories.

usage: python3 tests/benchmarks/bench_order.py [DATA.jsonl...] [--sample 300] [--shuffles 3]
                                               [--limit N] [--half tune|held] [--runs ...]
For each set (default: the four dev sets in shared/bench/stories) it prints B-cubed F1 per run
and the adjusted Rand index of each run's partition against the one-batch partition. The
one-article-per-call run uses a sample of ``--sample`` articles (every ``k``-th record), with
its own one-batch run of that sample as reference; each call goes through the cache form
(``to_state`` / ``from_state``), as one command per article does. Beside it, the same runs of a
TF-IDF average-link baseline (scikit-learn), which is order-free by construction, as the
reference for B3. Bars: B3 within .01 of one batch, adjusted Rand >= .97. ``--half`` keeps the
stories of one hold-out half (as ``eval_group.py --half``); ``--runs`` picks runs (``batches``,
``shuffles``, ``sample``, ``baseline``; default all).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("WIREDESK_SHARED", REPO.parent / "shared"))
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_group import bcubed, half_of  # noqa: E402

from tui.core.group import GroupDoc, Grouper  # noqa: E402


def _doc(r: dict) -> GroupDoc:
    return GroupDoc(id=r["id"], title=r["title"], body=" ".join((r["text"] or r["title"]).split()),
                    lang=r.get("lang"), date=r.get("date"), source=r.get("source"),
                    origin=f"bench:{r['id']}")


def run(rows: list[dict], batch: int | None, through_state: bool = False) -> dict[str, str]:
    """Article id -> story, feeding ``rows`` in batches of ``batch`` (None: one batch)."""
    docs = [_doc(r) for r in rows]
    g = Grouper()
    size = batch or len(docs) or 1
    for i in range(0, len(docs), size):
        if through_state:
            g = Grouper.from_state(g.to_state())
        g.add_many(docs[i : i + size])
    return {d.id: g.story_of(d.id) for d in docs}


def baseline(rows: list[dict], threshold: float = 0.75) -> dict[str, str]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(sublinear_tf=True).fit_transform(
        [f"{r['title']} {r['text'] or r['title']}" for r in rows])
    dist = 1.0 - (x @ x.T).toarray()
    labels = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    ).fit_predict(dist)
    return {r["id"]: str(label) for r, label in zip(rows, labels)}


def ari(a: dict[str, str], b: dict[str, str]) -> float:
    from sklearn.metrics import adjusted_rand_score

    ids = sorted(a)
    return float(adjusted_rand_score([a[i] for i in ids], [b[i] for i in ids]))


RUNS = ("batches", "shuffles", "sample", "baseline")


def report(
    name: str, rows: list[dict], sample: int, shuffles: int, runs: tuple[str, ...] = RUNS
) -> list[str]:
    gold = {r["id"]: r["cluster"] for r in rows}
    out, bad = [], []

    def line(what: str, pred: dict, ref: dict | None, ref_f1: float | None, secs: float) -> float:
        f1 = bcubed(pred, {i: gold[i] for i in pred})[2]
        extra = ""
        if ref is not None and ref_f1 is not None:
            a = ari(pred, ref)
            extra = f"  dB3 {f1 - ref_f1:+.3f}  ARI {a:.3f}"
            if abs(f1 - ref_f1) > 0.01 or a < 0.97:
                bad.append(what)
                extra += "  (off the bar)"
        out.append(f"  {what:<34} B3 {f1:.3f}{extra}  {secs:.1f}s")
        return f1

    t0 = time.perf_counter()
    one = run(rows, None)
    ref_f1 = line("one batch", one, None, None, time.perf_counter() - t0)
    if "batches" in runs:
        t0 = time.perf_counter()
        line("batches of 100", run(rows, 100), one, ref_f1, time.perf_counter() - t0)
    for seed in range(1, shuffles + 1 if "shuffles" in runs else 1):
        mixed = rows[:]
        random.Random(seed).shuffle(mixed)
        t0 = time.perf_counter()
        line(f"shuffled ({seed}), one batch", run(mixed, None), one, ref_f1,
             time.perf_counter() - t0)
    if "sample" in runs:
        step = max(1, len(rows) // sample)
        part = rows[::step][:sample]
        t0 = time.perf_counter()
        part_one = run(part, None)
        part_f1 = line(f"sample of {len(part)}, one batch", part_one, None, None,
                       time.perf_counter() - t0)
        t0 = time.perf_counter()
        line("sample, one article per call", run(part, 1, through_state=True), part_one,
             part_f1, time.perf_counter() - t0)
    if "baseline" in runs and len(rows) <= 5000:
        t0 = time.perf_counter()
        line("TF-IDF average-link (baseline)", baseline(rows), None, None,
             time.perf_counter() - t0)
    out.insert(0, f"{name}: {len(rows)} articles" + (f"; off the bar: {', '.join(bad)}"
                                                     if bad else "; all runs within the bars"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="*")
    ap.add_argument("--sample", type=int, default=300)
    ap.add_argument("--shuffles", type=int, default=3)
    ap.add_argument("--limit", type=int, help="first N records of each set")
    ap.add_argument("--half", choices=("tune", "held"), help="only the stories of this half")
    ap.add_argument("--runs", nargs="+", choices=RUNS, default=list(RUNS))
    args = ap.parse_args()
    stories = SHARED / "bench" / "stories"
    paths = args.data or [str(stories / f"{n}.jsonl")
                          for n in ("uci_dev", "neus_dev", "basil", "ntrex_dev")]
    for path in paths:
        if not Path(path).exists():
            print(f"{path}: not found (skipped)")
            continue
        with open(path, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f][: args.limit]
        name = Path(path).stem
        if args.half:
            rows = [r for r in rows if half_of(r["cluster"]) == args.half]
            name += f" ({args.half} half)"
        for text in report(name, rows, args.sample, args.shuffles, tuple(args.runs)):
            print(text, flush=True)


if __name__ == "__main__":
    main()
