"""A local feed file's item without a link has the origin ``ABSOLUTE-PATH#ID`` (as a JSON
Lines record's is ``ABSOLUTE-PATH:N``): the same feed ingested from two working directories
finds its items again, and a workspace written before, which holds the file as typed +
``#ID``, still finds them (and gives them the resolved origin)."""

from __future__ import annotations

import pytest

from tui.core.ingest import collect
from tui.core.model import RawDocument, resolved_origin, typed_origin
from tui.core.workspace import Workspace

TEXTS = [
    "Wildfires forced thousands to flee their homes in northern California overnight, "
    "officials said, as winds drove the flames toward the valley towns.",
    "The central bank of Brazil raised its benchmark rate by half a point in Brasilia, "
    "its third rise this year, citing prices that keep climbing.",
]


def feed(path, texts=TEXTS) -> None:
    items = "".join(
        f"<item><title>Story {n}</title><guid isPermaLink='false'>id-{n}</guid>"
        f"<description>{t}</description></item>"
        for n, t in enumerate(texts, 1)
    )
    path.write_text(
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>Desk</title>{items}"
        "</channel></rss>",
        encoding="utf-8",
    )


@pytest.fixture
def tree(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    feed(tmp_path / "a" / "f.xml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_an_item_origin_is_the_absolute_path_and_its_older_spelling_as_typed(tree, monkeypatch):
    here = collect(["a/f.xml"]).docs
    monkeypatch.chdir(tree / "a")
    there = collect(["f.xml"]).docs
    full = str((tree / "a" / "f.xml").resolve())
    assert [d.origin for d in here] == [d.origin for d in there] == [f"{full}#id-1", f"{full}#id-2"]
    assert [d.hints["where"] for d in here] == ["a/f.xml item 1", "a/f.xml item 2"]
    assert [typed_origin(d) for d in there] == ["f.xml#id-1", "f.xml#id-2"]
    assert resolved_origin("f.xml#id-2") == f"{full}#id-2"  # (clean --json's spelling)


@pytest.mark.parametrize("lazy", [False, True])
def test_two_working_directories_give_duplicates(tree, monkeypatch, lazy):
    first = Workspace.open(tree / "ws").ingest(collect(["a/f.xml"]).docs)
    monkeypatch.chdir(tree / "a")
    again = Workspace.open(tree / "ws", lazy=lazy).ingest(collect(["f.xml"]).docs)
    assert len(first.added) == 2
    assert again.added == [] and sorted(i for _, i in again.duplicates) == sorted(first.added)


@pytest.mark.parametrize("lazy", [False, True])
def test_an_older_workspace_is_matched(tree, monkeypatch, lazy):
    ws = Workspace.open(tree / "ws")
    docs = [
        RawDocument(f"a/f.xml#id-{n}", f"<p>{t}</p>", "html", {"where": f"a/f.xml item {n}"})
        for n, t in enumerate(TEXTS, 1)
    ]
    ids = ws.ingest(docs).added
    again = Workspace.open(tree / "ws", lazy=lazy).ingest(collect(["a/f.xml"]).docs)
    assert again.added == [] and sorted(again.updated + [i for _, i in again.duplicates]) == (
        sorted(ids)
    )
    assert sorted(Workspace.open(tree / "ws").get(i).origin for i in ids) == [
        "a/f.xml#id-1",
        "a/f.xml#id-2",
    ]  # (kept as stored)


def test_only_a_local_feed_item_has_an_older_spelling():
    def item(origin, feed):
        return RawDocument(origin, "text", "html", {"feed": feed, "where": f"{feed} item 1"})

    assert typed_origin(item("/d/a/f.xml#id-1", "a/f.xml")) == "a/f.xml#id-1"
    assert typed_origin(item("/d/a/f.xml#id-1", "/d/a/f.xml")) is None  # the same
    assert typed_origin(item("https://e.com/feed#id-1", "https://e.com/feed")) is None
    assert typed_origin(item("https://e.com/p", "a/f.xml")) is None  # its link
    assert typed_origin(item("-#id-1", "-")) is None  # standard input


def test_clean_json_still_names_an_item_as_typed(tree, capsys):
    import json

    from tui.cli import main

    capsys.readouterr()
    assert main(["clean", "--json", "a/f.xml"]) == 0
    got = [json.loads(line)["origin"] for line in capsys.readouterr().out.splitlines()]
    assert got == ["a/f.xml#id-1", "a/f.xml#id-2"]
