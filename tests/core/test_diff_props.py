"""Properties of the diff engine (hypothesis): identity, patching, moves, complete alignment."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.diff import apply_changes, compare
from tui.core.diff.text import tokens

WORDS = (
    "Japan",
    "Canada",
    "talks",
    "pact",
    "said",
    "the",
    "a",
    "of",
    "minister",
    "Tokyo",
    "2022",
    "\u201cfree\u201d",
    "don't",
    "security",
    "cooperation",
    "-",
    "new",
    "on",
)
FIRST = ("Japan", "Canada", "The", "Officials", "Tokyo")
sentence = st.tuples(
    st.sampled_from(FIRST),
    st.lists(st.sampled_from(WORDS), max_size=11),
    st.sampled_from(".!?"),
).map(lambda t: " ".join([t[0], *t[1]]) + t[2])
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
text = st.lists(paragraph, min_size=0, max_size=6).map("\n\n".join)


def toks(xs: list[str]) -> list[list[str]]:
    return [[t[2] for t in tokens(x)] for x in xs]


@settings(max_examples=150)
@given(text)
def test_a_against_a_has_no_changes(a):
    c = compare(a, a)
    assert c.changes == []
    assert all(r.kind == "same" for r in c.rows)


@settings(max_examples=200)
@given(text, text)
def test_changes_applied_to_a_give_b(a, b):
    c = compare(a, b)
    assert toks(apply_changes(c)) == toks([s.text for s in c.b])


@settings(max_examples=200)
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


@settings(max_examples=200)
@given(st.lists(sentence, min_size=1, max_size=12), st.data())
def test_patch_of_an_edited_copy(sents, data):
    """B made from A by deleting, inserting, editing and moving sentences: the patch rebuilds it."""
    b = list(sents)
    for _ in range(data.draw(st.integers(0, 5))):
        op = data.draw(st.sampled_from(["delete", "insert", "edit", "move"]))
        if not b and op != "insert":
            continue
        k = data.draw(st.integers(0, max(0, len(b) - 1)))
        if op == "delete":
            b.pop(k)
        elif op == "insert":
            b.insert(k, data.draw(sentence))
        elif op == "edit":
            b[k] = b[k].replace(" ", " new ", 1) if " " in b[k] else b[k] + " new."
        else:
            b.insert(data.draw(st.integers(0, len(b) - 1)), b.pop(k))
    c = compare(" ".join(sents), " ".join(b))
    assert toks(apply_changes(c)) == toks([s.text for s in c.b])
    assert compare(" ".join(sents), " ".join(sents)).changes == []


COSMETIC = [
    ('"', "\u201c"),
    ('"', "\u201d"),
    ("'", "\u2019"),
    (" - ", " \u2014 "),
    (" - ", "--"),
    ("...", "\u2026"),
]
REWRAP = [None, " \n", "  ", "\n", " \t"]


@settings(max_examples=150)
@given(text, st.lists(st.sampled_from(COSMETIC), max_size=4), st.sampled_from(REWRAP))
def test_cosmetic_edits_are_no_change(a, swaps, space):
    """Re-wrapping, spacing, curly or straight quotes and dash styles are not changes."""
    b = a
    for old, new in swaps:
        b = b.replace(old, new)
    if space:
        b = b.replace(" ", space)
    assert compare(a, b).changes == []


CHARS = list(
    "ab Z.!?,;:\"'-_0\u2026\u2014\u2013\u201c\u201d\u2019\u00ab\u00bb\u00a0\u6771\u4eac\u00e9\u064e"
)


@settings(max_examples=400)
@given(st.lists(st.sampled_from(CHARS), max_size=40).map("".join))
def test_tokens_point_at_their_own_text(s):
    """Each token's place in the sentence holds the text it stands for, normalised."""
    from tui.core.diff.text import norm

    s = " ".join(s.split())
    found = tokens(s)
    assert all(norm(s[a:b]) == tok and tok for a, b, tok in found)
    assert [a for a, _, _ in found] == sorted(a for a, _, _ in found)


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(CHARS), max_size=30).map("".join),
    st.lists(st.sampled_from(CHARS), max_size=30).map("".join),
)
def test_word_spans_cover_both_sentences(a, b):
    from tui.core.diff.words import word_diff

    a, b = " ".join(a.split()), " ".join(b.split())
    wd = word_diff(a, b)
    assert "".join(t for t, _ in wd.lspans) == a
    assert "".join(t for t, _ in wd.rspans) == b
