"""Said, not silent (session 33): `diff` of an empty file or of a page with no article text
names it on standard error; `show --json` gives the body as `clean --json` does (no line end
after the last paragraph: the body file's own line end is no part of the body)."""

from __future__ import annotations

import json

from tests.cli.conftest import article_ids


def test_diff_of_an_empty_file_is_said(cli, tmp_path):
    empty, other = tmp_path / "empty.txt", tmp_path / "note.txt"
    empty.write_text("", encoding="utf-8")
    other.write_text("The council approved the budget on Monday after a long debate.\n", "utf-8")
    r = cli("diff", empty, other)
    assert r.code == 0
    assert f"wiredesk: warning: {empty}: empty file: compared as an empty text" in r.err
    r = cli("diff", "--json", other, empty)
    assert r.code == 0 and json.loads(r.out)["right"]["words"] == 0
    assert "empty file" in r.err and f"{other}:" not in r.err  # (the other side: nothing)


def test_diff_of_a_page_without_article_text_is_said(cli, tmp_path):
    page, other = tmp_path / "blank.html", tmp_path / "note.txt"
    page.write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    other.write_text("The council approved the budget on Monday after a long debate.\n", "utf-8")
    r = cli("diff", "--json", page, other)
    assert r.code == 0 and "no article text found" in r.err


def test_show_json_body_is_clean_json_body(cli, ws, samples_dir):
    for aid in article_ids(cli, ws):
        shown = json.loads(cli("-w", ws, "show", "--json", aid).out)
        got = json.loads(cli("clean", "--json", shown["origin"]).out)
        assert shown["body"] == got["body"] and not shown["body"].endswith("\n")
