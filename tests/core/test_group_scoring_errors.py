"""The error listing of the grouping evaluator (``eval_group.py --errors``): which pairs are
wrongly joined and which are missed, with the texts to read before forming a hypothesis."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from eval_group import error_report, evaluate, wrong_pairs  # noqa: E402

from tui.core.group import GroupDoc, Grouper, Params  # noqa: E402

_ROWS = [
    {"id": "a", "lang": "en", "cluster": "claims-1", "title": "Jobless claims fall to 684,000",
     "text": "The number of Americans filing first-time jobless claims fell to 684,000 last "
             "week, the Labor Department said on Thursday."},
    {"id": "b", "lang": "en", "cluster": "claims-2", "title": "Jobless claims fall to 684,000",
     "text": "The number of Americans filing first-time jobless claims fell to 684,000 last "
             "week, the Labor Department said on Thursday, as economists expected."},
    {"id": "c", "lang": "en", "cluster": "claims-1",
     "title": "Harbour bridge reopens after repairs",
     "text": "The harbour bridge reopened on Monday after six weeks of repairs, the city "
             "council said."},
]


def test_wrong_pairs_tells_false_joins_from_misses():
    pred = {"a": "s1", "b": "s1", "c": "s2", "d": "s2"}
    gold = {"a": "x", "b": "y", "c": "x", "d": "y"}
    joined, missed = wrong_pairs(pred, gold)
    assert joined == [("a", "b"), ("c", "d")]
    assert missed == [("a", "c"), ("b", "d")]
    assert wrong_pairs(gold, gold) == ([], [])


def test_error_report_lists_both_kinds_with_texts_and_similarity():
    g = Grouper(params=Params())
    g.add_many([GroupDoc(id=r["id"], title=r["title"], body=r["text"], lang="en",
                         origin=f"bench:{r['id']}") for r in _ROWS])
    pred = {r["id"]: g.story_of(r["id"]) for r in _ROWS}
    assert pred["a"] == pred["b"] != pred["c"]  # the scenario: one false join, one miss
    lines = error_report(_ROWS, pred, g)
    assert "# FALSE JOIN: 1 pairs" in lines and "# MISSED: 1 pairs" in lines
    joined = lines[lines.index("# FALSE JOIN: 1 pairs") + 1]
    assert joined.startswith("== FALSE JOIN similarity ") and "gold claims-1 / claims-2" in joined
    assert float(joined.split()[4].rstrip(";")) > 0.5
    text = "\n".join(lines)
    assert "Harbour bridge reopens after repairs" in text and "684,000 last week" in text


def test_evaluate_writes_the_report(tmp_path):
    out = tmp_path / "errors.txt"
    result = evaluate(_ROWS, Params(), errors=str(out))
    assert result["n"] == 3
    written = out.read_text(encoding="utf-8")
    assert "# FALSE JOIN: 1 pairs" in written and "# MISSED: 1 pairs" in written
