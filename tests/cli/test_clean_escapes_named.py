"""`clean` and `ingest` name the terminal escape sequences removed from a file (never
obeyed, never silently gone); `clean --json` keeps its shape, the URL of a terminal link in
its body."""

from __future__ import annotations

import json

TEXT = (
    "The council met on Tuesday and voted on the \x1b[31mharbour plan\x1b[0m after a long "
    "debate; read \x1b]8;;https://example.org/plan\x07the plan\x1b]8;;\x07 online.\n"
)
SAID = "2 terminal escape sequences removed (never obeyed)"


def test_clean_json_names_the_sequences_removed_and_keeps_its_shape(cli, tmp_path):
    path = tmp_path / "coloured.txt"
    path.write_text(TEXT)
    r = cli("clean", "--json", path)
    assert r.code == 0
    row = json.loads(r.out)
    assert list(row) == [
        "id",
        "title",
        "author",
        "source",
        "date",
        "dateline",
        "lang",
        "summary",
        "body",
        "origin",
    ]
    assert "read the plan (https://example.org/plan) online." in row["body"]
    assert "\x1b" not in r.out
    assert (
        f"wiredesk: warning: {path}: 4 terminal escape sequences removed (never obeyed); "
        "1 terminal link kept as text (URL)"
    ) in r.err


def test_ingest_names_the_sequences_removed(cli, tmp_path):
    path = tmp_path / "red.txt"
    path.write_text(TEXT.split(";")[0] + ".\n")
    r = cli("-w", tmp_path / "ws", "ingest", path)
    assert r.code == 0 and "1 added" in r.out
    assert f"{path}: {SAID}" in r.err
