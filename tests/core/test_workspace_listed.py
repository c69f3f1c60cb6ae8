"""``wiredesk stories --json --filter`` of flags and dates (``unread after:DATE``) from the
index with light articles (``index_rows.Listed``: what the listing prints, no versions), a
filter of few dates read in one part through the date index, and the story text written from
a template (``output.stories_text``): the same stories, articles and bytes as before."""

from __future__ import annotations

import json
import random

import pytest

from tests.core.test_workspace_json_stream import _printed
from tests.desk.synthetic import workspace_fixtures
from tests.desk.test_parts import joined, oddly_dated, selected
from tui.cli.output import stories_text, story_article_json, story_text
from tui.core.query import parse_filter
from tui.core.safe_text import sanitize_obj
from tui.core.workspace import Workspace
from tui.core.workspace import index_query as iq
from tui.core.workspace.index_rows import Listed

root_template, root = workspace_fixtures(90, "root")

QUERIES = ["unread after:2022-06", "before:2021-03", "+starred", "unread", "after:2021 -starred",
           "archived", "tag:nothing-such", "after:2021 harbour", "lang:en after:2022-01",
           "source:AP after:2020"]


def _json(parts) -> list[list[dict]]:
    return [[story_article_json(a) for a in arts] for part in parts for _, arts in part]


@pytest.mark.parametrize("narrow", [-1, iq.NARROW])
@pytest.mark.parametrize("head", [1, 3, 1000])
def test_light_articles_are_what_the_articles_print(root, head, narrow, monkeypatch):
    oddly_dated(root)
    monkeypatch.setattr(iq, "NARROW", narrow)
    reference = Workspace.open(root, lazy=True)
    lazy = Workspace.open(root, lazy=True)
    for q in QUERIES:
        flt = parse_filter(q)
        for archived in (False, True):
            full = list(lazy.index.stream(flt, archived=archived, head=head))
            light = list(lazy.index.stream(flt, archived=archived, head=head, light=True))
            assert joined(light) == joined(full) == selected(reference, flt, archived), q
            assert _json(light) == _json(full), q
            kinds = {type(a) for part in light for _, arts in part for a in arts}
            # Listed unless the filter checks articles itself (words, an outlet)
            assert kinds <= ({Listed} if not (flt.needs_body or flt.source) else
                             {type(a) for part in full for _, arts in part for a in arts})
    assert not lazy.loaded


def test_a_filter_of_few_dates_is_one_part_read_by_the_date_index(root):
    ws = Workspace.open(root, lazy=True)
    for q in ("unread after:2022-06", "before:2021-03", "after:2021-01 before:2022"):
        assert len(list(ws.index.stream(parse_filter(q), head=2, light=True))) == 1, q
    # flags alone read every article: the first stories still come first, by themselves
    assert len(list(ws.index.stream(parse_filter("unread"), head=2, light=True))) == 2


def test_more_articles_in_the_dates_than_narrow_keeps_the_first_part(root, monkeypatch):
    monkeypatch.setattr(iq, "NARROW", 3)
    ws = Workspace.open(root, lazy=True)
    flt = parse_filter("after:2000")
    assert len(list(ws.index.stream(flt, head=2, light=True))) == 2




@pytest.mark.parametrize("query", ["unread after:2022-06", "before:2021-03", "+starred",
                                   "source:AP after:2020", "after:2031"])
def test_the_command_prints_what_a_full_read_prints(root, query, monkeypatch):
    oddly_dated(root)
    asked: list[bool] = []
    stream = iq.Queries.stream

    def spy(self, flt, **kw):
        asked.append(kw.get("light", False))
        return stream(self, flt, **kw)

    monkeypatch.setattr(iq.Queries, "stream", spy)
    lazy, whole = Workspace.open(root, lazy=True), Workspace.open(root)
    text = _printed(lazy, query)
    assert text == _printed(whole, query)
    assert asked == [True]  # the light listing answered
    assert not lazy.loaded
    assert json.loads(text) is not None
    explained = json.loads(_printed(Workspace.open(root, lazy=True), query, explain=True))
    assert [[a["id"] for a in st["articles"]] for st in explained] == [
        [a["id"] for a in st["articles"]] for st in json.loads(text)]


TEXTS = ["plain", "", 'quote " and \\ back', "tab\there", "nl\nline", "esc \x1b[31mred\x1b[0m",
         "c1 \x85 \x9b2J", "bidi \u202e evil", "literal \\u0041", "cr\rx", "bell\x07",
         "über 日本", "\u2028 sep", "bom \ufeff", "del \x7f"]
ODD_VALUES = [None, 1, 0, 2.5, ("a",), ["x"], True]


def _listed(rnd: random.Random, odd: bool) -> Listed:
    def text(optional: bool = True):
        if odd and rnd.random() < 0.05:
            return rnd.choice(ODD_VALUES)
        return None if optional and rnd.random() < 0.2 else rnd.choice(TEXTS)

    def flag():
        return rnd.choice([1, 0, None]) if odd and rnd.random() < 0.05 else rnd.random() < 0.5

    tags = [rnd.choice(TEXTS) for _ in range(rnd.randint(0, 3))]
    if odd and rnd.random() < 0.05:
        tags = rnd.choice([("a", "b"), None, ["a", 1]])  # type: ignore[assignment]
    return Listed(text(False), text(), text(), text(), text(), text(False), flag(), flag(),
                  tags, text(False), text())


@pytest.mark.parametrize("odd", [False, True])
def test_story_text_is_json_dumps_text_of_the_sanitised_story(odd):
    rnd = random.Random(11 + odd)
    for _ in range(300):
        stories = [(rnd.choice(TEXTS[:4]), rnd.choice([None, *TEXTS]),
                    [_listed(rnd, odd) for _ in range(rnd.randint(0, 4))])
                   for _ in range(rnd.randint(1, 6))]
        want = [json.dumps(sanitize_obj({"id": sid, "title": title, "articles": [
            a._asdict() for a in arts]}), ensure_ascii=False, indent=2)
            for sid, title, arts in stories]
        assert stories_text(stories) == want
        assert [story_text(*s) for s in stories] == want


def test_one_unsafe_story_among_many_is_the_only_one_sanitised():
    clean = ("s1", "Clean", [Listed("a", "t", None, "en", "2022", "o", False, True, [],
                                    "coverage", None)])
    dirty = ("s2", "Dirty \x1b[2J", [Listed("b", "t\x9b", "src", None, None, "o", True, False,
                                             ["x\u202e"], "copy", "a")])
    texts = stories_text([clean, dirty, clean])
    assert texts[0] == texts[2] == story_text(*clean)
    assert "\x1b" not in texts[1] and "\x9b" not in texts[1] and "\u202e" not in texts[1]
    assert json.loads(texts[1])["articles"][0]["copy_of"] == "a"


@pytest.mark.parametrize("query", [None, "harbour", "rail strike", "council +starred",
                                   "source:AP", "harbuor", "unread after:2022-06"])
def test_light_pages_are_what_the_pages_print(root, query, monkeypatch):
    from tui.core.workspace import index_stream

    oddly_dated(root)
    monkeypatch.setattr(index_stream, "PAGE_ARTICLES", 3)
    monkeypatch.setattr(index_stream, "SCAN_AFTER", 12)  # then a scan, for a filter
    ws = Workspace.open(root, lazy=True)
    flt = parse_filter(query) if query else None
    for archived in (False, True):
        full = list(index_stream.pages(ws.index, flt, archived=archived))
        light = list(index_stream.pages(ws.index, flt, archived=archived, light=True))
        assert joined(light) == joined(full) and _json(light) == _json(full), query
        assert len(light) == len(full) and (query or len(light) > 1)


def test_the_order_key_sorts_as_story_order():
    from tui.core.workspace.faces import story_order
    from tui.core.workspace.records import Story

    rnd = random.Random(5)
    dates = [None, "", "2022", "2022-05", "2022-05-17", "2022-05-17T10:00", "2021-12-31", "2023"]
    stories = [Story(id=f"s{rnd.randint(0, 40):02d}", article_ids=["a"] * rnd.randint(1, 3),
                     title="", date_last=rnd.choice(dates)) for _ in range(300)]
    want = [(s.size, s.date_last, s.id) for s in sorted(stories, key=story_order)]
    assert [(s.size, s.date_last, s.id) for s in sorted(stories, key=iq._order_key())] == want
