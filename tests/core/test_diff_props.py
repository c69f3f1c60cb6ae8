"""Properties of the diff engine (hypothesis): identity, patching, moves, complete alignment."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.diff import apply_changes, compare
from tui.core.diff.text import tokens

WORDS = ("Japan", "Canada", "talks", "pact", "said", "the", "a", "of", "minister", "Tokyo",
         "2022", "\u201cfree\u201d", "don't", "security", "cooperation", "-", "new", "on")
sentence = st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12),
                     st.sampled_from(".!?")).map(lambda t: " ".join(t[0]).capitalize() + t[1])
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
text = st.lists(paragraph, min_size=0, max_size=6).map("\n\n".join)


def toks(xs: list[str]) -> list[list[str]]:
    return [[t[2] for t in tokens(x)] for x in xs]


@settings(max_examples=150, deadline=None)
@given(text)
def test_a_against_a_has_no_changes(a):
    c = compare(a, a)
    assert c.changes == []
    assert all(r.kind == "same" for r in c.rows)


@settings(max_examples=200, deadline=None)
@given(text, text)
def test_changes_applied_to_a_give_b(a, b):
    c = compare(a, b)
    assert toks(apply_changes(c)) == toks([s.text for s in c.b])


@settings(max_examples=200, deadline=None)
@given(st.lists(paragraph, min_size=2, max_size=6), st.data())
def test_moves_reported_once_and_alignment_complete(paras, data):
    order = data.draw(st.permutations(range(len(paras))))
    edited = list(paras)
    if data.draw(st.booleans()):
        k = data.draw(st.integers(0, len(paras) - 1))
        edited[k] = edited[k].replace("the", "this", 1)
    c = compare("\n\n".join(paras), "\n\n".join(edited[i] for i in order))
    moves = [k for k, ch in enumerate(c.changes) if ch.kind == "move"]
    for k in moves:
        rows = [r for r in c.rows if r.change == k]
        assert len(rows) == 2, "a move is one change shown at both ends"
    assert len({(c.changes[k].left) for k in moves}) == len(moves)
    # every sentence of each side appears on exactly one row, in order
    assert [r.left for r in c.rows if r.left is not None] == list(range(len(c.a)))
    assert [r.right for r in c.rows if r.right is not None] == list(range(len(c.b)))
