"""Session 34: `doctor --repair` of a damaged story file keeps the title (and archive state)
the index still holds, and says so. Before, the lines that no longer parsed took the story's
title with them ("no archive state or title can be read ... LOST") though the index, which
keeps the state it last read of a damaged story file, still had it."""

from __future__ import annotations

import json
import shutil
import tomllib

from tui.core.workspace.paths import STORIES

TITLE = "Japan-Canada intelligence pact"


def _titled_story(cli, base_ws, tmp_path):
    """A copy of the base workspace whose first story has a title written in its file."""
    ws = tmp_path / "ws"
    shutil.copytree(base_ws, ws, ignore=shutil.ignore_patterns(".lock"))
    sid = json.loads(cli("-w", ws, "stories", "--json").out)[0]["id"]
    path = ws / STORIES / f"{sid}.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f'id = "{sid}"\narchived = false\ntitle = "{TITLE}"\n', encoding="utf-8")
    return ws, sid, path


def test_the_repair_keeps_the_title_the_index_holds(cli, base_ws, tmp_path):
    ws, sid, path = _titled_story(cli, base_ws, tmp_path)
    assert TITLE in cli("-w", ws, "stories", "--json").out  # the index reads the title
    damaged = f'id = "{sid}"\narchived = nope\ntitle = "{TITLE}"\n'  # line 2 breaks the rest
    path.write_text(damaged, encoding="utf-8")
    r = cli("-w", ws, "doctor")  # said before the repair
    assert "--repair would keep from the index" in r.out and f'title = "{TITLE}"' in r.out, r.out
    r = cli("-w", ws, "doctor", "--repair")
    assert r.code == 0, r.all
    assert "kept from the index (as it last read the file)" in r.out, r.out
    assert f'title = "{TITLE}"' in r.out and "LOST" not in r.out, r.out
    kept = tomllib.loads(path.read_text(encoding="utf-8"))
    assert kept == {"id": sid, "archived": False, "title": TITLE}
    assert TITLE in cli("-w", ws, "stories", "--no-pager").out
    assert list((ws / ".trash").rglob(f"{sid}.toml"))[0].read_text(encoding="utf-8") == damaged


def test_the_files_own_lines_win_over_the_index(cli, base_ws, tmp_path):
    ws, sid, path = _titled_story(cli, base_ws, tmp_path)
    assert TITLE in cli("-w", ws, "stories", "--json").out
    path.write_text(f'id = "{sid}"\ntitle = "Renamed by hand"\narchived = nope\n', encoding="utf-8")
    r = cli("-w", ws, "doctor", "--repair")
    assert 'kept: title = "Renamed by hand"' in r.out and "archived = false" in r.out, r.out
    kept = tomllib.loads(path.read_text(encoding="utf-8"))
    assert kept["title"] == "Renamed by hand" and kept["archived"] is False
