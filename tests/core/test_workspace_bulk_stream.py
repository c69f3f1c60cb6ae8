"""A JSON Lines file streamed into a bulk ingest: read a chunk at a time (never held whole),
with the same articles and the same report (bad records named, in order) as the file
collected whole and ingested in one batch."""

from __future__ import annotations

import json

import pytest

from tui.core.ingest import collect, stream, streamable
from tui.core.workspace import Workspace, adding, bulk

TOPICS = [
    "Japan and Canada agreed on Tuesday to start talks on an intelligence pact in Tokyo.",
    "Wildfires forced thousands to flee their homes in northern California overnight.",
    "The central bank of Brazil raised its benchmark rate by half a point in Brasilia.",
]


def write_dump(path) -> None:
    lines = []
    for n in range(23):
        lines.append(json.dumps({"url": f"u:{n}", "title": TOPICS[n % 3][:40],
                                 "text": f"{TOPICS[n % 3]} Outlet{n} reported it in {n}.",
                                 "source": f"Outlet{n}", "tag": "x"}))
        if n == 6:
            lines.append("{not json")  # a bad record: named by line, the rest goes on
        if n == 15:
            lines.append(json.dumps({"url": "u:none", "text": ["not", "text"]}))
    lines.append(lines[4])  # a duplicate of a record of the first chunk
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def view(ws: Workspace):
    return sorted((a.origin, a.newest.hash, len(a.versions)) for a in ws.articles())


@pytest.fixture
def dump(tmp_path):
    path = tmp_path / "dump.jsonl"
    write_dump(path)
    return path


def test_only_json_lines_files_are_streamed(tmp_path, dump):
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    assert streamable([str(dump)])
    assert not streamable([str(dump), str(tmp_path / "a.txt")])
    assert not streamable([str(tmp_path / "missing.jsonl")])
    assert not streamable([])


def test_stream_gives_what_collect_gives(dump):
    whole = collect([str(dump)])
    got, docs = stream([str(dump)])
    assert got.failures == []  # nothing read yet
    docs = list(docs)
    assert [(d.origin, d.content, d.hints) for d in docs] == [
        (d.origin, d.content, d.hints) for d in whole.docs]
    assert got.failures == whole.failures and len(got.failures) == 2
    assert got.warnings == whole.warnings and got.warnings


def test_streamed_chunks_match_one_batch(tmp_path, dump, monkeypatch):
    whole = collect([str(dump)])
    one = Workspace.open(tmp_path / "one")
    ref = one.ingest(whole.docs, failures=whole.failures)
    monkeypatch.setattr(bulk, "CHUNK", 10)
    read = []
    got, docs = stream([str(dump)])

    def counted():
        for d in docs:
            read.append(d.origin)
            yield d

    calls = []
    real = adding.ingest

    def spy(ws, chunk, **kw):
        calls.append((len(chunk), len(read)))
        return real(ws, chunk, **kw)

    monkeypatch.setattr(adding, "ingest", spy)
    ws = Workspace.open(tmp_path / "streamed")
    rep = ws.ingest(counted(), failures=got.failures)
    # each chunk is ingested before the next is read (one record of look-ahead at the start)
    assert calls == [(10, 11), (10, 20), (4, 24)]
    assert rep.as_dict() == ref.as_dict()
    assert [s for s, _ in rep.failed] == [f"{dump}:8", f"{dump}:18"]
    assert view(ws) == view(one)
    assert all(a.story for a in ws.articles())


def test_a_streamed_run_of_known_records_loads_no_grouper(tmp_path, dump, monkeypatch):
    monkeypatch.setattr(bulk, "CHUNK", 10)
    ws = Workspace.open(tmp_path / "ws")
    got, docs = stream([str(dump)])
    first = ws.ingest(docs, failures=got.failures)
    from tui.core.workspace import grouping

    monkeypatch.setattr(grouping, "grouper", lambda ws: pytest.fail("grouper loaded"))
    got, docs = stream([str(dump)])
    again = ws.ingest(docs, failures=got.failures)
    assert again.added == [] and len(again.duplicates) == len(first.added) + 1
    assert again.failed == first.failed


def test_a_long_run_forgets_what_it_wrote_and_reads_nothing_whole_again(
        tmp_path, dump, monkeypatch):
    whole = collect([str(dump)])
    one = Workspace.open(tmp_path / "one")
    ref = one.ingest(whole.docs, failures=whole.failures)
    monkeypatch.setattr(bulk, "CHUNK", 10)
    monkeypatch.setattr(bulk, "HELD_MAX", 15)
    from tui.core.workspace.loading import Records

    loads, held = [], []
    real_load, real_ingest = Records.load_all, adding.ingest
    monkeypatch.setattr(Records, "load_all", lambda self: loads.append(1) or real_load(self))
    monkeypatch.setattr(adding, "ingest", lambda ws, chunk, **kw: held.append(
        len(ws.records.arts) + len(ws.records.few)) or real_ingest(ws, chunk, **kw))
    ws = Workspace.open(tmp_path / "streamed", lazy=True)
    got, docs = stream([str(dump)])
    rep = ws.ingest(docs, failures=got.failures)
    assert held == [0, 10, 0]  # forgotten once more than 15 were held
    assert len(loads) == 1  # the empty workspace, read once at the start
    assert rep.as_dict() == ref.as_dict()
    assert view(Workspace.open(tmp_path / "streamed")) == view(one)
    # the index was kept chunk by chunk: an origin of the first chunk is found lazily
    lazy = Workspace.open(tmp_path / "streamed", lazy=True)
    assert lazy.by_origin("u:3") is not None and not lazy.loaded


def stories_of(ws: Workspace):
    by: dict = {}
    for a in ws.articles():
        by.setdefault(a.story, set()).add(a.origin)
    return sorted(sorted(s) for s in by.values())


def test_forgetting_changes_no_story(tmp_path, dump, monkeypatch):
    monkeypatch.setattr(bulk, "CHUNK", 10)
    kept = Workspace.open(tmp_path / "kept")
    got, docs = stream([str(dump)])
    kept.ingest(docs, failures=got.failures)
    monkeypatch.setattr(bulk, "HELD_MAX", 5)
    shed = Workspace.open(tmp_path / "shed", lazy=True)
    got, docs = stream([str(dump)])
    shed.ingest(docs, failures=got.failures)
    assert stories_of(Workspace.open(tmp_path / "shed")) == stories_of(kept)
    assert len(stories_of(kept)) == 3


def test_a_long_run_killed_in_a_chunk_leaves_a_grouping_index_that_matches(
        tmp_path, dump, monkeypatch):
    from tui.core.workspace import grouping

    monkeypatch.setattr(bulk, "CHUNK", 10)
    monkeypatch.setattr(bulk, "CHECKPOINT", 10)
    real = grouping.place
    calls = []

    def place(ws, g, added, updated):
        calls.append(len(added))
        if len(calls) == 3:
            raise KeyboardInterrupt  # killed while grouping the third chunk
        return real(ws, g, added, updated)

    monkeypatch.setattr(grouping, "place", place)
    ws = Workspace.open(tmp_path / "ws")
    got, docs = stream([str(dump)])
    with pytest.raises(KeyboardInterrupt):
        ws.ingest(docs, failures=got.failures)
    monkeypatch.setattr(grouping, "place", real)
    replayed = []
    real_replay = grouping.replay
    monkeypatch.setattr(grouping, "replay", lambda ws, g, ids: replayed.append(len(ids))
                        or real_replay(ws, g, ids))
    again = Workspace.open(tmp_path / "ws", lazy=True)
    g = grouping.grouper(again)
    assert replayed == [0]  # from the cache saved after the second chunk: nothing grouped again
    assert len(g.book.docs) == 20
