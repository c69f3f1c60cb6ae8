"""Speed paths of the plain-text cleaner (session 26) give the answers of what they replace.

- ``lines._kind``: the caption patterns naming an agency run on an ASCII line only when it
  holds one of their needles (in lower case, or as written for the names the patterns match
  with case: "AFP", "AP"...);
- ``dedupe.dedupe_lines``: only the later lines holding a sentence's longest word are
  normalised (rather than all the text below the first line that repeats);
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
from tui.core.clean import dedupe, lines, text
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


# Lines for dedupe: few words (so that lines and sentences repeat), sentence ends, quotes and
# bullets opening a line, "|" and " | " (the joint), "_" and other characters normalising
# drops, capitals lower-casing changes in length ("İ").
DEDUPE_WORD = st.sampled_from(
    ["the", "council", "voted", "bridge", "Bridge.", "repairs", "start", "said:", "“Yes,”",
     "a_b", "|", "x|y", "İstanbul", "naïve", "2024.", "(AP)", "again!", "-", "—", "it's",
     "Repairs", "soon?", "…", "news."])
DEDUPE_LINE = st.one_of(
    st.lists(DEDUPE_WORD, min_size=1, max_size=14).map(" ".join),
    st.tuples(st.sampled_from(["", "* ", "“", "- ", "( "]),
              st.lists(DEDUPE_WORD, min_size=3, max_size=9).map(" ".join)).map("".join))


def _dedupe_before(lines: list[str], keep: list[int]) -> list[int]:
    """``dedupe_lines`` as it was (``api._dedupe``): the text after the first line that repeats,
    normalised all at once, searched from each line on."""
    if len(keep) < 2:
        return keep
    low = [lines[i].lower() for i in keep]
    full = " | ".join(low)
    ends, pos = [], 0
    for t in low:
        pos += len(t) + 3
        ends.append(pos)
    norm_full, norm_starts, base, out = "", list[int](), 0, []
    for n, i in enumerate(keep):
        head = low[n].lstrip(dedupe._OPENERS)[:40]
        if n + 1 == len(keep) or len(head) < 20 or full.find(head, ends[n]) < 0:
            out.append(i)
            continue
        parts = [p for p in (dedupe._NORM.sub(" ", s.lower()).strip()
                             for s in dedupe._SENT.split(lines[i])) if len(p.split()) >= 3]
        if not parts:
            out.append(i)
            continue
        if " | " not in low[n] and full.find(low[n], ends[n]) >= 0:
            continue
        if not norm_starts:
            base = n + 1
            later_norm = [dedupe._NORM.sub(" ", t) for t in low[base:]]
            norm_full = " | ".join(later_norm)
            norm_starts = [0]
            for t in later_norm:
                norm_starts.append(norm_starts[-1] + len(t) + 3)
        rest = norm_starts[n + 1 - base]
        if not all(norm_full.find(p, rest) >= 0 for p in parts):
            out.append(i)
    return out


@settings(max_examples=500, deadline=None)
@given(st.lists(DEDUPE_LINE, min_size=1, max_size=12), st.data())
@example(["The council voted to close the bridge. Repairs start soon.", "x",
          "Then the council voted to close the bridge. Repairs start soon!"], None)
@example(["The council voted to close the bridge. Repairs start soon.", "council news",
          "Then the council voted to close the bridge. Repairs start soon!"], None)
@example(["a_b repairs start the bridge. the council voted again!", "news.",
          "a b repairs start the bridge; the council voted again"], None)
def test_dedupe_lines_equals_its_first_definition(body: list[str], data) -> None:
    """Normalising only the later lines that hold a sentence's longest word gives the answer
    of normalising all of the text below the first line that repeats."""
    keep = list(range(len(body)))
    if data is not None:
        keep = sorted(data.draw(st.sets(st.sampled_from(keep))))
    assert dedupe.dedupe_lines(body, keep) == _dedupe_before(body, keep)


def test_later_lines_find_a_sentence_only_below_the_line() -> None:
    low = ["the bridge, closed.", "x", "the_bridge closed", "tail"]
    ends = [len(t) + 3 for t in low]
    ends = [sum(ends[: k + 1]) for k in range(len(low))]
    later = dedupe.LaterLines(low, " | ".join(low), ends)
    assert later.holds("the bridge closed", 0)  # line 2 normalised ("_" is no letter)
    assert not later.holds("the bridge closed", 2)  # nothing below line 2 holds it
    assert later.norm(0) == "the bridge closed "


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


def test_later_lines_walk_a_few_lines_then_search_all_at_once() -> None:
    """Many lines sharing their opening and a long word, no sentence repeated: each sentence
    checks at most ``WALK`` lines one by one (the rest in one search), and the answer is the
    first definition's."""
    body = [f"the council voted to close the bridge on day {k} zq{k}x." for k in range(300)]
    keep = list(range(len(body)))
    seen: list[dedupe.LaterLines] = []
    real = dedupe.LaterLines

    class Counting(real):
        def __init__(self, *args) -> None:
            super().__init__(*args)
            seen.append(self)

    dedupe.LaterLines = Counting  # type: ignore[misc]
    try:
        got = dedupe.dedupe_lines(body, keep)
    finally:
        dedupe.LaterLines = real  # type: ignore[misc]
    assert got == _dedupe_before(body, keep) == keep
    assert seen and seen[0].visits <= dedupe.WALK * len(body)
