"""Session 34: a word search ranks an exact match in a title above typos found in long pages.

Before, a search for "joly" listed three long festival pages saying "jolly" (a typo's
distance, forgiven) above the story titled "Joly meets Hayashi": the list's order (biggest
first) was the only order."""

from __future__ import annotations

import pytest

from tests.desk.rank_corpus import JOLY, build_ranked
from tui.cli import main
from tui.core.query import parse
from tui.core.workspace import Workspace


@pytest.fixture(scope="module")
def ranked_root(tmp_path_factory):
    return build_ranked(tmp_path_factory)


def _ranked(ws, query: str):
    from tui.desk.select import ranked, select  # (ranked is new: each test fails on its own)

    flt = parse(query)
    return ranked(select(ws, flt), flt, ws), select(ws, flt)


@pytest.mark.parametrize("lazy", [True, False], ids=["index", "read whole"])
@pytest.mark.parametrize("query", ["joly", "Joly", '"joly meets"', "hayashi joly"])
def test_an_exact_title_match_comes_first(ranked_root, lazy, query):
    ws = Workspace.open(ranked_root, lazy=lazy)
    listing, unranked = _ranked(ws, query)
    # the case guards the ranking: without it, the festival (found through "jolly") is first
    assert len(unranked.stories) == 2 and unranked.stories[0].title != JOLY
    titles = [s.title for s in listing.stories]
    assert titles[0] == JOLY and len(titles) == 2  # the typo still finds the festival: after
    for sort in ("newest", "unread", "size"):  # whatever the list's sort
        assert unranked.ordered(sort).stories[0].title != JOLY or sort == "unread"
        assert listing.ordered(sort).stories[0].title == JOLY


def test_a_title_word_ranks_its_story_above_a_body_holding_it(ranked_root):
    ws = Workspace.open(ranked_root, lazy=True)
    listing, unranked = _ranked(ws, "trade")  # in both stories, in the title of one
    assert unranked.stories[0].title != JOLY
    assert [s.title for s in listing.stories][0] == JOLY
    listing, _ = _ranked(ws, "crowds")
    assert len(listing.stories) == 1 and listing.stories[0].title.startswith("Harvest")


def test_stories_filter_on_the_command_line(ranked_root, capsys):
    capsys.readouterr()
    assert main(["-w", str(ranked_root), "stories", "--no-pager", "--filter", "joly"]) == 0
    out = capsys.readouterr().out
    assert out.index(JOLY) < out.index("Harvest festival")
