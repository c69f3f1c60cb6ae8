"""The TOML workspace: ids, versions, duplicates, triage, damage, cache. No Textual here."""

from __future__ import annotations

import tomllib

import pytest

from tui.core.model import RawDocument
from tui.core.workspace import AmbiguousId, UnknownId, Workspace, WorkspaceError
from tui.core.workspace.paths import article_path


def rec(origin: str, text: str, **hints) -> RawDocument:
    return RawDocument(origin=origin, content=text, kind="record", hints={"title": origin, **hints})


TEXT_A = "Japan and Canada agreed on Tuesday to start talks on an intelligence pact in Tokyo."
TEXT_B = "Wildfires forced thousands to flee their homes in northern California overnight."


@pytest.fixture
def ws(tmp_path):
    return Workspace.open(tmp_path / "ws")


def test_new_workspace_records_schema(ws):
    data = tomllib.loads((ws.root / "wiredesk.toml").read_text())
    assert data["workspace"]["schema"] == 1
    assert ".cache/" in (ws.root / ".gitignore").read_text()


def test_ingest_adds_then_skips_exact_duplicates(ws):
    rep = ws.ingest([rec("u:1", TEXT_A), rec("u:2", TEXT_B)])
    assert len(rep.added) == 2 and not rep.duplicates
    rep = ws.ingest([rec("u:1", TEXT_A), rec("u:2", TEXT_B), rec("u:1", TEXT_A)])
    assert rep.added == [] and len(rep.duplicates) == 3
    assert len(Workspace.open(ws.root)) == 2


def test_same_text_from_another_origin_is_a_copy(ws):
    first = ws.ingest([rec("wire:1", TEXT_A)]).added[0]
    rep = ws.ingest([rec("aggregator:9", TEXT_A)])
    assert len(rep.added) == 1 and rep.added[0] != first
    again = Workspace.open(ws.root)
    copy = again.get(rep.added[0])
    assert copy.story == again.get(first).story
    assert copy.sameness == "copy" and copy.copy_of == first


def test_same_origin_new_content_is_a_new_version(ws):
    aid = ws.ingest([rec("u:1", TEXT_A)]).added[0]
    rep = ws.ingest([rec("u:1", TEXT_A + "\n\nA new paragraph was added later.")])
    assert rep.updated == [aid] and not rep.added
    again = Workspace.open(ws.root)
    a = again.get(aid)
    assert len(a.versions) == 2
    assert "new paragraph" in again.body(a)
    assert "new paragraph" not in again.body(a, 0)


def test_ids_are_content_derived_and_prefixes_resolve(ws, tmp_path):
    aid = ws.ingest([rec("u:1", TEXT_A)]).added[0]
    other = Workspace.open(tmp_path / "other")
    assert other.ingest([rec("u:1", TEXT_A)]).added == [aid]  # same id on another machine
    assert ws.resolve(aid[:5]).id == aid
    with pytest.raises(UnknownId):
        ws.resolve("zzzz")


def test_ambiguous_prefix(ws):
    ws.ingest([rec(f"u:{i}", f"{TEXT_B} Number {i} of many reports.") for i in range(40)])
    with pytest.raises(AmbiguousId):
        ws.resolve(ws.articles()[0].id[0])


def test_triage_is_saved_in_one_small_toml_file(ws):
    aid = ws.ingest([rec("u:1", TEXT_A), rec("u:2", TEXT_B)]).added[0]
    other = ws.articles()[1].id if ws.articles()[0].id == aid else ws.articles()[0].id
    before = article_path(ws.root, other).read_bytes()
    ws.update_triage(aid, add_tags=["japan", "defence"], starred=True, read=True,
                     note='He said "yes", then [bold]no[/bold].\nSecond line, ünïcode.')
    assert article_path(ws.root, other).read_bytes() == before
    data = tomllib.loads(article_path(ws.root, aid).read_text())
    assert data["triage"]["tags"] == ["defence", "japan"]
    assert data["triage"]["starred"] is True
    assert data["triage"]["note"].startswith('He said "yes"')
    a = Workspace.open(ws.root).get(aid)
    assert a.triage.note.endswith("ünïcode.") and a.triage.note_version == a.newest.hash


def test_output_is_deterministic(ws, tmp_path):
    ws.ingest([rec("u:1", TEXT_A)])
    aid = ws.articles()[0].id
    ws.update_triage(aid, add_tags=["b", "a"])
    first = article_path(ws.root, aid).read_text()
    ws.update_triage(aid, add_tags=["a"])
    assert article_path(ws.root, aid).read_text() == first


def test_damaged_article_file_is_named_and_the_rest_stays_usable(ws):
    ws.ingest([rec("u:1", TEXT_A), rec("u:2", TEXT_B)])
    bad, good = ws.articles()
    article_path(ws.root, bad.id).write_text('id = "x"\n[meta\ntitle = 1\n')
    again = Workspace.open(ws.root)
    assert [a.id for a in again.articles()] == [good.id]
    assert len(again.problems) == 1
    assert bad.id in again.problems[0] and "line 2" in again.problems[0]


def test_damaged_settings_file_is_one_clear_error(ws):
    (ws.root / "wiredesk.toml").write_text("[workspace\n")
    with pytest.raises(WorkspaceError, match=r"wiredesk.toml.*line 1"):
        Workspace.open(ws.root)


def test_newer_schema_is_refused(ws):
    (ws.root / "wiredesk.toml").write_text("[workspace]\nschema = 99\n")
    with pytest.raises(WorkspaceError, match="newer"):
        Workspace.open(ws.root)


def test_foreign_folder_is_not_taken_over(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(WorkspaceError, match="not a Wiredesk workspace"):
        Workspace.open(tmp_path)


def test_cache_is_disposable_and_follows_hand_edits(ws):
    ws.ingest([rec("u:1", TEXT_A)])
    aid = ws.articles()[0].id
    Workspace.open(ws.root)  # writes the cache
    path = article_path(ws.root, aid)
    path.write_text(path.read_text().replace("starred = false", "starred = true"))
    assert Workspace.open(ws.root).get(aid).triage.starred is True
    import shutil

    shutil.rmtree(ws.root / ".cache")
    assert Workspace.open(ws.root).get(aid).triage.starred is True


def test_other_process_changes_are_seen_before_a_write(ws):
    ws.ingest([rec("u:1", TEXT_A)])
    aid = ws.articles()[0].id
    other = Workspace.open(ws.root)
    other.update_triage(aid, add_tags=["from-other"])
    ws.update_triage(aid, starred=True)  # must not drop the other's tag
    a = Workspace.open(ws.root).get(aid)
    assert a.triage.tags == ["from-other"] and a.triage.starred


def test_hand_typed_toml_date_reads_back_as_iso(ws):
    ws.ingest([rec("u:1", TEXT_A)])
    aid = ws.articles()[0].id
    path = article_path(ws.root, aid)
    path.write_text(path.read_text().replace("[meta]\n", "[meta]\ndate = 2022-10-11\n"))
    assert Workspace.open(ws.root).get(aid).meta["date"] == "2022-10-11"


def _fresh_faces(ws):
    from tui.core.workspace.faces import build_stories

    return [(s.id, s.article_ids, s.title, s.unread, s.starred, s.archived)
            for s in build_stories(ws.articles(), ws.records.story_states)]


def _faces(ws):
    return [(s.id, s.article_ids, s.title, s.unread, s.starred, s.archived) for s in ws.stories()]


def test_cached_and_patched_story_faces_match_a_fresh_build(ws):
    texts = [TEXT_A, TEXT_B, TEXT_A.replace("Tuesday", "Wednesday"), "Markets fell in Tokyo."]
    ws.ingest([rec(f"u:{i}", t) for i, t in enumerate(texts)])
    ids = [a.id for a in ws.articles()]
    ws.update_triage(ids[0], read=True, starred=True)
    assert _faces(ws) == _fresh_faces(ws)  # patched in memory
    reopened = Workspace.open(ws.root)  # faces from the cache, patched by the re-read file
    assert _faces(reopened) == _fresh_faces(reopened)
    path = article_path(ws.root, ids[1])
    path.write_text(path.read_text().replace("read = false", "read = true"))  # by hand
    reopened.set_story_state(reopened.get(ids[2]).story, archived=True)
    again = Workspace.open(ws.root)
    assert _faces(again) == _fresh_faces(again)
    again.correct("move", ids[3], again.get(ids[1]).story)
    assert _faces(again) == _fresh_faces(again)
    assert _faces(Workspace.open(ws.root)) == _fresh_faces(Workspace.open(ws.root))


def test_journal_append_gives_the_mark_others_read_from(tmp_path):
    from tui.core.workspace import journal

    first = journal.append(tmp_path, ["a:1"])
    assert first == journal.mark(tmp_path)  # one open file gives the same mark
    assert journal.read_since(tmp_path, first) == (set(), first)
    second = journal.append(tmp_path, ["a:2", "s:3"])
    assert journal.read_since(tmp_path, first) == ({"a:2", "s:3"}, second)
    assert journal.append(tmp_path, []) is None
    big = journal.append(tmp_path, [f"a:{n:06}" for n in range(journal.ROTATE_AT // 8)])
    rotated = journal.append(tmp_path, ["a:last"])  # past ROTATE_AT: a new journal
    assert rotated.token != big.token and rotated == journal.mark(tmp_path)
    # the journal before is kept: a reader in it reads its tail, then the new journal
    assert journal.read_since(tmp_path, big) == ({"a:last"}, rotated)
    assert journal.read_since(tmp_path, first)[0] == {"a:2", "s:3", "a:last"} | {
        f"a:{n:06}" for n in range(journal.ROTATE_AT // 8)}
    journal.append(tmp_path, [f"a:{n:06}" for n in range(journal.ROTATE_AT // 8)])
    again = journal.append(tmp_path, ["a:again"])  # started again twice since ``big``
    assert journal.read_since(tmp_path, rotated)[0] is not None
    assert journal.read_since(tmp_path, big)[0] is None  # two journals behind: read everything
    assert journal.read_since(tmp_path, again) == (set(), again)
    (tmp_path / ".cache" / "journal.1").unlink()  # (a cache cleared by hand, in part)
    assert journal.read_since(tmp_path, rotated)[0] is None


def test_check_tells_a_workspace_from_other_folders_without_reading_it(tmp_path):
    assert Workspace.check(tmp_path / "missing") is False  # can be made
    (tmp_path / "empty").mkdir()
    assert Workspace.check(tmp_path / "empty") is False
    Workspace.open(tmp_path / "ws")
    assert Workspace.check(tmp_path / "ws") is True
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine")
    with pytest.raises(WorkspaceError, match="not a Wiredesk workspace"):
        Workspace.check(tmp_path / "other")
