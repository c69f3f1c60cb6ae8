"""The needles' shortcut of ``lines._kind`` on lines that are not ASCII.

A pattern of ``lines.INNER`` ignores case; its needles (phrases in lower case) are looked for in
the line's lower case before the pattern runs. On a line holding none of ``lines._FOLDS`` (the
non-ASCII characters IGNORECASE or ``str.lower`` take for ASCII letters) that test is as exact
as on an ASCII line, so the shortcut now spares the search on such lines too ("The café’s
newsletter...": a curly quote or an accent no longer costs the search of every pattern).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.test_clean_text_fastpaths import drawn_match_holds_a_needle
from tui.core.clean import lines

# The patterns the shortcut serves on such lines: written in ASCII but in their classes (the
# others hold phrases no needle stands for, as "©" in a credit: "© Jane Doe")
NEEDLED = [
    (kind, pat, needles, cased)
    for k, (kind, pat, _, needles, cased) in enumerate(lines.INNER)
    if (needles or cased) and k in lines._PLAIN
]
# Printable ASCII and some letters, marks and quotes of other scripts, none of _FOLDS
OTHERS = "éèàçüößñåøčšžłıİſK’‘“”«»–—…€©®дфжиاببוש日本"
ALPHABET = st.one_of(
    st.characters(min_codepoint=32, max_codepoint=126),
    st.sampled_from([c for c in OTHERS if c not in lines._FOLDS]),
)


def test_folds_are_the_characters_case_folding_takes_for_ascii_letters() -> None:
    ascii_letter = re.compile("[a-z]", re.I)
    found = {
        chr(c)
        for c in range(128, 0x110000)
        if ascii_letter.match(chr(c)) or any(x.isascii() for x in chr(c).lower())
    }
    assert found == set(lines._FOLDS)


@pytest.mark.parametrize("entry", NEEDLED, ids=lambda e: e[0])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_every_match_on_other_scripts_holds_a_needle(entry, data) -> None:
    drawn_match_holds_a_needle(entry, data, ALPHABET)


PHRASES = [
    "sign up for our newsletter",
    "Photo by",
    "Getty Images",
    "all rights reserved",
    "© Jane Doe",
    "©",
    "Credit…",
    "Get the news delivered to your inbox",
    "cookie policy",
    "Follow us on Twitter",
    "is a reporter for",
    "(AFP)",
    "© 2024",
    "Thank you for signing up",
    "credit:",
    "views expressed",
    "support our journalism",
]
WORDS = [
    "the",
    "café",
    "Zürich",
    "’s",
    "naïve",
    "“quoted”",
    "река",
    "said",
    "KELVIN",
    "ſ",
    "İ",
    "ı",
    "—",
    "newsletter",
    "photo",
    "rights",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PHRASES + WORDS), min_size=1, max_size=12))
def test_kind_is_the_kind_the_searches_find(parts) -> None:
    ln = " ".join(parts)
    low = ln.lower()
    toks = low.split()
    fast = lines._kind(ln, low, toks, len(toks))
    saved = lines._FOLDS
    try:
        lines._FOLDS = ln  # every character of the line "folds": each pattern searched
        slow = lines._kind(ln, low, toks, len(toks))
    finally:
        lines._FOLDS = saved
    assert fast == slow, ln


def test_a_line_with_an_accent_is_still_caught() -> None:
    assert lines.furniture_kind("Sign up for our café’s newsletter") == "appeal"
    assert lines.furniture_kind("Photo by José Pérez/Getty Images") == "caption"
    assert lines.furniture_kind("Die Café-Besitzerin sagt, das sei fair.") is None
    assert lines.furniture_kind("© Kristian Larsen 2025. Published with Ghost.") == "caption"


def test_patterns_with_other_letters_outside_classes_are_searched() -> None:
    assert {lines.INNER[k][0] for k in set(range(len(lines.INNER))) - lines._PLAIN} >= {
        "caption",
        "copyright",
    }
