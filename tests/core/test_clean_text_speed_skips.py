"""Work the plain-text path skips gives the answers it gave when it did that work.

- ``lines._kind`` runs no furniture pattern of a kind that ``_fits`` turns down for a line of
  that length (``_UNFIT``): the answer is the same as with every woken pattern run;
- ``lines._sign_line`` tries ``_LINE_SIGN`` only on lines it can match;
- the caption-position test reads " left" before " left," and " from left" (same answers);
- ``tables.table_rows`` of a text without two spaces in a row is empty at once;
- ``repeats.own_repeats`` returns at once when no line is marked repeated;
- the class of dense scripts is compiled when a page in one comes (not at import);
- ``wiredesk clean`` imports neither hashlib (OpenSSL) nor glob for a text file.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.clean import lines, repeats, tables
from tui.core.clean.lang import stopwords_for

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "tui" / "samples").glob("*.txt"))

# A phrase that each furniture pattern of a kind matches (inside a line, or opening it).
PHRASES = [
    "Follow us on Twitter for more",  # ad
    "Click here to read the rest",  # ad (opens the line)
    "Thanks for signing up, keep an eye on your inbox",  # ad
    "Share on Facebook",  # share
    "Support our journalism and become a member today",  # appeal
    "Sign up for our free newsletter",  # appeal
    "The views expressed are the author's own and we use cookies",  # disclaimer
    "All rights reserved",  # copyright
    "Meg James is a media reporter for the Times",  # byline (a note on the author)
    "(Photo: Reuters)",  # caption, at the end of a line
    "This undated photo provided by the museum shows the vase",  # caption
    "credit: Getty Images / AFP",  # caption
]
FILLER = "the council met on the river bank and talked of water rights for hours".split()


def _kind_without_skips(monkeypatch: pytest.MonkeyPatch, *args) -> str | None:
    with monkeypatch.context() as m:
        m.setattr(lines, "_UNFIT", (frozenset(),) * len(lines._UNFIT))
        return lines._kind(*args)


def _line(phrase: str, words: int, at_end: bool) -> str:
    pad = (FILLER * 10)[: max(0, words - len(phrase.split()))]
    return " ".join([*pad, phrase] if at_end else [phrase, *pad])


def test_unfit_sets_are_what_fits_turns_down() -> None:
    for w in range(300):
        unfit = lines._UNFIT[min(w, lines.NOTE_WORDS + 1)]
        assert set(unfit) == {k for k in lines.ORDER if not lines._fits(k, w)}, w


@pytest.mark.parametrize("phrase", PHRASES)
def test_kind_of_long_lines_same_as_with_every_pattern(
        phrase: str, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = set()
    for words in [*range(1, 45), *range(76, 86), 120]:
        for at_end in (False, True):
            ln = _line(phrase, words, at_end)
            low = ln.lower()
            toks = low.split()
            got = lines._kind(ln, low, toks, len(toks))
            assert got == _kind_without_skips(monkeypatch, ln, low, toks, len(toks)), ln
            seen.add(got)
    assert seen != {None}  # the phrase is furniture at some length (the test can fail)


WORDS = st.sampled_from([*FILLER, *" ".join(PHRASES).split(), "said:", "(AP)", "©", "2024",
                         "Monday,", "Jan.", "5,", "(left)", "photo", "/", "Reuters"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=100).map(" ".join))
def test_kind_same_as_with_every_pattern(ln: str) -> None:
    low = ln.lower()
    toks = low.split()
    with pytest.MonkeyPatch.context() as m:
        want = _kind_without_skips(m, ln, low, toks, len(toks))
    assert lines._kind(ln, low, toks, len(toks)) == want


@pytest.mark.parametrize(("line", "kind"), [
    ("John Smith, left, and Jane Doe pose in this photo", "caption"),
    ("Jane Doe, second from left, at the Jan. 5, 2024 meeting", "caption"),
    ("Bob (R) holds the photo", "caption"),
    ("Ann Lee, right, at the photo shoot", "caption"),
    ("She left the room and the photo, left, fell", "caption"),
    ("Ann Lee, center, in a photo", None),  # (no position the test reads: as before)
    ("He left, and the photo stayed", None),
])
def test_caption_positions_as_before(line: str, kind: str | None) -> None:
    assert lines.furniture_kind(line) == kind


def test_table_rows_without_two_spaces_is_empty_and_tables_still_found() -> None:
    assert tables.table_rows("a b c\nd e f\ng h i\n") == set()
    table = "Team    Won   Lost\nAlpha   10    2\nBeta    8     4\nGamma   5     7\n"
    assert tables.table_rows("Intro line.\n" + table) == {1, 2, 3, 4}


def test_own_repeats_without_repeated_lines_keeps_the_selection() -> None:
    info = lines.measure_page(["One line here.", "Two lines here.", "Three lines."],
                              stopwords_for("en"))
    keep = [0, 2]
    assert repeats.own_repeats([0, 1, 2], info, keep, 4) is keep


def test_dense_script_words_counted_without_a_compiled_class_at_import() -> None:
    assert not hasattr(lines, "_DENSE")
    ln = "東京で新しい博物館が開館した。多くの人が訪れた。"
    dense = sum(1 for c in ln if "\u3040" <= c <= "\u30ff" or "\u3400" <= c <= "\u9fff")
    got = lines.measure_page([ln], frozenset(), dense_script=True)[0]
    assert got.words == len(ln.split()) + dense // 2
    assert lines.measure_page([ln], frozenset())[0].words == len(ln.split())


def test_clean_imports_no_hashlib_nor_glob() -> None:
    code = (
        "import contextlib, io, sys\n"
        "from tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['clean', {str(SAMPLES[0])!r}, '--json'])\n"
        "print(sorted(m for m in ('hashlib', '_hashlib', 'glob') if m in sys.modules))\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                       check=True)
    assert p.stdout.strip() == "[]"


SIGN_WORDS = st.sampled_from(["*", "+", "-", "•", "(", ")", "©", "(c)", "@", ".", "_", "“", "12",
                              "3", "+1", "555", "comment", "comments", "reader", "a@b.com",
                              "responses", "replies", "to", "on", "item", "x", "(5)", " ", ""])


@settings(max_examples=500, deadline=None)
@given(st.lists(SIGN_WORDS, min_size=1, max_size=8).map("".join)
       | st.lists(SIGN_WORDS, min_size=1, max_size=8).map(" ".join))
def test_sign_line_is_line_sign_match(text: str) -> None:
    low = " ".join(text.lower().split())
    if not low or low[:1].isalnum():
        return
    want = lines._LINE_SIGN.match(low)
    got = lines._sign_line(low)
    assert (got and got.lastgroup) == (want and want.lastgroup)


@pytest.mark.parametrize("low", ["* 12 comments", "— comments (3)", "+1 555 123 4567",
                                 ".net@example.com", "© 2024 the times", "(c) 2020 acme",
                                 "• 3 replies to “the post”", "* reader comments"])
def test_sign_lines_that_match(low: str) -> None:
    m = lines._LINE_SIGN.match(low)
    assert m is not None
    got = lines._sign_line(low)
    assert got is not None and got.lastgroup == m.lastgroup
