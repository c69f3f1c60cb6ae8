"""Session 36, after review: the comparison header's hour in the real app, keys typed straight
after / or i, an ingest that names no file says why, the preview's words."""

from __future__ import annotations

from tests.app.conftest import main_ready, settle

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Hand feed</title><link>http://example.org/</link>
<item><title>Bridge closed after ship strike</title><link>http://example.org/a</link>
<pubDate>Mon, 02 Dec 2024 08:15:00 +0100</pubDate><description>The Kessel bridge was closed
on Monday after a cargo ship struck a pillar in fog. Engineers inspect it.</description></item>
<item><title>Ship strike shuts Kessel bridge</title><link>http://example.org/b</link>
<pubDate>Mon, 02 Dec 2024 10:40:00 +0100</pubDate><description>A cargo ship struck a pillar
of the Kessel bridge in thick fog on Monday; the bridge is closed while engineers inspect
it.</description></item>
</channel></rss>
"""


async def test_comparison_of_one_outlet_and_day_shows_each_text_s_hour(make, demo_root, tmp_path):
    # Before: the app cut the stored date to its day ("2024-12-02") before the comparison saw
    # it: "- 1/2 Hand feed · 2 Dec 2024" on both sides, told apart by 1/2 and 2/2 alone.
    from tui.core.ingest import collect
    from tui.core.workspace import Workspace
    from tui.screens.compare import CompareScreen

    feed = tmp_path / "hand.xml"
    feed.write_text(FEED, encoding="utf-8")
    ws = Workspace.open(demo_root)
    got = collect([str(feed)])
    assert len(ws.ingest(got.docs, failures=got.failures).added) == 2
    for width in (80, 100):
        app = make(workspace=Workspace.open(demo_root))
        async with app.run_test(size=(width, 24)) as pilot:
            screen = await main_ready(pilot, listed=True)
            await pilot.press("slash", *"kessel", "enter")
            await settle(pilot)
            assert len(screen.stories.listing.stories) == 1  # (one story: the two texts)
            await pilot.press("d")
            await settle(pilot)
            compare = app.screen
            assert isinstance(compare, CompareScreen)
            heads = [
                str(compare.query_one(f"#compare-{side}-header").render())
                for side in ("left", "right")
            ]
            assert [h[6:] for h in heads] != [heads[0][6:]] * 2, heads  # not one header twice
            # (the hour with its offset since session 37: 14:03 +05:45 is not 14:03 +14:00)
            assert {"08:15", "10:40"} == {h.rsplit(" ", 2)[-2] for h in heads}, (width, heads)


def _key(app, key: str) -> None:
    """A key as the terminal sends it, not waited for: ``/bridge`` arrives in one burst."""
    from textual import events

    app.post_message(events.Key(key, key if len(key) == 1 else None))


async def test_keys_typed_straight_after_slash_go_into_the_search_field(make):
    # Before: the letters arrived while the list was in front, came back unused once "/" had
    # opened the dialog, and were dropped: the field opened empty.
    from textual.widgets import Input

    from tui.screens.query_dialog import QueryDialog

    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_ready(pilot, listed=True)
        for key in ("slash", *"japan"):
            _key(app, key)
        await settle(pilot)
        assert isinstance(app.screen, QueryDialog)
        assert app.screen.query_one(Input).value == "japan"
        await pilot.press("escape")
        await settle(pilot)
        # with Enter in the burst: searched, as typed
        for key in ("slash", *"canada", "enter"):
            _key(app, key)
        await settle(pilot)
        assert app.screen is screen and screen.query_text == "canada"


async def test_keys_typed_straight_after_i_go_into_the_ingest_field(make):
    from textual.widgets import Input

    from tui.screens.ingest_dialog import IngestDialog

    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        for key in ("i", *"three"):
            _key(app, key)
        await settle(pilot)
        assert isinstance(app.screen, IngestDialog)
        assert app.screen.query_one(Input).value == "three"


async def test_a_key_typed_ahead_of_no_use_in_the_new_screen_is_named(make):
    from textual.widgets import Input

    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        for key in ("slash", "a", "f7", "b"):
            _key(app, key)
        await settle(pilot)
        assert app.screen.query_one(Input).value == "ab"
        said = [str(n.message) for n in app._notifications]
        assert any("F7" in s and "not used" in s for s in said), said


async def test_keys_typed_slowly_are_as_before(make):
    from textual.widgets import Input

    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press(*"ship", "f7")
        await settle(pilot)
        assert app.screen.query_one(Input).value == "ship"
        assert not [n for n in app._notifications if "not used" in str(n.message)]


def _status(app) -> str:
    return str(app.screen.query_one("#ingest-status").render())


def _report(app) -> str:
    return str(app.screen.query_one("#ingest-report").render())


async def _ingest_typed(pilot, text: str) -> None:
    app = pilot.app
    await pilot.press("ctrl+u", *text, "enter")
    await settle(pilot)
    while app.screen.running:
        await pilot.pause(0.02)
    await settle(pilot)


async def test_a_folder_or_home_with_no_file_to_ingest_says_why(make, tmp_path, monkeypatch):
    # Before: "Done. 0 added, 0 updated, 0 already there, 0 failed", no reason given.
    home = tmp_path / "home"
    (home / ".cache").mkdir(parents=True)
    (home / ".profile").write_text("x")
    monkeypatch.setenv("HOME", str(home))
    empty = tmp_path / "empty"
    empty.mkdir()
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    (pictures / "cat.png").write_bytes(b"\x89PNG")
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        n = len(app.ws.articles())
        await pilot.press("i")
        await settle(pilot)
        await _ingest_typed(pilot, str(tmp_path / "nosuch.txt"))
        assert "no such file" in _report(app)  # (an earlier report: not left under the words)
        await _ingest_typed(pilot, "~")
        said = _status(app)
        assert said.startswith("Nothing to ingest") and "~ is your home folder" in said, said
        assert str(home) in said and "hidden" in said and not _report(app), said
        await _ingest_typed(pilot, str(empty))
        assert f"{empty} is an empty folder" in _status(app), _status(app)
        await _ingest_typed(pilot, str(pictures))
        said = _status(app)
        assert "no file of a kind ingest reads" in said and "cat.png" in said, said
        assert ".html" in said  # what it reads
        assert len(app.ws.articles()) == n


def test_the_preview_s_words_for_one_file_and_past_the_limit():
    from tui.desk.intake import Look, look_said

    one = look_said(Look(1, ["/tmp/a.txt"], False, 0, None))
    assert "1 file" in one and "ingests it;" in one and "them all" not in one, one
    assert "name fewer" not in one, one
    many = look_said(Look(10_000, ["a", "b", "c"], True, 0, None))
    assert "and at least 9,997 more" in many and "more more" not in many, many
    assert "at least 10,000 files" in many and "ingests them all" in many, many
    home = look_said(Look(2, ["/h/a.txt", "/h/b.txt"], False, 0, None, home="/h"))
    assert "2 files in your home folder (/h)" in home, home


async def test_failed_words_selected_show_reversed_without_colour(make):
    # Before: under NO_COLOR the selection had no attribute at all: it looked like plain text,
    # and only the hint line said that typing replaces it.
    from textual.widgets import Input

    app = make(palette="mono")
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        await pilot.press("slash", *"qwertyzz", "enter")
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        field = app.screen.query_one(Input)
        assert field.selected_text == "qwertyzz"
        styled = [s for s in field.render_line(0) if "qwerty" in s.text]
        assert styled and all(s.style and s.style.reverse for s in styled), styled
