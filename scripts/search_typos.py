"""Typo-tolerant search on the demo workspace: what it finds, and what it costs per article.

    python3 scripts/search_typos.py

"before" applies the rule Wiredesk had until issue 17 (the term as typed anywhere, else
``partial_ratio >= 85`` against the title and note for terms of five letters or more); "after"
is ``tui.core.query`` with ``tui.core.fuzzy``. Costs are per article, in one process, beside
the exact check and the reading of a (cached) body.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz

from tui.cli.app_cmd import load_samples
from tui.core import fuzzy
from tui.core.query import fold, parse, split_terms
from tui.core.workspace import Workspace

QUERIES = ["Japn Canda", "Hayashi Jolly", "intelligance", "Japan Canada", "zzzz qqqq", "Tokio"]


def before(ws, a, query: str) -> bool:
    short = fold(" \n".join([a.meta.get("title") or "", a.triage.note]))
    long = fold(" \n".join([a.meta.get("source") or "", a.meta.get("author") or "",
                            " ".join(a.triage.tags), ws.body(a)]))
    for term in (fold(t) for t in split_terms(query)):
        if term in short or term in long:
            continue
        if len(term) < 5 or fuzz.partial_ratio(term, short) < 85:
            return False
    return True


def per_article(bodies: list[str], check, rounds: int = 300) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for b in bodies:
            check(b)
    return 1e6 * (time.perf_counter() - start) / (rounds * len(bodies))


def main() -> int:
    ws = Workspace.open(Path(tempfile.mkdtemp()) / "ws")
    load_samples(ws)
    arts = ws.articles()
    print(f"{'query':16} {'before':>6} {'after':>6}   (articles found, of {len(arts)})")
    for q in QUERIES:
        flt = parse(q)
        now = sum(flt.matches(a, None, ws.body(a)) for a in arts)
        print(f"{q:16} {sum(before(ws, a, q) for a in arts):6} {now:6}")
    bodies = [fold(ws.body(a)) for a in arts]
    read = per_article([a.id for a in arts], lambda aid: ws.body(ws.get(aid)))
    print(f"\nreading a body (cached): {read:.0f} us/article")
    for terms in (["japn", "canda"], ["intelligance"], ["qwertyuiop"]):
        exact = per_article(bodies, lambda b, t=terms: all(x in b for x in t))
        typo = per_article(bodies, lambda b, t=terms: fuzzy.matches_all(t, b))
        print(f"{' '.join(terms):14} as typed {exact:5.1f} us   with the typo fallback "
              f"{typo:5.0f} us/article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
