"""Item 7: right-to-left text in logical order in every non-terminal output (pipes, files,
JSON, exports), tested with the Arabic seed; visual order only for a terminal."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rich.cells import cell_len

from tests.cli.conftest import ARABIC_SAMPLE, ARABIC_VISUAL, ARABIC_WORD, article_ids
from tui.render.console import terminal_lines


@pytest.fixture
def arabic(cli, ws, samples_dir):
    """(workspace, id of the Arabic sample, id of another copy of it with one word changed),
    the Arabic article starred so exports include it."""
    rows = json.loads(cli("-w", ws, "stories", "--json").out)
    aid = next(a["id"] for s in rows for a in s["articles"] if a["lang"] == "ar")
    assert cli("-w", ws, "star", aid).code == 0
    return ws, aid


def logical(text: str) -> None:
    assert ARABIC_WORD in text
    assert ARABIC_VISUAL not in text


def test_the_seed_itself_is_in_logical_order(samples_dir):
    logical((samples_dir / ARABIC_SAMPLE).read_text())


def test_diff_to_a_pipe_or_file_is_logical(cli, arabic, samples_dir, tmp_path):
    # Before: `wiredesk diff ... > f` held "تقفتا" 4 times and "اتفقت" none.
    ws, aid = arabic
    changed = tmp_path / "changed.txt"
    changed.write_text((samples_dir / ARABIC_SAMPLE).read_text().replace("كندا", "كندا،", 1))
    r = cli("-w", ws, "diff", aid, changed)
    assert r.code == 0
    logical(r.out)
    r = cli("-w", ws, "diff", "--width", "60", samples_dir / ARABIC_SAMPLE, changed)
    logical(r.out)


def test_visual_order_when_asked_so_the_test_can_fail(cli, arabic, monkeypatch):
    ws, aid = arabic
    monkeypatch.setenv("WIREDESK_BIDI", "visual")
    r = cli("-w", ws, "diff", aid, aid)
    assert ARABIC_VISUAL in r.out


@pytest.mark.parametrize("args", [
    ["show", "{id}"], ["show", "--raw", "{id}"], ["show", "--json", "{id}"],
    ["stories"], ["stories", "--json"], ["diff", "--json", "{id}", "{id}"],
])
def test_show_stories_and_json_are_logical(cli, arabic, args):
    ws, aid = arabic
    r = cli("-w", ws, *[a.format(id=aid) for a in args])
    assert r.code == 0
    if "--json" in args:
        json.loads(r.out)
    if args[0] == "stories" and "--json" not in args:
        assert any(ARABIC_WORD in line for line in r.out.splitlines())
        assert ARABIC_VISUAL not in r.out
    else:
        logical(r.out)


@pytest.mark.parametrize("fmt", ["md", "json", "toml", "csv", "csl-json", "html"])
def test_exports_are_logical(cli, arabic, fmt, tmp_path):
    ws, aid = arabic
    r = cli("-w", ws, "export", aid, "--format", fmt)
    assert r.code == 0 and r.out
    assert ARABIC_WORD in r.out and ARABIC_VISUAL not in r.out
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(r.out)))
        assert any(ARABIC_WORD in (row.get("title") or "") for row in rows)
    out = tmp_path / f"x.{fmt}"
    assert cli("-w", ws, "export", aid, "--format", fmt, "-o", out).code == 0
    text = out.read_text(encoding="utf-8")
    assert ARABIC_WORD in text and ARABIC_VISUAL not in text


def test_clean_of_the_seed_is_logical(cli, samples_dir):
    r = cli("clean", samples_dir / ARABIC_SAMPLE)
    logical(r.out)
    r = cli("clean", "--json", samples_dir / ARABIC_SAMPLE)
    logical(json.loads(r.out)["body"])


def test_a_terminal_gets_wrapped_visual_lines(samples_dir):
    text = (samples_dir / ARABIC_SAMPLE).read_text().split("\n")[0]
    rows = terminal_lines(text, 60)
    assert len(rows) > 3 and all(cell_len(r) <= 60 for r in rows)
    # the first row on screen holds the paragraph's first words, reversed for the terminal
    assert ARABIC_VISUAL in rows[0] and rows[0].endswith(ARABIC_VISUAL)
    assert terminal_lines("plain English line", 10) == ["plain English line"]


def test_ids_still_work_beside_arabic(cli, arabic):
    ws, aid = arabic
    assert aid in article_ids(cli, ws)
