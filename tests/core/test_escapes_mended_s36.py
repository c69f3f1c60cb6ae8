"""Terminal escape sequences, as the review of session 36 found them: a coloured terminal
link or one whose text runs over a line end keeps its URL as a plain one does; a page's
(HTML) terminal link keeps its URL too, so the warning that says so is true; a link never
closed is named as a URL dropped; a JSON Lines file of many coloured records gets one
warning with its totals, not one a record."""

from __future__ import annotations

import json

from tui.core.clean import clean
from tui.core.ingest import collect, stream
from tui.core.model import RawDocument
from tui.core.safe_text import terminal_links

PROSE = (
    "The council met on Tuesday and voted on the harbour plan after a long debate about "
    "the cost of the new quay and who should pay for it."
)
URL = "https://example.org/plan"
COLOURED_LINK = f"\x1b]8;;{URL}\x1b\\\x1b[4;34mthe plan\x1b[0m\x1b]8;;\x1b\\"
TWO_LINES = f"\x1b]8;;{URL}\x07the\nplan\x1b]8;;\x07"


def test_a_coloured_terminal_link_keeps_its_url():
    assert terminal_links(f"read {COLOURED_LINK} online") == f"read the plan ({URL}) online"
    body = clean(RawDocument("c.txt", f"{PROSE} Read {COLOURED_LINK} online.\n", "text")).body
    assert f"Read the plan ({URL}) online." in body and "\x1b" not in body


def test_a_terminal_link_over_two_lines_keeps_its_url():
    assert terminal_links(f"read {TWO_LINES} online") == f"read the\nplan ({URL}) online"


def test_coloured_and_two_line_links_are_counted_as_kept(tmp_path):
    path = tmp_path / "links.txt"
    path.write_text(f"{PROSE} Read {COLOURED_LINK} and {TWO_LINES} now.\n")
    (said,) = collect([str(path)]).warnings
    assert said[1].endswith("; 2 terminal links kept as text (URL)"), said


def test_a_link_never_closed_is_named_as_its_url_dropped(tmp_path):
    path = tmp_path / "open.txt"
    path.write_text(f"{PROSE} Read \x1b]8;;{URL}\x07the plan, never closed.\n")
    (said,) = collect([str(path)]).warnings
    assert said[1] == (
        "1 terminal escape sequence removed (never obeyed); 1 terminal link's URL dropped "
        "(the link never closed)"
    )


HTML = (
    "<html><head><title>T</title></head><body><article><p>The council met on Tuesday and "
    "voted on the \x1b[31mharbour plan\x1b[0m after a long debate; read "
    f"\x1b]8;;{URL}?a=1&b=2\x07the plan\x1b]8;;\x07 online, said the clerk of the council.</p>"
    "<p>Another paragraph of text that is long enough to be an article paragraph for the "
    "extractor.</p></article></body></html>"
)


def test_a_pages_terminal_link_keeps_its_url_as_the_warning_says(tmp_path):
    body = clean(RawDocument("p.html", HTML, "html")).body
    assert f"read the plan ({URL}?a=1&b=2) online" in body
    path = tmp_path / "p.html"
    path.write_text(HTML)
    assert collect([str(path)]).warnings == [
        (
            str(path),
            "4 terminal escape sequences removed (never obeyed); 1 terminal link "
            "kept as text (URL)",
        )
    ]


def _records(path, n):
    rows = [{"title": f"Item {k}", "text": f"\x1b[1m{PROSE}\x1b[0m number {k}."} for k in range(n)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_a_json_lines_file_of_coloured_records_gets_one_warning(tmp_path):
    path = tmp_path / "col.jsonl"
    _records(path, 30)
    want = [(str(path), "60 terminal escape sequences removed (never obeyed) from 30 records")]
    got, docs = stream([str(path)])
    assert len(list(docs)) == 30
    assert got.warnings == want  # (read as a stream)
    assert collect([str(path)]).warnings == want  # (read whole)


def test_one_coloured_record_is_named_by_its_line(tmp_path):
    path = tmp_path / "one.jsonl"
    _records(path, 1)
    got, docs = stream([str(path)])
    list(docs)
    assert got.warnings == [(f"{path}:1", "2 terminal escape sequences removed (never obeyed)")]
