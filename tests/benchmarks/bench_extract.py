"""Wiredesk's cleaner against trafilatura, readability-lxml and boilerpy3 on the aeb set.

usage: python3 tests/benchmarks/bench_extract.py [--limit N] [--only NAME,...]
Runs every extractor in this one process on the same pages and prints, per extractor, macro
F1 on the plain-text copies, macro F1 on the HTML pages, and speed on each as pages per CPU
second of one core (time.process_time) next to pages per wall-clock second (score_extract.py's
metric, reused from eval_clean). Plain text is handed to the DOM-based
tools as HTML with one <p> per line, which is the most any of them can make of it.
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


def main() -> None:
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else None
    only = (sys.argv[sys.argv.index("--only") + 1].split(",") if "--only" in sys.argv
            else list(EXTRACTORS))
    warnings.filterwarnings("ignore")
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
