"""A look at a broad glob in the ingest dialog ends at once when the field is edited, the
dialog closed or the app quit: before, its thread ran on (``/usr/**/*.xml``: minutes) and kept
the process busy after quitting (session 38)."""

from __future__ import annotations

import asyncio
import os
import threading

import pytest

from tests.app.conftest import main_ready, open_ingest, settle


def _endless(ended: threading.Event):
    def look(sources, stop=None, *_):  # (an endless glob: only a stop, or the test, ends it)
        while not ended.is_set() and (stop is None or not stop()):
            ended.wait(0.005)
        ended.set()
        raise RuntimeError("stopped")

    return look


def _status(app) -> str:
    return str(app.screen.query_one("#ingest-status").render())


@pytest.mark.parametrize("how", ["edit", "escape", "quit"])
async def test_a_look_under_way_ends_when_no_longer_wanted(make, tmp_path, monkeypatch, how):

    monkeypatch.chdir(tmp_path)
    ended = threading.Event()
    monkeypatch.setattr("tui.screens.ingest_dialog.look", _endless(ended))
    app = make()
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await main_ready(pilot, listed=True)
            dialog = await open_ingest(pilot, app)
            await pilot.press("asterisk", "enter")
            await pilot.pause()
            assert "Looking" in _status(app)
            if how == "edit":
                await pilot.press("backspace")
            elif how == "escape":
                await pilot.press("escape")
            else:
                app.exit()
            # the look's thread, told to stop, ends within its next entry: wait for it (the 30 s
            # is a cap for a broken build, which would otherwise hang, not a limit of the test)
            assert await asyncio.to_thread(ended.wait, 30), f"the look ran on after the {how}"
            await pilot.pause()
            if how == "edit":
                assert not dialog.running and "Enter looks" in _status(app)
    finally:
        ended.set()  # (never leave a thread behind, even on the base)


async def _two_enters(app, pilot, keys) -> str:
    """Type ``keys`` + Enter in the ingest dialog, then Enter again: the status after each."""
    await pilot.press("i")
    await pilot.pause()
    dialog, said = app.screen, []
    for typed in ([*keys, "enter"], ["enter"]):
        await pilot.press(*typed)
        await settle(pilot)
        while dialog.running:  # (the look's, then the ingest's thread: no time limit)
            await pilot.pause()
        said.append(_status(app))
    return said


async def test_a_look_past_its_budget_is_ingested_by_a_second_enter(make, tmp_path, monkeypatch):
    # review MUST-FIX 2: a folder's or a glob's look that runs out of its budget (no link loop)
    # says "at least N" and Enter again ingests, as on the base (app38 refused it)
    for n in range(30):
        (tmp_path / "src" / f"d{n // 10}").mkdir(parents=True, exist_ok=True)
        (tmp_path / "src" / f"d{n // 10}" / f"f{n:02}.txt").write_text(f"Title {n}\n\nText {n}.\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("tui.desk.intake_walk.LOOK_ENTRIES", 30)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        n = len(app.ws.articles())
        said = await _two_enters(app, pilot, [*"src/**/*.txt"])
        assert "at least" in said[0] and "Enter again ingests them all" in said[0], said
        assert len(app.ws.articles()) == n + 30, said


async def test_a_glob_through_a_link_loop_is_not_ingested_and_says_why(make, tmp_path, monkeypatch):
    # core's glob would go round the loop without end: the look skips it, names it, counts on,
    # and a second Enter looks again (nothing here could stop that ingest)
    for n in range(3):
        (tmp_path / "d" / "e").mkdir(parents=True, exist_ok=True)
        (tmp_path / "d" / "e" / f"f{n}.txt").write_text(f"Title {n}\n\nSome text {n}.\n")
    os.symlink(tmp_path / "d", tmp_path / "d" / "e" / "up")
    monkeypatch.chdir(tmp_path)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await main_ready(pilot, listed=True)
        n = len(app.ws.articles())
        said = await _two_enters(app, pilot, [*"d/**/*.txt"])
        for one in said:
            assert (
                one.startswith("That names 3 files")
                and "link loop at " in one
                and "d/e/up (a link back" in one
            ), said
            assert "Enter again" not in one, said
        assert len(app.ws.articles()) == n
