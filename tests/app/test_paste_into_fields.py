"""Session 35 (mend): text of several lines pasted into a one-line field. The ingest dialog
refuses ``-`` (standard input: nothing here would end it) and a pasted text that is not a list
of sources, and quotes a pasted list of paths one per line; the tag editor joins pasted lines
with commas; every other field says it joined them; a paste that starts with a blank line is
its one line."""

from __future__ import annotations

from textual import events

from tests.app.conftest import main_ready, settle
from tui.screens.ingest_dialog import IngestDialog
from tui.widgets.fields import LineInput


def told(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def status(app) -> str:
    return str(app.screen.query_one("#ingest-status").render())


async def open_ingest(pilot, monkeypatch=None) -> tuple[LineInput, list]:
    sent: list = []
    if monkeypatch is not None:  # what Enter would hand to the ingest worker
        monkeypatch.setattr(IngestDialog, "ingest", lambda self, sources: sent.append(sources))
    await main_ready(pilot, listed=True)
    await pilot.press("i")
    await settle(pilot)
    assert isinstance(pilot.app.screen, IngestDialog)
    return pilot.app.screen.query_one(LineInput), sent


async def test_a_lone_dash_is_refused_with_a_word_never_read(make, monkeypatch):
    # Before: "-" (typed, or a word of a joined paste) read standard input, the terminal: the
    # dialog stayed on "Reading sources..." for good and Esc did not close it.
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        field, sent = await open_ingest(pilot, monkeypatch)
        await pilot.press("minus", "enter")
        await settle(pilot)
        assert sent == [] and not app.screen.running
        assert "standard input" in status(app) and "wiredesk ingest -" in status(app)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, IngestDialog)


async def test_a_pasted_text_is_not_sent_as_sources(make, monkeypatch):
    # Before: Enter after a pasted e-mail sent each of its words to ingest ("-" among them).
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        field, sent = await open_ingest(pilot, monkeypatch)
        field.post_message(events.Paste("Storm closes the port\nSecond line\n"))
        await settle(pilot)
        assert field.value == "Storm closes the port Second line"
        assert "will not ingest" in status(app), status(app)
        await pilot.press("enter")
        await settle(pilot)
        assert sent == [] and "Nothing ingested" in status(app), status(app)
        assert "wiredesk ingest -" in status(app)
        await pilot.press("backspace", "enter")  # (final review: an edit sent it)
        await settle(pilot)
        assert sent == [] and "Nothing ingested" in status(app), status(app)
        field.value = ""  # cleared: what is typed next is sent
        await pilot.press(*"x.html", "enter")
        await settle(pilot)
        assert sent == [["x.html"]]


async def test_pasted_paths_with_spaces_are_quoted_one_per_line_and_ingest(make, tmp_path):
    # Before: joined with spaces, "My notes.txt" split into "My" and "notes.txt": both failed.
    a, b = tmp_path / "My notes.txt", tmp_path / "b.txt"
    a.write_text("Crane falls in port\n\nA crane fell at the quay overnight in the gale.\n")
    b.write_text("Ferry resumes service\n\nThe ferry sails again after the storm passed.\n")
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        field, _ = await open_ingest(pilot)
        field.post_message(events.Paste(f"{a}\n{b}\n"))
        await settle(pilot)
        assert field.value == f"'{a}' {b}"
        assert "2 sources, each quoted" in status(app), status(app)
        await pilot.press("enter")
        await settle(pilot)
        report = str(app.screen.query_one("#ingest-report").render())
        assert report.startswith("2 added") and "failed  " not in report, report


async def test_a_paste_starting_with_a_blank_line_is_its_one_line(make):
    # Before: Input took the paste's first line, "": nothing inserted, without a word.
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        field, _ = await open_ingest(pilot)
        field.post_message(events.Paste("\n/tmp/some/file.html\n"))
        await settle(pilot)
        assert field.value == "/tmp/some/file.html"
        assert not any("Pasted" in m for m in told(app))


async def _paste(make, keys: tuple[str, ...], text: str) -> tuple[str, list[str]]:
    """Open the field ``keys`` open, paste ``text`` into it: its value and what was told."""
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        await pilot.press(*keys)
        await settle(pilot)
        field = app.screen.query_one(LineInput)
        field.value = ""
        field.post_message(events.Paste(text))
        await settle(pilot)
        return field.value, told(app)


async def test_the_tag_editor_joins_pasted_lines_with_commas_and_says_so(make):
    # Before: "harbour\nstorm" became "harbour storm", one tag with a space, without a word.
    value, said = await _paste(make, ("j", "t"), "harbour\nstorm\n")
    assert value == "harbour, storm"
    assert "Pasted 2 lines, joined into one with commas." in said, said


async def test_the_search_field_says_it_joined_a_paste(make):
    value, said = await _paste(make, ("slash",), "port\ncrane\n")
    assert value == "port crane"
    assert "Pasted 2 lines, joined into one with spaces." in said, said


async def test_a_huge_paste_is_cut_to_what_a_one_line_field_takes_and_says_so(make):
    # (final review: a 317 KB paste into the search field crashed the app)
    from tui.widgets.fields import PASTE_CHARS

    book = "\n".join(f"line {n} of a long pasted text" for n in range(4000))
    value, said = await _paste(make, ("slash",), book)
    assert len(value) == PASTE_CHARS and value.startswith("line 0 of")
    assert any("a one-line field takes the first 10,000" in m for m in said), said
    one = "word " * 3000  # one line, over the bound too
    value, said = await _paste(make, ("slash",), one)
    assert len(value) == PASTE_CHARS and any("14,999 characters" in m for m in said), said
