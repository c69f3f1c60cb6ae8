"""Session 33, a new user's first minutes: keys that did nothing where the rest of the app had
taught them, and a key bar that hid the way back."""

from __future__ import annotations

import io
import re

import pytest
from textual.containers import VerticalScroll

from tests.app.conftest import main_ready, settle
from tui.screens.help import HelpScreen


def _shown(app) -> str:
    """What the terminal shows (the screenshot's text, tags and entities out)."""
    svg = app.export_screenshot()
    return re.sub(r"<[^>]+>", "", svg).replace("&#160;", " ")


async def _help(app, pilot) -> VerticalScroll:
    await main_ready(pilot, listed=True)
    await pilot.press("question_mark")
    await settle(pilot)
    assert isinstance(app.screen, HelpScreen)
    return app.screen.query_one("#help-scroll", VerticalScroll)


async def _ends(pilot, scroll) -> None:
    """G goes to the bottom of ``scroll``, g back to its top."""
    await pilot.press("G")
    await settle(pilot)
    assert scroll.scroll_y == scroll.max_scroll_y
    await pilot.press("g")
    await settle(pilot)
    assert scroll.scroll_y == 0


async def test_the_help_scrolls_with_the_readers_keys(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        scroll = await _help(app, pilot)
        assert scroll.max_scroll_y > 10 and scroll.scroll_y == 0
        await pilot.press("j", "j", "j")
        await settle(pilot)
        assert scroll.scroll_y == 3
        await pilot.press("k")
        await settle(pilot)
        assert scroll.scroll_y == 2
        await _ends(pilot, scroll)
        await pilot.press("space")
        await settle(pilot)
        assert scroll.scroll_y > 10
        # the keys were the help's: the list under it did not move
        assert isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize("keymap, page_down", [("vim", "ctrl+f"), ("emacs", "ctrl+v")])
async def test_the_help_pages_with_the_keymaps_own_keys(make, keymap, page_down):
    app = make(keymap=keymap)
    async with app.run_test(size=(100, 30)) as pilot:
        scroll = await _help(app, pilot)
        await pilot.press(page_down)
        await settle(pilot)
        assert scroll.scroll_y > 10


@pytest.mark.parametrize("width", [80, 100])
async def test_the_comparison_key_bar_shows_the_way_back(make, width):
    from tui.screens.compare import CompareScreen
    from tui.widgets.keybar import KeyBar

    app = make()
    async with app.run_test(size=(width, 24)) as pilot:
        await main_ready(pilot, listed=True)
        await pilot.press("j", "d")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        bar = str(app.screen.query_one(KeyBar).render())
        assert len(bar) <= width and "q back" in bar and "n next change" in bar, bar
        assert bar.rstrip().endswith("? help")
        await pilot.press("q")
        await settle(pilot)
        assert not isinstance(app.screen, CompareScreen)


async def test_a_text_dialog_scrolls_with_the_readers_keys(make):
    from tui.screens.dialogs import TextDialog

    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await main_ready(pilot, listed=True)
        # a long text as w's explanation of a big story, or a list of problems, gives
        app.push_screen(TextDialog("Why", [f"reason {n}" for n in range(60)]))
        await settle(pilot)
        assert isinstance(app.screen, TextDialog)
        scroll = app.screen.query_one(VerticalScroll)
        assert scroll.max_scroll_y > 2, scroll.max_scroll_y
        await pilot.press("j", "j")
        await settle(pilot)
        assert scroll.scroll_y == 2
        await _ends(pilot, scroll)
        await pilot.press("q")
        await settle(pilot)
        assert not isinstance(app.screen, TextDialog)


async def test_the_save_filter_prompt_says_how_to_save_and_cancel(make):
    from textual.widgets import Label

    from tui.screens.dialogs import PromptDialog

    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        await pilot.press("slash", *"japan", "enter")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PromptDialog)
        hints = [str(w.render()) for w in app.screen.query(Label).filter(".dialog--hint")]
        assert any("Enter saves" in h and "Esc cancels" in h for h in hints), hints


@pytest.mark.parametrize("key", ["n", "t", "e", "question_mark", "f"])
async def test_the_key_bar_under_a_dialog_does_not_offer_the_lists_keys(make, key):
    """Under the note editor "r read  s star" were keys that typed letters."""
    from tui.widgets.keybar import KeyBar

    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        main = await main_ready(pilot, listed=True)
        await pilot.press("j")
        await settle(pilot)
        assert "r read" in _shown(app)
        await pilot.press(key)
        await settle(pilot)
        assert app.screen is not main
        shot = _shown(app)
        assert "r read" not in shot and "s star" not in shot
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is main
        assert "r read" in str(main.query_one(KeyBar).render())
        assert "r read" in _shown(app)


def test_the_help_explains_the_unknown_language_and_outlet_marks():
    """An article with no language showed "?" and one with no outlet its file name in italics
    (the demo's Arabic article): neither was in the help's legend."""
    from rich.console import Console

    from tui.screens.help import legend

    console = Console(width=100, record=True, file=io.StringIO())
    console.print(legend())
    text = " ".join(console.export_text().split())
    assert "? in the language column: the language is not known" in text
    assert "no outlet known" in text


MAN = (
    "TMUX(1)                   BSD General Commands Manual                  TMUX(1)\n\n"
    "NAME\n     tmux \u2014 terminal multiplexer\n\n"
    "SYNOPSIS\n     tmux [-2CDluvV] [-c shell-command] [-f file]\n"
    "          [-S socket-path] [-T features] [command [flags]]\n\n\n"
    "DESCRIPTION\n     tmux is a terminal multiplexer: it enables a number of terminals.\n"
)


async def test_the_original_text_keeps_its_lines(make, demo_root):
    """o showed "original text as ingested" joined into paragraphs: a man page read
    "NAME tmux — terminal multiplexer" and its synopsis lost its layout."""
    from tui.core.model import RawDocument
    from tui.core.workspace import Workspace

    ws = Workspace.open(demo_root)
    ws.ingest([RawDocument("mem://tmux.1", MAN, "text", {})])
    aid = ws.by_origin("mem://tmux.1").id
    app = make()
    async with app.run_test(size=(200, 40)) as pilot:
        screen = await main_ready(pilot, listed=True)
        screen.stories.goto(app.ws.get(aid).story, aid)
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        lines = [line.rstrip() for line in screen.reader.text_lines]
        start = lines.index("NAME")
        assert lines[start : start + 2] == ["NAME", "     tmux \u2014 terminal multiplexer"]
        assert "          [-S socket-path] [-T features] [command [flags]]" in lines, lines
        assert any(line.startswith("TMUX(1)                   BSD General") for line in lines)
        await pilot.press("o")  # the cleaned text is laid out as before: paragraphs
        await settle(pilot)
        again = [line.rstrip() for line in screen.reader.text_lines]
        assert not any(line.startswith("          [-S") for line in again), again


async def test_the_palettes_chosen_command_shows_without_colour(make):
    """Under NO_COLOR every command's name is bold: the chosen one looked like the others."""
    from textual.command import CommandList

    app = make(palette="mono")
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        commands = app.screen.query_one(CommandList)
        chosen = commands.highlighted
        assert chosen is not None
        marked = []
        for y in range(min(commands.size.height, 8)):
            styles = [seg.style for seg in commands.render_line(y) if seg.text.strip()]
            marked.append(bool(styles) and all(s is not None and s.underline for s in styles))
        # the chosen command's lines (name, keys) and only they stand out
        assert any(marked) and not all(marked), marked
        assert marked.count(True) == 2, marked


def _spy(app, monkeypatch) -> list[str]:
    """What the app says (notify), kept: Textual drops a notification 5 s after it was raised."""
    said: list[str] = []
    real = app.notify

    def notify(message, *args, **kwargs):
        said.append(str(message))
        return real(message, *args, **kwargs)

    monkeypatch.setattr(app, "notify", notify)
    return said


def _empty_app(tmp_path):
    from tui.app import make_app
    from tui.config import Config
    from tui.core.workspace import Workspace

    root = tmp_path / "empty"
    return make_app(root, config=Config(), workspace=Workspace.open(root))


@pytest.mark.parametrize("key", ["r", "s", "t", "n", "m", "A", "a", "d", "w", "enter"])
async def test_an_article_key_on_an_empty_list_says_why_it_did_nothing(tmp_path, monkeypatch, key):
    """The first run's key bar offers r, s, t...: each did nothing, without a word."""
    app = _empty_app(tmp_path)
    said = _spy(app, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot)
        await pilot.press(key)
        await settle(pilot)
        assert app.screen is screen
        assert any("Nothing to act on: the list is empty" in s and "i ingests" in s for s in said)


async def test_an_article_key_on_an_empty_list_names_the_keymaps_keys(tmp_path, monkeypatch):
    """A keymap.toml that moves ingest and help: the message names the keys it has."""
    app = _empty_app(tmp_path)
    app.keys.update({"main.ingest": "ctrl+o", "app.help": "f1"})
    said = _spy(app, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot)
        await pilot.press("s")
        await settle(pilot)
        empty = [s for s in said if "the list is empty" in s]
        assert empty and "^o ingests" in empty[0] and "F1 lists every key" in empty[0], said


async def test_an_article_key_on_a_filter_that_matches_nothing_names_the_filter(make, monkeypatch):
    app = make()
    app.keys["main.clear_filter"] = "ctrl+x"
    said = _spy(app, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        await pilot.press("f", *"tag:nothing-has-this", "enter")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert any("the list is empty" in s and "^x clears the filter" in s for s in said), said


async def test_an_article_key_when_everything_is_archived_says_how_to_show_them(make, monkeypatch):
    """Every story archived: the list is not empty for want of articles, so "i ingests" (and
    the list's "Nothing to read yet") was wrong; the way back is the archived filter or undo."""
    app = make()
    said = _spy(app, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        await pilot.press("M", "a")
        await settle(pilot)
        assert not screen.stories.listing.stories
        await pilot.press("s")
        await settle(pilot)
        told = [s for s in said if s.startswith("Nothing to act on")]
        assert told and "archived" in told[-1] and "ingests" not in told[-1], said
        assert "f then archived shows them" in told[-1] and "u undoes" in told[-1], told
        shown = _shown(app)
        assert "archived story left out" in shown and "Nothing to read yet" not in shown, shown


async def test_the_original_lays_out_the_lines_that_fit_without_wrapping_each(make, monkeypatch):
    """o on a 40,000-line log made one wrap per line (twice the time of the cleaned text):
    a line that fits is drawn as it is, the same strip the wrap gives; only the others wrap."""
    from tui.widgets.reader import Reader

    rows = [f"{i:05d}  status=ok  path=/srv/app/{i}" for i in range(2000)]
    body = "\n".join([*rows, "\tindented by a tab", "long " + "word " * 60, "", "end"])
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        reader = screen.reader
        wrapped: list[str] = []
        real = Reader._wrap

        def wrap(self, text, width, style, rtl):
            wrapped.append(text)
            return real(self, text, width, style, rtl)

        monkeypatch.setattr(Reader, "_wrap", wrap)
        reader.show("x", [], body, verbatim=True)
        await settle(pilot)
        assert wrapped == ["\tindented by a tab", ("long " + "word " * 60).rstrip()], wrapped[:5]
        width = reader.scrollable_content_region.width
        lines = reader._lines
        assert [s.text.rstrip() for s in lines[:2000]] == rows
        style = reader.get_component_rich_style("reader--body")
        for i in (0, 1234, 1999):  # the very strip the wrap gives
            assert list(lines[i]) == list(real(reader, rows[i], width, style, False)[0])
        assert lines[2000].text.startswith("        indented")
        assert len(lines) > 2000 + 1 + 2 + 1 + 1 and lines[-1].text == "end"
