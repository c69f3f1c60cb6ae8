"""The grouping cache's base read lazily (``grouper_base``): what a lazily read grouper holds
equals what the whole state holds, placements are those of a grouper read whole, a base of
the older form (one pickle) still loads and is converted, and a damaged base is rebuilt."""

from __future__ import annotations

import logging
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.test_workspace_closed_store import FILLERS, YOUNG, filler, run, story_of
from tests.helpers.news_records import TOPICS, rec
from tui.core.group import GroupDoc, Grouper, state
from tui.core.group.lazy import BackedMap
from tui.core.model import RawDocument
from tui.core.workspace import Workspace, grouper_base, grouping, working_set
from tui.core.workspace.paths import CACHE


class _Saved:
    """A map's saved entries, as ``grouper_base`` serves them (with reads counted)."""

    def __init__(self, d: dict) -> None:
        self.d, self.count, self.reads = dict(d), len(d), 0

    def find(self, key):
        self.reads += 1
        return self.d.get(key)

    def keys(self) -> list:
        return list(self.d)

    def rows(self):
        return iter(list(self.d.items()))


KEYS = st.sampled_from([f"k{i}" for i in range(8)])
OPS = st.lists(
    st.tuples(
        st.sampled_from(["get", "set", "del", "pop", "setdefault", "in", "update", "append"]),
        KEYS,
        st.integers(0, 9),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(
    saved=st.dictionaries(KEYS, st.integers(0, 9).map(lambda v: [v])),
    ops=OPS,
    read_all=st.booleans(),
)
def test_a_backed_map_acts_as_the_dict_it_was_saved_from(saved, ops, read_all):
    want = {k: list(v) for k, v in saved.items()}
    src = _Saved({k: list(v) for k, v in saved.items()})
    got = BackedMap(src)
    assert src.reads == 0 and len(got) == len(want)  # nothing read to be opened
    for i, (op, key, v) in enumerate(ops):
        if read_all and i == len(ops) // 2:
            got.read_all()
        for m in (want, got):
            if op == "get":
                m.get(key)
            elif op == "set":
                m[key] = [v]
            elif op == "del" and key in m:
                del m[key]
            elif op == "pop":
                m.pop(key, None)
            elif op == "setdefault":
                m.setdefault(key, []).append(v)
            elif op == "update":
                m.update({key: [v]})
            elif op == "append" and key in m:
                m[key].append(v)
        assert (got.get(key), key in got, len(got)) == (want.get(key), key in want, len(want))
    assert list(got) == list(want)  # the order too: saved keys first, added ones after
    # what a save writes again (the rest is copied as saved): every key whose entry changed
    changed = {k for k in saved if want.get(k, "gone") != saved[k]}
    assert changed <= got.touched()
    assert got.items() == list(want.items()) and got == want
    assert pickle.loads(pickle.dumps(got)) == want


def _doc(aid: str, topic: int, n: int, more: str = "", day: int = 1) -> GroupDoc:
    body = f"{TOPICS[topic]} Outlet{n} reported the news in article number {n}. {more}"
    return GroupDoc(
        id=aid,
        title=TOPICS[topic][:40],
        body=body,
        lang="en",
        date=f"2024-05-0{day}",
        origin=f"u:{aid}",
    )


def test_a_save_after_changes_holds_what_the_grouper_holds(tmp_path):
    (tmp_path / CACHE).mkdir()
    g = Grouper()
    g.add_many([_doc(f"a{n}", n % 5, n) for n in range(YOUNG + 10)])  # not a young group
    grouper_base.save(tmp_path, g, {"format": 1})  # written whole
    h = grouper_base.grouper(grouper_base.load(tmp_path, 1))
    copy = _doc("copy", 3, 3)  # joins a saved story (its members' list changes in place)
    h.add_many([copy, _doc("new", 2, 90, "Prices rose."), _doc("late", 1, 91, day=6)])
    h.update(_doc("a7", 2, 7, "Updated.", day=5))  # a new version: its story's span widens
    h.remove("a11")
    grouper_base.save(tmp_path, h, {"format": 1})  # what was not read is copied
    assert grouper_base.load(tmp_path, 1)["format"] == 1
    want = (_orders(h), _whole(h))
    again = grouper_base.grouper(grouper_base.load(tmp_path, 1))
    assert (_orders(again), _whole(again)) == want
    assert again.book.docs["copy"].placement.story == again.book.docs["a3"].placement.story


@pytest.fixture(params=[0, 3], ids=["base-each-time", "deltas"])
def window(request, monkeypatch):
    monkeypatch.setattr(working_set, "OPEN_ARTICLES", 6)
    monkeypatch.setattr(grouping, "DELTA_MAX", request.param)
    return monkeypatch


EARLY = (
    [FILLERS[:120], FILLERS[120:]]
    + [[rec(n, n % 5) for n in range(k, k + 5)] for k in range(0, 25, 5)]
    + [[rec(n, 4, dated=True) for n in range(100, 116)]]
)  # too large to be placed again
LATER = [
    [rec(116, 4, dated=True)],
    [rec(117, 4, dated=True)],
    [
        RawDocument(
            origin="u:copy",
            content=filler(3).content,
            kind="record",
            hints={"title": "copy", "lang": "en"},
        )
    ],
    [rec(1, 1, TOPICS[1] + " Updated: the fires reached the coast on Sunday.")],
    [rec(40, 3)],
    [rec(41, 0)],
    [rec(42, 3)],
    [
        RawDocument(
            origin="f:7",
            content=filler(7).content + " Updated later.",
            kind="record",
            hints={"title": "Filler 7", "lang": "en"},
        )
    ],
    [rec(43, 2)],
    [rec(44, 4)],
    [rec(2, 2, TOPICS[2] + " Updated: markets fell after the decision.")],
]


def _whole(g):
    """Everything a grouper holds, as the older whole state holds it (order aside)."""
    return pickle.loads(state.dump(g))


def _orders(g) -> dict:
    """The maps' orders (articles by id: their set; the older whole state read them back in
    the order they were first asked for)."""
    out = {name: list(getattr(g.book, name)) for name in state.MAPS}
    out["docs"] = sorted(out["docs"])
    return out


def _states(root, batches, seen: list) -> None:
    """Ingest each batch in its own open; after each, the cached grouper as loaded."""
    for docs in batches:
        Workspace.open(root, lazy=True).ingest(docs)
        g = grouping.grouper(Workspace.open(root, lazy=True))
        working_set.plain(g)
        seen.append((_orders(g), _whole(g)))


def test_a_lazily_read_base_places_and_holds_as_one_read_whole(tmp_path, window):
    lazy, whole = tmp_path / "lazy", tmp_path / "whole"
    run(lazy, EARLY, lazy=False)
    seen_lazy: list = []
    _states(lazy, LATER, seen_lazy)
    assert (lazy / CACHE / grouper_base.NAME).exists()
    real = grouper_base.grouper

    # the change turned off: every article and key read on load (and saved from them)
    window.setattr(
        grouper_base, "grouper", lambda layer: Grouper.from_state(state.dump(real(layer)))
    )
    run(whole, EARLY, lazy=False)
    seen_whole: list = []
    _states(whole, LATER, seen_whole)
    assert story_of(lazy) == story_of(whole)
    assert seen_lazy == seen_whole  # the same articles, stories, keys and order at each step


def test_a_one_article_ingest_reads_few_rows(tmp_path, window, monkeypatch):
    monkeypatch.setattr(working_set, "OPEN_ARTICLES", 10_000)  # every story open
    root = tmp_path / "ws"
    run(root, EARLY, lazy=False)
    Workspace.open(root, lazy=True).ingest([rec(60, 1)])  # the base in this form
    built: list = []
    real = state.entry_of
    monkeypatch.setattr(state, "entry_of", lambda row: built.append(1) or real(row))
    ws = Workspace.open(root, lazy=True)
    g = grouping.grouper(ws)
    held = len(g.book.docs)
    assert built == [] and held > 100  # opened: no article built
    ws.ingest([rec(61, 2)])
    assert 0 < len(built) < held // 2


def test_a_base_of_the_older_form_loads_and_is_converted(tmp_path, window):
    root = tmp_path / "ws"
    run(root, EARLY, lazy=False)
    Workspace.open(root, lazy=True).ingest([rec(60, 1)])
    now = grouping.grouper(Workspace.open(root, lazy=True))
    working_set.plain(now)
    want = (_orders(now), _whole(now))
    layer, _ = grouping.base_layers(root)
    older = {k: layer[k] for k in ("token", "closed", "store", "sig", "mark", "corr", "at",
                                    "words")}
    older["state"] = state.dump(grouper_base.grouper(layer))  # the same base, one pickle
    (root / CACHE / grouper_base.NAME).unlink()
    grouping.cache.save(root, grouping.OLD_BASE, older)
    ws = Workspace.open(root, lazy=True)
    g = grouping.grouper(ws)
    assert ws._grouper_base is not None  # read from the older form (and its delta), not rebuilt
    working_set.plain(g)
    assert (_orders(g), _whole(g)) == want
    Workspace.open(root, lazy=True).ingest([rec(70, 3)])
    assert (root / CACHE / grouper_base.NAME).exists()  # converted by the next save
    assert not (root / CACHE / grouping.OLD_BASE).exists()
    again = grouping.grouper(Workspace.open(root, lazy=True))
    assert "base_db" in again.__dict__ and again.book.docs.get(g.book.slots[-1].id) is not None


@pytest.mark.parametrize("junk", [b"", b"SQLite format 3\x00" + b"\x07" * 500, b"junk" * 300])
def test_a_damaged_base_is_named_and_rebuilt(tmp_path, window, junk, caplog):
    root = tmp_path / "ws"
    run(root, EARLY, lazy=False)
    want = story_of(root)
    (root / CACHE / grouper_base.NAME).write_bytes(junk)
    with caplog.at_level(logging.WARNING):
        ws = Workspace.open(root, lazy=True)
        g = grouping.grouper(ws)
    assert grouping.base_layers(root)[0] is not None  # rebuilt, and saved by this reader
    assert grouper_base.NAME in caplog.text
    saved = grouping.grouper(Workspace.open(root, lazy=True), whole=True)
    assert len(g.book.docs) <= len(saved.book.docs) == len(want)  # (closed ones in the store)
    Workspace.open(root, lazy=True).ingest([rec(80, 1)])
    assert grouping.base_layers(root)[0] is not None  # written again
    got = story_of(root)
    assert {k: v for k, v in got.items() if k in want} == want


def test_a_base_found_damaged_while_read_is_named_and_removed(tmp_path, window):
    import sqlite3

    from tui.core.workspace.errors import WorkspaceError

    root = tmp_path / "ws"
    run(root, EARLY, lazy=False)
    path = root / CACHE / grouper_base.NAME
    db = sqlite3.connect(path)
    db.execute("DELETE FROM rows")  # (as a page that cannot be read)
    db.commit()
    db.close()
    with pytest.raises(WorkspaceError) as err:
        Workspace.open(root, lazy=True).ingest([rec(81, 4, dated=True)])
    said, n = str(err.value), len(Workspace.open(root).by_id)  # it says what a rebuild costs
    assert grouper_base.NAME in said and f"{n:,} articles" in said, said
    assert "the next command rebuilds it" in said and not path.exists()
    Workspace.open(root, lazy=True).ingest([rec(82, 4, dated=True)])  # rebuilt
    assert grouping.base_layers(root)[0] is not None
