"""A later batch decides again the stories its new articles resemble and, one step further,
the stories *their* members resemble: an earlier story left as it was beside them would be
linked only by what their look-ups find (about half of what one batch finds), and pieces of
large stories stayed apart (uci in batches of 100)."""

from __future__ import annotations

import pytest
from test_group_order import EVENTS, partition

from tui.core.group import GroupDoc, Grouper, Params, neighbours, touched

STRIKE = [
    "Miners at the Kestrel copper pit walked out on Monday over pay, and the union said the "
    "strike would last until the owners offered a new contract for the night shifts",
    "The Kestrel copper strike entered its second day as the union and the owners argued over "
    "pay for night shifts at the pit, with no talks planned",
    "Copper prices rose in London on Monday after miners at the Kestrel pit walked out, while "
    "aluminium and zinc were steady in quiet trading before the holiday weekend in Asia",
]
LATER = ("Union leaders said the strike over night shift pay would go on after the owners' new "
         "offer was rejected at a meeting of the union on Wednesday evening")
FIRE = {"e3", "e4", "e5"}  # the wildfire story: only the members of reopened stories reach it


def first_batch() -> list[GroupDoc]:
    return ([GroupDoc(id=f"e{i}", title="", body=t, lang="en") for i, t in enumerate(EVENTS)]
            + [GroupDoc(id=f"s{i}", title="", body=t, lang="en") for i, t in enumerate(STRIKE)])


def reopened_by_later(monkeypatch, params: Params) -> tuple[Grouper, list[str]]:
    real, seen = neighbours.reopen, []

    def spy(*args):
        out = real(*args)
        seen.append(sorted(e.id for e in out[0]))
        return out

    monkeypatch.setattr(neighbours, "reopen", spy)
    g = Grouper(params=params)
    g.add_many(first_batch())
    seen.clear()
    g.add_many([GroupDoc(id="x", title="", body=LATER, lang="en")])
    return g, seen[-1]


def test_stories_the_reopened_members_resemble_are_decided_again_too(monkeypatch):
    g, reopened = reopened_by_later(monkeypatch, Params(young=0))
    assert {"s0", "s1", "s2"} <= set(reopened)  # what the new article resembles
    assert FIRE <= set(reopened)  # ... and, one step further, what those resemble
    whole = Grouper(params=Params(young=0))
    whole.add_many([*first_batch(), GroupDoc(id="x", title="", body=LATER, lang="en")])
    ids = [d.id for d in first_batch()] + ["x"]
    assert partition({i: g.story_of(i) for i in ids}) == partition(
        {i: whole.story_of(i) for i in ids})


def test_without_the_second_step_only_the_resembled_stories_are_reopened(monkeypatch):
    monkeypatch.setattr(touched, "STEPS", 0)
    _, reopened = reopened_by_later(monkeypatch, Params(young=0))
    assert {"s0", "s1", "s2"} <= set(reopened) and not FIRE & set(reopened)


@pytest.mark.parametrize("budget", [2, 4])
def test_the_budget_and_the_size_limit_hold_for_both_steps(monkeypatch, budget):
    monkeypatch.setattr(neighbours, "OPEN_BUDGET", budget)
    _, reopened = reopened_by_later(monkeypatch, Params(young=0))
    assert len(reopened) <= budget
    _, reopened = reopened_by_later(monkeypatch, Params(young=0, open_size=2))
    assert not {"s0", "s1", "s2"} & set(reopened) and not FIRE & set(reopened)
