"""What a new user's run turned up (session 30): standard input as one side of `diff`, a page
with no article text said by `clean` (still exit 0), files a folder holds that ingest does not
read named rather than dropped without a word."""

from __future__ import annotations

import io
import json
import sys

TEXT_A = "Flood waters recede\n\nThe river fell by a metre overnight, the council said on Monday.\n"
TEXT_B = "Flood waters recede\n\nThe river fell by two metres overnight, the council said.\n"


def _stdin(monkeypatch, data: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode()), encoding="utf-8"))


def test_diff_reads_standard_input_as_one_side(cli, tmp_path, monkeypatch):
    (tmp_path / "b.txt").write_text(TEXT_B)
    _stdin(monkeypatch, TEXT_A)
    r = cli("diff", "-", tmp_path / "b.txt", "--json")
    assert r.code == 0, r.err
    got = json.loads(r.out)
    assert got["left"]["origin"] == "-" and got["left"]["title"] == "Flood waters recede"
    assert got["left"]["words"] > 5 and got["similarity"] > 0


def test_diff_reads_standard_input_on_the_right_too(cli, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(TEXT_A)
    _stdin(monkeypatch, TEXT_B)
    r = cli("diff", tmp_path / "a.txt", "-", "--json")
    assert r.code == 0, r.err
    got = json.loads(r.out)
    assert got["right"]["origin"] == "-" and got["left"]["origin"] != "-"
    assert got["right"]["title"] == "Flood waters recede" and got["similarity"] < 1


def test_diff_of_standard_input_with_itself_is_refused(cli, monkeypatch):
    _stdin(monkeypatch, TEXT_A)
    r = cli("diff", "-", "-")
    assert r.code == 1 and "standard input" in r.err and "only one side" in r.err


def test_clean_says_when_a_page_has_no_article_text_but_exits_0(cli, tmp_path):
    page = tmp_path / "script.html"
    page.write_text("<html><body><script>var x = 1;</script></body></html>")
    r = cli("clean", "--json", page)
    assert r.code == 0, r.err  # a page with little text is no failure (batch cleaners go on)
    assert json.loads(r.out)["body"] == ""
    assert "no article text" in r.err and "script.html" in r.err
    r = cli("clean", page)
    assert r.code == 0 and "no article text" in r.err


def test_clean_of_a_page_with_text_says_nothing_more(cli, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT_A)
    r = cli("clean", "--json", tmp_path / "a.txt")
    assert r.code == 0 and r.err == ""


def test_a_folder_names_the_files_it_does_not_read(cli, tmp_path):
    folder = tmp_path / "pile"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(TEXT_A)
    (folder / "NOTES").write_text(TEXT_B)  # no extension: not read, but said
    (folder / "sub" / "x.bin").write_bytes(b"\x00\x01\x02")
    (folder / ".hidden.txt").write_text(TEXT_B)  # hidden: skipped as documented, unsaid
    r = cli("-w", tmp_path / "ws", "ingest", "--json", folder)
    assert r.code == 0, r.err
    assert len(json.loads(r.out)["added"]) == 1
    assert "warning" in r.err and "2 files not read" in r.err
    assert "NOTES" in r.err and "sub/x.bin" in r.err and ".hidden" not in r.err


def test_a_folder_of_readable_files_has_no_warning(cli, tmp_path):
    folder = tmp_path / "pile"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT_A)
    r = cli("-w", tmp_path / "ws", "ingest", folder)
    assert r.code == 0 and "warning" not in r.err


def test_json_lines_on_standard_input_name_failures_as_dash_line(cli, tmp_path, monkeypatch):
    # docs/CLI.md: `wiredesk: SOURCE: reason`, with `:LINE` for a JSON Lines record; the
    # source the user gave is `-`, not an internal name
    good = json.dumps({"title": "A", "text": TEXT_A, "author": {"x": 1}})
    _stdin(monkeypatch, good + '\n{"x": 1}\nnot json\n')
    r = cli("-w", tmp_path / "ws", "ingest", "--json", "-")
    assert r.code == 1
    failed = json.loads(r.out)["failed"]
    assert [f["source"] for f in failed] == ["-:2", "-:3"]
    assert "wiredesk: -:2: no text" in r.err and "warning: -:1: 'author' ignored" in r.err
    assert "stdin:" not in r.err


def test_a_json_array_of_records_is_read_as_json_lines(cli, tmp_path, monkeypatch):
    records = [{"title": "A", "text": TEXT_A, "url": "https://a.test/1"}, {"title": "B"}, 5]
    (tmp_path / "export.json").write_text(json.dumps(records, indent=2))
    r = cli("-w", tmp_path / "ws", "ingest", "--json", tmp_path / "export.json")
    assert r.code == 1  # a partial failure: two records were not articles
    got = json.loads(r.out)
    assert len(got["added"]) == 1
    assert [f["source"].rsplit(":", 1)[1] for f in got["failed"]] == ["2", "3"]
    _stdin(monkeypatch, json.dumps(records[:1]))
    r = cli("clean", "--json", "-")
    assert r.code == 0 and json.loads(r.out)["origin"] == "https://a.test/1"


def test_a_json_array_of_other_data_is_one_file_not_a_feed(cli, tmp_path):
    """An array of objects with no article key (a package list, a data dump) is one failure
    for the file, not one for each of its items."""
    rows = [{"name": f"pkg{k}", "version": "1.0"} for k in range(50)]
    (tmp_path / "packages.json").write_text(json.dumps(rows))
    r = cli("-w", tmp_path / "ws", "ingest", "--json", tmp_path / "packages.json")
    assert r.code != 0
    failed = json.loads(r.out)["failed"]
    assert len(failed) == 1 and failed[0]["source"].endswith("packages.json")


def test_a_json_feed_is_still_a_feed(cli, tmp_path):
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "F",
        "items": [{"id": "1", "title": "Flood waters recede", "content_text": TEXT_B}],
    }
    (tmp_path / "feed.json").write_text(json.dumps(feed))
    r = cli("clean", "--json", tmp_path / "feed.json")
    assert r.code == 0 and json.loads(r.out)["title"] == "Flood waters recede"
