"""`wiredesk export` end to end: ingest the seeds, triage from the CLI, export, read back."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path

import pytest
import yaml
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from markdown_it import MarkdownIt

from tui.cli import main
from tui.core.export.csv_out import split_tags, unneutralise

NOTE = 'Commas, "quotes"\nnew line — café 日本 العربية\n[bold red]markup[/] \x1b[31mred\x1b[0m'
CLEAN = 'Commas, "quotes"\nnew line — café 日本 العربية\n[bold red]markup[/] red'


def wd(capsys, ws: Path, *args: str) -> tuple[int, bytes, str]:
    code = main(["--workspace", str(ws), *args])
    cap = capsys.readouterr()
    return code, cap.out.encode("utf-8"), cap.err


@pytest.fixture(scope="module")
def workspace(seeds_dir, tmp_path_factory) -> tuple[Path, list[str]]:
    ws = tmp_path_factory.mktemp("export") / "ws"
    seeds = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    assert main(["--workspace", str(ws), "ingest", "--json", *seeds]) in (0, 1)
    from tui.core.workspace import Workspace

    ids = [a.id for a in Workspace.open(ws).articles()]
    assert len(ids) >= 3
    a, b, c = ids[:3]
    for args in (["tag", a, "japan", "=cmd"], ["tag", b, "japan", "canada"], ["star", b],
                 ["note", a, NOTE], ["read", a], ["tag", c, "done"]):
        assert main(["--workspace", str(ws), *args]) == 0
    return ws, ids


def _json(capsys, ws, *args) -> list[dict]:
    code, out, _ = wd(capsys, ws, "export", "--format", "json", *args)
    assert code == 0
    return json.loads(out)["articles"]


def test_every_format_reads_back(capsys, workspace):
    ws, (a, b, c, *_) = workspace
    arts = _json(capsys, ws)
    assert sorted(x["id"] for x in arts) == sorted([a, b, c])  # default: triaged only
    by_id = {x["id"]: x for x in arts}
    assert by_id[a]["note"] == CLEAN and by_id[a]["read"] is True
    assert by_id[a]["note_version_ingested"]  # the version the note was written against
    assert by_id[b]["starred"] and by_id[b]["tags"] == ["canada", "japan"]
    assert by_id[a]["story"]["id"] and by_id[a]["story"]["title"]

    _, out, _ = wd(capsys, ws, "export", "--format", "toml")
    assert {x["id"]: x for x in tomllib.loads(out.decode())["articles"]}[a]["note"] == CLEAN

    _, out, _ = wd(capsys, ws, "export", "--format", "csv")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out.decode(), newline=""))}
    assert unneutralise(rows[a]["note"]) == CLEAN
    assert rows[a]["tags"].startswith("'=") and split_tags(unneutralise(rows[a]["tags"])) == [
        "=cmd", "japan"]

    _, out, _ = wd(capsys, ws, "export", "--format", "csl-json")
    data = json.loads(out)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bib = CitationStylesBibliography(style, CiteProcJSON(data), formatter.plain)
    for item in data:
        bib.register(Citation([CitationItem(item["id"])]))
    assert len(bib.bibliography()) == 3

    _, out, _ = wd(capsys, ws, "export", "--format", "md")
    tokens = MarkdownIt("commonmark").parse(out.decode())
    assert sum(t.type == "heading_open" and t.tag == "h3" for t in tokens) == 3
    assert "café 日本 العربية" in out.decode() and "\x1b" not in out.decode()

    _, out, _ = wd(capsys, ws, "export", "--format", "html")
    assert "&quot;quotes&quot;" in out.decode() and "\x1b" not in out.decode()


def test_filters(capsys, workspace):
    ws, (a, b, c, *_) = workspace
    ids = lambda *args: sorted(x["id"] for x in _json(capsys, ws, *args))  # noqa: E731
    assert ids("--tag", "japan") == sorted([a, b])
    assert ids("--tag", "canada", "--tag", "done") == sorted([b, c])
    assert ids("--tag", "japan", "--tag", "canada", "--all-tags") == [b]
    assert ids("--starred") == [b]
    assert ids("--read") == [a] and a not in ids("--unread")
    assert ids("-q", "tag:japan -tag:canada") == [a]
    assert ids("--lang", "xx") == []
    assert ids("--from", "1900", "--to", "2999") == ids("-q", "after:1900")
    story = _json(capsys, ws, "--all")[0]["story"]["id"]
    assert all(x["story"]["id"] == story for x in _json(capsys, ws, "--all", "--story", story))
    assert len(_json(capsys, ws, "--all")) == len(workspace[1])


def test_empty_selection_is_a_valid_document_and_a_message(capsys, workspace):
    ws, _ = workspace
    code, out, err = wd(capsys, ws, "export", "--format", "json", "--tag", "no-such-tag")
    assert code == 0 and json.loads(out)["articles"] == [] and "nothing to export" in err
    code, out, err = wd(capsys, ws, "export", "--format", "csv", "--tag", "no-such-tag")
    assert code == 0 and out.decode().startswith("id,title")


def test_deterministic_bytes(capsys, workspace):
    ws, _ = workspace
    for fmt in ("md", "json", "toml", "csv", "csl-json", "html"):
        first = wd(capsys, ws, "export", "--all", "--format", fmt)[1]
        assert first == wd(capsys, ws, "export", "--all", "--format", fmt)[1]


def test_output_file_and_overwrite(capsys, workspace, tmp_path):
    ws, _ = workspace
    target = tmp_path / "notes.csv"
    code, _, err = wd(capsys, ws, "export", "-o", str(target))
    assert code == 0 and "as csv" in err  # format from the file name
    first = target.read_bytes()
    code, _, err = wd(capsys, ws, "export", "-o", str(target))
    assert code == 1 and "--force" in err and target.read_bytes() == first
    assert wd(capsys, ws, "export", "-o", str(target), "--force", "-f", "json")[0] == 0
    assert json.loads(target.read_text())["articles"]
    code, _, err = wd(capsys, ws, "export", "-o", str(tmp_path))
    assert code == 1 and "folder" in err


def test_split_markdown(capsys, workspace, tmp_path):
    ws, (a, *_) = workspace
    folder = tmp_path / "vault"
    code, _, err = wd(capsys, ws, "export", "--split", "-o", str(folder))
    assert code == 0, err
    files = sorted(folder.iterdir())
    assert len(files) == 3 and all(f.suffix == ".md" for f in files)
    metas = [yaml.safe_load(f.read_text().split("---\n", 2)[1]) for f in files]
    assert {m["id"] for m in metas} >= {a}
    note_file = next(f for f, m in zip(files, metas) if m["id"] == a)
    assert CLEAN in note_file.read_text()
    code, _, err = wd(capsys, ws, "export", "--split", "-o", str(folder))
    assert code == 1 and "--force" in err
    assert wd(capsys, ws, "export", "--split", "-o", str(folder), "--force")[0] == 0
    code, _, err = wd(capsys, ws, "export", "--split")
    assert code == 1 and "-o" in err
    code, _, err = wd(capsys, ws, "export", "--split", "-f", "csv", "-o", str(tmp_path / "x"))
    assert code == 1 and "--split" in err


def test_split_refuses_a_symlink_out_of_the_folder(capsys, workspace, tmp_path):
    ws, _ = workspace
    folder = tmp_path / "out"
    assert wd(capsys, ws, "export", "--split", "-o", str(folder))[0] == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    first = sorted(folder.iterdir())[0]
    first.unlink()
    first.symlink_to(victim)
    code, _, err = wd(capsys, ws, "export", "--split", "-o", str(folder), "--force")
    assert code == 1 and "outside" in err and victim.read_text() == "keep me"


def test_bad_filters_are_user_errors(capsys, workspace):
    ws, _ = workspace
    code, _, err = wd(capsys, ws, "export", "--from", "last week")
    assert code == 1 and "YYYY" in err
    code, _, err = wd(capsys, ws, "export", "--story", "zzzz")
    assert code == 1 and "zzzz" in err
    code, _, err = wd(capsys, ws, "export", "-q", "tag:")
    assert code == 1 and "tag" in err


def test_no_note_is_null_as_in_show(capsys, workspace):
    """`export --format json` and `show --json` agree: an article without a note has
    ``"note": null`` in both (CLI.md: a field that is not known is null)."""
    ws, (a, b, *_) = workspace
    by_id = {x["id"]: x for x in _json(capsys, ws)}
    for aid in (a, b):
        code, out, _ = wd(capsys, ws, "show", aid, "--json")
        assert code == 0
        assert by_id[aid]["note"] == json.loads(out)["note"]
    assert by_id[b]["note"] is None and by_id[a]["note"] == CLEAN
    _, out, _ = wd(capsys, ws, "export", "--format", "toml")
    assert "note" not in {x["id"]: x for x in tomllib.loads(out.decode())["articles"]}[b]
