"""Item 4: reading never creates or changes a workspace; a missing workspace is an error that
says how to create one."""

from __future__ import annotations

import pytest

from tests.cli.conftest import article_ids, snapshot

NOT_CREATING = [
    ["stories"], ["stories", "--json"], ["show", "abc1234"], ["export"], ["export", "--all"],
    ["diff", "abc1234", "def5678"], ["tag", "abc1234", "x"], ["star", "abc1234"],
    ["note", "abc1234", "text"], ["story", "merge", "abc", "def"], ["move", "abc", "def"],
    ["feeds"], ["feeds", "list"], ["feeds", "remove", "http://x.test/feed"],
    ["feeds", "export"],
]


@pytest.mark.parametrize("args", NOT_CREATING, ids=" ".join)
def test_a_missing_workspace_is_an_error_and_stays_missing(cli, tmp_path, args):
    # Before: `stories -w /nonexistent/ws` exited 0 and made the folder, wiredesk.toml and
    # .gitignore.
    root = tmp_path / "nonexistent" / "ws"
    r = cli("-w", root, *args)
    assert r.code == 1 and r.err.count("\n") == 1
    assert f"no workspace at {root}" in r.err and "wiredesk ingest" in r.err
    assert not (tmp_path / "nonexistent").exists()


def test_an_empty_folder_is_not_made_into_a_workspace_by_reading(cli, tmp_path):
    root = tmp_path / "empty"
    root.mkdir()
    assert cli("-w", root, "stories").code == 1
    assert list(root.iterdir()) == []


def test_the_environment_variable_is_honoured_too(cli, tmp_path, monkeypatch):
    root = tmp_path / "envws"
    monkeypatch.setenv("WIREDESK_WORKSPACE", str(root))
    r = cli("stories")
    assert r.code == 1 and str(root) in r.err and not root.exists()


def test_ingest_still_creates_one(cli, tmp_path, samples_dir):
    root = tmp_path / "new"
    r = cli("-w", root, "ingest", next(iter(sorted(samples_dir.iterdir()))))
    assert r.code == 0 and (root / "wiredesk.toml").is_file()


def test_reading_commands_change_nothing(cli, ws):
    ids = article_ids(cli, ws)
    before = snapshot(ws)
    for args in (["stories"], ["stories", "--json", "--explain"], ["show", ids[0]],
                 ["show", "--json", "--raw", ids[1]], ["export", "--all", "-f", "csv"],
                 ["diff", ids[0], ids[1]], ["diff", "--json", ids[0], ids[1]],
                 ["stories", "--filter", "after:2000"]):
        r = cli("-w", ws, *args)
        assert r.code == 0, (args, r.err)
    assert snapshot(ws) == before
