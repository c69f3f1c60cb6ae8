"""The app's plain-Python parts: listing, triage queue and undo, saved filters, key labels."""

from __future__ import annotations

from tests.app.conftest import reopen
from tui.core.query import parse
from tui.core.workspace import Workspace
from tui.desk import TriageWriter as Triage
from tui.desk import filters as saved_filters
from tui.desk import select as build_listing
from tui.desk import stamp
from tui.widgets.keylabels import keys_label


def test_listing_filters_and_hides_archived(demo_root):
    ws = Workspace.open(demo_root)
    everything = build_listing(ws, None)
    assert everything.article_count == len(ws)
    arabic = build_listing(ws, parse("lang:ar"))
    assert arabic.article_count == 1
    words = build_listing(ws, parse("Hayashi"))  # only in bodies
    assert 0 < words.article_count < len(ws)
    ws.set_story_state(everything.stories[0].id, archived=True)
    assert everything.stories[0].id not in build_listing(ws, None).members
    assert everything.stories[0].id in build_listing(ws, parse("archived")).members


def test_triage_saves_in_order_and_undoes(demo_root):
    ws = Workspace.open(demo_root)
    aid = ws.articles()[0].id
    tr = Triage(ws)
    tr.change("star", [aid], starred=True)
    tr.change("tag", [aid], add_tags=["a", "b"])
    tr.change("note", [aid], note="hello")
    assert ws.get(aid).triage.tags == ["a", "b"]  # in memory at once
    tr.save_now()
    t = reopen(demo_root).get(aid).triage
    assert t.starred and t.tags == ["a", "b"] and t.note == "hello"
    assert tr.undo().label == "note"
    assert tr.undo().label == "tag"
    tr.save_now()
    t = reopen(demo_root).get(aid).triage
    assert t.starred and t.tags == [] and t.note == ""


def test_saved_filters_round_trip(demo_root):
    ws = Workspace.open(demo_root)
    assert saved_filters.load(demo_root) == []
    saved_filters.save(ws, "ja", "tag:japan")
    saved_filters.save(ws, "st", "+starred")
    assert saved_filters.load(demo_root) == [("ja", "tag:japan"), ("st", "+starred")]
    assert saved_filters.delete(ws, "ja") == [("st", "+starred")]


def test_stamp_sees_writes_by_others(demo_root):
    before = stamp(demo_root)
    other = Workspace.open(demo_root)
    other.update_triage(other.articles()[0].id, starred=True)
    assert stamp(demo_root) != before


def test_own_archive_is_told_from_others_writes(demo_root):
    """After this app archives a story, the stories folder moved, but by its own hand: the
    poll must not reload the whole workspace for it."""
    ws = Workspace.open(demo_root)
    before = stamp(demo_root)
    ws.set_story_state(ws.stories()[0].id, archived=True)
    now = stamp(demo_root)
    assert now.stories != before.stories and now.stories == ws.stories_written
    other = Workspace.open(demo_root)
    other.set_story_state(other.stories()[0].id, archived=False)
    assert stamp(demo_root).stories != ws.stories_written


def test_key_labels():
    assert keys_label("question_mark,f1") == "? F1"
    assert keys_label("ctrl+p") == "^p"
    assert keys_label("alt+less_than_sign") == "Alt+<"


def test_origin_label_names_host_file_or_record_source():
    from tui.widgets.rows import origin_label

    assert origin_label("https://www.Example.org/news/1?x=2") == "example.org"
    assert origin_label("http://user@host.net:8080/a") == "host.net"
    assert origin_label("/home/me/clips/story one.txt") == "story one.txt"
    assert origin_label("corpus:9357") == "corpus:9357"
    assert origin_label("/data/in.jsonl:12") == "in.jsonl:12"
    assert origin_label("feed.xml") == "feed.xml"
    assert "\x1b" not in origin_label("/tmp/\x1b[31mred.txt")


def test_short_origin_keeps_the_record_line():
    from rich.cells import cell_len

    from tui.widgets.rows import short_origin

    assert short_origin("neus_dev.jsonl:8123", 14) == "neus_dev…:8123"
    assert short_origin("in.jsonl:7", 14) == "in.jsonl:7"  # fits: as it is
    assert short_origin("a-very-long-file-name.txt", 14) == "a-very-long-file-name.txt"
    cut = short_origin("日本語のファイル名.jsonl:77", 14)
    assert cut.endswith("…:77") and cell_len(cut) <= 14


def test_reader_header_keeps_language_codes_as_they_are(demo_root):
    from tui.screens.main import article_header

    ws = Workspace.open(demo_root)
    a = next(a for a in ws.articles() if a.meta.get("lang") == "en")
    meta = dict(article_header(a))["meta"]
    assert " en " in f" {meta} ".replace("·", " ") and "EN" not in meta.split("·")


def test_opening_the_app_leaves_reading_the_workspace_to_the_app(tmp_path, monkeypatch):
    """`wiredesk` starts the app at once: the app reads the workspace behind its loading
    screen, so the command line must not read it first (seconds at 100,000 articles)."""
    import pytest

    from tui.cli import app_cmd
    from tui.cli.workspace_arg import LazyWorkspace
    from tui.core.workspace import WorkspaceError

    Workspace.open(tmp_path / "ws")
    started = []
    monkeypatch.setattr(app_cmd, "run_app", lambda root, args: started.append(root) or 0)
    lazy = LazyWorkspace(str(tmp_path / "ws"))
    assert app_cmd.run_open(None, lazy) == 0
    assert started == [tmp_path / "ws"] and lazy._ws is None  # never opened here
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x.txt").write_text("x")
    with pytest.raises(WorkspaceError):  # one line from the command line, app not started
        app_cmd.run_open(None, LazyWorkspace(str(tmp_path / "other")))
    assert len(started) == 1
