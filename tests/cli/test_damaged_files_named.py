"""Damaged files are named where a command meets them: an article file that does not parse is
not "no articles yet", and a story file that does not parse is warned about, not written over,
and its repair says what it kept and lost."""

from __future__ import annotations

import json
import shutil

from tests.helpers.news_records import rec
from tui.core.workspace import Workspace
from tui.core.workspace.paths import STORIES


def _only_article_damaged(cli, samples_dir, tmp_path):
    ws = tmp_path / "ws"
    sample = sorted(samples_dir.iterdir())[0]
    assert cli("-w", ws, "ingest", "-q", sample).code == 0
    [path] = (ws / "articles").glob("*/*.toml")
    path.write_text(path.read_text(encoding="utf-8") + 'title = "unclosed\n', encoding="utf-8")
    return ws, path


def test_a_workspace_whose_articles_are_damaged_is_not_called_empty(cli, samples_dir, tmp_path):
    ws, path = _only_article_damaged(cli, samples_dir, tmp_path)
    rel = path.relative_to(ws).as_posix()
    for cmd in (["show", "fff0"], ["star", "fff0"], ["story", "archive", "fff0"]):
        r = cli("-w", ws, *cmd)
        assert r.code == 1, r
        assert "no articles yet" not in r.err and "no stories yet" not in r.err, r.err
        assert f"{rel}: line " in r.err and "wiredesk doctor" in r.err, r.err
    r = cli("-w", ws, "show", path.stem[:6])
    assert r.code == 1 and f"is in a damaged file: {rel}: line " in r.err, r.err
    r = cli("-w", ws, "stories")
    assert "no stories yet" not in r.out and "wiredesk doctor" in r.out, r.out
    assert f"{rel}: line " in r.err


def test_a_damaged_story_file_is_named_kept_and_repaired_with_an_account(cli, base_ws, tmp_path):
    ws = tmp_path / "ws"
    shutil.copytree(base_ws, ws)
    sid = json.loads(cli("-w", ws, "stories", "--json").out)[0]["id"]
    assert cli("-w", ws, "story", "archive", sid).code == 0
    path = ws / STORIES / f"{sid}.toml"
    damaged = f'id = "{sid}"\narchived = true\ntitle = "unclosed\n'
    path.write_text(damaged, encoding="utf-8")
    r = cli("-w", ws, "stories")
    assert f"{STORIES}/{sid}.toml: line 3: " in r.err, r.err
    r = cli("-w", ws, "story", "unarchive", sid)
    assert r.code == 1 and f"{STORIES}/{sid}.toml: line 3: " in r.err, r.err
    assert "not overwritten" in r.err and "doctor --repair" in r.err
    assert path.read_text(encoding="utf-8") == damaged
    r = cli("-w", ws, "doctor")  # what the repair can do, said before it
    assert "(--repair would keep: archived = true; line 3 could not be read" in r.out, r.out
    r = cli("-w", ws, "doctor", "--repair")
    assert "kept: archived = true; line 3 could not be read (LOST" in r.out, r.out


def test_story_archive_of_several_stories_saves_none_when_one_file_is_damaged(cli, tmp_path):
    ws = tmp_path / "ws"
    Workspace.open(ws).ingest([rec(k, k % 3) for k in range(6)])
    a, b, c = (s["id"] for s in json.loads(cli("-w", ws, "stories", "--json").out))
    files = {s: ws / STORIES / f"{s}.toml" for s in (a, b, c)}
    before = {s: p.read_text(encoding="utf-8") if p.exists() else None for s, p in files.items()}
    files[b].parent.mkdir(exist_ok=True)
    files[b].write_text(f'id = "{b}"\ntitle = "unclosed\n', encoding="utf-8")
    r = cli("-w", ws, "story", "archive", a, b, c)
    assert r.code == 1, r
    assert f"none of the 3 stories saved: {STORIES}/{b}.toml: line 2: " in r.err, r.err
    assert "not overwritten" in r.err
    for s in (a, c):  # checked before any was written: A is not archived, C has no new file
        now = files[s].read_text(encoding="utf-8") if files[s].exists() else None
        assert now == before[s], s
    assert len(json.loads(cli("-w", ws, "stories", "--json").out)) == 3  # none archived
