"""Hostile text, right-to-left text, locks, other processes, damaged files, bad settings."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.widgets import TextArea

from tests.app.conftest import main_ready, open_arabic, reopen, settle
from tui.config import ConfigError, load_config
from tui.core.model import RawDocument
from tui.core.workspace import Workspace
from tui.core.workspace.lock import WriterLock
from tui.keys import KeymapError

HOSTILE = ("[bold red]Markup[/] \x1b]52;c;ZXZpbA==\x07title \x1b[31mred\x1b[0m",
           "Body with [link=http://x]markup[/link] and \x1b]0;owned\x07 escapes.\n\nMore.")


def add(root, title: str, body: str, origin: str = "mem://hostile") -> str:
    ws = Workspace.open(root)
    ws.ingest([RawDocument(origin, f"{title}\n\n{body}\n", "text", {"title": title})])
    return ws.by_origin(origin).id


async def test_article_text_never_injects_escapes_or_markup(make, demo_root):
    aid = add(demo_root, *HOSTILE)
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        sid = app.ws.get(aid).story
        app.screen.stories.goto(sid, aid)
        await pilot.pause()
        lines = "\n".join(app.screen.reader.text_lines)
        assert "[bold red]Markup[/]" in lines and "[link=http://x]markup[/link]" in lines
        assert "\x1b" not in lines and "\x07" not in lines
        rendered = app.export_screenshot()
        assert "\x1b]52" not in rendered and "owned\x07" not in rendered


async def test_right_to_left_lines_are_reordered_and_right_aligned(make):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        arabic = await open_arabic(pilot)
        reader = app.screen.reader
        assert reader.rtl_active
        def body_lines() -> list[str]:  # the text after the header (and its blank line)
            lines = reader.text_lines
            return [ln for ln in lines[lines.index("") + 1:] if ln.strip()]

        body = body_lines()[:4]
        width = reader.scrollable_content_region.width
        assert all(cell_len(ln) == width and ln[-1] != " " for ln in body)  # right-aligned
        raw = app.ws.body(arabic)
        first = raw.split()[0]
        assert first not in body[0].split()[:1]  # visual order: the first word is on the right
        await pilot.press("b", "b")  # auto -> on -> off
        assert reader.rtl_mode == "off"
        assert body_lines()[0].startswith(raw[:5])


async def test_a_lock_timeout_keeps_the_note(make, demo_root):
    ws = Workspace.open(demo_root, lock_timeout=0.2)
    app = make(workspace=ws)
    other = WriterLock(demo_root, timeout=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")
        aid = app.screen.current_id()
        other.acquire()
        try:
            await pilot.press("n")
            app.screen.query_one(TextArea).insert("precious words")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.desk.unsaved_notes[aid] == "precious words"
            await pilot.press("n")
            assert app.screen.query_one(TextArea).text == "precious words"
        finally:
            other.release()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert reopen(demo_root).get(aid).triage.note == "precious words"
        assert aid not in app.desk.unsaved_notes


async def test_changes_from_another_process_are_picked_up(make, demo_root):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("j", "j")
        keep = app.screen.current_id()
        other = Workspace.open(demo_root)
        target = other.articles()[0].id
        other.update_triage(target, starred=True, add_tags=["from-cli"])
        app.screen.check_disk()
        await settle(pilot)
        await settle(pilot)
        assert app.ws.get(target).triage.starred
        assert "from-cli" in app.ws.tags()
        assert app.screen.current_id() == keep


async def test_damaged_files_are_reported_at_start(make, demo_root):
    victim = next((demo_root / "articles").rglob("*.toml"))
    victim.write_text("this is = = not toml", encoding="utf-8")
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert app.ws.problems
        assert any("Damaged" in (n.title or "") for n in app._notifications)


def test_bad_config_names_file_and_key(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('rtl_layout = "sideways"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="config.toml.*rtl_layout"):
        load_config(path)
    path.write_text("mark_read_on_open = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="mark_read_on_open"):
        load_config(path)
    path.write_text("colour = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_config(path)
    path.write_text("keymap = 'vim'\nrtl_layout = 'off'\n", encoding="utf-8")
    assert load_config(path).keymap == "vim"


def test_user_keymap_errors_name_the_entry(isolated_config, demo_root):
    from tui.app import make_app, run

    isolated_config.parent.mkdir(parents=True, exist_ok=True)
    (isolated_config.parent / "keymap.toml").write_text('[keys]\n"main.strr" = "x"\n')
    with pytest.raises(KeymapError, match="main.strr.*main.star"):
        make_app(demo_root)
    assert run(demo_root) == 1


async def test_user_keymap_layers_on_top(isolated_config, make):
    isolated_config.parent.mkdir(parents=True, exist_ok=True)
    (isolated_config.parent / "keymap.toml").write_text('[keys]\n"main.star" = "x"\n')
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "x")
        assert app.ws.get(app.screen.current_id()).triage.starred


async def test_the_workspace_opens_in_a_worker(demo_root):
    from tui.app import make_app
    from tui.config import Config

    app = make_app(demo_root, config=Config())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot)  # (pushed from the worker, then composed)
        assert screen.stories.listing.article_count == len(app.ws)


def test_a_damaged_workspace_gives_a_one_line_error(tmp_path, capsys):
    from tui.app import run

    root = tmp_path / "ws"
    root.mkdir()
    (root / "wiredesk.toml").write_text("[workspace\n", encoding="utf-8")
    assert run(root) == 1
    assert "wiredesk.toml" in capsys.readouterr().err


async def test_an_empty_workspace_takes_every_key(tmp_path):
    from tui.app import make_app
    from tui.config import Config

    root = tmp_path / "empty"
    app = make_app(root, config=Config(), workspace=Workspace.open(root))
    async with app.run_test(size=(80, 24)) as pilot:
        for key in "jkGgsrtanmMudwobN":
            await pilot.press(key)
            if type(app.screen).__name__ != "MainScreen":
                await pilot.press("escape")
        await pilot.press("enter", "escape", "space")
        await settle(pilot)
        assert type(app.screen).__name__ == "MainScreen"
        assert app.screen.current_id() is None


async def test_quitting_with_an_unsaved_note_asks_then_keeps_it(make, demo_root):
    app = make(workspace=Workspace.open(demo_root, lock_timeout=0.2))
    other = WriterLock(demo_root, timeout=1)
    other.acquire()
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("j", "n")
            app.screen.query_one(TextArea).insert("keep me")
            await pilot.press("ctrl+s")
            await settle(pilot)
            await pilot.press("ctrl+q")
            assert app.is_running  # asked first
            await pilot.press("ctrl+q")
            await pilot.pause()
        assert list(app.leftover_notes.values()) == ["keep me"]
    finally:
        other.release()
