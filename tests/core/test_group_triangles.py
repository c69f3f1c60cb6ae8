"""Links no look-up found: the pair an article links to most strongly is scored exactly
(``triangles.close_triangles``), so two tellings of one event that only a third article's
look-up connects are not counted as unrelated by average link."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from tui.core.group import GroupDoc, Grouper, Params, placing
from tui.core.group.model import DocEntry, Placement
from tui.core.group.triangles import close_triangles, exactly

BRIDGE = [
    GroupDoc(id="a", title="Harbour bridge closes after crack found in main cable",
             body="The harbour bridge closed on Monday after engineers found a crack in its main "
                  "cable; ferries will carry commuters until the city decides how long repairs "
                  "to the span should take, officials said.", lang="en"),
    GroupDoc(id="b", title="Engineers shut harbour bridge over cable crack",
             body="Inspectors found a crack in a main cable of the harbour bridge and shut it to "
                  "traffic, warning that steel wires inside the suspension cable had corroded "
                  "over decades of salt spray.", lang="en"),
    GroupDoc(id="c", title="Commuters crowd ferries as bridge stays shut",
             body="Ferries carried thousands of commuters on Monday while the harbour bridge "
                  "stayed closed for repairs, with queues at every pier and buses rerouted "
                  "through the tunnel downtown.", lang="en"),
]
OTHER = [GroupDoc(id=f"f{i}", title=f"{w} report {i}",
                  body=f"The {w} council met about {w} budget number {i} and parks.", lang="en")
         for i, w in enumerate(["school", "library", "tram", "museum", "stadium", "airport",
                                "hospital", "zoo", "market", "garden"])]


def _stories() -> dict[str, str]:
    # each look-up verifies one candidate besides the article itself: "c" finds "a", "a" and
    # "b" find each other, and no look-up scores "b" with "c"
    g = Grouper(params=Params(verify=2))
    g.add_many(OTHER + BRIDGE)
    return {d.id: g.story_of(d.id) for d in BRIDGE}


def test_an_article_linked_to_both_of_a_pair_joins_them_though_no_look_up_scored_it_with_one():
    stories = _stories()
    assert len(set(stories.values())) == 1


def test_without_the_closing_link_the_third_telling_stays_apart(monkeypatch):
    # the same grouping with the pair left unscored (counted as zero): "c" is left alone, so
    # the test above holds because of the closing link
    monkeypatch.setattr(placing, "close_triangles", lambda *args, **kw: 0)
    stories = _stories()
    assert stories["a"] == stories["b"] != stories["c"]


def test_the_pair_of_the_two_strongest_links_is_scored_when_unlinked():
    edges = {(1, 2): 0.30, (1, 3): 0.25, (1, 4): 0.12}
    asked = []

    def score(a, b):
        asked.append((a, b))
        return 0.2

    slots = list(range(6))
    assert close_triangles(edges, {1, 2, 3, 4}, slots, 0.05, 0.1, score) == 1
    assert edges[(2, 3)] == 0.2 and asked == [(2, 3)]  # not (2, 4) nor (3, 4): weaker links


def test_links_too_weak_known_pairs_low_scores_and_earlier_articles_add_nothing():
    slots = list(range(6))
    weak = {(1, 2): 0.09, (1, 3): 0.30}
    assert close_triangles(weak, {1, 2, 3}, slots, 0.05, 0.1, lambda a, b: 0.9) == 0
    known = {(1, 2): 0.3, (1, 3): 0.3, (2, 3): 0.06}
    assert close_triangles(known, {1, 2, 3}, slots, 0.05, 0.1, lambda a, b: 0.9) == 0
    assert known[(2, 3)] == 0.06
    low = {(1, 2): 0.3, (1, 3): 0.3}
    assert close_triangles(low, {1, 2, 3}, slots, 0.05, 0.1, lambda a, b: 0.04) == 0
    assert (2, 3) not in low
    old = {(1, 2): 0.3, (1, 3): 0.3}  # 3 is an earlier story's node, not placed now
    assert close_triangles(old, {1, 2}, slots, 0.05, 0.1, lambda a, b: 0.9) == 0


@given(st.dictionaries(st.tuples(st.integers(0, 12), st.integers(0, 12)).filter(
    lambda p: p[0] < p[1]), st.floats(0.0, 1.0), max_size=40), st.randoms())
def test_the_links_added_do_not_depend_on_the_order_of_the_links(edges, rnd):
    def score(a, b):
        return ((a * 7 + b * 13) % 10) / 10

    slots = list(range(13))
    first = dict(edges)
    close_triangles(first, set(range(10)), slots, 0.05, 0.1, score)
    items = list(edges.items())
    rnd.shuffle(items)
    second = dict(items)
    close_triangles(second, set(range(10)), slots, 0.05, 0.1, score)
    assert first == second


def test_the_added_links_cost_at_most_one_score_per_article():
    rnd = random.Random(5)
    edges = {(a, b): rnd.random() for a in range(60) for b in range(a + 1, 60) if rnd.random() < .2}
    calls = []
    close_triangles(edges, set(range(60)), list(range(60)), 0.05, 0.1,
                    lambda a, b: calls.append((a, b)) or 0.5)
    assert len(calls) <= 60 and len(set(calls)) == len(calls)


def test_a_link_to_an_earlier_story_ranks_with_the_rest_and_closes_no_pair():
    # 1's two strongest links: 2 (new) and 9 (a member of an earlier story); one batch would
    # close 2-9, which batches cannot; they must not close the weaker 2-3 instead
    slots = list(range(10))
    edges = {(1, 2): 0.30, (1, 3): 0.15}
    assert close_triangles(edges, {1, 2, 3}, slots, 0.05, 0.1, lambda a, b: 0.9,
                           {1: [(0.25, 9)]}) == 0
    assert (2, 3) not in edges
    # weaker than both new links, it changes nothing
    edges = {(1, 2): 0.30, (1, 3): 0.15}
    assert close_triangles(edges, {1, 2, 3}, slots, 0.05, 0.1, lambda a, b: 0.9,
                           {1: [(0.12, 9)]}) == 1
    assert edges[(2, 3)] == 0.9


def _entry(slot: int, day: int | None, terms: list[int], weights: list[float]) -> DocEntry:
    from array import array

    return DocEntry(id=str(slot), slot=slot, title="", lead="", source=None, origin="",
                    lang="en", group="en", day=day, date=None, terms=array("i", terms),
                    weights=array("f", weights), cross=array("i"), cross_norm=(1.0, 0.0),
                    placement=Placement(story=""), counted=(array("i"), array("i")))


def test_the_pair_is_scored_by_its_cosine_and_not_across_the_days_look_ups_keep_apart():
    seen = []
    score = exactly(lambda raw, a, b: seen.append(raw) or raw - 0.1, 7)
    a = _entry(0, 100, [1, 2], [0.6, 0.8])
    b = _entry(1, 103, [2, 3], [0.6, 0.8])
    assert abs(score(a, b) - (0.8 * 0.6 - 0.1)) < 1e-6
    assert abs(seen[0] - 0.48) < 1e-6
    far = _entry(2, 120, [2, 3], [0.6, 0.8])
    undated = _entry(3, None, [2, 3], [0.6, 0.8])
    assert score(a, far) == 0.0 and len(seen) == 1
    assert abs(score(a, undated) - 0.38) < 1e-6
