"""A url-less record's origin is its file's absolute path + ``:N`` (as a file's origin is its
resolved path): the same JSON Lines file ingested from two working directories finds its
records again (duplicates, or new versions), and a workspace written before, which holds the
file as typed + ``:N``, still finds them when the file is named as it was then."""

from __future__ import annotations

import json

import pytest

from tui.core.ingest import collect, stream
from tui.core.model import RawDocument, typed_origin
from tui.core.workspace import Workspace, bulk

TEXTS = [
    "Wildfires forced thousands to flee their homes in northern California overnight.",
    "The central bank of Brazil raised its benchmark rate by half a point in Brasilia.",
]


def records(path, texts=TEXTS) -> None:
    path.write_text(
        "".join(json.dumps({"title": t[:30], "text": t}) + "\n" for t in texts), encoding="utf-8"
    )


@pytest.fixture
def tree(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    records(tmp_path / "a" / "x.jsonl")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_record_origin_is_the_absolute_path_and_its_where_as_typed(tree, monkeypatch):
    here = collect(["a/x.jsonl"]).docs
    monkeypatch.chdir(tree / "a")
    there = collect(["x.jsonl"]).docs
    full = str((tree / "a" / "x.jsonl").resolve())
    assert [d.origin for d in here] == [d.origin for d in there] == [f"{full}:1", f"{full}:2"]
    assert [d.hints["where"] for d in here] == ["a/x.jsonl:1", "a/x.jsonl:2"]
    assert [typed_origin(d) for d in there] == ["x.jsonl:1", "x.jsonl:2"]


def test_failures_still_name_the_file_as_typed(tree):
    (tree / "a" / "x.jsonl").write_text(
        json.dumps({"text": TEXTS[0]}) + "\n{bad\n", encoding="utf-8"
    )
    got = collect(["a/x.jsonl"])
    assert [s for s, _ in got.failures] == ["a/x.jsonl:2"]


def test_two_working_directories_give_duplicates(tree, monkeypatch):
    ws = Workspace.open(tree / "ws")
    monkeypatch.chdir(tree / "a")
    first = ws.ingest(collect(["x.jsonl"]).docs)
    monkeypatch.chdir(tree)
    again = Workspace.open(tree / "ws").ingest(collect(["a/x.jsonl"]).docs)
    assert len(first.added) == 2
    assert again.added == [] and sorted(i for _, i in again.duplicates) == sorted(first.added)


def test_a_changed_record_from_another_directory_is_a_new_version(tree, monkeypatch):
    ws = Workspace.open(tree / "ws")
    first = ws.ingest(collect(["a/x.jsonl"]).docs)
    records(tree / "a" / "x.jsonl", [TEXTS[0] + " Officials said more.", TEXTS[1]])
    monkeypatch.chdir(tree / "a")
    again = Workspace.open(tree / "ws").ingest(collect(["x.jsonl"]).docs)
    assert again.added == [] and len(again.updated) == 1 and len(again.duplicates) == 1
    assert set(again.updated) <= set(first.added)


def test_a_json_array_of_records_too(tree, monkeypatch):
    (tree / "a" / "y.json").write_text(json.dumps([{"text": t} for t in TEXTS]), encoding="utf-8")
    ws = Workspace.open(tree / "ws")
    assert len(ws.ingest(collect(["a/y.json"]).docs).added) == 2
    monkeypatch.chdir(tree / "a")
    again = Workspace.open(tree / "ws").ingest(collect(["y.json"]).docs)
    assert again.added == [] and len(again.duplicates) == 2


def old_workspace(root, texts=TEXTS) -> list[str]:
    """A workspace as ingest wrote it before: the records' origins the file as typed + :N."""
    ws = Workspace.open(root)
    docs = [
        RawDocument(f"a/x.jsonl:{n}", t, "record", {"where": f"a/x.jsonl:{n}"})
        for n, t in enumerate(texts, 1)
    ]
    return ws.ingest(docs).added


@pytest.mark.parametrize("lazy", [False, True])
def test_an_older_workspace_with_relative_origins_is_matched(tree, lazy):
    ids = old_workspace(tree / "ws")
    again = Workspace.open(tree / "ws", lazy=lazy).ingest(collect(["a/x.jsonl"]).docs)
    assert again.added == [] and sorted(i for _, i in again.duplicates) == sorted(ids)
    records(tree / "a" / "x.jsonl", [TEXTS[0], TEXTS[1] + " Markets fell."])
    ws = Workspace.open(tree / "ws", lazy=lazy)
    changed = ws.ingest(collect(["a/x.jsonl"]).docs)
    assert changed.added == [] and changed.updated == [ids[1]]
    assert Workspace.open(tree / "ws").get(ids[1]).origin == "a/x.jsonl:2"  # (kept as it was)


def test_an_older_relative_origin_is_as_ambiguous_as_it_was(tree, monkeypatch):
    old_workspace(tree / "ws")
    (tree / "b" / "a").mkdir(parents=True)
    records(tree / "b" / "a" / "x.jsonl", [t + " (b)" for t in TEXTS])
    monkeypatch.chdir(tree / "b")
    rep = Workspace.open(tree / "ws").ingest(collect(["a/x.jsonl"]).docs)
    # the older origin was relative: from another directory it names this file the same way,
    # so the records are found as new versions of those (as the older ingest did): no loss
    assert rep.added == [] and len(rep.updated) == 2


def test_streamed_and_bulk_ingest_too(tree, monkeypatch):
    records(tree / "a" / "x.jsonl", TEXTS * 3)  # six records: three chunks of two
    monkeypatch.setattr(bulk, "CHUNK", 2)
    ws = Workspace.open(tree / "ws")
    got, docs = stream(["a/x.jsonl"])
    assert len(ws.ingest(docs, failures=got.failures).added) == 6
    monkeypatch.chdir(tree / "a")
    got, docs = stream(["x.jsonl"])
    again = Workspace.open(tree / "ws").ingest(docs, failures=got.failures)
    assert again.added == [] and len(again.duplicates) == 6


def test_streamed_ingest_matches_an_older_workspace(tree, monkeypatch):
    records(tree / "a" / "x.jsonl", TEXTS * 3)
    ids = old_workspace(tree / "ws", TEXTS * 3)
    monkeypatch.setattr(bulk, "CHUNK", 2)
    got, docs = stream(["a/x.jsonl"])
    again = Workspace.open(tree / "ws", lazy=True).ingest(docs, failures=got.failures)
    assert again.added == [] and sorted(i for _, i in again.duplicates) == sorted(ids)


def test_only_a_local_file_record_has_an_older_spelling():
    def doc(origin, where):
        return RawDocument(origin, "text", "record", {"where": where})

    assert typed_origin(doc("/d/a/x.jsonl:3", "a/x.jsonl:3")) == "a/x.jsonl:3"
    assert typed_origin(doc("/d/a/x.jsonl:3", "/d/a/x.jsonl:3")) is None  # the same
    assert typed_origin(doc("https://e.com/p", "a/x.jsonl:3")) is None  # its url
    assert typed_origin(doc("stdin:0123abcd:3", "-:3")) is None  # standard input
    assert typed_origin(doc("/d/a/x.jsonl:4", "a/x.jsonl:3")) is None  # its own origin
    assert typed_origin(RawDocument("/d/a.txt", "text")) is None  # a file


def test_a_duplicate_is_reported_under_the_article_origin(tree, monkeypatch):
    # SPEC's "origin" (show --json's): a `clean --json` record naming its file as typed is a
    # duplicate of the file's article, reported under the article's resolved origin
    (tree / "a" / "p.txt").write_text(TEXTS[0] + "\n", encoding="utf-8")
    ws = Workspace.open(tree / "ws")
    (aid,) = ws.ingest(collect(["a/p.txt"]).docs).added
    full = str((tree / "a" / "p.txt").resolve())
    (tree / "c.jsonl").write_text(
        json.dumps({"origin": "a/p.txt", "text": TEXTS[0]}) + "\n", encoding="utf-8"
    )
    for lazy in (False, True):
        rep = Workspace.open(tree / "ws", lazy=lazy).ingest(collect(["c.jsonl"]).docs)
        assert rep.added == [] and rep.duplicates == [(full, aid)]
    rep = Workspace.open(tree / "ws").ingest(collect(["a/p.txt"]).docs)
    assert rep.duplicates == [(full, aid)] == [(ws.get(aid).origin, aid)]
