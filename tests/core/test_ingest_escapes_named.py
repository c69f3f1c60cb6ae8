"""Terminal escape sequences in a text are never obeyed and never silently gone: the ingest
report (and `clean`) names how many were removed from which file, and a terminal hyperlink's
URL (OSC 8), text its author meant, is kept in the body as "text (URL)"."""

from __future__ import annotations

from tui.core.clean import clean
from tui.core.ingest import collect
from tui.core.model import RawDocument
from tui.core.safe_text import escapes, terminal_links

PROSE = (
    "The council met on Tuesday and voted on the harbour plan after a long debate about "
    "the cost of the new quay and who should pay for it."
)
LINK = "\x1b]8;;https://example.org/plan\x07the plan\x1b]8;;\x07"
COLOURED = f"\x1b[1;31m{PROSE}\x1b[0m Read {LINK} online.\x1b]0;a window title\x07\n"


def test_the_ingest_report_names_the_escape_sequences_removed(tmp_path):
    path = tmp_path / "coloured.txt"
    path.write_text(COLOURED)
    got = collect([str(path)])
    assert len(got.docs) == 1
    assert got.warnings == [
        (
            str(path),
            "5 terminal escape sequences removed (never obeyed); 1 terminal link kept "
            "as text (URL)",
        )
    ]


def test_a_text_without_escape_sequences_says_nothing(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text(PROSE)
    assert collect([str(path)]).warnings == []


def test_one_sequence_is_named_in_the_singular(tmp_path):
    path = tmp_path / "bell.txt"
    path.write_text(f"{PROSE}\x1b[0m\n")
    assert collect([str(path)]).warnings == [
        (str(path), "1 terminal escape sequence removed (never obeyed)")
    ]


def test_a_terminal_links_url_is_kept_in_the_body_and_nothing_is_obeyed():
    body = clean(RawDocument("c.txt", COLOURED, "text")).body
    assert "Read the plan (https://example.org/plan) online." in body
    assert "\x1b" not in body and "window title" not in body


def test_terminal_links_text_and_count():
    assert terminal_links(f"see {LINK}") == "see the plan (https://example.org/plan)"
    same = "\x1b]8;id=1;https://a.org\x1b\\https://a.org\x1b]8;;\x1b\\"
    assert terminal_links(same) == "https://a.org"  # (its text is its URL: once)
    assert escapes(COLOURED) == 5 and escapes(PROSE) == 0
