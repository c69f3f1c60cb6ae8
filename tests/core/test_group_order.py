"""Batches are an implementation detail: the order within a batch, and where batches start,
do not decide the stories; time of day as evidence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.group import GroupDoc, Grouper, Params, neighbours
from tui.core.group.features import content_order
from tui.core.group.timing import closeness, hour_of, timed

EVENTS = [
    "The city council approved the harbour tunnel budget on Tuesday after a long debate about "
    "costs, tolls and the schedule for construction near the old docks and ferry terminal",
    "Council members backed the harbour tunnel budget, with tolls for drivers and construction "
    "starting next spring near the old docks, after a debate about costs",
    "Harbour tunnel: council votes for the budget and tolls; the construction schedule near "
    "the docks and ferry terminal was debated for hours",
    "Wildfire smoke closed schools across the valley as firefighters fought the blaze in dry "
    "winds, and residents near the ridge were told to leave their homes",
    "Firefighters battled the valley wildfire in dry winds; smoke shut schools and the ridge "
    "neighbourhoods were evacuated overnight",
    "Valley wildfire: schools shut by smoke, ridge residents evacuated as firefighters face "
    "dry winds for a third day",
    "The chess championship final went to a tiebreak after the challenger held a drawn rook "
    "endgame, and the title will be decided by rapid games on Sunday",
    "Rapid games on Sunday will decide the chess championship after the challenger drew a rook "
    "endgame in the final classical game",
]

# Two reports of one event in different words, and a third that joins both: in one batch the
# three are one story; in two batches the first two must not stay apart.
BRIDGE = [
    "The city council approved the harbour tunnel budget on Tuesday after a long debate among "
    "members about costs, tolls and the schedule for the construction work near the old docks "
    "and ferry terminal",
    "Engineers warned that the harbour tunnel would flood during storms unless pumps were "
    "installed, according to a report released by the transport agency to residents living "
    "along the waterfront promenade",
    "The harbour tunnel budget approved by the city council includes pumps that engineers said "
    "would stop the tunnel flooding during storms, the transport agency report on costs and "
    "tolls for the docks and waterfront found",
]


def docs(texts: list[str], prefix: str = "a") -> list[GroupDoc]:
    return [GroupDoc(id=f"{prefix}{i}", title="", body=t, lang="en") for i, t in enumerate(texts)]


def stories(g: Grouper, ids: list[str]) -> dict[str, str]:
    return {i: g.story_of(i) for i in ids}


def partition(placed: dict[str, str]) -> set[frozenset[str]]:
    by: dict[str, set[str]] = {}
    for aid, sid in placed.items():
        by.setdefault(sid, set()).add(aid)
    return {frozenset(s) for s in by.values()}


def test_the_order_within_a_batch_is_fixed_by_content():
    a = content_order("t", "body", "2024-01-02", "en", None, "", "x1")
    b = content_order("t", "body", "2024-01-01T23:00", "en", None, "", "x2")
    assert b < a  # the earlier date first, whatever came first
    assert content_order("t", "body", None, "x") == content_order("t", "body", None, "x")
    assert content_order("t", "body", None, "x") != content_order("t", "other", None, "x")


@settings(max_examples=20, deadline=None)
@given(st.permutations(range(len(EVENTS))))
def test_one_batch_in_any_order_gives_the_same_stories_and_ids(order):
    reference = Grouper()
    reference.add_many(docs(EVENTS))
    shuffled = docs(EVENTS)
    g = Grouper()
    g.add_many([shuffled[i] for i in order])
    ids = [f"a{i}" for i in range(len(EVENTS))]
    assert stories(g, ids) == stories(reference, ids)
    assert len(set(stories(g, ids).values())) == 3


def test_a_later_batch_reopens_the_stories_it_bridges():
    p = Params(young=0)  # no young-group re-placement: only the neighbours are decided again
    whole = Grouper(params=p)
    whole.add_many(docs(BRIDGE))
    ids = ["a0", "a1", "a2"]
    assert len(set(stories(whole, ids).values())) == 1
    g = Grouper(params=p)
    g.add_many(docs(BRIDGE)[:2])
    assert g.story_of("a0") != g.story_of("a1")
    changes = g.add_many(docs(BRIDGE)[2:])
    assert partition(stories(g, ids)) == partition(stories(whole, ids))
    assert "a2" in changes and len(changes) == 2  # the one that moved is reported


def test_without_reopening_the_bridge_would_leave_two_stories():
    g = Grouper(params=Params(young=0, open_stories=0))
    g.add_many(docs(BRIDGE)[:2])
    g.add_many(docs(BRIDGE)[2:])
    assert len(set(stories(g, ["a0", "a1", "a2"]).values())) == 2


def test_corrected_stories_and_headlines_reopen_nothing():
    g = Grouper(params=Params(young=0))
    g.add_many(docs(BRIDGE)[:2])
    before = stories(g, ["a0", "a1"])
    g.corrections.separate("a0", "a1")  # the reader kept them apart: both stories stay
    g.add_many(docs(BRIDGE)[2:])
    assert stories(g, ["a0", "a1"]) == before
    h = Grouper(params=Params(young=0))
    h.add_many(docs(BRIDGE)[:2])
    headline = GroupDoc(id="h", title="Harbour tunnel budget approved", body="", lang="en")
    h.add_many([headline])
    entry = h.book.docs["h"]
    assert neighbours.reopen(h, [entry], [], {}) == ([], {})


def test_a_headline_reopens_only_when_it_has_a_time_of_day(monkeypatch):
    def grouper(date: str | None) -> tuple[Grouper, GroupDoc]:
        g = Grouper(params=Params(young=0))
        g.add_many([GroupDoc(id=f"a{i}", title="", body=t, lang="en", date="2014-03-10T10:00",
                             source=f"s{i}") for i, t in enumerate(BRIDGE[:2])])
        return g, GroupDoc(id="h", title="Harbour tunnel budget approved by city council",
                           body="", lang="en", date=date, source="s9")

    real, seen = neighbours.reopen, []

    def spy(*args):  # what the headline's ingest reopened (reopened articles are weighed again)
        seen.append(real(*args))
        return seen[-1]

    monkeypatch.setattr(neighbours, "reopen", spy)
    # (hours apart is no reason to leave a story as it is: one batch would decide it again)
    for date, reopens in (("2014-03-10T10:30", True), ("2014-03-10T18:00", True),
                          ("2014-03-10", False), (None, False)):
        g, headline = grouper(date)
        seen.clear()
        g.add_many([headline])
        assert bool(seen[-1][0]) is reopens, date


@settings(max_examples=15, deadline=None)
@given(st.permutations(range(len(BRIDGE))), st.integers(1, len(BRIDGE) - 1))
def test_two_batches_give_the_one_batch_stories(order, cut):
    p = Params(young=0)
    whole = Grouper(params=p)
    whole.add_many(docs(BRIDGE))
    ids = [f"a{i}" for i in range(len(BRIDGE))]
    placed = docs(BRIDGE)
    g = Grouper(params=p)
    g.add_many([placed[i] for i in order[:cut]])
    g.add_many([placed[i] for i in order[cut:]])
    assert partition(stories(g, ids)) == partition(stories(whole, ids))


def test_times_of_day_are_read_and_compared():
    p = Params(time_hours=3.0)
    assert hour_of("2014-03-10") is None and hour_of(None) is None and hour_of("soon") is None
    assert hour_of("2014-03-10T10:00:00Z") == hour_of("2014-03-10T12:00:00+02:00")
    assert closeness(p, "2014-03-10T10:00:00", "2014-03-10T10:00:00") == 1.0
    assert closeness(p, "2014-03-10T10:00:00", "2014-03-10T11:30:00") == pytest.approx(0.5)
    assert closeness(p, "2014-03-10T10:00:00", "2014-03-10T14:00:00") == 0.0
    assert closeness(p, "2014-03-10T10:00:00", "2014-03-10") == 0.0


PAIR = ("Apple unveils CarPlay at Geneva motor show",
        "Ferrari and Volvo show first cars with iPhone dashboard")


def _pair(second: str, source: str = "s2") -> Grouper:
    g = Grouper(params=Params(time_boost=1.0))
    g.add_many([
        GroupDoc(id="a", title=PAIR[0], body=PAIR[0], lang="en", date="2014-03-10T10:00:00",
                 source="s1"),
        GroupDoc(id="b", title=PAIR[1], body=PAIR[1], lang="en", date=second, source=source),
    ])
    return g


def test_headlines_minutes_apart_join_where_days_apart_do_not():
    near = _pair("2014-03-10T10:10:00")
    assert near.story_of("a") == near.story_of("b")
    assert any("10 minutes apart" in line for line in near.explain("b"))
    assert _pair("2014-03-14T10:10:00").story_of("a") != _pair("2014-03-14T10:10:00").story_of(
        "b")
    # one outlet stamping its items alike is no evidence
    same = _pair("2014-03-10T10:10:00", source="s1")
    assert same.story_of("a") != same.story_of("b")


def test_time_adds_nothing_where_nothing_is_shared():
    g = Grouper()
    g.add_many(docs(BRIDGE))
    a, b = g.book.docs["a0"], g.book.docs["a1"]
    a.date = b.date = "2014-03-10T10:00:00"
    assert timed(g.params, 0.0, a, b) == 0.0
    assert timed(g.params, 0.1, a, b) == pytest.approx(0.1 * (1 + g.params.time_boost))


def test_reopened_articles_are_weighed_as_one_batch_weighs_them(monkeypatch):
    """Weights fixed at arrival came from the articles before; reopened, an article is weighed
    with the frequencies known now, as one batch weighs it."""
    def vector(g: Grouper, aid: str) -> dict[str, float]:
        e = g.book.docs[aid]
        return {g.words.terms[t]: round(w, 5) for t, w in zip(e.terms, e.weights)}

    one = Grouper(params=Params(young=0))
    one.add_many(docs(BRIDGE + EVENTS[3:5]))
    real, seen = neighbours.reopen, []

    def spy(*args):
        seen.append(real(*args))
        return seen[-1]

    monkeypatch.setattr(neighbours, "reopen", spy)
    two = Grouper(params=Params(young=0))
    two.add_many(docs(BRIDGE + EVENTS[3:5])[:2])
    before = vector(two, "a0")
    two.add_many(docs(BRIDGE + EVENTS[3:5])[2:])
    assert {e.id for e in seen[-1][0]} >= {"a0", "a1"}  # the bridge reopened the two reports
    assert vector(two, "a0") != before
    for aid in ("a0", "a1"):
        assert vector(two, aid) == vector(one, aid)
