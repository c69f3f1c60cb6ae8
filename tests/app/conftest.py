"""Fixtures for the app tests: a copy of the demo workspace per test, an isolated config."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from textual import events

from tui.app import make_app
from tui.config import Config


@pytest.fixture(autouse=True)
def isolated_config(tmp_path: Path, monkeypatch) -> Path:
    """No test reads the developer's own config or keymap."""
    path = tmp_path / "config" / "config.toml"
    monkeypatch.setenv("WIREDESK_CONFIG", str(path))
    monkeypatch.delenv("NO_COLOR", raising=False)
    for name in ("MLTERM", "KONSOLE_VERSION", "WIREDESK_TERMINAL_BIDI"):  # terminals doing bidi
        monkeypatch.delenv(name, raising=False)
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    from tui.cli.app_cmd import load_samples
    from tui.core.workspace import Workspace

    root = tmp_path_factory.mktemp("demo") / "ws"
    load_samples(Workspace.open(root))
    return root


@pytest.fixture
def demo_root(demo_template: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "ws"
    shutil.copytree(demo_template, dst)
    return dst


@pytest.fixture
def make(demo_root: Path):
    """make(**config) -> a WiredeskApp on a fresh copy of the demo workspace."""

    def factory(keymap: str | None = None, workspace=None, **settings):
        from tui.core.workspace import Workspace

        if workspace is None:  # (not ``workspace or``: its len() reads a lazy one whole)
            workspace = Workspace.open(demo_root)
        return make_app(demo_root, keymap=keymap, config=Config(**settings), workspace=workspace)

    return factory


def reopen(root: Path):
    from tui.core.workspace import Workspace

    return Workspace.open(root)


async def main_ready(pilot, *, listed: bool = False):
    """The main screen, once mounted (``listed``: with stories in its list), then settled.
    The workspace opens in a worker and the screen is pushed, then composed: its widgets do
    not exist before (on a loaded 2-core machine a query then raised ``NoMatches``). No
    clock: this waits as long as the app runs, and raises when it stopped or failed."""
    app = pilot.app
    while True:
        screen = app.screen
        if (
            type(screen).__name__ == "MainScreen"
            and screen.is_mounted
            and (not listed or screen.stories.listing.stories)
        ):
            break
        if app._exception is not None or app.error is not None or app._exit:
            raise AssertionError(
                f"the app stopped before its main screen: {app._exception!r}, {app.error!r}"
            )
        await pilot.pause(0.02)
    await settle(pilot)
    return screen


async def settle(pilot) -> None:
    """Let workers (listing, saving) finish and the screen repaint."""
    app = pilot.app
    await pilot.pause()
    if app.desk is not None:
        await app.desk.flush(5)
    busy = list(app.workers)
    if busy:  # an empty list would mean "every worker"
        await app.workers.wait_for_complete(busy)
    await pilot.pause()


async def open_arabic(pilot):
    """Put the cursor on the demo's Arabic article (the reader shows it); returns the article."""
    app = pilot.app
    arabic = next(a for a in app.ws.articles() if a.meta.get("lang") == "ar")
    app.screen.stories.goto(arabic.story, arabic.id)
    await pilot.pause()
    return arabic


def burst(app, *keys: str) -> None:
    """Keys as the terminal sends them, not waited for (a person typing fast)."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def whole_list(pilot, screen) -> None:
    """Until ``screen``'s story list is whole (no part still coming)."""
    await settle(pilot)
    while screen.stories.listing.partial:
        await pilot.pause(0.02)
    await settle(pilot)


async def moved_then_cleared(pilot, screen) -> tuple[int, int]:
    """Search "japan", then "j" on its list, then clear the filter (F): (the list's top, where
    "j" put the cursor), the two rows a key held after a later "japan" search must tell apart."""
    sl = screen.stories
    await pilot.press("slash", *"japan", "enter")
    await whole_list(pilot, screen)
    top = sl.cursor
    await pilot.press("j")
    await whole_list(pilot, screen)
    moved = sl.cursor
    assert moved != top
    await pilot.press("F")
    await whole_list(pilot, screen)
    return top, moved


def gated_select(app) -> threading.Event:
    """The desk's selection waits for the returned event (a big workspace, a loaded machine)."""
    gate, select = threading.Event(), app.desk.select

    def slow(*args, **kwargs):
        gate.wait(30)
        return select(*args, **kwargs)

    app.desk.select = slow
    return gate


async def slow_search(pilot, app, screen, *after: str) -> threading.Event:
    """The search "/japan", Enter and ``after`` typed at once; its list held back (the returned
    event lets it come) and its hold timer fired: a search slower than ``HOLD_AT_MOST``."""
    gate = gated_select(app)
    burst(app, "slash", *"japan", "enter", *after)
    for _ in range(5):
        await pilot.pause()
    assert screen._hold_timer is not None and screen.held
    screen._hold_timer._callback()  # (its timer fires, no clock: 3 s went by)
    for _ in range(3):
        await pilot.pause()
    return gate


async def open_ingest(pilot, app):
    """The main screen's ``i``: the ingest dialog, open and checked to be it."""
    from tui.screens.ingest_dialog import IngestDialog

    await pilot.press("i")
    await pilot.pause()
    assert isinstance(app.screen, IngestDialog)
    return app.screen
