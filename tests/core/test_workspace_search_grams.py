"""Free words found through the trigram tables (``index_grams``) and read at once
(``index_stream._few``/``_found``): the same answer as the list's pages and the scan, story for
story and article for article, for rare and common words, phrases, words inside words, story
titles, notes, tags, with flags, dates and archived stories; the tables kept in step with
every write by triggers; ``query.fold``'s ASCII shortcut gives ``fold``'s answer."""

from __future__ import annotations

import random
import sqlite3
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.desk.synthetic import workspace_fixtures
from tests.desk.test_parts import joined, oddly_dated, selected
from tui.core.ingest import RawDocument
from tui.core.query import fold, parse_filter
from tui.core.workspace import Workspace, index_grams, index_stream
from tui.core.workspace.index import SCHEMA
from tui.core.workspace.reindex import doctor

root_template, root = workspace_fixtures(90, "root")

QUERIES = [
    "harbour", "harb", "arbour", "kery", "bakery", "kestrel", "rail strike", "\"rail strike\"",
    "council +starred", "ferry -starred after:2021", "harbuor", "zzzqqq", "bulletin",
    "archived", "tag:wetland", "swamp", "retitled", "falcon unread", "works before:2022",
    "pilots", "vault 2022", "ordered", "herald", "Hérald", "gar",
]
EXTRA = [  # (title, text): words inside other words, and a word no early story holds
    ("Bakery prices rise", "The bakery on Main Street raised bread prices."),
    ("Kestrel nests found", "A kestrel pair nested in the old tower."),
    ("Falconry club grows", "Members fly a kestrel and two falcons on Sundays."),
    ("Marsh birds counted", "Counters logged herons in the wetland."),
]


def _prepare(root) -> None:
    oddly_dated(root)
    docs = [RawDocument(origin=f"extra:{k}", kind="record", content=text,
                        hints={"title": title, "source": "Local Herald", "date": f"2021-11-0{k}"})
            for k, (title, text) in enumerate(EXTRA)]
    Workspace.open(root).ingest(docs)
    ws = Workspace.open(root)
    ids = sorted(ws.by_id)
    ws.update_triage(ids[0], add_tags=["wetland"], note="a swamp story", starred=True)
    ws.update_triage(ids[5], note="see the kestrel", read=True)
    ws.update_triage(ids[7], add_tags=["Wetland"])
    sid = ws.stories()[-1].id
    ws.set_story_state(sid, title="Retitled by hand")


def _answers(lazy, flt, archived: bool) -> list:
    return joined(index_stream.pages(lazy.index, flt, archived=archived))


@pytest.mark.parametrize("few,first,once", [(10_000, 200, 2000), (10_000, 1, 2000),
                                            (3, 1, 2000), (0, 1, 2000), (10_000, 1, 0),
                                            (10_000, 2, 3)])
def test_a_rare_word_read_at_once_is_the_answer_of_the_pages_and_of_the_scan(
        root, few, first, once, monkeypatch):
    _prepare(root)
    monkeypatch.setattr(index_stream, "FEW", few)  # 0: every word read by the pages
    monkeypatch.setattr(index_stream, "FEW_FIRST", first)
    monkeypatch.setattr(index_stream, "FEW_AT_ONCE", once)  # 0: a first page, then those
    monkeypatch.setattr(index_stream, "PAGE_ARTICLES", 3 if once < 10 else 2000)
    lazy = Workspace.open(root, lazy=True)
    calls = []
    real = index_stream._found
    monkeypatch.setattr(index_stream, "_found", lambda *a: calls.append(1) or real(*a))
    for q in QUERIES:
        flt = parse_filter(q)
        for archived in (False, True):
            fast = _answers(lazy, flt, archived)
            assert fast == selected(lazy, flt, archived), (q, archived, few)  # the app's
            with monkeypatch.context() as m:  # the pages and the scan, as before
                m.setattr(index_grams, "has", lambda db: False)
                assert fast == _answers(lazy, flt, archived), (q, archived, few)
                assert fast == selected(lazy, flt, archived), (q, archived, few)
    assert (len(calls) > 10) == (few > 0)  # the quick path was taken
    assert not lazy.loaded


def test_the_quick_path_finds_words_inside_words_and_story_titles(root):
    _prepare(root)
    lazy = Workspace.open(root, lazy=True)
    titles = {q: [st.title for st, _ in (p for part in index_stream.pages(
        lazy.index, parse_filter(q)) for p in part)] for q in ("kery", "retitled", "swamp")}
    assert titles["kery"] == ["Bakery prices rise"]  # inside a word: not a word's beginning
    assert titles["retitled"] == ["Retitled by hand"]  # the story's own title
    assert len(titles["swamp"]) == 1  # a note


def test_an_index_given_the_tables_later_answers_alike(root):
    _prepare(root)
    lazy = Workspace.open(root, lazy=True)
    db = lazy.index.idx.db
    before = {q: _answers(lazy, parse_filter(q), True) for q in QUERIES}
    for name in ("grams", "grams_nul", "story_grams", "story_keys", "story_nul"):
        db.execute(f"DROP TABLE {name}")  # an index made before them
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        db.execute(f"DROP TRIGGER {name}")
    assert not index_grams.has(db)
    assert {q: _answers(lazy, parse_filter(q), True) for q in QUERIES} == before
    assert "search by parts of words indexed" in doctor(root)  # wiredesk doctor --rescan
    again = Workspace.open(root, lazy=True)
    assert index_grams.has(again.index.idx.db)
    assert {q: _answers(again, parse_filter(q), True) for q in QUERIES} == before
    assert "parts of words" not in doctor(root)  # once


# ---- the tables against instr, through every kind of write --------------------------------
_CHARS = "abé \n\"'*-.ßσς😀\x00\uffffK"
texts = st.text(alphabet=_CHARS, max_size=12)


def _db() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", isolation_level=None)
    for stmt in index_grams._statements(SCHEMA):
        db.execute(stmt)
    return db


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.tuples(texts, texts, texts), min_size=1, max_size=12),
       changes=st.lists(st.tuples(st.integers(0, 11), texts, st.booleans()), max_size=12),
       terms=st.lists(st.text(alphabet=_CHARS, min_size=3, max_size=5), max_size=4),
       cuts=st.lists(st.tuples(st.integers(0, 40), st.integers(3, 6)), max_size=30))
def test_the_tables_hold_what_instr_finds_after_any_writes(rows, changes, terms, cuts):
    every = "|".join(t for r in rows for t in r) + "|".join(c[1] for c in changes)
    terms = terms + [every[i:i + n] for i, n in cuts]  # pieces of the texts: found somewhere
    db = _db()
    for k, (short, long, title) in enumerate(rows):
        db.execute("INSERT INTO articles(rid, id, story, short_f, long_f) VALUES(?, ?, ?, ?, ?)",
                   (k + 1, f"a{k}", f"s{k}", short, long))
        db.execute("INSERT INTO stories(id, title_f) VALUES(?, ?)", (f"s{k}", title))
    for k, text, drop in changes:
        if drop:
            db.execute("DELETE FROM articles WHERE rid = ?", (k + 1,))
            db.execute("DELETE FROM stories WHERE id = ?", (f"s{k}",))
        else:  # an upsert as put_articles writes it, a face as refresh_faces does
            db.execute("INSERT INTO articles(id, short_f, long_f) VALUES(?, ?, ?) ON CONFLICT(id) "
                       "DO UPDATE SET short_f=excluded.short_f, long_f=excluded.long_f",
                       (f"a{k}", text, text[::-1]))
            db.execute("UPDATE stories SET title_f = ? WHERE id = ?", (text, f"s{k}"))
    for term in terms:
        if not index_grams.usable(term):
            continue
        assert index_grams.holding(db, term, 100) == {r for (r,) in db.execute(
            "SELECT rid FROM articles WHERE instr(short_f, ?) > 0 OR instr(long_f, ?) > 0",
            (term, term))}, term
        assert set(index_grams.stories_holding(db, term, 100) or ()) == {s for (s,) in db.execute(
            "SELECT id FROM stories WHERE instr(title_f, ?) > 0", (term,))}, term


def test_a_word_holding_nul_is_left_to_the_scan():
    assert not index_grams.usable("ab\x00c")
    assert index_grams.usable("ab\uffffc")
    assert not index_grams.usable("ab")
    assert index_grams.usable('a"b')


# ---- fold ---------------------------------------------------------------------------------
def _fold_reference(s: str) -> str:
    decomposed = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40) | st.text(alphabet="aZ é\u0301ßİΣﬁＡ😀\u2019", max_size=40))
def test_fold_with_its_shortcuts_is_fold(s):
    assert fold(s) == _fold_reference(s)


def test_fold_of_every_character_is_fold():
    rng = random.Random(5)
    points = [c for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    for c in rng.sample(points, 60_000) + list(range(0x3000)):
        assert fold(chr(c) + "A") == _fold_reference(chr(c) + "A"), hex(c)
