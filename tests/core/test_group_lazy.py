"""A restored grouper builds its articles and postings when first read, and then behaves like
the grouper that was saved, whatever is read first."""

from __future__ import annotations

import pickle
from array import array

import pytest
from test_group import BUDGET, FOOTBALL, QUAKE, QUAKE_2, doc, sample

from tui.core.group import Grouper, Params
from tui.core.group.lazy import LazyDocs, LazyPostings, LazySlots


def _many() -> list:
    bodies = [QUAKE, QUAKE_2, BUDGET, FOOTBALL]
    out = sample()
    for i in range(5, 45):
        body = bodies[i % 4].replace("Friday", f"day {i}")
        out.append(doc(i, f"Story {i % 4} update {i}", body, date="2018-10-01", lang="en"))
    return out


def test_restored_grouper_adds_without_reading_anything_first():
    docs = _many()
    # a large workspace in small: past the young phase (where all is placed again) and the
    # size from which neighbourhood density counts in full
    # ... and of stories a new article reopens (at scale, a few small ones per article)
    g = Grouper(params=Params(young=10, local_docs=10, open_size=5))
    g.add_many(docs[:30])
    g.remove(docs[3].id)
    h = Grouper.from_state(g.to_state())
    assert isinstance(h.book.docs, LazyDocs) and isinstance(h.book.slots, LazySlots)
    assert dict.__len__(h.book.docs) == 0  # nothing built yet
    assert h.add_many(docs[30:40]) == g.add_many(docs[30:40])
    for d in docs[40:]:
        assert h.add(d) == g.add(d)
    assert dict.__len__(h.book.docs) < len(h.book.docs)  # still not everything built
    h.update(docs[5])
    g.update(docs[5])
    assert h.stories() == g.stories()
    assert h.explain(docs[7].id) == g.explain(docs[7].id)
    assert pickle.loads(h.to_state()) == pickle.loads(g.to_state())


def test_lazy_docs_and_slots_behave_like_dict_and_list():
    built = []

    def build(row: int) -> str:
        built.append(row)
        return f"entry{row}"

    slots = LazySlots([0, None, 1], build)
    docs = LazyDocs({"a": 0, "b": 2}, slots)
    assert len(docs) == 2 and "a" in docs and "c" not in docs and built == []
    assert docs["b"] == "entry1" and slots[2] == "entry1" and built == [1]  # built once
    assert docs.get("c") is None and docs.get("c", 5) == 5
    with pytest.raises(KeyError):
        docs["c"]
    assert docs.pop("a") == "entry0" and "a" not in docs and len(docs) == 1
    docs["z"] = "new"
    assert sorted(docs) == ["b", "z"]
    assert slots[1] is None and slots[:] == ["entry0", None, "entry1"]
    assert list(slots) == ["entry0", None, "entry1"]


def test_lazy_postings_cut_on_first_read():
    p = LazyPostings(array("i", [4, 9]), array("i", [1, 2, 3, 7]), array("i", [3, 1]))
    assert len(p) == 2 and 9 in p and 5 not in p
    assert list(p.get(9)) == [7] and list(p[4]) == [1, 2, 3]
    assert p.get(5) is None
    p[5] = array("i", [8])
    assert sorted(p) == [4, 5, 9] and len(p) == 3


def test_restored_grouper_takes_corrections_like_the_original():
    docs = _many()
    g = Grouper()
    g.add_many(docs[:30])
    h = Grouper.from_state(g.to_state())
    for x in (g, h):  # the same corrections, on a grouper that has read nothing yet
        stories = sorted(x.stories(), key=lambda s: x.stories()[s][0])
        x.merge(stories[:2])
        big = max(x.stories(), key=lambda s: (len(x.stories()[s]), s))
        x.split(big, x.stories()[big][:1])
        x.move(docs[9].id, x.story_of(docs[0].id))
        x.remove(docs[11].id)
        x.add_many(docs[30:])
    assert h.stories() == g.stories()
    assert h.corrections.to_toml_dict() == g.corrections.to_toml_dict()
    assert pickle.loads(h.to_state()) == pickle.loads(g.to_state())
