"""The workspace's parts: held, not inherited; articles added through one public method; an
unreadable body reported once, by the workspace. No Textual here."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tui.core.model import RawDocument
from tui.core.query import parse_filter
from tui.core.workspace import Workspace
from tui.core.workspace.loading import Records
from tui.core.workspace.shown import Shown

TEXT_A = "Japan and Canada agreed on Tuesday to start talks on an intelligence pact in Tokyo."
TEXT_B = "Wildfires forced thousands to flee their homes in northern California overnight."


def rec(origin: str, text: str) -> RawDocument:
    return RawDocument(origin=origin, content=text, kind="record", hints={"title": origin})


@pytest.fixture
def ws(tmp_path):
    w = Workspace.open(tmp_path / "ws")
    w.ingest([rec("u:1", TEXT_A), rec("u:2", TEXT_B)])
    return w


def test_the_workspace_holds_its_parts_instead_of_inheriting_them(ws):
    assert Workspace.__mro__ == (Workspace, object)
    assert isinstance(ws.records, Records) and isinstance(ws.shown, Shown)
    assert ws.shown.records is ws.records


def test_a_registered_article_is_found_by_id_and_origin_before_it_is_written(ws):
    a = ws.by_origin("u:1")
    assert a is not None
    new = replace(a, id="0123456789ab", origin="u:new")
    ws.register(new)
    assert ws.get(new.id) is new and ws.by_origin("u:new") is new
    assert ws.by_origin("u:1") is a  # the others are where they were
    with pytest.raises(TypeError):
        ws.by_id[new.id] = new  # type: ignore[index]  # read-only: register is the way in


def test_a_lazy_workspace_reads_no_article_until_one_is_needed(ws):
    lazy = Workspace.open(ws.root, lazy=True)
    assert not lazy.loaded and not lazy.records.arts
    a = lazy.by_origin("u:2")
    assert a is not None and a.origin == "u:2"
    assert len(lazy.by_id) == 2 and lazy.loaded


def test_an_unreadable_body_is_reported_once_by_the_workspace(ws):
    a = ws.by_origin("u:1")
    assert a is not None
    body = ws.root / a.versions[-1].body_file
    text = body.read_text(encoding="utf-8")
    body.unlink()
    body.mkdir()  # a folder where the body belongs: reading it fails
    for _ in range(2):
        assert ws.searchable(a) == ""
    assert list(ws.unreadable) == [a.id]
    named = [p for p in ws.problems if a.id in p]
    assert len(named) == 1 and "searched by title and fields only" in named[0]
    assert ws.stories_matching(parse_filter("tokyo")) == []  # by title and fields only
    found = ws.stories_matching(parse_filter("wildfires"))  # the search goes on
    assert [x.origin for _, arts in found for x in arts] == ["u:2"]
    assert len([p for p in ws.problems if a.id in p]) == 1
    body.rmdir()
    body.write_text(text, encoding="utf-8")  # repaired
    assert "Tokyo" in ws.searchable(a) and not ws.unreadable
