"""Every export format, read back with a real consumer of that format."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tomllib
from dataclasses import dataclass, field

import pytest
import yaml
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from markdown_it import MarkdownIt

from tui.core.export import FORMATS, ExportItem, has_triage, items_from, render, split_files
from tui.core.export.csl import split_byline
from tui.core.export.csv_out import split_tags, unneutralise
from tui.core.export.items import safe_text
from tui.core.model import Article, Triage, Version

TRICKY_NOTE = ('Commas, "quotes", \'single\'\nsecond line\n\nnew paragraph — café 日本 العربية 😀\n'
               "[bold red]rich markup[/] and \x1b[31mred\x1b[0m and \x1b]8;;http://x\x07link"
               "\x1b]8;;\x07 bell\x07 tab\there")
CLEAN_NOTE = safe_text(TRICKY_NOTE)


@dataclass
class Story:
    id: str
    title: str
    article_ids: list[str] = field(default_factory=list)
    archived: bool = False


def make(aid: str, *, note: str = "", tags=(), starred=False, read=False, title="A title",
         author="By Jane Doe and John Smith", source="Daily Example", date="2022-10-11",
         origin=None, story="s1", note_version=None) -> Article:
    versions = [Version("h1", "2022-10-11T08:00:00Z", "raw/1", "body/1"),
                Version("h2", "2022-10-12T09:30:00Z", "raw/2", "body/2")]
    meta = {"title": title, "author": author, "source": source, "date": date, "lang": "en"}
    return Article(id=aid, origin=origin or f"https://news.example/{aid}?a=1&b=2", kind="html",
                   meta=meta, versions=versions, story=story,
                   triage=Triage(tags=list(tags), starred=starred, read=read, note=note,
                                 note_version=note_version))


@pytest.fixture
def items() -> list[ExportItem]:
    arts = [
        make("b2", note=TRICKY_NOTE, tags=["=cmd", "a;b", "Japan"], starred=True,
             title="Quake <script>alert(1)</script> & [link](x) #tag *em*", note_version="h1"),
        make("a1", note="=HYPERLINK(\"http://evil\")", tags=["-x"], read=True, story="s2",
             author="Reuters", date=None, origin="/home/me/file, with comma.txt"),
        make("c3", note="", tags=[], starred=True, story=None, author=None, source=None),
    ]
    stories = [Story("s1", "Quake story", ["b2"]), Story("s2", "Other \"story\"", ["a1"])]
    return items_from(arts, stories)


def test_items_order_and_fields(items):
    assert [i.id for i in items] == ["b2", "a1", "c3"]  # by story id, unstoried last
    b2 = items[0]
    assert b2.note == CLEAN_NOTE and "\x1b" not in b2.note and "\x07" not in b2.note
    assert "[bold red]rich markup[/]" in b2.note and "red and link bell tab\there" in b2.note
    assert b2.tags == ("=cmd", "a;b", "Japan")
    assert b2.note_version_ingested == "2022-10-11T08:00:00Z"
    assert b2.story_title == "Quake story"
    assert items[2].story_id is None and items[2].note_version_ingested is None


def test_json(items):
    doc = json.loads(render(items, "json"))
    assert doc["format"] == "wiredesk-export" and doc["version"] == 1
    first = doc["articles"][0]
    assert list(first) == ["id", "title", "source", "author", "date", "lang", "origin",
                           "story", "tags", "starred", "read", "note",
                           "note_version_ingested"]
    assert first["note"] == CLEAN_NOTE
    assert first["story"] == {"id": "s1", "title": "Quake story"}
    assert doc["articles"][2]["story"] is None


def test_toml(items):
    doc = tomllib.loads(render(items, "toml"))
    assert [a["id"] for a in doc["articles"]] == ["b2", "a1", "c3"]
    assert doc["articles"][0]["note"] == CLEAN_NOTE
    assert doc["articles"][0]["tags"] == ["=cmd", "a;b", "Japan"]
    assert "story" not in doc["articles"][2] and "author" not in doc["articles"][2]
    assert doc["articles"][1]["story"]["title"] == 'Other "story"'


def test_csv(items):
    text = render(items, "csv")
    assert text.endswith("\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 3
    b2, a1, c3 = rows
    assert unneutralise(b2["note"]) == CLEAN_NOTE
    assert a1["note"].startswith("'=")  # formula neutralised
    assert unneutralise(a1["note"]) == '=HYPERLINK("http://evil")'
    assert split_tags(unneutralise(b2["tags"])) == ["=cmd", "a;b", "Japan"]
    assert a1["tags"] == "'-x" and split_tags(unneutralise(a1["tags"])) == ["-x"]
    assert a1["origin"] == "/home/me/file, with comma.txt"
    assert (b2["starred"], a1["read"], c3["author"]) == ("true", "true", "")
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@"))


def test_csl_json_formats_into_a_bibliography(items):
    data = json.loads(render(items, "csl-json"))
    b2 = data[0]
    assert b2["type"] == "article-newspaper"
    assert b2["author"] == [{"family": "Doe", "given": "Jane"},
                            {"family": "Smith", "given": "John"}]
    assert b2["issued"] == {"date-parts": [[2022, 10, 11]]}
    assert b2["container-title"] == "Daily Example"
    assert b2["URL"].startswith("https://") and "URL" not in data[1]
    assert data[1]["author"] == [{"literal": "Reuters"}]
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bib = CitationStylesBibliography(style, CiteProcJSON(data), formatter.plain)
    for item in data:
        bib.register(Citation([CitationItem(item["id"])]))
    out = [str(entry) for entry in bib.bibliography()]
    assert len(out) == 3
    assert any("Doe, J." in e and "Daily Example" in e and "2022" in e for e in out)


@pytest.mark.parametrize("byline, names", [
    ("By Jane Doe", [{"family": "Doe", "given": "Jane"}]),
    ("Doe, Jane", [{"family": "Doe", "given": "Jane"}]),
    ("Jane Doe, John Smith, Reuters", [{"family": "Doe", "given": "Jane"},
                                      {"family": "Smith", "given": "John"},
                                      {"literal": "Reuters"}]),
    ("Ludwig van Beethoven", [{"family": "van Beethoven", "given": "Ludwig"}]),
    ("Martin Luther King Jr.", [{"family": "King", "given": "Martin Luther",
                                 "suffix": "Jr."}]),
    ("AFP staff", [{"literal": "AFP staff"}]),
    ("By MARI YAMAGUCHI, Associated Press", [{"family": "Yamaguchi", "given": "Mari"},
                                            {"literal": "Associated Press"}]),
    ("Jane Doe, Staff Writer", [{"family": "Doe", "given": "Jane"}]),
    ("By Jane Doe in Tokyo", [{"family": "Doe", "given": "Jane"}]),
    ("Doe, Jane; Roe, Richard", [{"family": "Doe", "given": "Jane"},
                                 {"family": "Roe", "given": "Richard"}]),
    ("John Smith, The Washington Post", [{"family": "Smith", "given": "John"},
                                         {"literal": "The Washington Post"}]),
    ("村上春樹", [{"literal": "村上春樹"}]),
    ("", []),
])
def test_split_byline(byline, names):
    assert split_byline(byline) == names


def _md_text(tokens) -> str:
    parts = []
    for tok in tokens:
        if tok.children:
            parts.append(_md_text(tok.children))
        elif tok.type in ("text", "code_inline"):
            parts.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def test_markdown_document(items):
    md = MarkdownIt("commonmark")
    tokens = md.parse(render(items, "md"))
    headings = [_md_text([tokens[i + 1]]) for i, t in enumerate(tokens)
                if t.type == "heading_open"]
    assert headings == ["Wiredesk export", "Quake story (s1)",
                        "Quake <script>alert(1)</script> & [link](x) #tag *em*",
                        'Other "story" (s2)', "A title", "Not in a story", "A title"]
    inner = tokens + [c for t in tokens for c in (t.children or [])]
    assert not any(t.type in ("html_block", "html_inline", "em_open") for t in inner)
    links = [t.attrs["href"] for t in inner if t.type == "link_open"]
    assert links == [f"https://news.example/{x}?a=1&b=2" for x in ("b2", "c3")]  # no path
    quoted = [i for i, t in enumerate(tokens) if t.type == "blockquote_open"]
    assert len(quoted) == 2
    text = _md_text(tokens)
    for line in CLEAN_NOTE.split("\n"):
        assert line.strip() in text


def test_markdown_split_front_matter(items):
    files = split_files(items, "md")
    assert list(files) == ["quake-script-alert-1-script-link-x-tag-em-b2.md", "a-title-a1.md",
                           "a-title-c3.md"]
    text = files["quake-script-alert-1-script-link-x-tag-em-b2.md"]
    _, fm, body = text.split("---\n", 2)
    meta = yaml.safe_load(fm)
    assert meta["title"] == items[0].title and meta["tags"] == ["=cmd", "a;b", "Japan"]
    assert meta["date"] == dt.date(2022, 10, 11) and meta["starred"] is True
    assert meta["story_id"] == "s1" and meta["note_version_ingested"] == "2022-10-11T08:00:00Z"
    assert CLEAN_NOTE.strip("\n") in body
    tokens = MarkdownIt("commonmark").parse(body)
    assert tokens[0].type == "heading_open"
    meta3 = yaml.safe_load(files["a-title-c3.md"].split("---\n", 2)[1])
    assert meta3["author"] is None and meta3["tags"] == [] and meta3["story_id"] is None


def test_html_is_escaped_and_self_contained(items):
    from html.parser import HTMLParser

    page = render(items, "html")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "\x1b" not in page and "http-equiv=\"Content-Security-Policy\"" in page

    class Collect(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags, self.text, self.hrefs = [], [], []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)
            self.hrefs += [v for k, v in attrs if k in ("href", "src")]

        def handle_data(self, data):
            self.text.append(data)

    p = Collect()
    p.feed(page)
    assert "script" not in p.tags and "link" not in p.tags and "img" not in p.tags
    assert p.hrefs == [f"https://news.example/{x}?a=1&b=2" for x in ("b2", "c3")]  # no path
    assert CLEAN_NOTE in "".join(p.text)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_deterministic_and_empty(fmt, items):
    assert render(items, fmt) == render(list(items), fmt)
    empty = render([], fmt)
    if fmt in ("json", "csl-json"):
        assert json.loads(empty) in ([], {"format": "wiredesk-export", "version": 1,
                                          "articles": []})
    elif fmt == "toml":
        assert tomllib.loads(empty)["articles"] == []
    elif fmt == "csv":
        assert list(csv.reader(io.StringIO(empty))) == [list(csv.reader(io.StringIO(
            render(items, "csv"))))[0]]
    else:
        assert empty.strip()


def test_default_selection():
    assert has_triage(make("x", note="n")) and has_triage(make("x", tags=["t"]))
    assert has_triage(make("x", starred=True))
    assert not has_triage(make("x", read=True, note="  \n"))
