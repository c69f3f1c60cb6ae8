"""A filter of flags and few dates answered from the date index in parts, the top of the list
first (``index_stream.dated``; issue 16: at 1,000,000 articles the whole answer took a second
before the first story showed): the parts joined are the selection, story for story and
article for article, wherever the first part ends, with the archived rule, for whole and
listed articles; the first part is the top of the answer; the app shows it, then the whole."""

from __future__ import annotations

import pytest

from tests.app.conftest import main_ready, settle
from tests.desk.synthetic import workspace_fixtures
from tests.desk.test_parts import joined, oddly_dated, selected
from tui.app import make_app
from tui.config import Config
from tui.core.query import parse_filter
from tui.core.workspace import Workspace, index_stream
from tui.core.workspace import index_query as iq
from tui.desk.select import select, select_parts

dated_template, dated = workspace_fixtures(160, "dated")

QUERIES = [
    "unread after:2022-06",
    "before:2021-03",
    "after:2021-01 before:2022",
    "+starred after:2021",
    "-starred unread before:2022-05-17",
    "source:AP after:2020",  # an outlet: SQL keeps more, the filter checks
    "after:2022 archived",
    "after:2031",  # nothing
]


@pytest.mark.parametrize("first", [1, 3, 10, 10_000])
def test_the_dated_parts_joined_are_the_selection(dated, first, monkeypatch):
    oddly_dated(dated)
    monkeypatch.setattr(index_stream, "DATED_FIRST", first)
    reference = Workspace.open(dated, lazy=True)
    lazy = Workspace.open(dated, lazy=True)
    for q in QUERIES:
        flt = parse_filter(q)
        assert lazy.index._narrow(flt)  # answered by the date index, not the scan
        for archived in (False, True):
            parts = list(select_parts(lazy, flt, include_archived=archived))
            want = selected(reference, flt, archived)
            assert joined(parts) == want, (q, archived)
            if not flt.source:  # (an outlet: SQL's rows, which the parts are cut by, are more)
                assert len(parts) == 1 + (_cut(want, first) < len(want)), (q, archived)
            if len(parts) == 2:  # the first part is the top of the list, about `first` long
                assert sum(len(arts) for _, arts in parts[0]) >= first
                assert sum(len(arts) for _, arts in parts[0][:-1]) < first
            light = list(lazy.index.stream(flt, archived=archived, light=True))
            assert [(st.id, [a.id for a in arts]) for part in light for st, arts in part] == want
    assert not lazy.loaded


def _cut(want, first: int) -> int:
    """Stories in a first part of ``first`` articles at least (a story at least)."""
    size = 0
    for k, (_, arts) in enumerate(want):
        size += len(arts)
        if size >= first:
            return k + 1
    return len(want)


def test_a_dated_filter_that_keeps_nothing_is_one_empty_part(dated):
    ws = Workspace.open(dated, lazy=True)
    assert list(ws.index.stream(parse_filter("after:2031"))) == [[]]


def test_the_quick_answer_is_the_top_of_the_whole_one(dated, monkeypatch):
    monkeypatch.setattr(index_stream, "DATED_FIRST", 4)
    flt = parse_filter("unread after:2021-06")
    whole = select(Workspace.open(dated, lazy=True), flt)
    quick = select(Workspace.open(dated, lazy=True), flt, window=True, quick=True)
    assert quick.partial and not whole.partial
    assert 0 < len(quick.stories) < len(whole.stories)
    n = len(quick.stories)
    assert [s.id for s in quick.stories] == [s.id for s in whole.stories[:n]]
    assert all(quick.members[s.id] == whole.members[s.id] for s in quick.stories)


def test_no_quick_answer_for_many_dates_or_for_words(dated, monkeypatch):
    ws = Workspace.open(dated, lazy=True)
    assert ws.index.first_dated(parse_filter("harbour after:2021")) is None  # words
    assert ws.index.first_dated(parse_filter("unread")) is None  # no dates
    monkeypatch.setattr(iq, "NARROW", 3)  # the dates keep more than a few
    assert ws.index.first_dated(parse_filter("after:2000")) is None
    listing = select(ws, parse_filter("after:2000"), window=True, quick=True)
    assert not listing.partial  # the whole answer at once, as before


async def test_the_app_shows_the_top_of_a_dated_filter_then_the_whole(dated, monkeypatch):
    monkeypatch.setattr(index_stream, "DATED_FIRST", 3)
    flt = parse_filter("unread after:2021-06")
    expected = select(Workspace.open(dated, lazy=True), flt)
    assert len(expected.stories) > 3
    Workspace.open(dated, lazy=True).index.count_stories()  # the index built
    app = make_app(dated, config=Config())
    async with app.run_test(size=(110, 30)) as pilot:
        await main_ready(pilot, listed=True)
        sl = app.screen.stories
        shown = []
        real = sl.set_data

        def spy(listing, *args, **kwargs):
            shown.append((listing.partial, [s.id for s in listing.stories]))
            return real(listing, *args, **kwargs)

        sl.set_data = spy
        await pilot.press("f", *"unread after:2021-06", "enter")
        await settle(pilot)
        assert [p for p, _ in shown] == [True, False]  # the top first, then the whole
        top, whole = shown[0][1], shown[1][1]
        assert whole == [s.id for s in expected.stories]
        assert 0 < len(top) < len(whole) and whole[: len(top)] == top
        assert not app.ws.loaded
