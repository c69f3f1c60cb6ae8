"""Postings in content order: the same-language index keeps each term's postings in the order
of the articles' content keys (``features.order_key``, as ``content_order`` sorts a batch), so
a look-up reads, among the articles present, what one batch would read, whatever order the
articles came in. These tests check the key (it sorts as ``content_order`` does), that
postings stay in key order through adding, new versions, removal, closing and saving, and that
a state saved before keys were kept still opens and places as before.
"""

from __future__ import annotations

import pickle
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.group import GroupDoc, Grouper, Params
from tui.core.group.features import content_order, order_key

WORDS = ["storm", "harbour", "bridge", "court", "vote", "market", "strike", "minister",
         "Kerry", "Lagos", "2021", "fire", "rail", "budget"]
DATES = [None, "", "2021-01-01", "2021-01-01T10:00:00Z", "2021-01-01T09:00:00+02:00",
         "2021-01-02", "2020-12-31T23:59"]
CUT = Params(posting_cap=3, verify=4, young=5)  # short windows: which three are read matters


@st.composite
def corpora(draw, low: int = 4, high: int = 36) -> list[GroupDoc]:
    n = draw(st.integers(min_value=low, max_value=high))
    out = []
    for i in range(n):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=7))
        out.append(GroupDoc(id=f"a{i:03d}", title=" ".join(words[:3]),
                            body=" ".join(words) + ".", lang="en",
                            date=draw(st.sampled_from(DATES)), origin=f"u{i}"))
    return out


def _key(d: GroupDoc) -> bytes:
    return order_key(d.title, d.body, d.date, d.lang, d.source, d.origin, d.id)


def _in_order(g: Grouper, now: dict[str, GroupDoc] | None = None) -> None:
    """Every same-language posting list in key order, every posted slot keyed (and only
    those: a stub, or a removed article, keeps no key), and every key the key of its
    article's current text and date (``now``: article id -> its current version)."""
    keys = g.words.keys
    assert keys is not None
    posted = set()
    for docs in g.words.postings.values():
        ks = [keys[s] for s in docs]
        assert ks == sorted(ks)
        posted.update(docs)
    live = {e.slot for e in g.book.slots if e is not None and len(e.terms)}
    assert set(keys) == posted == live
    for e in g.book.slots:
        if e is not None and e.slot in keys and now is not None and e.id in now:
            assert keys[e.slot] == _key(now[e.id]), e.id  # (a new version moved with its text)


def _batches(g: Grouper, docs: list[GroupDoc], size: int) -> Grouper:
    for at in range(0, len(docs), size):
        g.add_many(docs[at : at + size])
        _in_order(g, {d.id: d for d in docs})
    return g


def _ids(g: Grouper, slots) -> list[str]:
    return [g.book.slots[s].id for s in slots]


@given(st.lists(st.tuples(st.sampled_from(["x", "y\x00", "y\x01z", "y", "ÿ", "\U0001f600"]),
                          st.sampled_from([None, "", "2021", "2021-01", "2021-01\x00",
                                           "2021-01\x01", "2021-01-01", "2021-01-01T",
                                           "ÿ", "\x00", "\x01", "\U0001f600"])),
                min_size=2, max_size=12))
def test_the_key_sorts_as_content_order(rows):
    args = [(title, "body", date, "en", None, "", f"id{i}") for i, (title, date) in
            enumerate(rows)]
    assert sorted(args, key=lambda a: order_key(*a)) == sorted(args, key=lambda a: content_order(
        *a))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), st.integers(min_value=1, max_value=8), st.randoms(use_true_random=False))
def test_batches_in_any_order_post_as_one_batch_does(docs, size, rnd):
    """After every batch the postings are in key order; once all are in, each posting list
    and each article's look-up window holds the articles one batch gives it, in its order."""
    one = Grouper(params=CUT)
    one.add_many(docs)
    shuffled = list(docs)
    rnd.shuffle(shuffled)
    many = _batches(Grouper(params=CUT), shuffled, size)
    for term, tid in one.words.ids.items():
        other = many.words.ids[term]
        assert _ids(one, one.words.postings.get(tid, [])) == _ids(
            many, many.words.postings.get(other, []))
        for d in docs:
            a, b = one.book.docs[d.id].slot, many.book.docs[d.id].slot
            assert _ids(one, one.words.recent(tid, 3, a)) == _ids(
                many, many.words.recent(other, 3, b))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(low=6), st.integers(min_value=1, max_value=6), st.data())
def test_postings_stay_in_key_order_through_versions_removal_and_saving(docs, size, data):
    g = _batches(Grouper(params=CUT), docs, size)
    now = {d.id: d for d in docs}
    for i in data.draw(st.lists(st.integers(0, len(docs) - 1), max_size=4)):
        d = docs[i]
        if d.id in g.book.docs:  # a new version: its text, so its place, changes
            now[d.id] = GroupDoc(id=d.id, title=d.title, body=d.body + " rail storm",
                                 lang="en", date=data.draw(st.sampled_from(DATES)),
                                 origin=d.origin)
            g.update(now[d.id])
            _in_order(g, now)
    for i in data.draw(st.lists(st.integers(0, len(docs) - 1), max_size=3)):
        g.remove(docs[i].id)
        _in_order(g, now)
    back = Grouper.from_state(g.to_state())
    assert back.words.keys == g.words.keys
    assert {t: list(p) for t, p in back.words.postings.items()} == {
        t: list(p) for t, p in g.words.postings.items()}
    more = [GroupDoc(id=f"b{i}", title=f"storm harbour {i}", body=f"storm harbour court {i}.",
                     lang="en", date=DATES[i % len(DATES)]) for i in range(5)]
    _batches(back, more, 2)
    _batches(g, more, 2)
    now.update({d.id: d for d in more})
    _in_order(back, now)
    _in_order(g, now)
    assert {a: e.placement.story for a, e in back.book.docs.items()} == {
        a: e.placement.story for a, e in g.book.docs.items()}


def test_keys_follow_the_articles_through_the_lazily_read_form():
    from tui.core.group import state

    docs = [GroupDoc(id=f"a{i}", title=f"storm harbour {i % 3}", body=f"storm harbour {i}.",
                     lang="en", date=f"2021-01-{10 - i:02d}") for i in range(8)]
    g = Grouper(params=CUT)
    g.add_many(docs[4:])
    g.add_many(docs[:4])  # earlier dates, later slots: put before the first batch's
    _in_order(g)
    head = pickle.loads(pickle.dumps(state.head_of(g)))
    rows = {e.slot: state.row_of(e) for e in g.book.slots if e is not None}
    back = Grouper(params=CUT)
    state.load_head(back, head, rows.__getitem__, {name: _Maps(getattr(g.book, name))
                                                  for name in state.MAPS})
    assert back.words.keys == g.words.keys
    tid = back.words.ids["en|storm"]
    assert _ids(back, back.words.postings[tid]) == [f"a{i}" for i in range(7, -1, -1)]
    back.add(GroupDoc(id="z", title="storm harbour", body="storm harbour.", lang="en",
                      date="2021-01-05T12:00"))
    _in_order(back)
    assert _ids(back, back.words.postings[tid]).index("z") == 3  # after the 5th of January


def _topical(rows: list[tuple[int, str | None]]) -> list[GroupDoc]:
    """Articles on a few topics (two words each): several stories, so some close."""
    return [GroupDoc(id=f"a{i:02d}", title=f"{WORDS[t]} {WORDS[7 + t]} {i}",
                     body=f"{WORDS[t]} {WORDS[7 + t]} story {i}.", lang="en", date=date)
            for i, (t, date) in enumerate(rows)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 6), st.sampled_from(DATES)), min_size=12, max_size=40),
       st.integers(min_value=1, max_value=6), st.integers(min_value=1, max_value=6),
       st.randoms(use_true_random=False))
def test_closing_drops_the_stubs_keys_and_reopening_keys_them_in_order(rows, size, keep, rnd):
    """A closed story's articles become stubs, with no postings and so no key (the keys
    follow the open articles, not the workspace); reopened, they are keyed and posted again
    in key order, the keys exactly the posted slots."""
    from tui.core.workspace import working_set

    docs = _topical(rows)
    g = _batches(Grouper(params=CUT), docs, size)
    now = {d.id: d for d in docs}
    shut = working_set.close(g, keep=keep)
    stubs = {g.book.docs[a].slot for sid in shut for a in g.book.stories[sid]}
    assert not stubs & set(g.words.keys or ())
    _in_order(g, now)
    g = Grouper.from_state(g.to_state()) if rnd.random() < 0.5 else g
    working_set.closed(g).update(shut)
    again = rnd.sample(shut, min(2, len(shut)))
    working_set.reopen(g, again, now.get)
    _in_order(g, now)
    back = {g.book.docs[a].slot for sid in again for a in g.book.stories[sid]}
    assert back <= set(g.words.keys or ())
    _batches(g, [GroupDoc(id="z", title="storm harbour", body="storm harbour court.",
                          lang="en", date="2021-01-01T12:00")], 1)


def test_closing_makes_stubs_and_drops_their_keys():
    """(An example that is sure to close stories: the property above may draw none.)"""
    from tui.core.workspace import working_set

    docs = _topical([(i % 7, DATES[i % len(DATES)]) for i in range(28)])
    g = _batches(Grouper(params=CUT), docs, 5)
    n_keys = len(g.words.keys or ())
    shut = working_set.close(g, keep=6)
    stubs = {g.book.docs[a].slot for sid in shut for a in g.book.stories[sid]}
    assert shut and stubs and len(g.words.keys or ()) == n_keys - len(stubs)
    _in_order(g, {d.id: d for d in docs})
    working_set.reopen(g, shut, {d.id: d for d in docs}.get)
    assert len(g.words.keys or ()) == n_keys
    _in_order(g, {d.id: d for d in docs})


class _Maps:
    """A saved map as ``lazy.BackedMap`` reads it (a dict standing in for the store)."""

    def __init__(self, d: dict):
        self.d = {k: (v.slot if hasattr(v, "slot") else v) for k, v in d.items()}
        self.count = len(d)

    def find(self, key):
        return self.d.get(key)

    def keys(self):
        return list(self.d)

    def rows(self):
        return iter(self.d.items())


def test_a_state_saved_before_keys_were_kept_opens_and_places_as_before():
    """An older state (version 9: postings in slot order, no keys) is read as it was saved,
    goes on placing in slot order, as the grouper that saved it did, and is saved again as 9
    (its shape), so an older Wiredesk still reads it; a state with keys is saved as 10."""
    from tui.core.group import state

    rnd = random.Random(7)
    docs = [GroupDoc(id=f"a{i:02d}", title=" ".join(rnd.sample(WORDS, 3)),
                     body=" ".join(rnd.sample(WORDS, 6)) + ".", lang="en",
                     date=f"2021-01-{rnd.randint(1, 9):02d}") for i in range(30)]
    old = Grouper(params=CUT)
    old.words.keys = None  # as the older code kept its postings
    old.add_many(docs[:20])
    saved = pickle.loads(old.to_state())
    assert "keys" not in saved["words"] and "keys" not in saved["cross"]
    saved["version"] = 9
    back = Grouper.from_state(pickle.dumps(saved))
    assert back.words.keys is None
    for d in docs[20:]:
        assert back.add(d) == old.add(d)
    for docs_ in back.words.postings.values():
        assert list(docs_) == sorted(docs_)
    again = pickle.loads(back.to_state())  # the version 9 shape, labelled 9 (an older
    assert again["version"] == 9 and "keys" not in again["words"]  # Wiredesk reads it)
    assert state.head_of(back)["version"] == 9
    assert pickle.loads(Grouper.from_state(pickle.dumps(again)).to_state())["version"] == 9
    keyed = Grouper(params=CUT)
    keyed.add_many(docs[:20])
    assert pickle.loads(keyed.to_state())["version"] == state._VERSION == 10
    assert state.head_of(keyed)["version"] == 10 and "keys" in state.head_of(keyed)["words"]


def test_dates_with_an_offset_compare_by_instant_whatever_their_format():
    """A JSON Lines record keeps its date as written: RFC 822, or ISO with any offset. Content
    order (so a look-up's window) compares those by instant; other dates as written."""
    same = ["Wed, 06 Jan 2021 10:00:00 +0200", "2021-01-06T08:00:00Z",
            "2021-01-06T09:00:00+01:00", "Wed, 06 Jan 2021 08:00:00 -0000"]
    assert {content_order("t", "b", d)[1] for d in same} == {"2021-01-06T08:00:00"}
    rising = ["2019-09-04", "Tue, 05 Jan 2021 23:00:00 +0000", "2021-01-06T01:30:00+02:00",
              "Wed, 06 Jan 2021 00:10:00 +0000", "2021-01-06T00:20:00-00:00"]
    assert sorted(rising, key=lambda d: order_key("t", "b", d)) == rising
    for kept in ("2014-03-10T23:21:58", "2014-03-10T16:52:50.698000", "2010-07-02", "1609833600",
                 "0001-01-01T00:00:00+05:00", "\x00"):
        assert content_order("t", "b", kept)[1] == kept
    g = Grouper(params=Params(posting_cap=3, verify=4, young=0))
    for name, days in (("old", ("02 Jan 2019", "03 Jul 2019", "04 Sep 2019")),
                       ("new", ("04 Jan 2021", "05 Jan 2021", "05 Jan 2021"))):
        g.add_many([GroupDoc(id=f"{name}{i}", title=f"storm harbour {name} {i}",
                             body=f"storm harbour {name} {i}.", lang="en",
                             date=f"Wed, {day} 1{i}:00:00 +0000") for i, day in enumerate(days)])
    g.add(GroupDoc(id="z", title="storm harbour", body="storm harbour.", lang="en",
                   date="Wed, 06 Jan 2021 10:00:00 +0000"))
    window = g.words.recent(g.words.ids["en|storm"], 4, g.book.docs["z"].slot)
    assert _ids(g, window) == ["new0", "new1", "new2", "z"]  # the newest, not 2019's Wednesdays
