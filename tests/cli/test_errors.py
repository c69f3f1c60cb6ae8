"""Items 2, 3 and 5: every user error is one line on stderr with exit 1 naming the wrong
thing (and the nearest valid choice), usage errors exit 2, a partial failure exits 1 as
documented; dates are parsed as dates; diff names a missing file; clean reads records and
feed items as ingest does."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.cli.conftest import article_ids
from tui.core.query import QueryError, parse_date_value, parse_filter


def one_line_error(r, *needles: str) -> None:
    assert r.code == 1, (r.code, r.out, r.err)
    assert r.err.count("\n") == 1 and r.err.startswith("wiredesk: "), r.err
    for n in needles:
        assert n in r.err, (n, r.err)
    assert "Traceback" not in r.all


@pytest.mark.parametrize("args, needles", [
    (["stories", "--filter", "after:notadate"], ["'notadate' is not a date", "YYYY-MM-DD"]),
    (["stories", "--filter", "tag:"], ["tag: needs a value", "tag:japan"]),
    (["stories", "--filter", "after:2022-13-45"],
     ["'2022-13-45'", "month 13", "nearest valid: 2022-12-31"]),
    (["stories", "--filter", "before:2022-02-30"], ["28 days", "nearest valid: 2022-02-28"]),
    (["stories", "--filter", "after:11/10/2022"], ["ambiguous", "2022-10-11", "2022-11-10"]),
    (["export", "--from", "2022-13-45"], ["--from '2022-13-45'", "2022-12-31"]),
    (["export", "--to", "someday"], ["--to 'someday' is not a date"]),
    (["export", "-q", "after:2022-99"], ["-q: after:", "month 99"]),
    (["show", "zzzz"], ["'zzzz'", "ids are hex"]),
    (["show", "ffffffff"], ["no article with id 'ffffffff'"]),
    (["diff", "/nonexistent/a.txt", "ffff"], ["/nonexistent/a.txt: no such file"]),
    (["export", "--all", "-o", "/nonexistent_dir_h3/x.md"],
     ["/nonexistent_dir_h3: no such folder", "--parents"]),
    (["story", "merge", "ffffffff", "eeeeeeee"], ["no story with id 'ffffffff'"]),
    (["tag", "ffffffff", "x"], ["no article with id 'ffffffff'"]),
])
def test_user_errors_are_one_line_naming_the_thing(cli, ws, args, needles):
    one_line_error(cli("-w", ws, *args), *needles)


def test_a_typo_in_an_id_names_the_nearest_id(cli, ws):
    aid = article_ids(cli, ws)[0]
    typo = aid[:6] + ("0" if aid[6] != "0" else "1")  # wrong last character
    r = cli("-w", ws, "show", typo)
    one_line_error(r, f"'{typo}'", f"nearest: {aid[:7]}")


def test_an_ambiguous_prefix_lists_the_candidates(cli, ws):
    import shutil

    first, second = article_ids(cli, ws)[:2]
    twin = first[:8] + ("0000" if first[8:] != "0000" else "1111")  # shares 8 characters
    path = ws / "articles" / second[:2] / f"{second}.toml"
    text = path.read_text().replace(f'id = "{second}"', f'id = "{twin}"', 1)
    path.unlink()
    (ws / "articles" / twin[:2]).mkdir(exist_ok=True)
    (ws / "articles" / twin[:2] / f"{twin}.toml").write_text(text)
    shutil.rmtree(ws / ".cache", ignore_errors=True)
    r = cli("-w", ws, "show", first[:7])
    one_line_error(r, "ambiguous", "2 match", first[:9], twin[:9], "give more characters")
    r = cli("-w", ws, "stories")  # the printed prefixes grow to stay unique
    assert first[:9] in r.out and twin[:9] in r.out


@pytest.mark.parametrize("args", [
    ["stories", "--bogus"], ["show"], ["diff", "a"], ["export", "--format", "docx"],
    ["no-such-command"], ["show", "x", "--version", "one"],
])
def test_usage_errors_exit_2_with_one_line(cli, ws, args):
    r = cli("-w", ws, *args)
    assert r.code == 2 and r.err.count("\n") == 1 and "--help" in r.err


def test_no_traceback_in_a_real_process(tmp_path, ws):
    for q in ("after:notadate", "tag:"):
        r = subprocess.run([sys.executable, "-m", "tui", "-w", str(ws), "stories", "--filter",
                            q], capture_output=True, text=True, timeout=120)
        assert r.returncode == 1 and "Traceback" not in r.stderr
        assert r.stderr.count("\n") == 1


def test_a_partial_failure_exits_1_and_keeps_the_rest(cli, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"url": "x:1", "title": "T", "text": "A body of some words."})
                   + "\nnot json\n")
    ws = tmp_path / "ws"
    r = cli("-w", ws, "ingest", src)
    assert r.code == 1  # before: "1 failed" and exit 0
    assert "1 added" in r.out and "in.jsonl:2" in r.err and r.err.count("\n") == 1
    r = cli("-w", ws, "ingest", src)  # the good record is a duplicate now, the bad one fails
    assert r.code == 1
    ok = tmp_path / "ok.jsonl"
    ok.write_text(json.dumps({"url": "x:2", "title": "U", "text": "Another body here."}) + "\n")
    assert cli("-w", ws, "ingest", ok).code == 0


def test_diff_names_the_missing_file_not_an_id(cli, ws, samples_dir):
    sample = next(samples_dir.iterdir())
    r = cli("-w", ws, "diff", sample, "/nonexistent/b.txt")
    one_line_error(r, "/nonexistent/b.txt: no such file")
    r = cli("-w", ws, "diff", samples_dir, sample)
    one_line_error(r, "is a folder")
    typo = sample.with_name(sample.name.replace(".txt", ".tx"))
    r = cli("-w", ws, "diff", typo, sample)
    one_line_error(r, f"{typo}: no such file", f"nearest: {sample}")


def test_clean_reads_records_and_feed_items_as_ingest_does(cli, tmp_path):
    jl = tmp_path / "file.jsonl"
    jl.write_text("\n".join(json.dumps({"url": f"x:{i}", "title": f"Title {i}",
                                        "text": f"Body number {i} of the file."})
                            for i in range(3)) + "\n")
    r = cli("clean", "--json", jl)
    rows = [json.loads(line) for line in r.out.splitlines()]
    assert r.code == 0 and [x["title"] for x in rows] == ["Title 0", "Title 1", "Title 2"]
    assert rows[1]["body"] == "Body number 1 of the file." and rows[1]["origin"] == "x:1"
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        + "".join(f"<item><title>Item {i}</title><link>http://f.test/{i}</link><description>"
                  f"Item {i} has a text of several words here.</description></item>"
                  for i in range(2)) + "</channel></rss>")
    r = cli("clean", "--json", feed)
    rows = [json.loads(line) for line in r.out.splitlines()]
    assert r.code == 0 and [x["origin"] for x in rows] == ["http://f.test/0", "http://f.test/1"]
    jl.write_text(jl.read_text() + "{broken\n")
    r = cli("clean", "--json", jl)
    rows = [json.loads(line) for line in r.out.splitlines()]
    assert r.code == 1 and len(rows) == 4 and rows[-1]["error"] and "file.jsonl:4" in r.err


def test_export_into_a_missing_folder_only_with_parents(cli, ws, tmp_path):
    target = tmp_path / "new" / "deeper" / "x.md"
    assert cli("-w", ws, "export", "--all", "-o", target).code == 1
    assert not (tmp_path / "new").exists()
    r = cli("-w", ws, "export", "--all", "-o", target, "--parents")
    assert r.code == 0 and target.read_text().strip()


# ---- dates --------------------------------------------------------------------------------
@pytest.mark.parametrize("text, iso", [
    ("2022", "2022"), ("2022-10", "2022-10"), ("2022-10-11", "2022-10-11"),
    ("2022/10/11", "2022-10-11"), ("2022.10.11", "2022-10-11"), ("20221011", "2022-10-11"),
    ("11 Oct 2022", "2022-10-11"), ("Oct 11, 2022", "2022-10-11"),
    ("October 2022", "2022-10"), ("13/10/2022", "2022-10-13"), ("10/13/2022", "2022-10-13"),
    ("2022-10-11T09:30:00+09:00", "2022-10-11"), ("2024-02-29", "2024-02-29"),
])
def test_common_date_forms(text, iso):
    assert parse_date_value(text) == iso


@pytest.mark.parametrize("text", ["2022-13-45", "2022-02-29", "notadate", "11/10/2022",
                                  "2022-00", "Smarch 2022", "0999", "2022-10-32", ""])
def test_impossible_dates_are_errors(text):
    with pytest.raises(QueryError):
        parse_date_value(text)


@settings(max_examples=200)
@given(st.integers(1000, 9999), st.integers(0, 40), st.integers(0, 40))
def test_numeric_dates_are_checked_as_dates(y, m, d):
    text = f"{y}-{m:02d}-{d:02d}"
    try:
        valid = dt.date(y, m, d).isoformat()
    except ValueError:
        valid = None
    if valid:
        assert parse_date_value(text) == valid
        assert parse_filter(f"after:{text}").date_from == valid
    else:
        with pytest.raises(QueryError, match="nearest valid"):
            parse_date_value(text)


def test_date_filters_compare_dates(cli, ws):
    every = json.loads(cli("-w", ws, "stories", "--json").out)
    dated = [a["date"] for s in every for a in s["articles"] if a["date"]]
    assert dated
    first = min(d[:10] for d in dated)
    y, m, d = (int(x) for x in first.split("-"))
    r = cli("-w", ws, "stories", "--json", "--filter", f'after:"{d} {dt.date(y, m, d):%b} {y}"')
    got = [a for s in json.loads(r.out) for a in s["articles"]]
    assert r.code == 0 and len(got) == len(dated)


@pytest.mark.parametrize("args, near", [(["stroies"], "'stories'"),
                                        (["export", "--format", "mdd"], "'md'"),
                                        (["story", "merg", "a", "b"], "'merge'")])
def test_a_mistyped_choice_names_the_nearest(cli, ws, args, near):
    r = cli("-w", ws, *args)
    assert r.code == 2 and f"did you mean {near}?" in r.err and r.err.count("\n") == 1


def test_clean_of_an_empty_file_is_an_empty_body_said_on_stderr(cli, tmp_path):
    """One object per argument, in order, and exit 0: scripts (and the extraction scorers)
    read `clean --json` line by line; the empty file is named on stderr, not lost."""
    empty, page = tmp_path / "empty.txt", tmp_path / "page.txt"
    empty.write_text("")
    page.write_text("Harbour bridge reopens\n\nThe bridge reopened on Monday after repairs.\n")
    r = cli("clean", "--json", empty, page)
    assert r.code == 0
    lines = [json.loads(x) for x in r.out.splitlines()]
    assert [d["origin"] for d in lines] == [str(empty), str(page)]
    assert lines[0]["body"] == "" and "bridge reopened" in lines[1]["body"]
    assert "empty.txt: empty file" in r.err
