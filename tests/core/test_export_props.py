"""Property tests: exporters never raise; json, csv, toml and YAML front matter round-trip
arbitrary Unicode notes and tags (after the documented control-character stripping)."""

from __future__ import annotations

import csv
import io
import json
import tomllib

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tui.core.export import FORMATS, items_from, render, split_files
from tui.core.export.csv_out import split_tags, unneutralise
from tui.core.export.files import slug
from tui.core.model import Article, Triage, Version

_any_text = st.text(st.characters(), max_size=80)
_meta_value = st.none() | _any_text


@st.composite
def articles(draw) -> list[Article]:
    out = []
    for n in range(draw(st.integers(0, 4))):
        meta = {k: draw(_meta_value) for k in ("title", "author", "source", "lang")}
        meta["date"] = draw(st.none() | st.sampled_from(["2022-10-11", "2022", "2022-13-45",
                                                         "2022-10-11T09:00:00+09:00"])
                            | _any_text)
        out.append(Article(
            id=f"id{n}", origin=draw(_any_text), kind="text", meta=meta,
            versions=[Version("h", draw(_any_text), "r", "b")],
            story=draw(st.none() | st.sampled_from(["s1", "s2"])),
            triage=Triage(tags=draw(st.lists(_any_text, max_size=4)), starred=draw(st.booleans()),
                          read=draw(st.booleans()), note=draw(_any_text), note_version="h"),
        ))
    return out


_settings = settings(max_examples=60)


@_settings
@given(articles())
def test_every_format_renders(arts):
    items = items_from(arts)
    for fmt in FORMATS:
        text = render(items, fmt)
        text.encode("utf-8")  # no lone surrogates
        assert "\x1b" not in text
    for name in split_files(items, "md"):
        assert "/" not in name and "\\" not in name and not name.startswith(".")
        assert len(name.encode()) < 200 and name.isprintable()


@_settings
@given(articles())
def test_json_toml_csv_round_trip(arts):
    items = items_from(arts)
    js = json.loads(render(items, "json"))["articles"]
    tm = tomllib.loads(render(items, "toml"))["articles"]
    rows = list(csv.DictReader(io.StringIO(render(items, "csv"), newline="")))
    assert len(js) == len(tm) == len(rows) == len(items)
    for item, j, t, r in zip(items, js, tm, rows):
        note = item.note or None
        assert j["note"] == t.get("note") == (unneutralise(r["note"]) or None) == note
        assert j["tags"] == t["tags"] == split_tags(unneutralise(r["tags"])) == list(item.tags)
        assert j["title"] == t["title"] == unneutralise(r["title"]) == item.title
        assert unneutralise(r["origin"]) == item.origin


@_settings
@given(articles())
def test_front_matter_and_markdown_read_back(arts):
    items = items_from(arts)
    MarkdownIt("commonmark").parse(render(items, "md"))
    for item, text in zip(items, split_files(items, "md").values()):
        meta = yaml.safe_load(text.split("---\n", 2)[1])
        assert meta["title"] == item.title and meta["tags"] == list(item.tags)
        assert meta["origin"] == item.origin and meta["author"] == item.author


@given(_any_text)
def test_slug_is_safe(text):
    s = slug(text)
    assert s == s.strip("-") and "/" not in s and "." not in s and s.isprintable()
    assert len(s) <= 60 and " " not in s
