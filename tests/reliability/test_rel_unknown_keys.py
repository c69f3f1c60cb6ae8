"""Keys Wiredesk does not read (a person's own, a newer version's) survive every save of the
article file: a triage change, a new version, a doctor repair; the doctor names them."""

from __future__ import annotations

import tomllib

import pytest
from relkit import record

from tui.core.workspace import Workspace
from tui.core.workspace.doctor import check, repair
from tui.core.workspace.paths import article_path
from tui.core.workspace.unknown_keys import STORY, TABLES, TOP, _may_hold_unknown, names, unknown

MINE = {"": {"mine": "keep me", "extra": {"x": [1, 2]}}, "meta": {"topic": "ports"},
        "triage": {"due": "2026-12-31"}}


def _add_keys(path) -> None:
    text = path.read_text(encoding="utf-8")
    text = text.replace("\n[meta]\n", '\nmine = "keep me"\n\n[meta]\ntopic = "ports"\n', 1)
    text = text.replace("\n[triage]\n", '\n[triage]\ndue = "2026-12-31"\n', 1)
    path.write_text(text + "\n[extra]\nx = [1, 2]\n", encoding="utf-8")


def _kept(path) -> dict:
    return unknown(tomllib.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("lazy", [False, True])
def test_a_triage_change_keeps_unknown_keys(make_ws, lazy):
    root, ids = make_ws(2)
    path = article_path(root, ids[0])
    _add_keys(path)
    ws = Workspace.open(root, lazy=lazy)
    ws.update_triage(ids[0], starred=True, add_tags=["x"], note="mine")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["triage"]["starred"] and data["triage"]["tags"] == ["x"]
    assert unknown(data) == MINE
    assert Workspace.open(root).get(ids[0]).triage.starred


def test_a_new_version_keeps_unknown_keys(make_ws):
    root, ids = make_ws(1)
    ws = Workspace.open(root)
    origin = ws.get(ids[0]).origin
    path = article_path(root, ids[0])
    _add_keys(path)
    text = path.read_text(encoding="utf-8")
    first = tomllib.loads(text)["versions"][0]["hash"]
    path.write_text(text.replace("\n[[versions]]\n", "\n[[versions]]\nseen = true\n", 1),
                    encoding="utf-8")
    doc = record(0, " A later paragraph was added to the article.")
    doc.origin = origin
    rep = ws.ingest([doc])
    assert rep.updated == [ids[0]]
    got = _kept(path)
    assert got["versions"] == {first: {"seen": True}}
    assert {k: v for k, v in got.items() if k != "versions"} == MINE


def test_doctor_names_unknown_keys_and_its_repair_keeps_them(make_ws):
    root, ids = make_ws(1)
    path = article_path(root, ids[0])
    _add_keys(path)
    notes = [p for p in check(root) if "does not read" in p.message]
    assert len(notes) == 1 and notes[0].severity == "note"
    assert "mine, extra, meta.topic, triage.due" in notes[0].message
    path.write_text(path.read_text(encoding="utf-8").replace("starred = false",
                                                             'starred = "yes"'))
    repair(root, check(root))
    assert _kept(path) == MINE
    assert tomllib.loads(path.read_text(encoding="utf-8"))["triage"]["starred"] is True


PLAIN = '''id = "a"
kind = "text"

[meta]
title = "t"

[triage]
tags = [
    "x",
]
note = """
free text: a line = with an equals sign
[not a header]
"""

[[versions]]
hash = "h"
'''


def _clean(text: str) -> str:
    return text.replace("free text: a line = with an equals sign\n[not a header]\n", "free text\n")


@pytest.mark.parametrize("edit, expect", [
    (lambda s: s.replace("[meta]\n", "[meta]\ntopic = 1\n"), True),
    (lambda s: s.replace("[meta]\n", "[meta]\n  indented = 1\n"), True),
    (lambda s: s.replace("[meta]\n", "[meta]\nstarred = true\n"), True),  # not meta's
    (lambda s: s.replace("[meta]\n", '[meta]\n"quoted key" = 1\n'), True),
    (lambda s: s.replace("[meta]\n", "[meta]\nsub.key = 1\n"), True),
    (lambda s: _clean(s).replace('kind = "text"\n', 'kind = "text"\n"a\\"b" = 1\n'), True),
    (lambda s: _clean(s).replace("[meta]\n", '[meta]\n"x\\\\" . y = 1\n'), True),
    (lambda s: _clean(s).replace("[meta]\n", "[meta]\n'lit' = 1\n"), True),
    (lambda s: s.replace('kind = "text"\n', 'kind = "text"\nmine = { a = 1 }\n'), True),
    (lambda s: s + "[more]\n", True),
    (lambda s: s.replace("[[versions]]\n", "[[versions]]\nseen = 1\n"), True),
    (lambda s: s, True),  # the note's look-alike lines cost a parse (which finds nothing)
    (_clean, False),
])
def test_the_scan_looks_closer_at_any_line_that_may_be_a_key_of_its_own(edit, expect):
    text = edit(PLAIN)
    assert _may_hold_unknown(text) is expect
    if not expect:
        assert names(unknown(tomllib.loads(text))) == []


def test_a_story_state_change_keeps_unknown_keys(make_ws):
    root, ids = make_ws(1)
    ws = Workspace.open(root)
    sid = ws.get(ids[0]).story
    ws.set_story_state(sid, archived=True)
    path = root / "stories" / f"{sid}.toml"
    path.write_text(path.read_text(encoding="utf-8") + 'mine = "keep me"\n', encoding="utf-8")
    Workspace.open(root).set_story_state(sid, archived=False, title="Ports")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data == {"id": sid, "archived": False, "title": "Ports", "mine": "keep me"}
    assert [p.severity for p in check(root) if "does not read: mine" in p.message] == ["note"]
    path.write_text(path.read_text(encoding="utf-8").replace("false", '"yes"'), encoding="utf-8")
    repair(root, check(root))
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data == {"id": sid, "archived": True, "title": "Ports", "mine": "keep me"}


def test_feeds_toml_keeps_unknown_keys(tmp_path):
    from tui.core.sources.subscriptions import Subscriptions

    with Subscriptions.modify(tmp_path) as subs:
        subs.add("https://example.com/a.xml")
        subs.add("https://example.com/b.xml")
    path = tmp_path / "feeds.toml"
    text = path.read_text(encoding="utf-8").replace("schema = 1\n", 'schema = 1\nmine = "x"\n')
    text = text.replace("[[feed]]\n", '[[feed]]\nlabel = "A"\n', 1)
    first, second = text.rsplit("\n[[feed]]", 1)
    text = f"{first}\n[feed.seen]\nn = 1\n\n[[feed]]{second}"
    path.write_text(text, encoding="utf-8")
    with Subscriptions.modify(tmp_path) as subs:
        subs.remove("https://example.com/b.xml")
        subs.add("https://example.com/c.xml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["mine"] == "x"
    assert [f["url"].rsplit("/", 1)[1] for f in data["feed"]] == ["a.xml", "c.xml"]
    assert data["feed"][0]["label"] == "A" and data["feed"][0]["seen"] == {"n": 1}


def test_corrections_toml_keeps_unknown_keys(make_ws):
    root, ids = make_ws(3)
    ws = Workspace.open(root)
    ws.correct("move", ids[0], ws.get(ids[1]).story)
    path = root / "corrections.toml"
    path.write_text('mine = "keep me"\n' + path.read_text(encoding="utf-8"), encoding="utf-8")
    again = Workspace.open(root)
    again.correct("move", ids[2], again.get(ids[1]).story)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["mine"] == "keep me" and ids[2] in data["pinned"]


def test_a_quoted_key_with_an_escaped_quote_survives_a_save(make_ws):
    root, ids = make_ws(1)
    path = article_path(root, ids[0])
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n[meta]\n", '\n"a\\"b" = 1\n\n[meta]\n', 1),
                    encoding="utf-8")
    Workspace.open(root).update_triage(ids[0], starred=True)
    assert _kept(path) == {"": {'a"b': 1}}


def test_every_key_wiredesk_writes_is_one_it_knows():
    """A key ``toml_doc`` writes that the known lists lack would read as a person's own, and a
    value Wiredesk cleared would come back from the file on the next save."""
    from tui.core.model import META_FIELDS, Article, Triage, Version
    from tui.core.workspace.records import StoryState, story_state_to_toml, toml_doc

    version = Version("h", "2026-01-01T00:00:00Z", "raw/h.txt", "bodies/h.txt", "b" * 16)
    triage = Triage(["t"], True, True, "a note", "h", "2026-01-02T00:00:00Z")
    a = Article("a1", "file:x", "text", dict.fromkeys(META_FIELDS, "v"), [version], triage,
                story="s1", sameness="copy", copy_of="a0", added="2026-01-01T00:00:00Z")
    doc = toml_doc(a)
    assert unknown(doc) == {}
    assert {k for k in doc if k not in ("meta", "triage", "versions")} | {"meta", "triage",
                                                                          "versions"} == set(TOP)
    assert set(doc["meta"]) == set(TABLES["meta"]) and set(doc["triage"]) == set(TABLES["triage"])
    assert set(doc["versions"][0]) == set(TABLES["versions"])
    state = tomllib.loads(story_state_to_toml(StoryState("s1", True, "A title")))
    assert set(state) == set(STORY)
