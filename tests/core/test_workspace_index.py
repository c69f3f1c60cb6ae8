"""The index beside the truth (.cache/index.sqlite): built from the TOML, kept in step with every
write, rebuilt when missing, damaged or of another version; the lazy workspace that reads one
article's file for a one-article command. No Textual here."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from tui.core.model import RawDocument
from tui.core.query import parse_filter
from tui.core.workspace import Workspace, index_sync, reindex
from tui.core.workspace import index as ix
from tui.core.workspace.atomic import write_atomic
from tui.core.workspace.loading import Records
from tui.core.workspace.paths import article_path

TEXTS = [
    ("Japan and Canada agree to intelligence talks", "Japan and Canada agreed on Tuesday to "
     "start talks on an intelligence-sharing pact, officials in Tokyo said.", "AP", "2022-10-11"),
    ("Canada, Japan begin intelligence sharing talks", "Canada and Japan will formally begin "
     "intelligence sharing talks, the two governments said in Tokyo.", "Reuters", "2022-10-12"),
    ("Wildfires force thousands to flee in California", "Wildfires forced thousands to flee "
     "their homes in northern California overnight, firefighters said.", "AP", "2022-09-01"),
    ("Harbour works approved by council", "The town council voted five to two for the harbour "
     "works on Monday after a long debate about the cost.", "Local Herald", "2021-12-20"),
    ("Élection à Montréal: résultats", "Les électeurs de Montréal ont voté dimanche; la "
     "participation était faible selon Élections Québec.", "Le Devoir", "2021-11-07"),
]


def rec(i: int, title: str, text: str, source: str, date: str, lang: str = "en") -> RawDocument:
    return RawDocument(origin=f"test:{i}", content=text, kind="record",
                       hints={"title": title, "source": source, "date": date,
                              "lang": "fr" if "Montréal" in text else lang})


@pytest.fixture
def root(tmp_path):
    ws = Workspace.open(tmp_path / "ws")
    ws.ingest([rec(i, *t) for i, t in enumerate(TEXTS)])
    return ws.root


def by_index(root, query: str = "", archived: bool = False) -> list[tuple[str, list[str]]]:
    ws = Workspace.open(root, lazy=True)
    flt = parse_filter(query) if query else None
    return [(st.id, [a.id for a in arts])
            for st, arts in ws.stories_matching(flt, archived=archived)]


def by_reading(root, query: str = "", archived: bool = False) -> list[tuple[str, list[str]]]:
    ws = Workspace.open(root)
    flt = parse_filter(query) if query else None
    return [(st.id, [a.id for a in arts])
            for st, arts in ws.stories_matching(flt, archived=archived)]


def faces(stories) -> list[tuple]:
    return [(s.id, s.article_ids, s.title, s.sources, s.langs, s.date_first, s.date_last,
             s.unread, s.starred, s.archived) for s in stories]


def test_fts5_is_available():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='unicode61 remove_diacritics 2')")


def test_first_query_builds_the_index_with_the_same_stories(root):
    assert not ix.exists(root)
    lazy = Workspace.open(root, lazy=True)
    from_index = lazy.index.stories(archived=True)
    assert ix.exists(root)
    assert faces(from_index) == faces(Workspace.open(root).stories())
    assert lazy.index.count_articles() == len(TEXTS)


@pytest.mark.parametrize("query", [
    "", "japan", "JAPAN tokyo", "intelligance", "montreal", "electeurs", "+starred", "unread",
    "after:2022-01", "before:2021-12-31 unread", "source:ap", "lang:fr", "tag:keep",
    "-tag:keep", "tag:keep,other", '"sharing talks"', "harb", "council -starred",
])
def test_filters_answer_as_reading_everything_does(root, query):
    ws = Workspace.open(root)
    first = ws.articles()[0].id
    ws.update_triage(first, add_tags=["Keep"], starred=True, read=True)
    assert by_index(root, query) == by_reading(root, query)


def test_archived_stories_are_hidden_unless_asked(root):
    ws = Workspace.open(root, lazy=True)
    sid = ws.index.stories()[0].id
    ws.set_story_state(sid, archived=True)
    assert sid not in [s for s, _ in by_index(root)]
    assert sid in [s for s, _ in by_index(root, archived=True)]
    assert by_index(root, "archived", archived=True) == by_reading(root, "archived",
                                                                   archived=True)


def test_one_article_commands_read_one_file(root, monkeypatch):
    Workspace.open(root, lazy=True).index.count_stories()  # the index exists
    ws = Workspace.open(root, lazy=True)
    reads = []
    original = Records.read_article
    monkeypatch.setattr(Records, "read_article",
                        lambda self, path: reads.append(path) or original(self, path))
    aid = sorted(p.stem for p in (root / "articles").glob("*/*.toml"))[2]
    a = ws.resolve(aid[:5])
    ws.update_triage(a.id, starred=True, add_tags=["x"], note="a note")
    ws.body(a)
    assert not ws.loaded
    assert {p.stem for p in reads} == {aid}
    assert ws.index.article(aid).triage.note == "a note"
    assert Workspace.open(root).get(aid).triage.starred


def test_writes_keep_the_index_in_step(root):
    ws = Workspace.open(root, lazy=True)
    ws.index.count_stories()
    full = Workspace.open(root)
    a = full.articles()[0]
    full.update_triage(a.id, starred=True, read=True, add_tags=["Japan"])
    sid = full.stories()[-1].id
    full.set_story_state(sid, title="My own title")
    other = next(s for s in full.stories() if s.id != full.get(a.id).story)
    full.correct("move", a.id, other.id)
    full.ingest([rec(99, "Harbour works begin", "Work on the harbour began today after the "
                      "council vote, the contractor said.", "Local Herald", "2022-01-03")])
    check = Workspace.open(root)
    assert faces(Workspace.open(root, lazy=True).index.stories(archived=True)) == faces(
        check.stories())
    assert by_index(root, "contractor") == by_reading(root, "contractor") != []
    assert by_index(root, "tag:japan +starred") == [(other.id, [a.id])]


@pytest.mark.parametrize("damage", ["missing", "garbage", "version", "cut short"])
def test_index_is_rebuilt_when_missing_damaged_or_of_another_version(root, damage):
    Workspace.open(root, lazy=True).update_triage(
        Workspace.open(root).articles()[0].id, starred=True)
    expected = by_reading(root, "+starred")
    assert by_index(root, "+starred") == expected
    path = ix.path_of(root)
    if damage == "missing":
        ix.remove(root)
    elif damage == "garbage":
        ix.remove(root)
        path.write_bytes(b"this is not a database" * 100)
    elif damage == "version":
        with sqlite3.connect(path) as db:
            db.execute("UPDATE meta SET value='0' WHERE key='version'")
    else:
        with sqlite3.connect(path) as db:
            db.execute("UPDATE meta SET value='0' WHERE key='complete'")
    assert by_index(root, "+starred") == expected
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM meta WHERE key='version'").fetchone() == (
            ix.VERSION,)


def test_nothing_is_lost_when_the_index_is_deleted(root):
    ws = Workspace.open(root, lazy=True)
    ws.index.count_stories()
    aid = Workspace.open(root).articles()[1].id
    ws.update_triage(aid, add_tags=["kept"], note="still here")
    ix.remove(root)
    again = Workspace.open(root)
    assert again.get(aid).triage.tags == ["kept"]
    assert again.get(aid).triage.note == "still here"
    assert by_index(root, "tag:kept") == [(again.get(aid).story, [aid])]


def test_replaced_file_is_noticed_by_its_folder_and_in_place_edit_by_rescan(root):
    ws = Workspace.open(root, lazy=True)
    ws.index.count_stories()
    aid = Workspace.open(root).articles()[0].id
    path = article_path(root, aid)
    text = path.read_text(encoding="utf-8")
    write_atomic(path, text.replace("starred = false", "starred = true"))  # save-and-rename
    assert [i for _, ids in by_index(root, "+starred") for i in ids] == [aid]
    st = path.stat()
    path.write_text(text, encoding="utf-8")  # in place: same folder time
    os.utime(path.parent, ns=(st.st_atime_ns, path.parent.stat().st_mtime_ns))
    lazy = Workspace.open(root, lazy=True)
    with lazy:
        found = index_sync.rescan(lazy)
    assert found["changed"] == 1
    assert by_index(root, "+starred") == []


def test_damaged_file_found_by_the_index_is_named(root):
    Workspace.open(root, lazy=True).index.count_stories()
    aid = Workspace.open(root).articles()[0].id
    write_atomic(article_path(root, aid), 'id = "broken\n')
    ws = Workspace.open(root, lazy=True)
    assert aid not in {a.id for _, arts in ws.stories_matching() for a in arts}
    assert any(aid in p for p in ws.problems)
    assert any(aid in p for p in Workspace.open(root, lazy=True).problems)


def test_a_reader_beside_a_writer_process(root):
    Workspace.open(root, lazy=True).index.count_stories()
    ids = [a.id for a in Workspace.open(root).articles()]
    script = textwrap.dedent(f"""
        from tui.core.workspace import Workspace
        for n in range(30):
            ws = Workspace.open({str(root)!r}, lazy=True)
            ws.update_triage({ids!r}[n % {len(ids)}], starred=n % 2 == 0, add_tags=[f"t{{n}}"])
    """)
    writer = subprocess.Popen([sys.executable, "-c", script])
    seen = 0
    while writer.poll() is None:
        ws = Workspace.open(root, lazy=True)
        seen += len(ws.stories_matching(parse_filter("japan")))
        assert ws.index.count_articles() == len(ids)
    assert writer.returncode == 0 and seen
    assert by_index(root, "tag:t29") == by_reading(root, "tag:t29") != []
    full = Workspace.open(root)
    assert faces(Workspace.open(root, lazy=True).index.stories(archived=True)) == faces(
        full.stories())


def test_a_hand_edit_is_still_found_after_a_write_beside_it(tmp_path):
    ws = Workspace.open(tmp_path / "ws")
    ws.ingest([rec(i, f"Report {i}", f"Council report number {i} on the harbour works.",
                   "Herald", "2022-01-01") for i in range(40)])
    by_folder: dict[str, list[str]] = {}
    for p in sorted((ws.root / "articles").glob("*/*.toml")):
        by_folder.setdefault(p.parent.name, []).append(p.stem)
    edited, written = next(ids for ids in by_folder.values() if len(ids) > 1)[:2]
    Workspace.open(ws.root, lazy=True).index.count_stories()
    path = article_path(ws.root, edited)
    write_atomic(path, path.read_text(encoding="utf-8").replace(
        "starred = false", "starred = true"))  # by hand, replacing the file
    Workspace.open(ws.root, lazy=True).update_triage(written, read=True)  # same folder
    starred = {a.id for _, arts in Workspace.open(ws.root, lazy=True).stories_matching(
        parse_filter("+starred")) for a in arts}
    assert starred == {edited}


def test_doctor_reindex_and_rescan_from_the_command_line(root, capsys):
    from tui.cli import main

    assert main(["doctor", "--reindex", "--workspace", str(root)]) == 0
    assert f"{len(TEXTS)} articles" in capsys.readouterr().out
    aid = Workspace.open(root).articles()[0].id
    path = article_path(root, aid)
    folder_time = path.parent.stat().st_mtime_ns
    path.write_text(path.read_text(encoding="utf-8").replace("read = false", "read = true"),
                    encoding="utf-8")
    os.utime(path.parent, ns=(folder_time, folder_time))  # an edit in place
    assert main(["doctor", "--rescan", "--workspace", str(root)]) == 0
    assert "1 article files read again" in capsys.readouterr().out
    assert by_index(root, "read") == by_reading(root, "read") != []


def test_a_workspace_that_cannot_be_written_is_still_searched(root, monkeypatch):
    expected = by_reading(root, "japan")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self.path))

    monkeypatch.setattr("tui.core.workspace.lock.WriterLock.acquire", refuse)
    assert by_index(root, "japan") == expected != []  # no index can be built: read instead
    assert not ix.exists(root)


def test_a_query_catching_up_does_not_hide_a_hand_edit_from_the_open_workspace(root):
    app = Workspace.open(root)  # holds every article, as the app does
    app.index.count_stories()
    aid = app.articles()[0].id
    path = article_path(root, aid)
    write_atomic(path, path.read_text(encoding="utf-8").replace(
        "starred = false", "starred = true"))
    assert [a.id for _, arts in app.index.stories_with_articles(parse_filter("+starred"))
            for a in arts] == [aid]
    assert app.changed_on_disk(full=True)
    app.reload()
    assert app.get(aid).triage.starred


def test_an_index_rebuilt_by_another_process_is_reopened(root):
    ws = Workspace.open(root, lazy=True)
    ws.index.count_stories()
    reindex.doctor(root, reindex=True)  # as another process would (doctor --reindex)
    aid = sorted(p.stem for p in (root / "articles").glob("*/*.toml"))[0]
    ws.update_triage(aid, add_tags=["after"])  # written into the new index, not the old one
    with sqlite3.connect(ix.path_of(root)) as db:
        assert "after" in db.execute("SELECT tags FROM articles WHERE id=?", (aid,)).fetchone()[0]
