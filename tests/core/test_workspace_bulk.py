"""A large ingest goes through in chunks: the same articles, report and files as one batch,
each chunk on disk before the next, the caches written once, and a reopened workspace (with or
without its cache) seeing exactly what the ingest left."""

from __future__ import annotations

import shutil

import pytest

from tui.core.model import RawDocument
from tui.core.workspace import Workspace, adding, bulk, grouping
from tui.core.workspace.paths import CACHE

TOPICS = [
    "Japan and Canada agreed on Tuesday to start talks on an intelligence pact in Tokyo.",
    "Wildfires forced thousands to flee their homes in northern California overnight.",
    "The central bank of Brazil raised its benchmark rate by half a point in Brasilia.",
]


def rec(n: int, topic: int, outlet: str, extra: str = "") -> RawDocument:
    text = f"{TOPICS[topic]} {outlet} reported the news in article number {n}.{extra}"
    return RawDocument(origin=f"u:{n}", content=text, kind="record",
                       hints={"title": TOPICS[topic][:40], "source": outlet})


def batch() -> list[RawDocument]:
    docs = [rec(n, n % 3, f"Outlet{n}") for n in range(23)]
    docs.append(rec(4, 4 % 3, "Outlet4"))  # a duplicate of one in the first chunk
    docs.append(rec(5, 5 % 3, "Outlet5", " Updated with more."))  # a new version of another
    return docs


def view(ws: Workspace):
    return ({a.id: (a.story, a.sameness, a.copy_of, a.newest.hash, len(a.versions))
             for a in ws.articles()},
            [(s.id, tuple(s.article_ids)) for s in ws.stories()])


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(bulk, "CHUNK", 10)


def test_chunks_give_the_same_articles_and_report_as_one_batch(tmp_path, monkeypatch):
    one = Workspace.open(tmp_path / "one")
    whole = one.ingest(batch())
    monkeypatch.setattr(bulk, "CHUNK", 10)
    chunked = Workspace.open(tmp_path / "chunked")
    calls = []
    real = adding.ingest
    monkeypatch.setattr(adding, "ingest", lambda ws, docs, **kw: calls.append(len(docs))
                        or real(ws, docs, **kw))
    got = chunked.ingest(batch())
    assert calls == [10, 10, 5]
    assert got.added == whole.added and len(got.added) == 23
    # a new version of an article added in the same run is reported once, as added
    assert got.updated == whole.updated == []
    assert len(chunked.get(chunked.by_origin("u:5").id).versions) == 2
    assert got.duplicates == whole.duplicates and len(got.duplicates) == 1
    a, b = view(one)[0], view(chunked)[0]
    assert {k: v[3:] for k, v in a.items()} == {k: v[3:] for k, v in b.items()}
    assert all(story for story, *_ in b.values())  # every article grouped
    # the three topics still make three stories across the chunk boundaries
    assert len({story for story, *_ in b.values()}) == 3


def test_progress_counts_the_whole_run(tmp_path, small_chunks):
    ws = Workspace.open(tmp_path / "ws")
    seen = []
    ws.ingest(batch(), on_progress=lambda n, total, origin: seen.append((n, total)))
    assert seen == [(n, 25) for n in range(1, 26)]


def test_reopened_with_and_without_cache_sees_the_same(tmp_path, small_chunks):
    root = tmp_path / "ws"
    ws = Workspace.open(root)
    ws.ingest(batch())
    after = view(ws)
    again = Workspace.open(root)
    assert view(again) == after
    g = grouping.grouper(again)
    assert again._grouper_base is not None  # the index saved at the end matches the files
    assert {a.id: g.story_of(a.id) for a in again.articles()} == {
        k: v[0] for k, v in after[0].items()}
    shutil.rmtree(root / CACHE)
    assert view(Workspace.open(root)) == after


def test_a_run_stopped_part_way_keeps_the_chunks_it_finished(tmp_path, monkeypatch,
                                                              small_chunks):
    root = tmp_path / "ws"
    ws = Workspace.open(root)
    real, calls = adding.ingest, []

    def failing(ws, docs, **kw):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(ws, docs, **kw)

    monkeypatch.setattr(adding, "ingest", failing)
    with pytest.raises(KeyboardInterrupt):
        ws.ingest(batch())
    monkeypatch.setattr(adding, "ingest", real)
    kept = Workspace.open(root)
    assert len(kept) == 20 and all(a.story for a in kept.articles())
    rep = kept.ingest(batch())  # the rest comes in; what was kept counts as duplicates
    assert len(rep.added) == 3 and len(kept) == 23
