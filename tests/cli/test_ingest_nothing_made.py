"""An ingest whose every source failed (a typo in the file name) makes no workspace: a typo
in ``--workspace`` too would otherwise leave an empty one behind."""

from __future__ import annotations

import json


def test_an_ingest_of_nothing_makes_no_workspace(cli, tmp_path, samples_dir):
    root = tmp_path / "typo"
    r = cli("-w", root, "ingest", tmp_path / "missing.txt", "--json")
    assert r.code == 1 and "missing.txt: no such file or folder" in r.err
    assert json.loads(r.out)["failed"][0]["reason"] == "no such file or folder"
    assert not root.exists()
    sample = sorted(samples_dir.iterdir())[0]
    r = cli("-w", root, "ingest", tmp_path / "missing.txt", sample)  # one good source: made
    assert r.code == 1 and "1 added" in r.out and (root / "wiredesk.toml").is_file()


def test_an_ingest_of_an_empty_folder_says_why_no_workspace_was_made(cli, tmp_path):
    empty, root = tmp_path / "empty", tmp_path / "new"
    empty.mkdir()
    (empty / "image.png").write_bytes(b"\x89PNG")  # not a source ingest reads
    r = cli("-w", root, "ingest", empty)
    assert r.code == 0 and "0 added" in r.out and not root.exists()
    assert r.err.splitlines()[-1] == (f"wiredesk: no workspace made at {root}: no document "
                                      "found in the sources, so nothing to put in it")
