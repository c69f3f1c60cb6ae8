"""Wiredesk's cleaner against trafilatura, readability-lxml and boilerpy3 on the aeb set.

usage: python3 tests/benchmarks/bench_extract.py [--limit N] [--only NAME,...]
       python3 tests/benchmarks/bench_extract.py --speed [--sets aeb,wcxb_dev] [--split even]
                                                 [--limit N] [--rounds 3]
Runs every extractor in this one process on the same pages and prints, per extractor, macro
F1 on the plain-text copies, macro F1 on the HTML pages, and speed on each as pages per CPU
second of one core (time.process_time) next to pages per wall-clock second (score_extract.py's
metric, reused from eval_clean). Plain text is handed to the DOM-based
tools as HTML with one <p> per line, which is the most any of them can make of it.
readability-lxml alone runs the library's own steps: Wiredesk's cheaper forms of them
(html_readable.py) are installed in its module but take effect only inside Wiredesk's call.

``--speed``: the HTML speed bar (Wiredesk no slower per page than trafilatura alone). Per
set, rounds alternate trafilatura alone (``extract(page, include_comments=False)``, its
settings inside Wiredesk) and Wiredesk's ``clean()`` on the same pages; each side's fastest
round counts. Wiredesk's time is split into its parts: trafilatura inside the call (handed
the parsed tree), the parse, the paragraph redraw, readability (pages where trafilatura kept
little) and the rest. "floor" is trafilatura inside + the parse: what Wiredesk costs with no
work of its own. "fallback": the share of pages on which trafilatura's own fallback (its
readability fork and jusText) was asked inside the call (``html.fallback_needed``; a page
whose recall retry asks again counts twice).
A script, not a pytest test (pytest does not collect ``bench_*.py``).
"""

from __future__ import annotations

import html as htmllib
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.eval_clean import bow, load, prf  # noqa: E402


def as_html(text: str) -> str:
    """Plain text as the simplest HTML page: one paragraph per line."""
    paras = "".join(f"<p>{htmllib.escape(ln)}</p>" for ln in text.splitlines() if ln.strip())
    return f"<html><body>{paras}</body></html>"


def wiredesk(kind: str):
    from tui.core.clean import clean
    from tui.core.model import RawDocument

    return lambda src: clean(RawDocument("bench", src, kind)).body


def trafilatura_(kind: str):
    import trafilatura

    def run(src: str) -> str:
        page = as_html(src) if kind == "text" else src
        return trafilatura.extract(page, favor_precision=True, include_comments=False) or ""
    return run


def readability_(kind: str):
    import lxml.html
    from readability import Document

    def run(src: str) -> str:
        page = as_html(src) if kind == "text" else src
        summary = Document(page).summary(html_partial=True)
        return lxml.html.fragment_fromstring(summary, create_parent="div").text_content()
    return run


def boilerpy3_(kind: str):
    from boilerpy3 import extractors

    ex = extractors.ArticleExtractor()

    def run(src: str) -> str:
        page = as_html(src) if kind == "text" else src
        return ex.get_content(page)
    return run


def lines20(kind: str):
    return lambda src: "\n".join(ln for ln in src.splitlines() if len(ln.split()) >= 20)


EXTRACTORS = {"wiredesk": wiredesk, "trafilatura": trafilatura_,
              "readability-lxml": readability_, "boilerpy3": boilerpy3_,
              "lines of 20+ words": lines20}


def score(make, kind: str, pages) -> tuple[float, float, float]:
    """(macro F1, pages per CPU second, pages per wall-clock second); a page the tool fails
    on scores 0. CPU time is ``time.process_time()``: one core, this process only, so other
    load on the machine does not count against the tool."""
    run = make(kind)
    outs, t0, w0 = [], time.process_time(), time.perf_counter()
    for _, src, _ in pages:
        try:
            outs.append(run(src))
        except Exception:  # noqa: BLE001 - a crash is a miss, not the end of the benchmark
            outs.append("")
    cpu, wall = time.process_time() - t0, time.perf_counter() - w0
    f1 = statistics.mean(prf(bow(g), bow(o))[2] for (_, _, g), o in zip(pages, outs))
    return f1, len(pages) / cpu if cpu else float("inf"), len(pages) / wall


PARTS = ("_trafilatura", "_parse", "redraw", "_readability")  # html.py's steps timed apart


def speed(sets: list[str], split: str, limit: int | None, rounds: int) -> None:
    """Wiredesk's HTML clean() against trafilatura alone, alternated in one process."""
    import logging

    import trafilatura

    from tests.benchmarks.bench_clean_sets import load as load_set
    from tui.core.clean import clean
    from tui.core.clean import html as H
    from tui.core.model import RawDocument

    logging.disable(logging.CRITICAL)
    spent: dict[str, float] = {}

    def timed(name: str, fn):
        def run(*args):
            t0 = time.process_time()
            try:
                return fn(*args)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - t0
        return run

    originals = {name: getattr(H, name) for name in PARTS}
    needed = getattr(H, "fallback_needed", None)
    asked: list[bool] = []

    def counted(*args):
        asked.append(needed(*args))
        return asked[-1]
    print(f"ms per page, CPU of one core, fastest of {rounds} alternated rounds; "
          "floor = trafilatura inside + parse")
    print(f"{'set':<10} {'pages':>5} {'trafilatura':>11} {'wiredesk':>9} {'ratio':>6} "
          f"{'inside':>7} {'parse':>6} {'redraw':>7} {'readab.':>7} {'rest':>6} "
          f"{'floor':>6} {'fallback':>8}")
    for name in sets:
        pages = [src for _, _, src, _ in load_set(name, "html", split, limit)]
        if not pages:
            print(f"{name:<10} no pages (is ../shared/bench there?)")
            continue
        for src in pages[:2]:  # warm-up, untimed: imports and trafilatura's first-use tables
            trafilatura.extract(src, include_comments=False)
            clean(RawDocument("bench", src, "html"))
        best_t = best_w = float("inf")
        best_parts: dict[str, float] = {}
        best_asked = 0
        for _ in range(rounds):
            t0 = time.process_time()
            for src in pages:
                trafilatura.extract(src, include_comments=False)
            best_t = min(best_t, time.process_time() - t0)
            spent.clear()
            asked.clear()
            for part, fn in originals.items():
                setattr(H, part, timed(part, fn))
            if needed is not None:
                H.fallback_needed = counted
            try:
                t0 = time.process_time()
                for src in pages:
                    clean(RawDocument("bench", src, "html"))
                took = time.process_time() - t0
            finally:
                for part, fn in originals.items():
                    setattr(H, part, fn)
                if needed is not None:
                    H.fallback_needed = needed
            if took < best_w:
                best_w, best_parts, best_asked = took, dict(spent), sum(asked)
        n = len(pages)
        ms = {k: 1000 * v / n for k, v in best_parts.items()}
        rest = 1000 * best_w / n - sum(ms.values())
        floor = ms.get("_trafilatura", 0.0) + ms.get("_parse", 0.0)
        print(f"{name:<10} {n:>5} {1000 * best_t / n:>11.2f} {1000 * best_w / n:>9.2f} "
              f"{best_t / best_w:>5.2f}x {ms.get('_trafilatura', 0.0):>7.2f} "
              f"{ms.get('_parse', 0.0):>6.2f} {ms.get('redraw', 0.0):>7.2f} "
              f"{ms.get('_readability', 0.0):>7.2f} {rest:>6.2f} "
              f"{1000 * best_t / n / floor if floor else 0.0:>5.2f}x {best_asked / n:>8.0%}")


def main() -> None:
    if "-h" in sys.argv or "--help" in sys.argv:
        print(__doc__)
        return
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else None
    warnings.filterwarnings("ignore")
    if "--speed" in sys.argv:
        arg = (lambda flag, default: sys.argv[sys.argv.index(flag) + 1] if flag in sys.argv
               else default)
        speed(arg("--sets", "aeb,wcxb_dev").split(","), arg("--split", "even"), limit,
              int(arg("--rounds", "3")))
        return
    only = (sys.argv[sys.argv.index("--only") + 1].split(",") if "--only" in sys.argv
            else list(EXTRACTORS))
    sets = {k: load(k)[:limit] for k in ("text", "html")}
    print(f"aeb: {len(sets['text'])} pages, one process, pages in turn. 'cpu p/s' = pages per "
          "CPU second of one core (time.process_time); 'wall p/s' = pages per wall-clock "
          "second (time.perf_counter; lower when the machine is busy)")
    print(f"{'extractor':<20} {'F1 text':>8} {'F1 html':>8} {'text cpu p/s':>13} "
          f"{'text wall p/s':>14} {'html cpu p/s':>13} {'html wall p/s':>14}")
    for name in only:
        make = EXTRACTORS[name]
        ft, st, wt = score(make, "text", sets["text"])
        if name == "lines of 20+ words":
            print(f"{name:<20} {ft:>8.3f} {'-':>8} {st:>13.0f} {wt:>14.0f} {'-':>13} {'-':>14}")
            continue
        fh, sh, wh = score(make, "html", sets["html"])
        print(f"{name:<20} {ft:>8.3f} {fh:>8.3f} {st:>13.0f} {wt:>14.0f} {sh:>13.1f} {wh:>14.1f}")


if __name__ == "__main__":
    main()
