"""Item 1: one id length, unique prefixes wherever an id is printed, ID@N for versions, and
older workspaces with longer ids still open and resolve."""

from __future__ import annotations

import json
import re
import shutil
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.cli.conftest import ARABIC_SAMPLE, article_ids
from tui.cli.ids import MIN_SHOWN, Abbrev, parse_ref


def test_same_content_under_two_names_gets_ids_of_one_length(cli, samples_dir, tmp_path):
    # Before: 48af2917a63c and 48af2917a63cd; "added 48af2917" twice; show 48af2917 ambiguous.
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(samples_dir / ARABIC_SAMPLE, a)
    shutil.copy(samples_dir / ARABIC_SAMPLE, b)
    ws = tmp_path / "ws"
    r = cli("-w", ws, "ingest", "--json", a, b)
    added = json.loads(r.out)["added"]
    assert r.code == 0 and len(added) == 2
    assert {len(x) for x in added} == {12}
    r = cli("-w", ws, "ingest", tmp_path)  # both are duplicates now; a third copy is new
    shutil.copy(a, tmp_path / "c.txt")
    r = cli("-w", ws, "ingest", tmp_path / "c.txt")
    shown = re.findall(r"^added\s+([0-9a-f]+)\s", r.out, re.M)
    assert len(shown) == 1 and len(shown[0]) >= MIN_SHOWN
    r = cli("-w", ws, "show", "--json", shown[0])
    assert r.code == 0, r.err
    assert json.loads(r.out)["origin"].endswith("c.txt")
    ab = Abbrev(article_ids(cli, ws))
    for aid in added:  # the prefix printed for each names it alone
        r = cli("-w", ws, "show", "--json", ab.short(aid))
        assert r.code == 0 and json.loads(r.out)["id"] == aid


def test_stories_prints_unique_prefixes_in_aligned_columns(cli, ws):
    r = cli("-w", ws, "stories")
    assert r.code == 0
    rows = [line for line in r.out.splitlines() if line.startswith("  ")]
    ids = [line[5:].split()[0] for line in rows]
    assert len({len(i) for i in ids}) == 1  # one width: columns line up
    full = article_ids(cli, ws)
    for short in ids:
        assert sum(f.startswith(short) for f in full) == 1
        assert cli("-w", ws, "show", short).code == 0


def test_abbrev_is_the_shortest_unique_prefix():
    ids = ["48af2917a63c", "48af2917a63cd", "7d329de71e12", "7d329de9aaaa"]
    ab = Abbrev(ids)
    assert ab.short("48af2917a63c") == "48af2917a63c"  # a prefix of another: all of it
    assert ab.short("48af2917a63cd") == "48af2917a63cd"
    assert ab.short("7d329de71e12") == "7d329de7"
    assert Abbrev(["abcdef123456"]).short("abcdef123456") == "abcdef1"


hex_ids = st.lists(st.text("0123456789abcdef", min_size=12, max_size=16), min_size=1,
                   max_size=40, unique=True)


@settings(max_examples=200)
@given(hex_ids)
def test_printed_prefixes_name_one_id_each(ids):
    ab = Abbrev(ids)
    for i in ids:
        s = ab.short(i)
        assert len(s) >= min(MIN_SHOWN, len(i))
        others = [j for j in ids if j != i and j.startswith(s)]
        # unique, unless the id itself is a prefix of another (then it is printed whole)
        assert not others or s == i
    n = ab.width(ids)
    assert len({i[:n] for i in ids}) == len(ids) or any(
        j != i and j.startswith(i) for i in ids for j in ids)


def test_parse_ref():
    assert parse_ref("7d3@2").version == 2
    assert parse_ref("7d3@-1").version == -1
    assert parse_ref("7d3").version is None


def test_versions_by_id_at_n(cli, samples_dir, tmp_path):
    page = tmp_path / "page.txt"
    shutil.copy(samples_dir / "000_f09e891d90306fcb.txt", page)
    ws = tmp_path / "ws"
    assert cli("-w", ws, "ingest", page).code == 0
    page.write_text(page.read_text().replace("Japan", "Nippon"))
    r = cli("-w", ws, "ingest", page)
    assert r.code == 0 and "version 2" in r.out
    aid = article_ids(cli, ws)[0]
    one = json.loads(cli("-w", ws, "show", "--json", f"{aid[:7]}@1").out)
    two = json.loads(cli("-w", ws, "show", "--json", f"{aid[:7]}@2").out)
    newest = json.loads(cli("-w", ws, "show", "--json", f"{aid[:7]}@-1").out)
    assert "Nippon" not in one["body"] and "Nippon" in two["body"]
    assert one["version"] == 1 and two["version"] == 2 and newest["body"] == two["body"]
    assert cli("-w", ws, "show", aid, "--version", "1").out == cli("-w", ws, "show",
                                                                    f"{aid}@1").out
    r = cli("-w", ws, "diff", "--json", f"{aid}@1", f"{aid}@2")
    d = json.loads(r.out)
    assert r.code == 0 and d["changes"] and d["left"]["version"] == 1
    assert any(w["op"] != "equal" and "Nippon" in (w["right"] or "")
               for c in d["changes"] for w in c.get("words", []))
    r = cli("-w", ws, "diff", f"{aid}@1", f"{aid}@2")
    assert r.code == 0 and "{+Nippon+}" in r.out
    ingested = [v["ingested"] for v in one["versions"]]
    r = cli("-w", ws, "export", f"{aid}@1", "--format", "csl-json")
    accessed = json.loads(r.out)[0]["accessed"]
    assert r.code == 0 and accessed["date-parts"][0] == [
        int(x) for x in ingested[0][:10].split("-")]
    for bad, says in ((f"{aid}@3", "2 versions"), (f"{aid}@0", "not 0"),
                      (f"{aid}@x", "must be a number")):
        r = cli("-w", ws, "show", bad)
        assert r.code == 1 and says in r.err and r.err.count("\n") == 1


def test_older_workspace_with_a_13_character_id_opens_and_resolves(cli, ws):
    aid = article_ids(cli, ws)[0]
    old = aid + "d"  # what the old scheme made for a second copy of the same content
    path = ws / "articles" / aid[:2] / f"{aid}.toml"
    text = path.read_text().replace(f'id = "{aid}"', f'id = "{old}"', 1)
    path.unlink()
    (ws / "articles" / old[:2] / f"{old}.toml").write_text(text)
    shutil.rmtree(ws / ".cache", ignore_errors=True)
    assert old in article_ids(cli, ws)
    r = cli("-w", ws, "show", "--json", old)
    assert r.code == 0 and json.loads(r.out)["id"] == old
    r = cli("-w", ws, "show", "--json", old[:9])
    assert r.code == 0 and json.loads(r.out)["id"] == old
    r = cli("-w", ws, "stories")
    assert r.code == 0 and old[:MIN_SHOWN] in r.out


def test_story_ids_are_printed_and_resolved_like_article_ids(cli, ws):
    data = json.loads(cli("-w", ws, "stories", "--json").out)
    sid = data[0]["id"]
    r = cli("-w", ws, "export", "--all", "--story", sid[:MIN_SHOWN], "--format", "json")
    assert r.code == 0 and len(json.loads(r.out)["articles"]) == len(data[0]["articles"])
    r = cli("-w", ws, "story", "archive", "ffffffff")
    assert r.code == 1 and "no story with id 'ffffffff'" in r.err


def test_ids_are_hex_of_one_length_in_a_fresh_workspace(cli, ws):
    assert all(len(i) == 12 and set(i) <= set(string.hexdigits.lower())
               for i in article_ids(cli, ws))
