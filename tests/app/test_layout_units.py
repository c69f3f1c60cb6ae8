"""The list's layout and the new user's helpers, without Textual: row columns, pane widths,
sorting, the key bar, the legend, completion, palettes, settings, bidi marks, headers."""

from __future__ import annotations

import unicodedata
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.style import Style

from tui.config import THEMES, ConfigError, config_from_dict
from tui.core.textutil import display_rtl
from tui.render.header import pane_headers
from tui.widgets import palette
from tui.widgets.keybar import KEYS, key_bar
from tui.widgets.legend import MARKS
from tui.widgets.panes import NARROW, READER_MIN, list_width
from tui.widgets.rows import KIND_MARK, YIELD_ORDER, article_columns, article_line
from tui.widgets.story_order import sort_stories
from tui.widgets.suggest import complete_path, complete_query, vocabulary

STYLES = {p: Style() for p in ("cursor", "title", "unread_title", "meta", "star", "unread",
                                "marked", "kind", "tags", "filter", "origin")}
LONG = "Japan, Canada to formally begin intelligence sharing talks amid growing threats"


def article(title=LONG, tags=("japan", "canada"), note="call Tokyo", sameness="copy"):
    return SimpleNamespace(
        title=title, origin="/news/ap.html", sameness=sameness,
        meta={"source": "Associated Press", "date": "2022-10-11", "lang": "en"},
        triage=SimpleNamespace(tags=list(tags), note=note, read=False, starred=True))


@pytest.mark.parametrize("width", range(40, 251, 7))
def test_columns_yield_in_the_stated_order_and_the_title_keeps_its_room(width):
    cols = article_columns(width)
    assert cols.dropped == YIELD_ORDER[: len(cols.dropped)]  # a prefix: the stated order
    if width >= 60:
        assert width - cols.fixed >= 30
    if width >= 90:
        assert not cols.dropped  # wide rows drop nothing


@pytest.mark.parametrize("width", [60, 70, 80, 100, 120, 200, 250])
def test_an_article_row_shows_its_title_tags_and_note_mark(width):
    line = article_line(article(), width, STYLES, marked=False, last=False, rtl=False).plain
    assert len(line) == width
    assert "✎" in line and "*" in line and "N" in line
    assert LONG[:30] in line
    assert "[japan,canada]" in line or "[japan +1]" in line or "#2" in line
    assert KIND_MARK["copy"] in line[7:10]
    assert "coverage" not in line and "copy " not in line


def test_a_short_title_leaves_room_for_tag_names():
    line = article_line(article(title="Short"), 70, STYLES, marked=False, last=True,
                        rtl=False).plain
    assert "Short [japan,canada]" in line


@pytest.mark.parametrize("total", range(NARROW, 260, 10))
def test_the_reader_gets_what_the_list_leaves(total):
    w = list_width(total)
    assert w >= NARROW - READER_MIN and total - w >= READER_MIN
    assert w <= 120


def test_sorting_stories():
    from tui.widgets.story_order import SORT_LABEL, SORTS

    assert set(SORT_LABEL) == set(SORTS)
    s = [SimpleNamespace(id="a", date_first="2022-01-01", date_last="2022-01-02", unread=0),
         SimpleNamespace(id="b", date_first="2022-03-01", date_last=None, unread=5),
         SimpleNamespace(id="c", date_first=None, date_last=None, unread=1)]
    assert [x.id for x in sort_stories(s, "size")] == ["a", "b", "c"]
    assert [x.id for x in sort_stories(s, "newest")] == ["b", "a", "c"]
    assert [x.id for x in sort_stories(s, "unread")] == ["b", "c", "a"]


@pytest.mark.parametrize("width", [60, 80, 100, 200])
def test_the_key_bar_fits_and_keeps_help(width):
    from tui.keys import default_keys

    bar = key_bar(KEYS["list"], default_keys(), width).plain
    assert len(bar) <= width and bar.rstrip().endswith("? help")
    if width >= 80:
        for word in ("r read", "m mark", "u undo", "i ingest", "e export"):
            assert word in bar


def test_the_legend_explains_every_mark_the_rows_draw():
    marks = {m for m, _ in MARKS}
    assert {"N", "*", "+", "✎", "(2/5)", "[a,b]"} <= marks
    assert set(KIND_MARK.values()) <= marks


def test_query_completion():
    words = vocabulary(["japan", "Japan Times", "defence"],
                       [SimpleNamespace(sources=["Reuters", "Kyodo"], langs=["en", "ar"])])
    assert complete_query("tag:ja", words) == "tag:japan"
    assert complete_query("+starred source:Reu", words) == "+starred source:Reuters"
    assert complete_query("tag:japan,def", words) == "tag:japan,defence"
    assert complete_query("lang:a", words) == "lang:ar"
    assert complete_query("+st", words) == "+starred"
    assert complete_query("tag:zzz", words) is None
    assert complete_query('tag:"Japan T', words) == 'tag:"Japan Times"'


def test_path_completion(tmp_path, monkeypatch):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "ap-2022.html").write_text("x")
    (tmp_path / "news" / "ap-2023.html").write_text("x")
    (tmp_path / "notes.txt").write_text("x")
    monkeypatch.chdir(tmp_path)
    assert complete_path("ne") == "news/"
    assert complete_path("feed.xml news/a") == "feed.xml news/ap-202"
    assert complete_path("nothing-here") is None
    assert complete_path(f"{tmp_path}/no") == f"{tmp_path}/notes.txt"


@pytest.mark.parametrize("env,expected", [
    ({"TERM": "linux"}, "16"), ({"TERM": "xterm"}, "16"), ({"TERM": "dumb"}, "mono"),
    ({"TERM": "xterm-256color", "NO_COLOR": "1"}, "mono"), ({}, "mono"),
    ({"TERM": "xterm-256color"}, "256"),
    ({"TERM": "xterm-256color", "COLORTERM": "truecolor"}, "truecolor"),
])
def test_palette_from_the_environment(env, expected):
    assert palette.detect("auto", env) == expected
    assert palette.detect("16", env) == "16"


def test_settings_are_checked_like_each_other():
    from textual.theme import BUILTIN_THEMES

    assert sorted(THEMES) == sorted(BUILTIN_THEMES)
    with pytest.raises(ConfigError, match="'theme' must be one of .*did you mean 'nord'"):
        config_from_dict({"theme": "nordd"})
    with pytest.raises(ConfigError, match="'sort'"):
        config_from_dict({"sort": "oldest"})
    with pytest.raises(ConfigError, match="'mouse' must be a bool"):
        config_from_dict({"mouse": "no"})
    assert config_from_dict({"mouse": False, "sort": "newest", "palette": "mono"}).mouse is False


def test_tanween_stays_on_its_letter():
    visual = display_rtl("رسميًا")
    assert visual == "\u0627\u064a\u064b\u0645\u0633\u0631"  # alef, yeh+tanween, meem...
    assert display_rtl("café رسميًا") == "café " + visual


ARABIC = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي"))
MARK = st.sampled_from(["\u064b", "\u064e", "\u064f", "\u0650", "\u0651", "\u0652"])


@given(st.lists(st.tuples(ARABIC, st.lists(MARK, max_size=2)), min_size=1, max_size=12))
def test_every_mark_follows_the_letter_it_was_written_on(clusters):
    logical = "".join(letter + "".join(marks) for letter, marks in clusters)
    visual = display_rtl(logical)
    assert sorted(visual) == sorted(logical)
    expected = "".join(letter + "".join(marks) for letter, marks in reversed(clusters))
    assert visual == expected
    assert unicodedata.category(visual[0])[0] != "M"


def test_both_headers_use_the_same_forms():
    sides = [("- 1/2 ", "Associated Press International Service", "2022-10-11", 361, "en"),
             ("+ 2/2 ", "AP", "2022-10-11", 153, "en")]
    left, right = pane_headers(sides, None, [44, 44])
    assert ("361 words" in left) == ("153 words" in right)
    assert ("361w" in left) == ("153w" in right)
