"""Speed-ups of the candidate look-ups give exactly what the plain loops give.

``cross_candidates`` skips posting windows that hold no article of another language (told by
``TermIndex.posted_groups``) and remembers its answer while the index does not change; these
tests run the same look-ups and whole groupings with that knowledge and memory taken away (the
plain loop over every posting, every time) and compare, also for groupers saved and read back
between batches (the cache keeps which slots each language posted). ``TermIndex.weigh`` and
``mono_candidates`` sort without key functions: compared with the code they replaced.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.term_rows import ROWS, weigh_input
from tui.core.group import GroupDoc, Grouper, Params
from tui.core.group.index import TermIndex
from tui.core.group.scoring import cross_candidates

NAMES = ["Kerry", "Tehran", "Obama", "Merkel", "Lagos", "Quito", "Nairobi", "Osaka", "Boeing",
         "Pfizer", "Warsaw", "Chile", "Sanchez", "Dubai", "Kyiv", "Gaza"]
WORDS = {
    "en": ["minister", "talks", "deal", "storm", "vote", "court", "strike", "market"],
    "de": ["Minister", "Gespräche", "Abkommen", "Sturm", "Wahl", "Gericht", "Streik", "Markt"],
    "fr": ["ministre", "pourparlers", "accord", "tempête", "vote", "tribunal", "grève", "marché"],
}


@st.composite
def corpora(draw) -> list[GroupDoc]:
    n = draw(st.integers(min_value=2, max_value=40))
    out = []
    for i in range(n):
        lang = draw(st.sampled_from(["en", "en", "en", "de", "fr", None]))
        names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4))
        words = draw(st.lists(st.sampled_from(WORDS[lang or "en"]), min_size=1, max_size=6))
        num = draw(st.sampled_from(["", " 2021", " 45", " 3.5"]))
        title = " ".join(names[:2] + words[:2]) + num
        body = " ".join(names + words) + num + "."
        day = draw(st.sampled_from([None, "2021-01-01", "2021-01-02", "2021-01-20"]))
        out.append(GroupDoc(id=f"a{i:03d}", title=title, body=body, lang=lang, date=day,
                            origin=f"u{i}"))
    return out


def _placed(g: Grouper) -> dict:
    return {aid: (e.placement.story, e.placement.sameness, e.placement.copy_of, e.how,
                  e.partner, e.score) for aid, e in g.book.docs.items()}


class _Forget(dict):
    """A memo that remembers nothing (every look-up computed afresh)."""

    def __setitem__(self, key, value) -> None:
        pass


def _group(docs: list[GroupDoc], cuts: list[int], params: Params, plain: bool) -> Grouper:
    g = Grouper(params=params)
    if plain:  # every posting read, every look-up computed
        g.cross.by_group = None
        g.cross.memo = _Forget()
    at = 0
    for cut in [*sorted(cuts), len(docs)]:
        if docs[at:cut]:
            g.add_many(docs[at:cut])
        at = max(at, cut)
    return g


SMALL = Params(posting_cap=3, verify=4, young=5)  # short windows: skipping matters


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), st.lists(st.integers(min_value=0, max_value=40), max_size=3),
       st.sampled_from([SMALL, Params()]))
def test_groupings_with_and_without_skipping_are_identical(docs, cuts, params):
    fast = _group(docs, cuts, params, plain=False)
    slow = _group(docs, cuts, params, plain=True)
    assert _placed(fast) == _placed(slow)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), st.sampled_from([SMALL, Params()]))
def test_cross_look_ups_with_and_without_skipping_are_identical(docs, params):
    g = _group(docs, [len(docs) // 2], params, plain=False)
    slots = g.book.slots
    for e in [e for e in slots if e is not None]:
        fast = cross_candidates(e, g.cross, slots, params)
        known, g.cross.by_group = g.cross.by_group, None
        slow = cross_candidates(e, g.cross, slots, params)
        g.cross.by_group = known
        assert [(s, o.slot) for s, o in fast] == [(s, o.slot) for s, o in slow]


def test_an_article_that_changes_language_is_found_in_its_new_one():
    """A new version in another language: its slot is listed under both groups, so a look-up
    from the first language still finds it."""
    g = Grouper(params=SMALL)
    g.add_many([GroupDoc(id="a", title="Kerry Tehran talks", body="Kerry Tehran talks.",
                         lang="en", origin="u1"),
                GroupDoc(id="b", title="Kerry Tehran Gespräche", body="Kerry Tehran Gespräche.",
                         lang="de", origin="u2")])
    g.update(GroupDoc(id="b", title="Kerry Tehran talks again", body="Kerry Tehran talks again.",
                      lang="en", origin="u2"))
    g.update(GroupDoc(id="a", title="Kerry Tehran Gespräche", body="Kerry Tehran Gespräche.",
                      lang="de", origin="u1"))
    a, b = g.book.docs["a"], g.book.docs["b"]
    fast = cross_candidates(b, g.cross, g.book.slots, SMALL)
    groups = g.cross.posted_groups(g.book.slots)
    assert groups is not None
    assert a.slot in groups["de"] and b.slot in groups["de"] and b.slot in groups["en"]
    g.cross.by_group = None
    assert fast == cross_candidates(b, g.cross, g.book.slots, SMALL)
    assert [o.id for _, o in fast] == ["a"]


def test_posted_groups_is_a_superset_and_stops_when_never_asked(monkeypatch):
    ix = TermIndex()

    class E:
        def __init__(self, group):
            self.group = group

    slots = [E("en"), E("de"), None, E("en")]
    for slot in (0, 1, 3, 1):
        ix.post(slot, [7])
    assert {k: list(v) for k, v in ix.posted_groups(slots).items()} == {"en": [0, 3], "de": [1]}
    slots[1] = E("en")  # a new version in another language, posted again
    ix.post(1, [7])
    assert {k: list(v) for k, v in ix.posted_groups(slots).items()} == {
        "en": [0, 1, 3], "de": [1]}
    monkeypatch.setattr("tui.core.group.index._PENDING_MAX", 3)
    for slot in range(5):
        ix.post(slot, [8])
    assert ix.posted_groups(slots) is None  # not known: look-ups read every posting


def test_a_loaded_index_knows_the_groups_it_was_saved_with():
    """The cache keeps which slots each language posted (a grouper read back skips as the one
    saved did); a state saved without them (an older one) reads every posting."""
    from tui.core.group import state

    g = Grouper()
    g.add_many([GroupDoc(id="a", title="Kerry talks", body="Kerry talks.", lang="en"),
                GroupDoc(id="b", title="Kerry Gespräche", body="Kerry Gespräche.", lang="de")])
    want = {k: list(v) for k, v in g.cross.posted_groups(g.book.slots).items()}
    assert want == {"en": [0], "de": [1]}
    back = Grouper.from_state(g.to_state())
    assert {k: list(v) for k, v in back.cross.posted_groups(back.book.slots).items()} == want
    assert state.head_of(g)["cross"]["by_group"] == g.cross.by_group
    assert "by_group" not in state.head_of(g)["words"]  # (never skipped by)
    older = state._index_state(g.cross)
    assert "by_group" not in older and state._index_from(older).by_group is None


def _group_saved(docs, cuts, params, plain: bool) -> Grouper:
    """As ``_group``, the grouper saved and read back (``to_state``) between batches."""
    g = Grouper(params=params)
    at = 0
    for cut in [*sorted(cuts), len(docs)]:
        if docs[at:cut]:
            g = Grouper.from_state(g.to_state()) if g.book.slots else g
            if plain:
                g.cross.by_group = None
                g.cross.memo = _Forget()
            g.add_many(docs[at:cut])
        at = max(at, cut)
    return g


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=3),
       st.sampled_from([SMALL, Params()]))
def test_groupings_read_back_from_the_cache_are_identical_with_and_without_skipping(
        docs, cuts, params):
    fast = _group_saved(docs, cuts, params, plain=False)
    slow = _group_saved(docs, cuts, params, plain=True)
    assert _placed(fast) == _placed(slow)


@pytest.mark.parametrize("skip", [False, True])
def test_skipping_is_used_on_a_mostly_one_language_collection(skip, monkeypatch):
    """On a collection of one language and a few others, most windows are skipped."""
    calls = []
    import tui.core.group.scoring as scoring

    real = scoring._foreign_hits

    def spy(window, foreign):
        found = real(window, foreign)
        calls.append(found)
        return found

    monkeypatch.setattr(scoring, "_foreign_hits", spy)
    docs = [GroupDoc(id=f"e{i}", title=f"Kerry Tehran {i} talks", body=f"Kerry in Tehran {i}.",
                     lang="en") for i in range(30)]
    docs.append(GroupDoc(id="d", title="Merkel Gespräche", body="Merkel Gespräche.", lang="de"))
    g = Grouper()
    if skip:
        g.cross.by_group = None
    g.add_many(docs)
    assert (not calls) == skip
    if not skip:
        assert any(c == set() for c in calls)


def _weigh_before(ix, tids, counts, boosted, keep, group, factor):
    """``TermIndex.weigh`` as it was (a key function per pair), the reference."""
    import math
    from array import array

    df, log = ix.df, math.log
    top_idf = log(ix.n_group.get(group, 0) + 1) + 1.0
    pairs = [((1.0 + log(c)) * (top_idf - log(df[t] + 1)) * (factor if b else 1.0), t)
             for t, c, b in zip(tids, counts, boosted)]
    pairs.sort(key=lambda p: (-p[0], p[1]))
    top = pairs[:keep]
    norm = math.sqrt(sum(w * w for w, _ in top)) or 1.0
    return array("i", [t for _, t in top]), array("f", [w / norm for w, _ in top])


@settings(max_examples=200, deadline=None)
@given(ROWS, st.lists(st.integers(0, 50), min_size=31, max_size=31), st.integers(0, 12),
       st.integers(0, 60), st.sampled_from([1.0, 1.25, 0.0]))
def test_weigh_equals_the_keyed_sort(rows, dfs, keep, n, factor):
    ix, tids, counts, boosted = weigh_input(rows, dfs, n)
    assert ix.weigh(tids, counts, boosted, keep, "en", factor) == _weigh_before(
        ix, tids, counts, boosted, keep, "en", factor)


def test_a_remembered_look_up_is_forgotten_when_the_index_changes():
    g = Grouper()
    g.add_many([GroupDoc(id="a", title="Kerry Tehran talks", body="Kerry Tehran talks.",
                         lang="en"),
                GroupDoc(id="b", title="Kerry Tehran Gespräche", body="Kerry Tehran.",
                         lang="de")])
    a = g.book.docs["a"]
    first = cross_candidates(a, g.cross, g.book.slots, g.params)
    assert g.cross.memo and first == cross_candidates(a, g.cross, g.book.slots, g.params)
    g.add_many([GroupDoc(id="c", title="Kerry Tehran Abkommen", body="Kerry Tehran Abkommen.",
                         lang="de")])
    # (the cross-language pass may look ``a`` up again, left alone by ``b``: after the change)
    held = g.cross.memo.get(a.slot)
    g.cross.memo.clear()
    again = cross_candidates(a, g.cross, g.book.slots, g.params)
    assert held is None or list(held[3]) == again
    assert {o.id for _, o in again} == {"b", "c"}


def _mono_before(doc, words, slots, params):
    """``scoring.mono_candidates`` as it was (ranked as (slot, sum) pairs, a key function per
    candidate), the reference."""
    from operator import itemgetter

    from tui.core.group.scoring import _limit, dot

    limit = _limit(params, words.n_group.get(doc.group, 0))
    short = doc.mass <= params.short_terms
    cap = params.posting_cap * (params.short_reach if short else 1)
    verify = params.verify * (params.short_reach if short else 1)
    pool: dict[int, float] = {}
    for tid, weight in zip(doc.terms[: params.query_terms], doc.weights):
        if words.df[tid] <= limit:
            for slot in words.recent(tid, cap, doc.slot):
                pool[slot] = pool.get(slot, 0.0) + weight
    ranked = sorted(pool.items(), key=itemgetter(1), reverse=True)[: verify * 2]
    query = dict(zip(doc.terms, doc.weights))
    out = []
    for slot, _ in ranked:
        other = slots[slot]
        if other is None or other.group != doc.group:
            continue
        out.append((dot(query, other), other))
        if len(out) >= verify:
            break
    out.sort(key=lambda p: (-p[0], p[1].slot))
    return out


TIES = Params(posting_cap=3, verify=2, young=5, short_reach=1)  # few kept: ties decide


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), st.sampled_from([SMALL, TIES, Params()]))
def test_same_language_look_ups_equal_the_plain_loop(docs, params):
    """Every look-up (with its scores, bit for bit, and its order) as the reference gives it,
    on collections full of tied sums (a few repeated words)."""
    from tui.core.group.scoring import mono_candidates

    g = _group(docs, [len(docs) // 2], params, plain=False)
    slots = g.book.slots
    for e in [e for e in slots if e is not None]:
        fast = mono_candidates(e, g.words, slots, params)
        slow = _mono_before(e, g.words, slots, params)
        assert [(s, o.slot) for s, o in fast] == [(s, o.slot) for s, o in slow]
