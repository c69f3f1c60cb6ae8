"""In-process story-grouping evaluator, scoring exactly like shared/bench/score_stories.py.

usage: python3 tests/benchmarks/eval_group.py DATA.jsonl... [--set name=value]... [--limit N]
                                             [--chunk N] [--shuffle SEED] [--single]
Feeds records in file order (body = text or title, as the ingest does) to one
``Grouper.add_many`` per file and prints B-cubed P/R/F1 and, for multilingual sets, the
share of each language's articles placed with their English original. ``--errors FILE``
writes the wrongly joined pairs and the missed pairs with their texts and similarity (read
them before forming a hypothesis). ``--breakdown`` splits the B3 loss: precision lost in
predicted stories by their gold make-up, recall lost in gold stories by how they were split,
the same within each half of the split of ``--half``, and for articles left alone where the
look-up ranks their nearest gold partner. ``--calibrate`` prints, for the pairs the look-up
finds, the share that gold puts in one story by bins of their link (the similarity average
link uses) and by one more piece of evidence (days of the week named, how each article ranks
the other): evidence worth adding changes that share within a bin.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import itertools
import json
import random
import sys
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tui.core.group import GroupDoc, Grouper, Params
from tui.core.group.scoring import dot


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


def wrong_pairs(pred: dict, gold: dict) -> tuple[list[tuple], list[tuple]]:
    """Pairs placed together that gold keeps apart (false joins), and gold pairs placed apart
    (misses), each pair once, in a fixed order."""
    def pairs(by: dict) -> set[tuple]:
        groups = collections.defaultdict(list)
        for i in sorted(by):
            groups[by[i]].append(i)
        return {p for ms in groups.values() for p in itertools.combinations(ms, 2)}

    joined, same = pairs(pred), pairs(gold)
    return sorted(joined - same), sorted(same - joined)


def error_report(rows: list[dict], pred: dict, g: Grouper, limit: int = 200) -> list[str]:
    """The first ``limit`` false joins and misses (by a fixed hash), with the raw similarity
    of the two articles and their story sizes, titles and openings."""
    by_id = {r["id"]: r for r in rows}
    sizes = collections.Counter(pred.values())
    docs = g.book.docs
    out = []
    for kind, found in zip(("FALSE JOIN", "MISSED"), wrong_pairs(pred, {r["id"]: r["cluster"]
                                                                       for r in rows})):
        out.append(f"# {kind}: {len(found)} pairs")
        found.sort(key=lambda p: zlib.crc32("|".join(p).encode("utf-8")))
        for a, b in found[:limit]:
            sim = dot(dict(zip(docs[a].terms, docs[a].weights)), docs[b])
            out.append(f"== {kind} similarity {sim:.3f}; stories of {sizes[pred[a]]} and "
                       f"{sizes[pred[b]]}; gold {by_id[a]['cluster']} / {by_id[b]['cluster']}")
            for i in (a, b):
                r = by_id[i]
                lead = " ".join((r["text"] or "").split())[:300]
                out.append(f"  [{i}] {r['title']}\n      {lead}")
    return out


def loss_breakdown(pred: dict, gold: dict) -> dict[str, dict[tuple, list[float]]]:
    """B3's loss by kind: ``precision`` by predicted story (its size and the sizes of its gold
    parts, largest first), ``recall`` by gold story (the sizes of its predicted parts). Each
    value is [stories, loss as a share of all articles]; the losses add up to 1 - P and
    1 - R of :func:`bcubed`."""
    by_p, by_g = collections.defaultdict(list), collections.defaultdict(list)
    for i in gold:
        by_p[pred[i]].append(i)
        by_g[gold[i]].append(i)
    n = len(gold)
    out: dict[str, dict[tuple, list[float]]] = {"precision": {}, "recall": {}}
    for kind, groups, other in (("precision", by_p, gold), ("recall", by_g, pred)):
        for members in groups.values():
            parts = collections.Counter(other[i] for i in members)
            shape = tuple(sorted(parts.values(), reverse=True))
            key = (len(members), shape) if kind == "precision" else shape
            lost = sum(1 - parts[other[i]] / len(members) for i in members) / n
            row = out[kind].setdefault(key, [0, 0.0])
            row[0] += 1
            row[1] += lost
    return out


def partner_ranks(g: Grouper, pred: dict, gold: dict, top: int = 5) -> collections.Counter:
    """For each article alone in its predicted story (with gold partners): the rank of its
    first gold partner among its look-up's verified candidates (``top`` and beyond counted
    as ``top``), or ``None`` when the look-up does not find one."""
    from tui.core.group.scoring import mono_candidates

    sizes = collections.Counter(pred.values())
    by_g = collections.Counter(gold.values())
    ranks: collections.Counter = collections.Counter()
    for i, e in g.book.docs.items():
        if i not in gold or sizes[pred[i]] != 1 or by_g[gold[i]] < 2:
            continue
        found = mono_candidates(e, g.words, g.book.slots, g.params)
        others = [o for _, o in found if o.id != i]
        hit = [k for k, o in enumerate(others) if gold.get(o.id) == gold[i]]
        ranks[min(hit[0], top) if hit else None] += 1
    return ranks


def breakdown_report(pred: dict, gold: dict, ranks: collections.Counter | None = None,
                     rows: int = 8, top: int = 5) -> list[str]:
    """:func:`loss_breakdown` as text, whole and within each half, and the partner ranks
    (of :func:`partner_ranks` with the same ``top``)."""
    out = []
    for name in ("whole", "tune", "held"):
        ids = [i for i in gold if name == "whole" or half_of(gold[i]) == name]
        if not ids:
            continue
        sub_p, sub_g = {i: pred[i] for i in ids}, {i: gold[i] for i in ids}
        P, R, F = bcubed(sub_p, sub_g)
        out.append(f"{name} ({len(ids)} articles, within the whole run): "
                   f"P {P:.4f} R {R:.4f} F1 {F:.4f}")
        parts = loss_breakdown(sub_p, sub_g)
        for kind in ("precision", "recall"):
            ranked = sorted(parts[kind].items(), key=lambda kv: -kv[1][1])
            shown = ", ".join(f"{k}: {int(v[0])} stories -{v[1]:.4f}" for k, v in ranked[:rows]
                              if v[1] > 0)
            out.append(f"  {kind} lost {sum(v[1] for v in parts[kind].values()):.4f}: {shown}")
    if ranks is not None:
        total = sum(ranks.values())
        shown = ", ".join(
            f"{'not found' if k is None else ('>=' if k == top else '') + str(k)}: {v}"
            for k, v in sorted(ranks.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)))
        out.append(f"alone with gold partners: {total}; rank of the first partner among the "
                   f"look-up's candidates: {shown}")
    return out


def calibration(g: Grouper, gold: dict, width: float = 0.04, top: int = 10) -> list[str]:
    """Pairs among each article's ``top`` look-up candidates: per bin of their link, how many
    and the share gold joins, whole and split by days of the week named (``same`` day,
    ``other`` days, else ``-``) and by rank (``best`` of either article, ``top3`` of both, else
    ``far``)."""
    from tui.core.group.placing import _scaled
    from tui.core.group.scoring import mono_candidates

    links: dict[str, list[tuple[float, str]]] = {}
    for i, e in g.book.docs.items():
        found = mono_candidates(e, g.words, g.book.slots, g.params)[:top]
        links[i] = sorted(((_scaled(g.params, s, e, o, g.words), o.id) for s, o in found
                           if o.id != i and i in gold and o.id in gold), reverse=True)
    rank = {i: {o: k for k, (_, o) in enumerate(ls)} for i, ls in links.items()}
    bins: dict[tuple, list[int]] = collections.defaultdict(lambda: [0, 0])
    seen = set()
    for i, ls in links.items():
        for sim, o in ls:
            if (o, i) in seen or sim < 0:  # (each pair once)
                continue
            seen.add((i, o))
            a, b = g.book.docs[i], g.book.docs[o]
            day = "-" if not (a.days and b.days) else "same" if a.days & b.days else "other"
            ra, rb = rank[i].get(o, top), rank[o].get(i, top)
            near = "best" if min(ra, rb) == 0 else "top3" if max(ra, rb) < 3 else "far"
            at = round(int(sim / width) * width, 2)
            for key in ((at, ""), (at, "day " + day), (at, "rank " + near)):
                bins[key][0] += 1
                bins[key][1] += gold[i] == gold[o]
    out = ["link bin: pairs, share gold joins (whole; by days named; by rank)"]
    for at in sorted({k[0] for k in bins}):
        parts = [f"{k[1] or 'all'} {n} {y / n:.2f}" for k, (n, y) in sorted(bins.items())
                 if k[0] == at and n]
        out.append(f"  {at:.2f}: " + "; ".join(parts))
    return out


def evaluate(rows: list[dict], params: Params, single: bool = False,
             errors: str | None = None, breakdown: bool = False,
             calibrate: bool = False) -> dict:
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
    if errors:
        Path(errors).write_text("\n".join(error_report(rows, pred, g)) + "\n", encoding="utf-8")
    if breakdown:
        print("\n".join(breakdown_report(pred, gold, partner_ranks(g, pred, gold))), flush=True)
    if calibrate:
        print("\n".join(calibration(g, gold)), flush=True)
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
    ap.add_argument("--errors", metavar="FILE",
                    help="write false joins and misses with texts (of the last file; no --chunk)")
    ap.add_argument("--single", action="store_true", help="add articles one at a time")
    ap.add_argument("--breakdown", action="store_true",
                    help="print B3's loss by kind, whole and by half (no --chunk)")
    ap.add_argument("--calibrate", action="store_true",
                    help="print the share of looked-up pairs gold joins by link (no --chunk)")
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
        errors = None if args.chunk else args.errors
        parts = [evaluate(rows[i : i + size], params, args.single, errors,
                          args.breakdown and not args.chunk, args.calibrate and not args.chunk)
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
