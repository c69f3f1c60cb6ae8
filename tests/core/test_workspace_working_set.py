"""Grouping with a working set: stories that took no recent article close (their articles kept
as stubs, never candidates), and are found again only by exact keys (a copy, a new version),
which open them first."""

from __future__ import annotations

import pytest

from tests.helpers.news_records import TOPICS
from tui.core.group import GroupDoc, Grouper, Params
from tui.core.model import RawDocument
from tui.core.workspace import Workspace, grouping, working_set
from tui.core.workspace.paths import CACHE

YOUNG = Params().young  # a language group this large is no longer young


def filler(n: int) -> RawDocument:
    """An article on a topic of its own (its own story)."""
    words = " ".join(f"Topic{n}word{j}" for j in range(12))
    return RawDocument(origin=f"f:{n}", content=f"Filler report {n}: {words}.", kind="record",
                       hints={"title": f"Filler {n}", "lang": "en"})


def grown(root) -> Workspace:
    """A workspace past its young days: one story of three articles, then later news."""
    ws = Workspace.open(root)
    ws.ingest([filler(n) for n in range(YOUNG + 1)])
    ws.ingest([rec(n, 0, f"Outlet{n}") for n in range(3)])
    for k in range(4):  # later news on other topics, batch by batch
        ws.ingest([rec(10 + 3 * k + i, 1 + (k + i) % 4, f"Wire{k}{i}") for i in range(3)])
    return ws


def rec(n: int, topic: int, outlet: str, text: str | None = None) -> RawDocument:
    body = text or f"{TOPICS[topic]} {outlet} reported the news in article number {n}."
    return RawDocument(origin=f"u:{n}", content=body, kind="record",
                       hints={"title": TOPICS[topic][:40], "source": outlet, "lang": "en"})


def doc(n: int, topic: int) -> GroupDoc:
    body = f"{TOPICS[topic]} Outlet{n} reported the news in article number {n}."
    return GroupDoc(id=f"a{n}", title=TOPICS[topic][:40], body=body, origin=f"u:{n}")


def test_close_keeps_recent_stories_and_stubs_the_rest():
    g = Grouper(params=Params(young=0))  # (young groups stay open)
    g.add_many([doc(n, 0) for n in range(4)])
    g.add_many([doc(n, 1 + n % 2) for n in range(4, 12)])
    old = g.story_of("a0")
    shut = working_set.close(g, keep=8)
    assert shut == [old] and working_set.closed(g) == {old}
    stub = g.book.docs["a0"]
    assert len(stub.terms) == 0 and len(stub.counted[0]) > 0  # counted terms kept
    assert all(stub.slot not in p for p in g.words.postings.values())
    assert all(len(g.book.docs[f"a{n}"].terms) > 0 for n in range(4, 12))
    assert working_set.close(g, keep=8) == []  # closed once
    assert working_set.close(g, keep=100) == []  # fewer arrivals than kept: nothing closes


def test_a_closed_story_is_found_by_text_and_opened_again():
    g = Grouper(params=Params(young=0))  # (young groups stay open)
    g.add_many([doc(n, 0) for n in range(4)])
    g.add_many([doc(n, 1 + n % 2) for n in range(4, 12)])
    old = g.story_of("a0")
    df = list(g.words.df)
    working_set.close(g, keep=8)
    docs = {f"a{n}": doc(n, 0) for n in range(4)}
    copy = GroupDoc(id="c", title=docs["a1"].title, body=docs["a1"].body, origin="u:copy")
    found = working_set.matched(g, [(g.book.docs["a1"].text_key, copy.origin)])
    assert found == {old}
    working_set.reopen(g, found, docs.get)
    assert working_set.closed(g) == set()
    assert list(g.words.df) == df  # weighed again without counting twice
    assert all(len(g.book.docs[a].terms) > 0 for a in docs)
    g.add_many([copy])
    assert g.story_of("c") == old and g.placement("c").sameness == "copy"


@pytest.fixture
def small_window(monkeypatch):
    monkeypatch.setattr(working_set, "OPEN_ARTICLES", 6)
    # every ingest writes the grouping index whole (no delta replayed on top), so arrival
    # order is slot order and stories close as each ingest ends
    monkeypatch.setattr(grouping, "DELTA_MAX", 0)


def test_workspace_copy_and_version_reach_a_closed_story(tmp_path, small_window):
    root = tmp_path / "ws"
    ws = grown(root)
    first = ws.by_origin("u:0")
    old = first.story
    again = Workspace.open(root)
    g2 = grouping.grouper(again)
    store = working_set.store_of(g2)  # kept apart, in the closed store, not loaded
    assert old in store.all_stories() and old not in set(g2.book.stories)
    assert working_set.matched(g2, (), [first.id]) == {old}  # its key brings it back
    assert old in working_set.closed(g2) and len(g2.book.docs[first.id].terms) == 0
    body = again.body(first)
    rep = again.ingest([RawDocument(origin="u:copy", content=body, kind="record",
                                    hints={"title": first.title, "lang": "en"})])
    copy = again.get(rep.added[0])
    assert copy.story == old and copy.sameness == "copy"
    g3 = grouping.grouper(Workspace.open(root))
    assert old not in working_set.closed(g3)  # open again, its members weighed again
    assert len(g3.book.docs[first.id].terms) > 0
    rep = again.ingest([rec(1, 0, "Outlet1", TOPICS[0] + " Updated: talks begin next week.")])
    assert rep.updated and again.get(rep.updated[0]).story == old


def test_explain_of_a_closed_article_opens_its_story(tmp_path, small_window):
    root = tmp_path / "ws"
    grown(root)
    assert (root / CACHE / grouping.BASE).exists()
    again = Workspace.open(root)
    a = again.by_origin("u:1")
    lines = again.explain(a.id)
    assert any(line.startswith("closest article") for line in lines), lines
    assert any(line.startswith("shared: ") for line in lines), lines
    assert a.story not in working_set.closed(again._explainer)
    assert len(again._explainer.book.docs[a.id].terms) > 0
