"""`wiredesk ingest` of one JSON Lines file from two working directories: the second run finds
the records (their origin is the file's absolute path + :N), and what it says still names the
file as typed; `clean --json` names a record's origin as typed, as it names a file."""

from __future__ import annotations

import json


def test_ingest_from_two_directories_says_duplicates(cli, tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.jsonl").write_text(
        json.dumps({"title": "Fire", "text": "Wildfires forced thousands to flee overnight."})
        + "\n"
        + json.dumps({"title": "Rate", "text": "The central bank raised its rate."})
        + "\n{bad\n",
        encoding="utf-8",
    )
    ws = tmp_path / "ws"
    monkeypatch.chdir(tmp_path / "a")
    r = cli("-w", ws, "ingest", "x.jsonl")
    assert "2 added" in r.out and "x.jsonl:3" in r.err and str(tmp_path) not in r.err
    monkeypatch.chdir(tmp_path)
    r = cli("-w", ws, "ingest", "a/x.jsonl")
    assert "0 added" in r.out and "2 duplicates" in r.out
    assert "a/x.jsonl:3" in r.err and str(tmp_path) not in r.err


def test_clean_json_names_a_record_as_typed(cli, tmp_path, monkeypatch):
    (tmp_path / "x.jsonl").write_text(
        json.dumps({"text": "A body of some words."}) + "\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    r = cli("clean", "--json", "x.jsonl")
    assert json.loads(r.out)["origin"] == "x.jsonl:1"


def test_clean_json_into_ingest_finds_what_ingest_took(cli, tmp_path, monkeypatch):
    """`clean --json` names a file and a record as typed; ingesting its output into a workspace
    that took the same files finds them (duplicates), as on a workspace of typed origins."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.jsonl").write_text(
        json.dumps({"title": "Fire", "text": "Wildfires forced thousands to flee overnight."})
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "a" / "p.txt").write_text(
        "Harbour bridge closes\n\nThe harbour bridge closed on Friday for repairs to its deck.\n",
        encoding="utf-8",
    )
    ws = tmp_path / "ws"
    monkeypatch.chdir(tmp_path)
    assert "2 added" in cli("-w", ws, "ingest", "a/x.jsonl", "a/p.txt").out
    cleaned = cli("clean", "--json", "a/x.jsonl", "a/p.txt").out
    origins = [json.loads(ln)["origin"] for ln in cleaned.splitlines()]
    assert origins == ["a/x.jsonl:1", "a/p.txt"]
    (tmp_path / "c.jsonl").write_text(cleaned, encoding="utf-8")
    r = cli("-w", ws, "ingest", "c.jsonl")
    assert "0 added" in r.out and "2 duplicates" in r.out, r.out
