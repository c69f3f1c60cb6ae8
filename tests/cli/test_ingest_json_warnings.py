"""`ingest --json` carries the ingest's warnings (what a source taken in could not keep
whole), last, shaped as its failures: `"warnings": [{"source", "reason"}]`, `[]` when there
are none; each is also on standard error, once a file."""

from __future__ import annotations

import json

TEXT = (
    "The council met on Tuesday and voted on the \x1b[31mharbour plan\x1b[0m after a long "
    "debate about the cost of the quay.\n"
)
SAID = "2 terminal escape sequences removed (never obeyed)"


def test_ingest_json_lists_the_warnings_last(cli, tmp_path):
    path = tmp_path / "coloured.txt"
    path.write_text(TEXT)
    r = cli("-w", tmp_path / "ws", "ingest", "--json", path)
    assert r.code == 0
    rep = json.loads(r.out)
    assert list(rep) == ["added", "updated", "duplicates", "failed", "warnings"]
    assert rep["warnings"] == [{"source": str(path), "reason": SAID}]
    assert r.err.count("wiredesk: warning: ") == 1 and SAID in r.err


def test_a_clean_file_gives_no_warnings(cli, tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text(TEXT.replace("\x1b[31m", "").replace("\x1b[0m", ""))
    rep = json.loads(cli("-w", tmp_path / "ws", "ingest", "--json", path).out)
    assert rep["warnings"] == [] and len(rep["added"]) == 1


def test_a_json_lines_file_gives_one_warning_line_even_quiet(cli, tmp_path):
    path = tmp_path / "col.jsonl"
    rows = [{"title": f"Item {k}", "text": f"{TEXT} Number {k}."} for k in range(40)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    r = cli("-w", tmp_path / "ws", "ingest", "-q", path)
    assert r.code == 0 and r.out == ""
    assert r.err.splitlines() == [
        f"wiredesk: warning: {path}: 80 terminal escape sequences removed (never obeyed) "
        "from 40 records"
    ]
    r = cli("-w", tmp_path / "ws", "ingest", "--json", path)  # (again: all duplicates)
    rep = json.loads(r.out)
    assert len(rep["duplicates"]) == 40 and len(rep["warnings"]) == 1
