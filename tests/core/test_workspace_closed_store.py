"""Closed stories kept apart from the grouping cache's base (``closed_store``): loading reads
only the open stories, and placing articles gives what it gives with every closed story held
in the base as stubs (the store turned off)."""

from __future__ import annotations

import pytest

from tests.helpers.news_records import TOPICS, rec
from tui.core.group import Params
from tui.core.model import RawDocument
from tui.core.workspace import Workspace, closed_store, grouping, working_set


@pytest.fixture(params=[0, 2000], ids=["base-each-time", "deltas"])
def window(request, monkeypatch):
    monkeypatch.setattr(working_set, "OPEN_ARTICLES", 6)
    monkeypatch.setattr(grouping, "DELTA_MAX", request.param)
    return monkeypatch


YOUNG = Params().young  # a language group this large is no longer young (stories close)


def filler(n: int) -> RawDocument:
    """An article on a topic of its own (its own story)."""
    words = " ".join(f"Topic{n}word{j}" for j in range(12))
    return RawDocument(origin=f"f:{n}", content=f"Filler report {n}: {words}.", kind="record",
                       hints={"title": f"Filler {n}", "lang": "en"})


FILLERS = [filler(n) for n in range(YOUNG + 1)]
BY_TOPIC = [FILLERS] + [[rec(5 * t + i, t) for i in range(5)] for t in range(5)]


def story_of(root) -> dict:
    ws = Workspace.open(root)
    return {a.origin: (a.story, a.sameness, a.copy_of) for a in ws.articles()}


def run(root, batches, *, lazy: bool) -> None:
    for docs in batches:
        ws = Workspace.open(root, lazy=lazy)
        ws.ingest(docs)


def test_the_closed_store_places_as_stubs_in_the_base_do(tmp_path, window):
    early = [FILLERS] + [[rec(n, n % 5) for n in range(k, k + 5)] for k in range(0, 25, 5)]
    copied = filler(3)  # closed stories, reached by a copy, a new version, a near copy
    later = [[RawDocument(origin="u:copy", content=copied.content, kind="record",
                          hints={"title": "copy", "lang": "en"})],
             [rec(1, 1, TOPICS[1] + " Updated: the fires reached the coast on Sunday.")],
             [RawDocument(origin="f:7", content=filler(7).content + " Updated later.",
                          kind="record", hints={"title": "Filler 7", "lang": "en"}),
              rec(40, 3), rec(41, 0)],
             [RawDocument(origin="u:near", content=filler(9).content + " Also this.",
                          kind="record", hints={"title": "Filler 9 again", "lang": "en"})],
             [rec(2, 2, TOPICS[2] + " Updated: markets fell after the decision.")]]
    with_store, without = tmp_path / "store", tmp_path / "stubs"
    run(with_store, early, lazy=False)
    run(with_store, later, lazy=True)
    assert (with_store / ".cache" / closed_store.NAME).exists()
    kept = story_of(with_store)
    window.setattr(closed_store.Store, "open", classmethod(lambda cls, root, **kw: None))
    run(without, early, lazy=False)
    run(without, later, lazy=True)
    assert not (without / ".cache" / closed_store.NAME).exists()
    assert kept == story_of(without)
    assert kept["u:copy"][:2] == (kept["f:3"][0], "copy")


def test_a_base_loads_only_the_open_stories(tmp_path, window):
    root = tmp_path / "ws"
    run(root, BY_TOPIC, lazy=False)
    ws = Workspace.open(root, lazy=True)
    g = grouping.grouper(ws)
    store = working_set.store_of(g)
    held = set(g.book.stories)
    assert store is not None and store.all_stories()
    assert not held & set(store.all_stories())  # each story in one place
    everything = grouping.grouper(Workspace.open(root, lazy=True), whole=True)
    assert set(everything.book.stories) == held | set(store.all_stories())


def test_a_store_of_another_base_is_not_used(tmp_path, window):
    root = tmp_path / "ws"
    run(root, BY_TOPIC, lazy=False)
    want = story_of(root)
    st = closed_store.Store.open(root)
    st.write("another", {}, [], clear=True)  # a store left by an interrupted save
    st.close()
    ws = Workspace.open(root, lazy=True)
    with ws:  # (a writer: a reader would save the rebuilt index at once)
        g = grouping.grouper(ws)  # rebuilt from the articles, not half from the store
    assert ws._grouper_base is None
    ids = {a.id: a.origin for a in Workspace.open(root).articles()}
    got = sorted(sorted(ids[a] for a in members) for members in g.stories().values())
    want_sets: dict = {}
    for origin, (sid, _, _) in want.items():
        want_sets.setdefault(sid, []).append(origin)
    assert got == sorted(sorted(m) for m in want_sets.values())
