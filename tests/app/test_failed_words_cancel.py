"""The look-up of a failed search's words alone stops once its dialog is closed (Escape, or a
newer search typed into it): before, it ran each word's search to the end in a thread nothing
could stop (session 38). The fakes say when they are called: no clock in these tests."""

from __future__ import annotations

import asyncio
import threading

from tests.app.conftest import main_ready, settle, whole_list


async def _failed(pilot, app):
    screen = await main_ready(pilot, listed=True)
    await pilot.press("slash", *"japan qwertyzz zzkkqq", "enter")
    await whole_list(pilot, screen)
    assert not screen.stories.listing.stories
    return screen


async def test_closing_the_dialog_stops_the_failed_words_look_up(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await _failed(pilot, app)
        gate, called, calls, select = threading.Event(), threading.Event(), [], app.desk.select

        def slow(*args, **kwargs):
            calls.append(args)
            called.set()
            gate.wait(30)  # (a cap for a broken build, not a limit of the test)
            return select(*args, **kwargs)

        app.desk.select = slow
        try:
            await pilot.press("slash")  # (its words looked up alone: the first waits)
            assert await asyncio.to_thread(called.wait, 30)
            assert len(calls) == 1
            await pilot.press("escape")
            await pilot.pause()
        finally:
            gate.set()
        await settle(pilot)
        app.desk.select = select
        assert len(calls) == 1, "the look-up ran on after its dialog closed"


async def test_a_newer_search_cancels_the_word_look_up_under_way(make):
    """Review S3: the word's select under way is told to stop (``cancelled=``): a newer search
    typed into the dialog does not queue behind it; app38's look-up ran that select to its end."""
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _failed(pilot, app)
        called, stopped, calls, select = threading.Event(), threading.Event(), [], app.desk.select
        told: list[bool] = []

        def slow(*args, **kwargs):
            calls.append(args)
            if len(calls) > 1:  # (the newer search's own selects)
                return select(*args, **kwargs)
            called.set()
            cancelled = kwargs.get("cancelled")
            while cancelled is not None and not cancelled():
                stopped.wait(0.005)  # (the fake's own wait: the worker's cancel ends it)
            told.append(cancelled is not None)
            stopped.set()  # (with no ``cancelled`` to ask: at once, and the test says so)
            return select(*args, **kwargs)

        app.desk.select = slow
        try:
            await pilot.press("slash")
            assert await asyncio.to_thread(called.wait, 30)
            await pilot.press("ctrl+u", *"japan", "enter")
            assert await asyncio.to_thread(stopped.wait, 30)
            assert told == [True], "the word's select could not be told to stop"
            await whole_list(pilot, screen)
            assert screen.query_text == "japan" and screen.stories.listing.stories
        finally:
            stopped.set()
            app.desk.select = select
