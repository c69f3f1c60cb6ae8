"""The command line end to end, as SPEC describes it (run as a real subprocess)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tui.cli.app_cmd import sample_files

SPEC_COMMANDS = [
    ["demo"], ["ingest"], ["clean"], ["stories"], ["show"], ["diff"], ["tag"], ["untag"],
    ["star"], ["unstar"], ["read"], ["unread"], ["note"], ["story", "merge"],
    ["story", "split"], ["move"], ["export"], ["doctor"], ["feeds"], ["refresh"],
]


def wd(ws: Path, *args: str, stdin: str | None = None, env: dict | None = None):
    e = {**os.environ, "WIREDESK_WORKSPACE": str(ws), "NO_COLOR": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True,
                          input=stdin, env=e, timeout=120)


def ok(r):
    assert r.returncode == 0, r.stderr
    return r


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("samples")
    return [Path(shutil.copy(p, folder)) for p in sample_files()]


@pytest.fixture
def loaded(tmp_path, samples):
    ws = tmp_path / "ws"
    ok(wd(ws, "ingest", *map(str, samples)))
    return ws


def stories(ws) -> list[dict]:
    return json.loads(ok(wd(ws, "stories", "--json")).stdout)


def articles(ws) -> list[dict]:
    return [a for s in stories(ws) for a in s["articles"]]


@pytest.mark.parametrize("cmd", SPEC_COMMANDS, ids=" ".join)
def test_every_spec_command_answers_help(cmd, tmp_path):
    r = wd(tmp_path / "ws", *cmd, "--help")
    assert r.returncode == 0, r.stderr
    assert "usage:" in r.stdout


def test_version_and_usage_errors(tmp_path):
    assert ok(wd(tmp_path, "--version")).stdout.startswith("wiredesk ")
    r = wd(tmp_path, "no-such-command")
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1


def test_ingest_twice_gives_five_articles(loaded, samples):
    r = ok(wd(loaded, "ingest", "--json", *map(str, samples)))
    summary = json.loads(r.stdout)
    assert summary["added"] == [] and len(summary["duplicates"]) == 5
    assert len(articles(loaded)) == 5


def test_changed_page_becomes_a_new_version(loaded, samples):
    page = samples[0]
    aid = next(a["id"] for a in articles(loaded) if a["origin"].endswith(page.name))
    original = page.read_text()
    lead = next(p for p in original.split("\n\n") if len(p.split()) > 30)
    added = ("The ministers will meet again in December to review progress on the agreement, "
             "officials said, adding that a first draft could be ready by the spring.")
    try:
        page.write_text(original.replace(lead, lead + "\n\n" + added))
        rep = json.loads(ok(wd(loaded, "ingest", "--json", str(page))).stdout)
    finally:
        page.write_text(original)
    assert rep["updated"] == [aid]
    assert "meet again in December" in ok(wd(loaded, "show", aid[:6])).stdout
    shown = json.loads(ok(wd(loaded, "show", aid, "--json")).stdout)
    assert len(shown["versions"]) == 2 and shown["versions"][0]["ingested"]
    assert "meet again in December" not in ok(wd(loaded, "show", aid, "--version", "1")).stdout
    assert len(articles(loaded)) == 5


def test_triage_from_the_shell_reaches_json_and_toml(loaded):
    aid = articles(loaded)[0]["id"]
    ok(wd(loaded, "star", aid[:7]))
    ok(wd(loaded, "tag", aid[:7], "japan", "defence"))
    ok(wd(loaded, "read", aid[:7]))
    ok(wd(loaded, "note", aid[:7], "Check the Kyodo version; \"quotes\", commas."))
    ok(wd(loaded, "note", aid[:7], "-", stdin="From stdin\nsecond line\n"))
    a = next(x for x in articles(loaded) if x["id"] == aid)
    assert a["starred"] and a["read"] and a["tags"] == ["defence", "japan"]
    data = tomllib.loads((loaded / "articles" / aid[:2] / f"{aid}.toml").read_text())
    assert data["triage"]["note"] == "From stdin\nsecond line"
    ok(wd(loaded, "unstar", aid)), ok(wd(loaded, "untag", aid, "japan"))
    a = next(x for x in articles(loaded) if x["id"] == aid)
    assert not a["starred"] and a["tags"] == ["defence"]


def test_workspace_option_before_or_after_the_command(loaded, tmp_path):
    env = {"WIREDESK_WORKSPACE": str(tmp_path / "elsewhere")}
    r1 = ok(wd(loaded, "--workspace", str(loaded), "stories", "--json", env=env))
    r2 = ok(wd(loaded, "stories", "--json", "--workspace", str(loaded), env=env))
    assert json.loads(r1.stdout) == json.loads(r2.stdout) != []


def test_unknown_id_is_one_line_and_exit_1(loaded):
    r = wd(loaded, "star", "ffffffffff")
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "no article" in r.stderr


def test_unreadable_file_is_named_and_the_rest_go_on(tmp_path, samples):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" * 50)
    r = wd(tmp_path / "ws", "ingest", str(binary), str(samples[0]))
    # a partial failure: the good file is in, the bad one named, and the status says so
    assert r.returncode == 1 and "photo.txt: binary data" in r.stderr
    assert "1 added" in r.stdout
    r = wd(tmp_path / "ws", "ingest", str(binary))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    r = wd(tmp_path / "ws", "ingest", str(tmp_path / "missing.txt"))
    assert r.returncode == 1 and "missing.txt: no such file" in r.stderr


def test_corrupt_workspace_is_one_line(loaded):
    (loaded / "wiredesk.toml").write_text("[workspace\nschema = ")
    r = wd(loaded, "stories")
    assert r.returncode == 1 and "wiredesk.toml" in r.stderr and "Traceback" not in r.stderr
    assert r.stderr.count("\n") == 1


def test_locked_workspace_waits_then_says_so(loaded):
    from tui.core.workspace.lock import WriterLock

    aid = articles(loaded)[0]["id"]
    with WriterLock(loaded):
        r = wd(loaded, "star", aid, env={"WIREDESK_LOCK_TIMEOUT": "0.3"})
    assert r.returncode == 1 and "locked" in r.stderr and "Traceback" not in r.stderr
    ok(wd(loaded, "star", aid))


def test_clean_prints_spec_json(samples):
    r = ok(wd(Path("/nonexistent"), "clean", str(samples[0]), str(samples[1]), "--json"))
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(rows) == 2
    assert list(rows[0]) == ["id", "title", "author", "source", "date", "dateline", "lang",
                             "summary", "body", "origin"]
    assert rows[0]["id"] is None and rows[0]["body"]


def test_stdin_and_jsonl(tmp_path):
    ws = tmp_path / "ws"
    r = ok(wd(ws, "ingest", "--json", "-", stdin="A storm hit the coast of Portugal on "
              "Monday, officials in Lisbon said, cutting power to thousands of homes.\n"))
    assert len(json.loads(r.stdout)["added"]) == 1
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"url": "bench:1", "title": "T", "text": "Body one here.",
                               "lang": "en", "date": "2021-01-02"}) + "\nnot json\n")
    r = wd(ws, "ingest", "--json", str(src))
    assert r.returncode == 1  # one bad record: a partial failure, documented as status 1
    data = json.loads(r.stdout)
    assert len(data["added"]) == 1 and data["failed"][0]["source"].endswith("in.jsonl:2")
    a = next(a for a in articles(ws) if a["origin"] == "bench:1")
    assert a["date"] == "2021-01-02" and a["title"] == "T"
