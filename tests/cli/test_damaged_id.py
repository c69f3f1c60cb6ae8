"""An id whose article file is damaged is named as damaged (with the file and line), not
reported as an id that does not exist."""

from __future__ import annotations

import json
import shutil


def test_an_article_in_a_damaged_file_is_named(cli, base_ws, tmp_path):
    ws = tmp_path / "ws"
    shutil.copytree(base_ws, ws)
    aid = json.loads(cli("-w", ws, "stories", "--json").out)[0]["articles"][0]["id"]
    path = ws / "articles" / aid[:2] / f"{aid}.toml"
    path.write_text(path.read_text(encoding="utf-8") + 'title = "unclosed\n', encoding="utf-8")
    for cmd in (["show", aid[:7]], ["tag", aid, "x"]):
        r = cli("-w", ws, *cmd)
        assert r.code == 1
        assert f"is in a damaged file: articles/{aid[:2]}/{aid}.toml" in r.err, r.err
        assert "doctor" in r.err and "no article with id" not in r.err
    assert "no article with id 'fff0'" in cli("-w", ws, "show", "fff0").err  # others: as before
