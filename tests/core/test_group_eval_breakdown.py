"""The loss breakdown of the grouping evaluator (``eval_group.py --breakdown``): where B3's
precision and recall are lost, and whether an article left alone had its gold partner among
its look-up's candidates."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from eval_group import bcubed, breakdown_report, loss_breakdown, partner_ranks  # noqa: E402

from tui.core.group import GroupDoc, Grouper, Params  # noqa: E402


def test_a_known_partition_loses_what_b3_says_by_kind():
    gold = dict.fromkeys("abc", "x") | dict.fromkeys("def", "y")
    pred = {"a": "1", "b": "1", "c": "2", "d": "2", "e": "3", "f": "3"}
    parts = loss_breakdown(pred, gold)
    # the one mixed story {c, d}: each member is half right; the others are pure
    assert parts["precision"] == {(2, (2,)): [2, 0.0], (2, (1, 1)): [1, 1 / 6]}
    # both gold stories are split 2 + 1: 1/3 + 1/3 + 2/3 lost each, over 6 articles
    assert list(parts["recall"]) == [(2, 1)]
    stories, lost = parts["recall"][(2, 1)]
    assert stories == 2 and abs(lost - 8 / 18) < 1e-12
    lines = breakdown_report(pred, gold)
    assert lines[0].startswith("whole (6 articles") and "(2, (1, 1)): 1 stories -0.1667" in lines[1]


@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), min_size=1, max_size=30))
def test_the_losses_add_up_to_one_minus_precision_and_recall(labels):
    pred = {i: f"p{p}" for i, (p, _) in enumerate(labels)}
    gold = {i: f"g{g}" for i, (_, g) in enumerate(labels)}
    P, R, _ = bcubed(pred, gold)
    parts = loss_breakdown(pred, gold)
    assert abs(sum(v[1] for v in parts["precision"].values()) - (1 - P)) < 1e-9
    assert abs(sum(v[1] for v in parts["recall"].values()) - (1 - R)) < 1e-9
    assert sum(v[0] for v in parts["recall"].values()) == len(set(gold.values()))
    assert sum(v[0] for v in parts["precision"].values()) == len(set(pred.values()))


_ROWS = [
    ("x1", "x", "Harbour bridge reopens after repairs",
     "The Kalvara harbour bridge reopened on Monday after six weeks of repairs."),
    ("x2", "x", "Harbour bridge reopening delayed again",
     "Reopening of the Kalvara harbour bridge was delayed, the city council said."),
    ("y1", "y", "Jobless claims fall to 684,000",
     "First-time jobless claims fell to 684,000 last week, the Labor Department said."),
    ("z1", "z", "Orchestra opens winter season",
     "Symphony by Sibelius opened winter concerts."),  # (no word in common with z2)
    ("z2", "z", "Volcano erupts near fishing villages",
     "Ash covered three fishing villages along northern coast."),
]


def _grouped(params: Params) -> tuple[Grouper, dict, dict]:
    g = Grouper(params=params)
    g.add_many([GroupDoc(id=i, title=t, body=b, lang="en", origin=f"bench:{i}")
                for i, _, t, b in _ROWS])
    return g, {i: g.story_of(i) for i, *_ in _ROWS}, {i: c for i, c, *_ in _ROWS}


def test_partner_ranks_finds_the_partner_of_an_article_left_alone():
    # a bar no pair reaches: everything alone; x1 and x2 find each other first, z1 and z2
    # share no word (not found); y1 has no gold partner and is not counted
    g, pred, gold = _grouped(Params(join=5.0, join_short=5.0))
    assert len(set(pred.values())) == len(_ROWS)
    ranks = partner_ranks(g, pred, gold)
    assert ranks == {0: 2, None: 2}
    line = breakdown_report(pred, gold, ranks)[-1]
    assert line.startswith("alone with gold partners: 4;") and "0: 2, not found: 2" in line


def test_partner_ranks_leaves_out_articles_that_joined():
    g, pred, gold = _grouped(Params())
    assert pred["x1"] == pred["x2"]
    ranks = partner_ranks(g, pred, gold)
    assert ranks == {None: 2}


def test_calibration_counts_each_looked_up_pair_once_by_link_and_evidence():
    from eval_group import calibration

    g, _, gold = _grouped(Params())
    lines = calibration(g, gold)
    assert lines[0].startswith("link bin:")
    rows = []
    for line in lines[1:]:  # "  0.48: all 1 1.00; day - 1 1.00; rank best 1 1.00"
        row = {}
        for part in line.split(": ", 1)[1].split("; "):
            name, n, share = part.rsplit(" ", 2)
            row[name] = (int(n), share)
        rows.append(row)
    # x1 and x2 (one gold story) are each other's best match: one pair, joined by gold;
    # only x1 names a day of the week
    joined = [r for r in rows if r["all"][1] == "1.00"]
    assert joined == [{"all": (1, "1.00"), "day -": (1, "1.00"), "rank best": (1, "1.00")}]
    for r in rows:  # every pair counted once in each split
        assert sum(n for k, (n, _) in r.items() if k.startswith("day ")) == r["all"][0]
        assert sum(n for k, (n, _) in r.items() if k.startswith("rank ")) == r["all"][0]
