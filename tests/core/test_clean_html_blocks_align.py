"""Extracted lines placed in the page's words by a string search (no Textual)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.clean.html_align import ANCHOR, _Where, align
from tui.core.clean.html_page import Blocks

# Few distinct words, so runs repeat and prefixes overlap ("a b" inside "a bb").
_WORD = st.sampled_from(["a", "b", "bb", "ab", "c", "1"])


def _first(pw: list[str], run: list[str], cursor: int) -> int | None:
    """The first place of ``run`` at or after ``cursor``, else anywhere (read word by word)."""
    places = [k for k in range(len(pw) - len(run) + 1) if pw[k : k + len(run)] == run]
    later = [k for k in places if k >= cursor]
    return (later or places or [None])[0]


@given(
    st.lists(_WORD, max_size=40),
    st.lists(_WORD, min_size=1, max_size=ANCHOR),
    st.integers(min_value=0, max_value=45),
)
@settings(max_examples=400, deadline=None)
def test_a_run_is_found_where_a_word_by_word_reading_finds_it(pw, run, cursor):
    assert _Where(pw).find(run, cursor) == _first(pw, run, cursor)


def test_a_run_is_found_at_whole_words_only():
    where = _Where(["xa", "b", "c", "a", "b", "cx", "a", "b", "c"])
    assert where.find(["a", "b", "c"], 0) == 6


def test_the_first_place_after_the_cursor_wins_else_the_first_place():
    where = _Where(["a", "b", "c", "x", "a", "b", "c", "y"])
    assert where.find(["a", "b", "c"], 1) == 4
    assert where.find(["a", "b", "c"], 5) == 0
    assert where.find(["a", "b", "d"], 0) is None


def test_lines_follow_the_page_from_where_the_last_one_ended():
    page = Blocks(words="one two three four one two three five".split())
    page.block = [0] * len(page.words)
    got = align([["one", "two", "three", "four"], ["one", "two", "three", "five"]], page)
    assert got == [[0, 1, 2, 3], [4, 5, 6, 7]]
