"""In-process scorer for the cleaner: score_extract.py's metric, calling ``clean()`` directly.

usage: python3 tests/benchmarks/eval_clean.py {text|html} [--split even|odd] [--worst N]
       [--save FILE]  (FILE gets one "id F1" line per page, to compare two runs)
Reads ``../shared/bench/extract/aeb`` (or $WIREDESK_SHARED). Not a pytest test.
"""

from __future__ import annotations

import collections
import gzip
import os
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("WIREDESK_SHARED", REPO.parent / "shared"))
AEB = SHARED / "bench" / "extract" / "aeb"
NONWORD = re.compile(r"[\W_]+")


def bow(s: str | None) -> collections.Counter:
    """Bag of words exactly as score_extract.py builds it."""
    return collections.Counter(
        t for t in (NONWORD.sub("", w.lower()) for w in (s or "").split()) if t
    )


def prf(g: collections.Counter, p: collections.Counter) -> tuple[float, float, float]:
    """Precision, recall, F1 exactly as score_extract.py computes them."""
    ng, np_ = sum(g.values()), sum(p.values())
    if not ng or not np_:
        return 0.0, 0.0, 0.0
    tp = sum((g & p).values())
    P, R = tp / np_, tp / ng
    return P, R, (2 * P * R / (P + R) if P + R else 0.0)


def load(kind: str, split: str | None = None) -> list[tuple[str, str, str]]:
    """(id, input, gold) for every page with a non-empty gold."""
    out = []
    ids = sorted(f.stem for f in (AEB / "gold").glob("*.txt"))
    for n, i in enumerate(ids):
        if split == "even" and n % 2 or split == "odd" and not n % 2:
            continue
        gold = (AEB / "gold" / f"{i}.txt").read_text(encoding="utf-8")
        if not bow(gold):
            continue
        if kind == "text":
            src = (AEB / "text" / f"{i}.txt").read_text(encoding="utf-8")
        else:
            with gzip.open(AEB / "html" / f"{i}.html.gz", "rb") as fh:
                src = fh.read().decode("utf-8", "replace")
        out.append((i, src, gold))
    return out


def main() -> None:
    from tui.core.clean import clean
    from tui.core.model import RawDocument

    kind = sys.argv[1] if len(sys.argv) > 1 else "text"
    split = sys.argv[sys.argv.index("--split") + 1] if "--split" in sys.argv else None
    worst = int(sys.argv[sys.argv.index("--worst") + 1]) if "--worst" in sys.argv else 0
    pages = load(kind, split)
    t0, c0 = time.perf_counter(), time.process_time()
    bodies = [clean(RawDocument(i, src, kind)).body for i, src, _ in pages]
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    scores = [prf(bow(g), bow(b)) for (_, _, g), b in zip(pages, bodies)]
    P, R, F = (statistics.mean(s[j] for s in scores) for j in range(3))
    if "--save" in sys.argv:
        Path(sys.argv[sys.argv.index("--save") + 1]).write_text(
            "".join(f"{i} {s[2]:.4f}\n" for (i, _, _), s in zip(pages, scores)))
    for (i, _, _), s in sorted(zip(pages, scores), key=lambda x: x[1][2])[:worst]:
        print(f"  {i[:12]} P {s[0]:.3f} R {s[1]:.3f} F1 {s[2]:.3f}")
    print(f"{kind}: P {P:.3f} R {R:.3f} F1 {F:.3f} over {len(pages)} pages, "
          f"{len(pages) / cpu:.0f} pages per CPU second of one core (time.process_time), "
          f"{len(pages) / secs:.0f} pages per wall-clock second")


if __name__ == "__main__":
    main()
