"""Hard-wrapped text joined into paragraphs; lines that are lines kept (no Textual)."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.clean import clean
from tui.core.clean.meta import dateline, headline_shape, signoff
from tui.core.clean.reflow import _structured, reflow, wrap_width
from tui.core.model import RawDocument

PARAS = [
    "The harbour board said on Tuesday that the new quay would open to shipping in the spring,"
    " after two years of work and a long dispute over who would pay for the dredging.",
    "Fishermen, who had opposed the plan at first, said they now expected more trade, and the"
    " town council agreed to spend part of its reserve on a new road to the quay.",
    "Work on the road is due to begin next month and should be finished by the end of the"
    " year, the council said in a statement.",
]


def wire(paras: list[str], width: int = 62, indent: str = "    ") -> str:
    """Wire copy: headline, paragraphs opened by an indent and wrapped at ``width``, sign-off."""
    body = "\n".join(textwrap.fill(p, width, initial_indent=indent) for p in paras)
    return "HARBOUR BOARD SAYS NEW QUAY OPENS IN SPRING\n" + body + "\n Reuter\n"


def test_wire_paragraphs_are_joined_whole() -> None:
    text = wire(["PORTSMOUTH, March 2 - " + PARAS[0], *PARAS[1:]])
    lines = [ln.strip() for ln in reflow(text).splitlines() if ln.strip()]
    assert lines[1:4] == ["PORTSMOUTH, March 2 - " + PARAS[0], *PARAS[1:]]
    assert lines[0] == "HARBOUR BOARD SAYS NEW QUAY OPENS IN SPRING"
    assert lines[-1] == "Reuter"


def test_wire_story_cleaned_with_metadata() -> None:
    text = wire(["PORTSMOUTH, March 2 - " + PARAS[0], *PARAS[1:]])
    c = clean(RawDocument("w", text, "text"))
    assert c.body.split("\n\n") == ["PORTSMOUTH, March 2 - " + PARAS[0], *PARAS[1:]]
    assert c.title == "HARBOUR BOARD SAYS NEW QUAY OPENS IN SPRING"
    assert c.dateline == "PORTSMOUTH, March 2"
    assert c.source == "Reuters"


def test_one_line_paragraphs_stay_apart_under_indent_convention() -> None:
    short = "The board declined to comment further."
    text = wire([PARAS[0], short, PARAS[1], PARAS[2]])
    lines = [ln.strip() for ln in reflow(text).splitlines() if ln.strip()]
    assert short in lines and PARAS[1] in lines


def test_blank_line_paragraphs() -> None:
    text = "\n\n".join(textwrap.fill(p, 70) for p in PARAS * 2)
    assert [ln for ln in reflow(text).splitlines() if ln] == PARAS * 2


def test_wrapped_prose_without_markers_joins_only_full_lines() -> None:
    # No indent, no blank line: a paragraph ends where its last line stops short.
    text = "\n".join(textwrap.fill(p, 66) for p in PARAS)
    assert reflow(text).splitlines() == PARAS


def test_verse_address_and_short_lines_stay_lines() -> None:
    verse = ("The sea is calm tonight.\nThe tide is full, the moon lies fair\n"
             "Upon the straits; on the French coast the light\nGleams and is gone.\n")
    assert reflow(verse) == verse
    address = "Harbour Office\n12 Quay Street\nPortsmouth PO1 2AB\nEngland\n"
    assert reflow(address) == address


def test_table_and_code_lines_stay_lines_inside_wrapped_text() -> None:
    table = ["Sales      783.7 mln    464.6 mln", "Net loss   178,000      4,165,000"]
    code = ["    for line in lines: {", "        total += len(line);", "    }"]
    text = "\n".join([textwrap.fill(PARAS[0], 60), *table, textwrap.fill(PARAS[1], 60),
                      *code, textwrap.fill(PARAS[2], 60)])
    out = reflow(text).splitlines()
    for ln in table + code:
        assert ln in out


def test_list_items_stay_items_and_join_their_continuations() -> None:
    items = ["- " + textwrap.fill(p, 64, subsequent_indent="  ") for p in PARAS]
    text = textwrap.fill(PARAS[0], 66) + "\n\n" + "\n".join(items)
    out = [ln for ln in reflow(text).splitlines() if ln]
    assert out[1:] == ["- " + p for p in PARAS]


def test_hyphenation_at_line_end() -> None:
    text = ("The committee agreed that the proposal was an important and well-\n"
            "known step for the international community, and that inter-\n"
            "national trade rules would have to change to allow it; the inter\n"
            "national body and international observers agreed on that point.\n") * 2
    out = reflow(text)
    assert "well-known" in out  # a compound broken at its hyphen keeps it
    assert "inter-national" not in out and "international trade" in out



MAN = """LS(1)                            User Commands                           LS(1)

DESCRIPTION
       List  information  about  the FILEs (the current directory by default).
       Sort entries alphabetically if none of -cftuvSUX nor --sort  is  speci\u2010
       fied.

       -c     with -lt: sort by, and show, ctime (time of last modification of
              file status information); with -l: show ctime and sort by  name;
              otherwise: sort by ctime, newest first

       --block-size=SIZE
              with  -l,  scale  sizes  by  SIZE  when  printing  them;   e.g.,
              '--block-size=M'; see SIZE format below

       -d, --directory
              list directories themselves, not their contents
"""


def test_manual_page_paragraphs() -> None:
    """groff's output: lines justified with wide gaps are prose, its U+2010 hyphen at a line
    end mends the word, a term's description goes on at the column it starts at."""
    out = [" ".join(ln.split()) for ln in reflow(MAN).splitlines() if ln.strip()]
    assert ("List information about the FILEs (the current directory by default). Sort entries"
            " alphabetically if none of -cftuvSUX nor --sort is specified.") in out
    assert ("-c with -lt: sort by, and show, ctime (time of last modification of file status"
            " information); with -l: show ctime and sort by name; otherwise: sort by ctime,"
            " newest first") in out
    assert ("with -l, scale sizes by SIZE when printing them; e.g., '--block-size=M'; see SIZE"
            " format below") in out
    assert "--block-size=SIZE" in out and "-d, --directory" in out  # terms stay their own line


def test_not_wrapped_text_is_unchanged() -> None:
    text = "\n".join(PARAS) + "\nShare\nMenu\nHome\n"
    assert wrap_width(text.splitlines()) is None
    assert reflow(text) == text
    # One sentence a line, all about as long: paragraphs, not a wrapped text.
    same = "\n".join(f"Item {n} of the list is a sentence of this length." for n in range(9))
    assert reflow(same) == same


def test_dateline_forms() -> None:
    assert dateline("LOS ANGELES, Feb 26 - Whittaker Corp said") == ("LOS ANGELES, Feb 26", None)
    assert dateline("ALPINE, Utah, March 2 - Stansbury said") == ("ALPINE, Utah, March 2", None)
    assert dateline("NEW YORK, March 2 -The exchange said") == ("NEW YORK, March 2", None)
    # A hyphen after a word that is not a dateline with a day is no dateline.
    assert dateline("Fishermen - who opposed it - agreed") == (None, None)


def test_signoff_and_headline_shape() -> None:
    assert signoff(["body text here.", " Reuter", ""]) == "Reuters"
    assert signoff(["body text here.", "AP"]) == "Associated Press"
    assert signoff(["The end of the story came at last."]) is None
    assert headline_shape("U.S. CONSTRUCTION SPENDING ROSE 1.0 PCT IN JAN")
    assert not headline_shape("The council met on Tuesday.")


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)
paragraphs = st.lists(st.lists(words, min_size=1, max_size=60).map(" ".join), min_size=1,
                      max_size=8)


@settings(max_examples=150, deadline=None)
@given(paragraphs, st.integers(40, 90), st.sampled_from(["indent", "blank", "none"]))
def test_reflow_never_loses_or_adds_a_word(paras: list[str], width: int, style: str) -> None:
    if style == "indent":
        text = "\n".join(textwrap.fill(p, width, initial_indent="    ") for p in paras)
    elif style == "blank":
        text = "\n\n".join(textwrap.fill(p, width) for p in paras)
    else:
        text = "\n".join(textwrap.fill(p, width) for p in paras)
    assert reflow(text).split() == text.split()


long_paragraphs = st.lists(st.lists(words, min_size=15, max_size=60).map(" ".join).map(
    lambda p: p + "."), min_size=3, max_size=8)


@settings(max_examples=150, deadline=None)
@given(long_paragraphs, st.integers(40, 90))
def test_reflow_rebuilds_indented_paragraphs(paras: list[str], width: int) -> None:
    """Rebuilt exactly, or (too few full lines to tell it is wrapped) left as it was."""
    text = "\n".join(textwrap.fill(p, width, initial_indent="    ",
                                   break_on_hyphens=False) for p in paras)
    out = reflow(text)
    assert out == text or [ln.strip() for ln in out.splitlines()] == paras


def test_a_full_width_line_whose_only_wide_gap_is_a_tab_is_columns():
    # it once raised ValueError (no space gap to measure) and the page fell back to raw text
    assert _structured("word " * 16 + "a\tb", 80)


def test_one_line_indented_paragraphs_are_not_read_as_a_block_quotation():
    # found by Hypothesis: three one-line paragraphs, each ending a sentence, made the indent
    # look like a block-indented quotation and the whole text was joined into one paragraph
    paras = ["a " * 14 + "a.", "b " * 14 + "b.", "c " * 14 + "c.",
             "d d d d d d d d d dd dddd ddddddddddd ddddddddddd dddddddddddd dddd d d dd ddd "
             "ddddddddddd dddddddddddd."]
    text = "\n".join(textwrap.fill(p, 36, initial_indent="    ", break_on_hyphens=False)
                     for p in paras)
    out = reflow(text)
    assert out == text or [ln.strip() for ln in out.splitlines()] == paras
    assert len(out.splitlines()) >= 4
