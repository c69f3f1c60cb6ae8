"""Where the cleaner loses paragraphs (score_paragraphs.py's metric) on one set and half.

usage: python3 tests/benchmarks/para_losses.py [--set wcxb_dev] [--input html]
       [--type article] [--split even|odd|all] [--save FILE | --load FILE] [--worst N]

Cleans the pages in this process (or reads bodies ``--save`` kept) and splits the
paragraph F1's loss into kinds, each a macro share (summed over pages, 1/|gold| per gold
paragraph or 1/|output| per output paragraph, divided by the pages):
- ``fragment``: an output paragraph lying whole inside a gold paragraph's words or spanning
  several (a cut or a join that the words alone would fix);
- ``near``: one whose words differ from an unmatched gold paragraph's by under a fifth
  (a list number, a glued heading, a changed word);
- ``absent``: one with no such gold paragraph (furniture kept, or a paragraph missed),
  short (six words or fewer) or long.
It prints what perfect cuts and joins of the output's own words would reach (``oracle``)
and what ignoring a leading number word would (the gold numbers some ordered lists and not
others). The loss is read per page, with the gold as drafted: so far these shares showed
the gold following a page's source line ends on some sites and not on others, and joining
separate ``<p>`` elements now and then; see the session notes before building on a kind.
Reads ``../shared/bench/extract`` (or $WIREDESK_SHARED). Not a pytest test.
"""

from __future__ import annotations

import collections
import difflib
import json
import re
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.benchmarks.bench_clean_sets import _norm, load  # noqa: E402

Counter = collections.Counter
NEAR = 0.8  # word-sequence similarity above which an unmatched paragraph is "near"
SHORT = 6  # words: an absent paragraph this long or shorter is "short"
_LEAD = re.compile(r"^\d{1,3} ")


def opt(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def f1(gold: list[str], out: list[str]) -> float:
    """score_paragraphs.py's per-page F1 of normalised paragraphs."""
    g, p = Counter(gold), Counter(out)
    hit = sum((g & p).values())
    P, R = hit / max(1, sum(p.values())), hit / max(1, sum(g.values()))
    return 2 * P * R / (P + R) if P + R else 0.0


def paragraphs(body: str) -> list[str]:
    return [n for n in (_norm(b) for b in re.split(r"\n\s*\n", body or "")) if n]


def joined(gold: list[str], out: list[str]) -> list[str]:
    """``out`` with runs of unmatched paragraphs joined where the run is a gold paragraph."""
    wanted, res, k = set(gold), [], 0
    while k < len(out):
        m = next(
            (
                m
                for m in range(k + 2, min(len(out), k + 12) + 1)
                if out[k] not in wanted and " ".join(out[k:m]) in wanted
            ),
            None,
        )
        res.append(" ".join(out[k:m]) if m else out[k])
        k = m or k + 1
    return res


def cut(gold: list[str], out: list[str]) -> list[str]:
    """``out`` with each unmatched paragraph cut around the gold paragraphs it holds whole."""
    wanted, res = set(gold), []
    for o in out:
        inside = [g for g in wanted if g != o and f" {g} " in f" {o} "] if o not in wanted else []
        text = f" {o} "
        for g in sorted(inside, key=len, reverse=True):
            text = text.replace(f" {g} ", " \x00" + g.replace(" ", "\x01") + "\x00 ", 1)
        res.extend(p.strip().replace("\x01", " ") for p in text.split("\x00") if p.strip())
    return res


def kinds(gold: list[str], out: list[str]) -> Counter:
    """This page's loss by kind (see the module's docstring)."""
    loss: Counter = Counter()
    g_left, o_left = Counter(gold) - Counter(out), Counter(out) - Counter(gold)
    for side, mine, theirs, left, size in (
        ("gold", gold, out, g_left, len(gold)),
        ("out", out, gold, o_left, len(out)),
    ):
        whole = f" {' '.join(theirs)} "
        others = [t for t in theirs if t not in Counter(mine)]
        for p in left.elements():
            if f" {p} " in whole:
                kind = "fragment"
            elif any(
                difflib.SequenceMatcher(None, p.split(), t.split(), autojunk=False).ratio() > NEAR
                for t in others
            ):
                kind = "near"
            else:
                kind = "absent short" if len(p.split()) <= SHORT else "absent long"
            loss[f"{side} {kind}"] += 1 / max(1, size)
    return loss


def main() -> None:
    name, kind, split = opt("--set", "wcxb_dev"), opt("--input", "html"), opt("--split", "all")
    want = opt("--type", "article")
    if "--load" in sys.argv:
        kept = json.loads(Path(opt("--load", "")).read_text(encoding="utf-8"))
        bodies = {i: b if isinstance(b, str) else b[1] for i, b in kept.items()}
        pages = [(i, t, "", g) for i, t, _, g in load(name, kind, split) if i in bodies]
    else:
        import logging
        import warnings

        from tui.core.clean import clean
        from tui.core.model import RawDocument

        warnings.filterwarnings("ignore")
        logging.disable(logging.CRITICAL)
        pages = load(name, kind, split)
        bodies = {
            i: clean(RawDocument("loss", src, kind)).body or ""
            for i, t, src, _ in pages
            if want == "all" or t == want
        }
    if "--save" in sys.argv:
        Path(opt("--save", "")).write_text(json.dumps(bodies), encoding="utf-8")
    rows, loss = [], Counter()
    scores: dict[str, list[float]] = collections.defaultdict(list)
    for i, t, _, gold_text in pages:
        if i not in bodies or (want != "all" and t != want):
            continue
        gold = [n for n in map(_norm, gold_text.splitlines()) if n]
        out = paragraphs(bodies[i])
        base = f1(gold, out)
        scores["F1"].append(base)
        scores["oracle joins"].append(f1(gold, joined(gold, out)))
        scores["oracle cuts"].append(f1(gold, cut(gold, out)))
        scores["oracle both"].append(f1(gold, cut(gold, joined(gold, out))))
        scores["numbers ignored"].append(
            f1([_LEAD.sub("", g) for g in gold], [_LEAD.sub("", o) for o in out])
        )
        page = kinds(gold, out)
        loss.update(page)
        rows.append((1 - base, i, len(gold), len(out), page))
    n = len(rows)
    print(f"{name}/{want} {kind} split {split}: {n} pages")
    print("  ".join(f"{k} {statistics.mean(v):.4f}" for k, v in scores.items()))
    for k in sorted(loss):
        print(f"  {k:<20} {loss[k] / max(1, n):.4f}")
    for lost, i, ng, no, page in sorted(rows, reverse=True)[: int(opt("--worst", "0"))]:
        top = ", ".join(f"{k} {v:.2f}" for k, v in page.most_common(3))
        print(f"{i}  lost {lost:.2f}  gold {ng} out {no}  {top}")


if __name__ == "__main__":
    main()
