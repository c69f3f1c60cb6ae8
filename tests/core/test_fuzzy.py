"""Typo-tolerant search (tui.core.fuzzy) and the query filter that uses it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core import fuzzy

WORDS = fuzzy.vocabulary("japan, canada to formally begin intelligence sharing talks",
                         "foreign minister yoshimasa hayashi and melanie joly")


def test_typos_are_forgiven_in_proportion_to_length():
    assert fuzzy.term_matches("japn", WORDS)  # a letter left out
    assert fuzzy.term_matches("canda", WORDS)
    assert fuzzy.term_matches("jolly", WORDS)  # a letter doubled
    assert fuzzy.term_matches("intelligance", WORDS)  # a wrong vowel
    assert fuzzy.term_matches("intellignece", WORDS)  # two letters swapped
    assert not fuzzy.term_matches("jap", WORDS)  # short words must match as typed
    assert not fuzzy.term_matches("japanese", WORDS)
    assert not fuzzy.term_matches("tokyo", WORDS)


def test_matches_all_needs_every_term():
    texts = ("japan, canada to formally begin", "joly and hayashi")
    assert fuzzy.matches_all(["japn", "canda"], *texts)
    assert fuzzy.matches_all(["hayashi", "jolly"], *texts)
    assert not fuzzy.matches_all(["japn", "tokyo"], *texts)
    assert fuzzy.matches_all(["formal"], *texts)  # a part of a word, as typed


@given(st.sampled_from(sorted(w for w in WORDS if len(w) >= 4)),
       st.integers(min_value=0, max_value=50))
def test_one_edit_is_always_forgiven_from_four_letters(word, pos):
    i = pos % len(word)
    dropped = word[:i] + word[i + 1:]
    if len(dropped) >= fuzzy.MIN_LEN:
        assert fuzzy.term_matches(dropped, WORDS)


def test_search_on_the_demo_finds_what_it_should(tmp_path):
    from tui.cli.app_cmd import load_samples
    from tui.core.query import parse
    from tui.core.workspace import Workspace

    ws = Workspace.open(tmp_path / "ws")
    load_samples(ws)

    def found(q: str) -> int:
        flt = parse(q)
        return sum(1 for a in ws.articles() if flt.matches(a, None, ws.body(a)))

    japanese = sum(1 for a in ws.articles() if "Japan" in a.title)
    assert found("Japn Canda") == found("Japan Canada") >= japanese >= 3
    assert found("Hayashi Jolly") == found("Hayashi Joly") >= 3
    assert found("intelligance") == found("intelligence") >= 4
    assert found("zzzz qqqq") == 0
