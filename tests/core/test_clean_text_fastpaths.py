"""The plain-text cleaner's shortcuts give the answers of the slow paths they spare.

Each shortcut (a cheaper test run first, a search over less text) is checked against the
plain computation it replaces, on generated input: a shortcut that changed an answer would
change what the cleaner keeps.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.core.clean import lang, lines, text
from tui.core.clean.dedupe import dedupe_lines
from tui.core.clean.lines import Line

PRINTABLE = st.characters(min_codepoint=32, max_codepoint=126)


# -- needles: a pattern that matches an ASCII line finds one of its phrases in it -------------
NEEDLED = [
    (kind, pat, needles, cased)
    for kind, pat, _, needles, cased in lines.INNER
    if needles or cased
]


def test_some_patterns_carry_needles() -> None:
    assert {kind for kind, _, _, _ in NEEDLED} >= {"caption", "appeal", "disclaimer"}


@pytest.mark.parametrize("entry", NEEDLED, ids=lambda e: e[0])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_every_match_holds_a_needle(entry, data) -> None:
    drawn_match_holds_a_needle(entry, data, PRINTABLE)


def drawn_match_holds_a_needle(entry, data, alphabet) -> None:
    """A line drawn from ``entry``'s pattern over ``alphabet`` holds one of its needles."""
    _, pat, needles, cased = entry
    s = data.draw(st.from_regex(pat, alphabet=alphabet))
    assert pat.search(s)
    assert any(n in s.lower() for n in needles) or any(c in s for c in cased), s


def test_needles_spare_the_search_only() -> None:
    # A long line that merely holds a trigger word is no appeal; one with the phrase is.
    prose = "We support the plan, said the mayor, " * 8
    assert lines.furniture_kind(prose + "and nothing else.") is None
    assert lines.furniture_kind("Sign up for our newsletter") == "appeal"
    assert (
        lines.furniture_kind("A file photo of the bridge taken in 2019 shows cracks.") == "caption"
    )


# -- lines opening with a sign: only the kinds that may open so are tried --------------------
START = st.sampled_from(list("*+-•>#©(.@_\"'[|~=$%0a") + ["·", "—", "→"])
FURNITURE = [
    "comments",
    "3 comments",
    "reply",
    "share",
    "© 2024 all rights",
    "(c) 2020",
    "+1 555 123 4567",
    "a.b@c.org",
    "by jane doe",
    "related",
    "reader comments",
    "leave a reply",
    "2 responses to",
    "read more",
    "advertisement",
    "(12)",
    "  ",
    "x",
    "copyright 2021",
    "contact us:",
]


@settings(max_examples=400, deadline=None)
@given(START, st.lists(st.sampled_from(FURNITURE), max_size=3), st.text(PRINTABLE, max_size=8))
def test_sign_lines_match_as_the_full_pattern(first, parts, tail) -> None:
    low = (first + " ".join(parts) + tail).lower()
    full = lines._LINE_ANY.match(low)
    fast = (lines._LINE_ANY if low[:1].isalnum() else lines._LINE_SIGN).match(low)
    assert (full and full.lastgroup) == (fast and fast.lastgroup), low


@pytest.mark.parametrize("kind", [k for k in lines._LINE if k not in lines.SIGN_KINDS])
@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_other_kinds_open_with_a_letter_or_digit(kind, data) -> None:
    s = data.draw(st.from_regex(lines._LINE[kind]))
    if re.match(lines._LINE[kind], s):
        assert s[:1].isalnum(), s


# -- language: the prefix settles what the whole sample would ---------------------------------
def _enough_words_full(sample: str) -> bool:
    toks = sample.lower().split()
    return len(toks) >= lang.MIN_WORDS and sum(t in lang._INDEX for t in toks) >= lang.MIN_HITS


# Few function words, and words that a cut turns into one ("theatre" -> "the", "andes" -> "an")
VOCAB = ["the", "bridge", "theatre", "andes", "x", "x", "river", "Ann"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(VOCAB), max_size=30),
    st.sampled_from([" ", "  ", "\n"]),
    st.integers(1, 40),
)
@example(["the", "x", "x", "x", "x", "x", "x", "x", "theatre"], " ", 21)  # cut: "the"
def test_enough_words_prefix_agrees(words, sep, prefix) -> None:
    sample = sep.join(words)
    old = lang.PREFIX_CHARS
    lang.PREFIX_CHARS = prefix  # a short prefix cuts words: the cut one must not count
    try:
        assert lang._enough_words(sample) == _enough_words_full(sample), (sample, prefix)
    finally:
        lang.PREFIX_CHARS = old


# -- selection arithmetic: the plain loops they replace ---------------------------------------
def _best_run_plain(values: list[float]) -> tuple[int, int, float]:
    best = (0, 0, 0.0)
    start, acc = 0, 0.0
    for i, v in enumerate(values):
        if acc <= 0:
            start, acc = i, 0.0
        acc += v
        if acc > best[2]:
            best = (start, i + 1, acc)
    return best


VALUES = st.lists(
    st.sampled_from([-50.0, -12.0, -3.0, -1.0, 0.0, 0.5, 2.4, 5.0, 12.0, 30.0]), max_size=40
)


@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_best_run_is_the_plain_maximum_run(values) -> None:
    assert text.best_run(values) == _best_run_plain(values)


def _discount_plain(kinds: list[str | None], values: list[float]) -> None:
    after, acc = False, 0.0
    for k, kind in enumerate(kinds):
        if kind in ("comments", "about") and acc >= text.AFTER_MIN:
            after = True
        acc += max(values[k], 0)
        if after and values[k] > 0:
            values[k] *= text.AFTER_SCALE


def _line(kind: str | None) -> Line:
    return Line("x", 1, False, 0.0, False, 0, kind)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([None, None, "comments", "about", "share"]),
            st.sampled_from([-12.0, -3.0, 0.0, 4.0, 9.5, 20.0]),
        ),
        max_size=40,
    )
)
def test_discount_after_sections_as_the_plain_loop(rows) -> None:
    kinds = [k for k, _ in rows]
    want = [v for _, v in rows]
    got = want[:]
    _discount_plain(kinds, want)
    text._discount_after_sections([_line(k) for k in kinds], got)
    assert got == want


# -- dedupe: each line is compared with what comes after it, never before ---------------------
def test_dedupe_compares_with_later_lines_only() -> None:
    teaser = "The council voted to close the old bridge. Repairs start next year."
    body = [
        teaser,  # repeated below, in other words around it: dropped
        "Residents were surprised, said the mayor. The vote was close, she added.",
        "Engineers found cracks last spring. " + teaser + " The cost is not known.",
        "Residents were surprised, said the mayor. Nobody else spoke about it at all.",
        "The vote was close, she added. Residents were surprised, said the mayor, again.",
    ]
    keep = dedupe_lines(body, list(range(len(body))))
    # line 0 repeats in line 2; line 1's sentences come again in lines 3 and 4 (dropped);
    # line 3's first sentence comes again in line 4 but its second only in line 3 (kept)
    assert keep == [2, 3, 4]
    assert dedupe_lines(body[1:], [0, 1, 2, 3]) == [1, 2, 3]
