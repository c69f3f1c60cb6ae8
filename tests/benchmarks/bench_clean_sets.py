"""Wiredesk's cleaner beside trafilatura and readability-lxml, per set and per kind of page.

usage: python3 tests/benchmarks/bench_clean_sets.py [--sets aeb,wcxb_dev,wire1987_dev]
       [--inputs html,text] [--tools wiredesk,trafilatura,readability] [--limit N]
       [--split all|even|odd] [--by-kind] [--cache DIR]

Every tool runs in this one process on the same pages, in turn; scores use the shipped
scorers' metrics (score_extract.py: bag of words per page, macro F1; score_paragraphs.py:
paragraphs found whole, macro F1). ``--split`` keeps the pages whose id hashes even or odd
(the cleaner is tuned on "even"; "odd" is held out). Speed is pages per CPU second of one
core (``time.process_time``), so other load on the machine does not count. trafilatura runs
with comments off (its better figure on these sets); readability's HTML is turned into text
one block per line, by the library's own steps (Wiredesk's cheaper forms of them, in
html_readable.py, take effect only inside Wiredesk's call). On plain text, the DOM-based
tools get the text as one <p> per line, the most they can make of it; their paragraphs
(one per line) are set apart by blank lines as Wiredesk's are. ``--cache DIR`` keeps the
two libraries' outputs between runs (for iterating on Wiredesk only; speed figures then
are Wiredesk's alone).
Reads ``../shared/bench/extract`` (or $WIREDESK_SHARED/bench/extract). Not a pytest test.
"""

from __future__ import annotations

import collections
import gzip
import hashlib
import json
import os
import re
import statistics
import sys
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.benchmarks.bench_extract import as_html, wiredesk  # noqa: E402

SHARED = Path(os.environ.get("WIREDESK_SHARED", REPO.parent / "shared"))
EXTRACT = SHARED / "bench" / "extract"
NONWORD = re.compile(r"[\W_]+")


def bow(s: str | None) -> collections.Counter:
    """Bag of words exactly as score_extract.py builds it."""
    return collections.Counter(
        t for t in (NONWORD.sub("", w.lower()) for w in (s or "").split()) if t)


def words_f1(gold: str, out: str) -> float:
    g, p = bow(gold), bow(out)
    ng, np_ = sum(g.values()), sum(p.values())
    if not ng or not np_:
        return 0.0
    tp = sum((g & p).values())
    return 2 * tp / (ng + np_)


def _norm(s: str) -> str:
    return " ".join(t for t in (NONWORD.sub("", w.lower()) for w in s.split()) if t)


def paragraphs_f1(gold: str, out: str) -> float:
    """score_paragraphs.py's per-page F1: paragraphs that come out whole."""
    g = collections.Counter(n for n in map(_norm, gold.splitlines()) if n)
    p = collections.Counter(n for n in (_norm(b) for b in re.split(r"\n\s*\n", out or "")) if n)
    if not g:
        return 0.0
    hit = sum((g & p).values())
    P, R = hit / max(1, sum(p.values())), hit / sum(g.values())
    return 2 * P * R / (P + R) if P + R else 0.0


def held_out(page_id: str) -> bool:
    """The held-out half: pages whose id hashes odd."""
    return hashlib.blake2b(page_id.encode(), digest_size=2).digest()[-1] % 2 == 1


def load(name: str, kind: str, split: str = "all", limit: int | None = None):
    """[(id, page kind, input, gold)] of one set; pages without gold or input skipped."""
    root = EXTRACT / name
    meta_file = root / "meta.json"
    meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
    out = []
    for g in sorted((root / "gold").glob("*.txt")):
        i = g.stem
        if split != "all" and held_out(i) != (split == "odd"):
            continue
        gold = g.read_text(encoding="utf-8")
        if not bow(gold):
            continue
        if kind == "text":
            src_file = root / "text" / f"{i}.txt"
            if not src_file.exists():
                continue
            src = src_file.read_text(encoding="utf-8")
        else:
            src_file = root / "html" / f"{i}.html.gz"
            if not src_file.exists():
                continue
            with gzip.open(src_file, "rb") as fh:
                src = fh.read().decode("utf-8", "replace")
        page_type = (meta.get(i) or {}).get("page_type") or ("wire" if "wire" in name
                                                             else "article")
        out.append((i, page_type, src, gold))
        if limit and len(out) >= limit:
            break
    return out


def trafilatura_(kind: str):
    import trafilatura

    def run(src: str) -> str:
        page = as_html(src) if kind == "text" else src
        return _paragraphs(trafilatura.extract(page, include_comments=False) or "")
    return run


def _paragraphs(text: str) -> str:
    """A library's one-paragraph-per-line text with blank lines between paragraphs, as
    score_paragraphs.py reads a body (so its structure is scored fairly)."""
    return "\n\n".join(ln.strip() for ln in text.splitlines() if ln.strip())


def readability_(kind: str):
    import lxml.html
    from readability import Document

    from tui.core.clean.html import block_text

    def run(src: str) -> str:
        page = as_html(src) if kind == "text" else src
        summary = Document(page).summary(html_partial=True)
        return _paragraphs(block_text(lxml.html.fragment_fromstring(summary,
                                                                    create_parent="div")))
    return run


TOOLS = {"wiredesk": wiredesk, "trafilatura": trafilatura_, "readability": readability_}


def run_tool(name: str, kind: str, pages, cache: Path | None, set_name: str):
    """(outputs, CPU seconds); a page the tool fails on gives an empty output."""
    store: dict = {}
    cache_file = cache / f"{name}-{set_name}-{kind}.json" if cache and name != "wiredesk" else None
    if cache_file and cache_file.exists():
        store = json.loads(cache_file.read_text(encoding="utf-8"))
    run = TOOLS[name](kind)
    todo = [src for i, _, src, _ in pages if i not in store]
    if todo:  # untimed warm-up: imports and one-time tables (justext's stoplists) not counted
        try:
            run(todo[0])
        except Exception:  # noqa: BLE001 - timed below like any page
            pass
    outs, cpu = [], 0.0
    for i, _, src, _ in pages:
        if i in store:
            outs.append(_paragraphs(store[i]))  # idempotent: caches of older runs too
            continue
        t0 = time.process_time()
        try:
            out = run(src) or ""
        except Exception:  # noqa: BLE001 - a crash is a miss, not the end of the benchmark
            out = ""
        cpu += time.process_time() - t0
        store[i] = out
        outs.append(out)
    if cache_file:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_text(json.dumps(store), encoding="utf-8")
    return outs, cpu


def main() -> None:
    def opt(name: str, default: str) -> str:
        return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default

    sets = opt("--sets", "aeb,wcxb_dev,wire1987_dev").split(",")
    inputs = opt("--inputs", "html,text").split(",")
    tools = opt("--tools", ",".join(TOOLS)).split(",")
    split = opt("--split", "all")
    limit = int(opt("--limit", "0")) or None
    cache = Path(opt("--cache", "")) if "--cache" in sys.argv else None
    by_kind = "--by-kind" in sys.argv
    warnings.filterwarnings("ignore")
    print(f"split {split}; words = score_extract.py F1, paras = score_paragraphs.py F1; "
          "p/s = pages per CPU second of one core")
    print(f"{'set':<12} {'input':<5} {'kind':<14} {'pages':>5}  " + "  ".join(
        f"{t[:11]:>11} words {'paras':>5} {'p/s':>6}" for t in tools))
    for set_name in sets:
        for kind in inputs:
            pages = load(set_name, kind, split, limit)
            if not pages:
                continue
            results = {t: run_tool(t, kind, pages, cache, set_name) for t in tools}
            groups = collections.defaultdict(list)
            for n, (_, page_type, _, _) in enumerate(pages):
                groups["all"].append(n)
                if by_kind:
                    groups[page_type].append(n)
            order = ["all"] + sorted((k for k in groups if k != "all"),
                                     key=lambda k: -len(groups[k]))
            for group in order:
                ns = groups[group]
                if group != "all" and len(groups) == 2:
                    continue
                cells = []
                for t in tools:
                    outs, cpu = results[t]
                    w = statistics.mean(words_f1(pages[n][3], outs[n]) for n in ns)
                    p = statistics.mean(paragraphs_f1(pages[n][3], outs[n]) for n in ns)
                    speed = f"{len(pages) / cpu:>6.0f}" if cpu and group == "all" else f"{'':>6}"
                    cells.append(f"{'':>11} {w:>5.3f} {p:>5.3f} {speed}")
                print(f"{set_name:<12} {kind:<5} {group:<14} {len(ns):>5}  " + "  ".join(cells))


if __name__ == "__main__":
    main()
