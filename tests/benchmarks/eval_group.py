"""In-process story-grouping evaluator, scoring exactly like shared/bench/score_stories.py.

usage: python3 tests/benchmarks/eval_group.py DATA.jsonl... [--set name=value]... [--limit N]
                                             [--chunk N] [--shuffle SEED] [--single]
Feeds records in file order (body = text or title, as the ingest does) to one
``Grouper.add_many`` per file and prints B-cubed P/R/F1 and, for multilingual sets, the
share of each language's articles placed with their English original.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import json
import random
import sys
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tui.core.group import GroupDoc, Grouper, Params


def bcubed(pred: dict, gold: dict) -> tuple[float, float, float]:
    by_p, by_g = collections.defaultdict(set), collections.defaultdict(set)
    for i in gold:
        by_p[pred[i]].add(i)
        by_g[gold[i]].add(i)
    p = r = 0.0
    for i in gold:
        same = len(by_p[pred[i]] & by_g[gold[i]])
        p += same / len(by_p[pred[i]])
        r += same / len(by_g[gold[i]])
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r)


def half_of(story: str) -> str:
    """``tune`` or ``held``: a fixed split by a hash of the gold story id."""
    return "held" if zlib.crc32(story.encode("utf-8")) & 1 else "tune"


def evaluate(rows: list[dict], params: Params, single: bool = False) -> dict:
    docs = [
        GroupDoc(id=r["id"], title=r["title"], body=" ".join((r["text"] or r["title"]).split()),
                 lang=r.get("lang"), date=r.get("date"), source=r.get("source"),
                 origin=f"bench:{r['id']}")
        for r in rows
    ]
    g = Grouper(params=params)
    t0 = time.perf_counter()
    if single:
        for d in docs:
            g.add(d)
    else:
        g.add_many(docs)
    elapsed = time.perf_counter() - t0
    pred = {d.id: g.story_of(d.id) for d in docs}
    gold = {r["id"]: r["cluster"] for r in rows}
    P, R, F = bcubed(pred, gold)
    out = {"P": P, "R": R, "F1": F, "stories": len(g.stories()), "seconds": elapsed, "n": len(rows)}
    langs = collections.Counter(r["lang"] for r in rows)
    if len(langs) > 1:
        en = {r["cluster"]: r["id"] for r in rows if r["lang"] == "en"}
        hit, tot = collections.Counter(), collections.Counter()
        for r in rows:
            if r["lang"] != "en" and r["cluster"] in en:
                tot[r["lang"]] += 1
                hit[r["lang"]] += pred[r["id"]] == pred[en[r["cluster"]]]
        out["xling"] = {lang: round(hit[lang] / tot[lang], 2) for lang in sorted(tot)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="+")
    ap.add_argument("--set", action="append", default=[], help="Params field=value")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--single", action="store_true", help="add articles one at a time")
    ap.add_argument("--half", choices=("tune", "held"),
                    help="keep the stories whose id hashes even (tune) or odd (held)")
    ap.add_argument("--chunk", type=int, help="score consecutive chunks of N records; mean")
    ap.add_argument("--shuffle", type=int, metavar="SEED",
                    help="shuffle the records first (a set stored story by story must not help)")
    args = ap.parse_args()
    fields = {f.name: f.type for f in dataclasses.fields(Params)}
    kw = {}
    for item in args.set:
        name, value = item.split("=", 1)
        kw[name] = (int if fields[name] in ("int", int) else float)(value)
    params = Params(**kw)
    for path in args.data:
        with open(path, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f]
        if args.half:
            rows = [r for r in rows if half_of(r["cluster"]) == args.half]
        rows = rows[: args.limit]
        if args.shuffle is not None:
            random.Random(args.shuffle).shuffle(rows)
        size = args.chunk or len(rows)
        parts = [evaluate(rows[i : i + size], params, args.single)
                 for i in range(0, len(rows), size)]
        parts = [p for p in parts if len(parts) == 1 or p["n"] == size]
        r = {k: sum(p[k] for p in parts) / len(parts) for k in ("P", "R", "F1", "seconds")}
        r["stories"] = sum(p["stories"] for p in parts)
        r.update({k: parts[0][k] for k in ("xling",) if k in parts[0]})
        if len(parts) > 1:
            r["F1s"] = " ".join(f"{p['F1']:.3f}" for p in parts)
        line = (f"{Path(path).name}: B3 P {r['P']:.3f} R {r['R']:.3f} F1 {r['F1']:.3f}; "
                f"{r['stories']} stories; {r['seconds']:.1f}s")
        if "F1s" in r:
            line += f"\n  chunks: {r['F1s']}"
        if "xling" in r:
            line += "\n  with English original: " + ", ".join(
                f"{k} {v:.2f}" for k, v in r["xling"].items())
        print(line, flush=True)


if __name__ == "__main__":
    main()
