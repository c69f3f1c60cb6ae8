"""Damage: files edited badly by hand, truncated or emptied. A message names the file and line;
the rest of the workspace stays usable."""

from __future__ import annotations

import pickle

import pytest

from tui.cli import main
from tui.core.workspace import Workspace, WorkspaceError
from tui.core.workspace.cache import CACHE_FORMAT
from tui.core.workspace.paths import CORRECTIONS, SETTINGS, article_path, story_path


def run(root, *args: str) -> int:
    return main(["--workspace", str(root), *args])


def truncate(path, keep: float = 0.6) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def test_truncated_article_names_file_and_line_and_rest_works(make_ws, capsys):
    root, ids = make_ws(3)
    Workspace.open(root).update_triage(ids[1], add_tags=["keep"])
    truncate(article_path(root, ids[0]))
    ws = Workspace.open(root)
    assert len(ws.problems) == 1
    assert f"articles/{ids[0][:2]}/{ids[0]}.toml" in ws.problems[0]
    assert "keep" in ws.get(ids[1]).triage.tags
    assert run(root, "stories") == 0
    captured = capsys.readouterr()
    warn = [x for x in captured.err.splitlines() if ids[0] in x]
    assert len(warn) == 1
    assert ids[2][:7] in captured.out
    assert run(root, "star", ids[2]) == 0  # writing the healthy ones still works


def test_truncated_article_message_has_a_line_number(make_ws):
    root, ids = make_ws(1)
    path = article_path(root, ids[0])
    path.write_text(path.read_text()[:-12])
    ws = Workspace.open(root)
    assert "line" in ws.problems[0]


@pytest.mark.parametrize("content", [b"", b"\n\n", b"\xff\xfe\x00garbage\x80", b"id = 12\n",
                                     b'id = "x"\n[triage]\ntags = "not a list"\n'])
def test_emptied_or_mangled_article_is_reported_not_fatal(make_ws, content):
    root, ids = make_ws(2)
    article_path(root, ids[0]).write_bytes(content)
    ws = Workspace.open(root)
    assert len(ws.problems) == 1 and ids[0] in ws.problems[0]
    assert [a.id for a in ws.articles()] == [ids[1]]


def test_bad_hand_edit_of_a_field_names_the_line(make_ws):
    root, ids = make_ws(1)
    path = article_path(root, ids[0])
    text = path.read_text()
    path.write_text(text.replace("starred = false", "starred = flase"))
    line = text.splitlines().index("starred = false") + 1
    ws = Workspace.open(root)
    assert f"line {line}" in ws.problems[0]


def test_damaged_settings_gives_one_line_naming_file_and_line(make_ws, capsys):
    root, _ = make_ws(1)
    (root / SETTINGS).write_text("[workspace]\nschema = \n")
    assert run(root, "stories") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and SETTINGS in err[0] and "line 2" in err[0] and "doctor" in err[0]


def test_newer_schema_is_refused_clearly(make_ws):
    root, _ = make_ws(1)
    (root / SETTINGS).write_text("[workspace]\nschema = 99\n")
    with pytest.raises(WorkspaceError, match="newer"):
        Workspace.open(root)


def test_damaged_story_file_is_reported_and_stories_still_list(make_ws, capsys):
    root, ids = make_ws(2)
    ws = Workspace.open(root)
    sid = ws.get(ids[0]).story or ids[0]
    ws.set_story_state(sid, archived=True)
    truncate(story_path(root, sid), 0.5)
    ws = Workspace.open(root)
    assert any(sid in p for p in ws.problems)
    assert run(root, "stories", "--json") == 0


def test_damaged_corrections_names_file_and_line(make_ws, cli):
    root, _ = make_ws(4)
    sids = [s.id for s in Workspace.open(root).stories()]
    assert len(sids) >= 2
    (root / CORRECTIONS).write_text("pinned = {\n")
    r = cli(root, "story", "merge", *sids[:2])
    err = r.stderr.decode().strip().splitlines()
    assert r.returncode == 1 and len(err) == 1 and CORRECTIONS in err[0] and "line" in err[0]
    assert cli(root, "stories").returncode == 0  # reading is unaffected


def test_corrections_of_the_wrong_shape_give_a_message(make_ws, capsys):
    root, _ = make_ws(4)
    sids = [s.id for s in Workspace.open(root).stories()]
    (root / CORRECTIONS).write_text("must_link = [1, 2]\n")
    assert run(root, "story", "merge", *sids[:2]) == 1
    assert CORRECTIONS in capsys.readouterr().err


WRONG_SHAPE = pytest.param(pickle.dumps({"format": CACHE_FORMAT, "sig": 1}), id="wrong-shape")


@pytest.mark.parametrize("junk", [b"", b"not a pickle", WRONG_SHAPE],
                         ids=["empty", "not-a-pickle", "wrong-shape"])
def test_garbage_cache_is_ignored(make_ws, junk):
    root, ids = make_ws(2)
    Workspace.open(root).update_triage(ids[0], add_tags=["t"])
    for name in ("articles.pickle", "grouper.pickle", "furniture.pickle"):
        (root / ".cache" / name).write_bytes(junk)
    ws = Workspace.open(root)
    assert ws.problems == [] and "t" in ws.get(ids[0]).triage.tags
    ws.update_triage(ids[1], starred=True)  # writing rebuilds what it needs


def test_missing_body_file_gives_a_message(make_ws, capsys):
    root, ids = make_ws(1)
    ws = Workspace.open(root)
    (root / ws.get(ids[0]).newest.body_file).unlink()
    assert run(root, "show", ids[0]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "texts/" in err[0]
