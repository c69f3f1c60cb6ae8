"""Speed paths of the plain-text cleaner (session 26) give the answers of what they replace.

- ``lines._kind``: the caption patterns naming an agency run on an ASCII line only when it
  holds one of their needles (in lower case, or as written for the names the patterns match
  with case: "AFP", "AP"...);
- ``api._normalised``: one regular-expression pass over the texts joined by a letter;
- ``text._mark_repeats`` visits only the lines the page repeats;
- ``text._first_short``: the cheap first short line of a run, without the running count;
- ``clean_cmd._print_cleaned``: the JSON line of a cleaned document, sanitised once.
"""

from __future__ import annotations

import io
import sys
from collections import Counter
from dataclasses import astuple

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.cli import clean_cmd
from tui.cli.output import print_json
from tui.core.clean import api, lines, text
from tui.core.cleaning import clean_doc
from tui.core.model import META_FIELDS, RawDocument
from tui.core.safe_text import SafeStream

# Words around the agency captions: names in every case, picture words, slashes, brackets.
AGENCY_WORD = st.sampled_from(
    ["AFP", "afp", "Afp", "AP", "Ap", "ap", "EPA", "IANS", "PTI", "ANI", "ANSA", "dpa", "DPA",
     "Reuters", "REUTERS", "Getty", "Images", "GETTY", "Xinhua", "Kyodo", "Yonhap",
     "Shutterstock", "Photo", "photo:", "Image", "Pictures", "Credit", "File", "Pool", "/", "(",
     ")", "©", "Jane", "Smith,", "said", "the", "on", "happens", "capital", "Smith/AFP",
     "(AP)", "(AP", "Photo)", "/Reuters", "Getty/", "A.", "Doe", "2024", "via"])
AGENCY_LINE = st.lists(AGENCY_WORD, min_size=1, max_size=14).map(" ".join)
CASED = [k for k, entry in enumerate(lines.INNER) if entry[4]]


@settings(max_examples=600, deadline=None)
@given(AGENCY_LINE)
@example("A protester in the square (AP)")
@example("Jane Smith/AFP")
@example("Jane Smith, Reuters")
@example("Firefighters at work. Photo: John Doe/Getty Images")
@example("(File photo)")
def test_needles_never_hide_an_agency_caption(ln: str) -> None:
    """Where a pattern with needles matches an ASCII line, the line holds one of them."""
    assert CASED, "the agency patterns carry cased needles"
    low = ln.lower()
    for k in CASED:
        _, pat, _, needles, cased = lines.INNER[k]
        if ln.isascii() and pat.search(ln):
            assert any(n in low for n in needles) or any(c in ln for c in cased), (k, ln)


def test_agency_captions_still_found() -> None:
    for ln in ("A protester in the square (AP)", "Smoke over the city (Reuters)",
               "Jane Smith/AFP", "Photo by Jane Smith/Getty Images"):
        assert lines.furniture_kind(ln) == "caption", ln
    assert lines.furniture_kind("The capital happens to hold the APEC summit today") is None


TEXTS = st.lists(st.text(alphabet=st.sampled_from(list("ab_ -.,\u01c2'’é1\n|")), max_size=20),
                 min_size=1, max_size=8)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
@example(["a \u01c2 b", "c"])  # the joining letter in a text: the slow path
@example(["a_", "_b", ""])
def test_normalised_in_one_pass_equals_each_text(texts: list[str]) -> None:
    assert api._normalised(texts) == [api._NORM.sub(" ", t) for t in texts]


def _mark_repeats_slow(info: list[lines.Line]) -> None:
    keys = [ln.low or ln.text.lower() for ln in info]
    seen = Counter(keys)
    for ln, key in zip(info, keys):
        n = seen[key]
        if n > 1 and not ln.furniture and text._LETTER.search(ln.text):
            wall = n >= text.REPEAT_WALL and not (ln.ends and ln.words >= text.REPEAT_PROSE)
            ln.furniture = "repeat" if wall else "duplicate"


PAGE_LINE = st.sampled_from(
    ["Share", "Home", "The council met on Monday to vote on the budget for the year.",
     "Read more", "12", "THE COUNCIL MET ON MONDAY TO VOTE ON THE BUDGET FOR THE YEAR.",
     "Overview", "Pros:", "It was a long day for everyone who came to the hall.", "---"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PAGE_LINE, min_size=1, max_size=30))
def test_mark_repeats_equals_the_loop(page: list[str]) -> None:
    fast = lines.measure_page(page, frozenset({"the", "on", "to", "for", "was", "a"}))
    slow = [lines.Line(*astuple(ln)) for ln in fast]
    text._mark_repeats(fast)
    _mark_repeats_slow(slow)
    assert [ln.furniture for ln in fast] == [ln.furniture for ln in slow]


def _first_short_slow(values: list[float]) -> None:
    run = 0
    for k, v in enumerate(values):
        run = run + 1 if v <= 0 else 0
        if run == 1 and v == -text.SHORT:
            values[k] = -text.SHORT_FIRST


VALUE = st.sampled_from([-text.SHORT, -text.SHORT_FIRST, 0.0, -0.0, 5.0, -50.0, 0.5]) | st.floats()


@settings(max_examples=500, deadline=None)
@given(st.lists(VALUE, max_size=40))
@example([-text.SHORT, -text.SHORT, 3.0, -text.SHORT, float("nan"), -text.SHORT])
def test_first_short_equals_the_running_count(values: list[float]) -> None:
    fast, slow = values[:], values[:]
    text._first_short(fast)
    _first_short_slow(slow)
    assert repr(fast) == repr(slow)  # (repr: NaN equals itself, -0.0 is told from 0.0)


def _captured(write) -> str:
    old = sys.stdout
    buf = io.StringIO()
    sys.stdout = SafeStream(buf)
    try:
        write()
    finally:
        sys.stdout = old
    return buf.getvalue()


HOSTILE = ["Title \x1b]0;owned\x07 here\n\nBody text with \x1b[31mred\x1b[0m and \x9b2J and "
           "\u202eevil\u202c and a tab\there.\n\nSecond paragraph \x00 with a NUL.",
           "Plain body of one paragraph, nothing to remove.", "\ufeffBOM first\r\nthen CRLF"]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(HOSTILE) | st.text(max_size=200),
       st.sampled_from(["a.txt", "bad\x1b[2Jname.txt", "/x/\x9bq\u202e.txt", "-"]))
def test_print_cleaned_writes_what_print_json_writes(content: str, origin: str) -> None:
    doc = RawDocument(origin=origin, content=content, kind="text", hints={})
    c = clean_doc(doc)

    def shape() -> dict:
        return {"id": None, **{k: getattr(c, k) for k in META_FIELDS}, "body": c.body,
                "origin": origin}

    assert _captured(lambda: clean_cmd._print_cleaned(shape())) == \
        _captured(lambda: print_json(shape(), lines=True))


def test_print_cleaned_other_shapes_take_the_general_path() -> None:
    d = {"id": None, "title": ["a\x1b[1m"], "body": "b", "origin": "o\x1b[2J"}
    assert _captured(lambda: clean_cmd._print_cleaned(dict(d))) == \
        _captured(lambda: print_json(dict(d), lines=True))
