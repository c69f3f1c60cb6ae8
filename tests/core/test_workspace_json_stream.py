"""``wiredesk stories --json`` from the index, a page at a time (``index_stream``): the pages
joined are the selection, story for story and article for article, wherever pages end, with
dates that begin other dates, undated and archived stories, with and without a filter; the
command prints the same text as before (``output.json_text`` is ``json.dumps``'s text)."""

from __future__ import annotations

import contextlib
import io
import json
import random

import pytest

from tests.desk.synthetic import workspace_fixtures
from tests.desk.test_parts import joined, oddly_dated, selected
from tui.cli import read_cmd
from tui.cli.output import json_text
from tui.core.query import parse_filter
from tui.core.safe_text import sanitize_obj
from tui.core.workspace import Workspace, index_stream

root_template, root = workspace_fixtures(90, "root")

QUERIES = [None, "harbour", "rail strike", "council +starred", "ferry -starred after:2021",
           "harbuor", "zzzqqq", "bulletin", "archived"]


@pytest.mark.parametrize("page", [1, 2, 3, 5, 40, 2000])
def test_the_pages_joined_are_the_selection_wherever_pages_end(root, page, monkeypatch):
    oddly_dated(root)
    monkeypatch.setattr(index_stream, "PAGE_ARTICLES", page)
    monkeypatch.setattr(index_stream, "PAGE_GROWTH", 1)  # every page as small
    monkeypatch.setattr(index_stream, "SCAN_AFTER", page * 4)  # then a scan, for a filter
    monkeypatch.setattr(index_stream, "SCAN_STORIES", 10 if page == 5 else 10**6)
    reference = Workspace.open(root, lazy=True)
    lazy = Workspace.open(root, lazy=True)
    for q in QUERIES:
        flt = parse_filter(q) if q else None
        for archived in (False, True):
            parts = list(index_stream.pages(lazy.index, flt, archived=archived))
            assert joined(parts) == selected(reference, flt, archived), (q, archived, page)
            if page == 1 and q is None:
                assert len(parts) > 20  # (pages of one story each, nearly)
    assert not lazy.loaded


def test_a_page_cut_at_a_date_that_others_begin_takes_them_early(root, monkeypatch):
    oddly_dated(root)
    monkeypatch.setattr(index_stream, "PAGE_ARTICLES", 1)
    monkeypatch.setattr(index_stream, "PAGE_GROWTH", 1)
    ws = Workspace.open(root, lazy=True)
    pages = list(index_stream.pages(ws.index, None, archived=True))
    seen = [st.id for part in pages for st, _ in part]
    assert len(seen) == len(set(seen))  # each story once, though taken early
    by_date = {st.date_last: i for i, part in enumerate(pages) for st, _ in part
               if st.date_last in ("2022", "2022-05", "2022-05-17") and st.size == 1}
    assert by_date["2022"] <= by_date["2022-05"] <= by_date["2022-05-17"]


def _printed(ws, query: str | None, explain: bool = False) -> str:
    """What ``wiredesk stories --json [--filter query]`` prints."""
    args = type("Args", (), {"json": True, "filter": query, "archived": False,
                             "explain": explain})()
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        read_cmd.run_stories(args, ws)
    return buf.getvalue()


@pytest.mark.parametrize("query", [None, "harbour", "unread after:2022-06", "zzzqqq"])
def test_the_command_prints_what_a_full_read_prints(root, query):
    oddly_dated(root)
    lazy, whole = Workspace.open(root, lazy=True), Workspace.open(root)
    text = _printed(lazy, query)
    assert text == _printed(whole, query)
    assert not lazy.loaded  # answered by the index
    assert json.loads(text) is not None


VALUES = ["plain", "", 'quote " and \\ back', "tab\there", "nl\nline", "esc \x1b[31mred\x1b[0m",
          "c1 \x85 \x9b2J", "bidi \u202e evil", "literal \\u0041", "cr\rx", "bell\x07",
          "über 日本", "\u2028 sep", None, True, False, [], ["a", "b\x1b"], {}, {"k": [None, 1]},
          1, 2.5]


def test_json_text_is_json_dumps_text_of_the_sanitised_value():
    rnd = random.Random(7)
    for _ in range(2000):
        obj = {"id": rnd.choice(VALUES[:13]), "title": rnd.choice(VALUES), "articles": [
            {k: rnd.choice(VALUES) for k in ("id", "title", "tags", "read")}
            for _ in range(rnd.randint(0, 3))]}
        assert json_text(obj) == json.dumps(sanitize_obj(obj), ensure_ascii=False, indent=2)
