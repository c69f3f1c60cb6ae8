"""The app's start (issue 16): the first screen is painted before the modules it does not need
are imported (the parsers behind an ingest, the feeds' HTTP, the export, the comparison view,
the dialogs), and they are all imported once it is (issue 17: a reinstall while the app runs
cannot break a later key press). A quick open paints its list with no loading screen before it;
a slow one shows the loading screen, and the list replaces it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

from tests.app.conftest import main_ready, settle
from tui import app as app_module
from tui.config import Config
from tui.screens.loading import LoadingScreen
from tui.screens.main import MainScreen

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh interpreter: what the app imported is what sys.modules holds there.
STARTED = """
import asyncio, json, sys
from tui import app_later
from tui.app import make_app
from tui.config import Config
from tui.widgets.story_list import StoryList

seen = {}
drawn = []
real_line = StoryList.render_line
StoryList.render_line = lambda self, y: drawn.append(y) or real_line(self, y)
real_start = app_later.start

def loaded(name):
    return name in sys.modules or any(m.startswith(name + ".") for m in sys.modules)

def start():  # called once the first screen is painted
    seen["screen"] = type(app.screen).__name__
    seen["rows_drawn"] = len(drawn)
    seen["heavy_at_paint"] = [m for m in app_later.HEAVY if loaded(m)]
    real_start()

app_later.start = start
app = make_app(sys.argv[1], config=Config())

async def main():
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(600):
            if app_later.done.is_set():
                break
            await asyncio.sleep(0.05)
        await pilot.pause()
    seen["missing_after"] = [m for m in app_later.later() if m not in sys.modules]
    seen["parsers_after"] = [m for m in ("lxml", "httpx", "feedparser") if loaded(m)]

asyncio.run(main())
print("SEEN " + json.dumps(seen))
"""


def test_the_first_screen_is_painted_before_the_heavy_modules_are_imported(demo_root, tmp_path):
    env = {
        "WIREDESK_CONFIG": str(tmp_path / "none.toml"),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-c", STARTED, str(demo_root)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=tmp_path,
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("SEEN ")]
    assert lines, done.stderr[-3000:]
    seen = json.loads(lines[0][5:])
    assert seen["screen"] == "MainScreen" and seen["rows_drawn"] > 0  # painted by then
    assert seen["heavy_at_paint"] == []
    assert seen["missing_after"] == []  # every screen, widget, parser: imported at start
    assert seen["parsers_after"] == ["lxml", "httpx", "feedparser"]


async def test_a_quick_open_shows_no_loading_screen(demo_root, monkeypatch):
    made = []
    monkeypatch.setattr(app_module, "LOADING_AFTER", 30.0)  # never reached by the demo's open
    monkeypatch.setattr(app_module, "LoadingScreen", lambda root: made.append(root))
    app = app_module.make_app(demo_root, config=Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and app.screen.stories.listing.stories
        assert made == [] and len(app.screen_stack) == 2  # the default screen, the list


async def test_a_slow_open_shows_the_loading_screen_then_the_list(demo_root, monkeypatch):
    go = threading.Event()
    real_open = app_module.Workspace.open

    def slow_open(*args, **kwargs):
        go.wait(30)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(app_module, "LOADING_AFTER", 0.05)
    monkeypatch.setattr(app_module.Workspace, "open", slow_open)
    app = app_module.make_app(demo_root, config=Config())
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):
            if isinstance(app.screen, LoadingScreen):
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, LoadingScreen)
        go.set()
        await main_ready(pilot)  # (no clock: as long as the app runs)
        assert isinstance(app.screen, MainScreen) and len(app.screen_stack) == 2


def test_a_function_named_like_its_module_is_still_the_function_after_the_later_imports(
    monkeypatch,
) -> None:
    """``tui.core.sources`` exports ``refresh()`` beside its submodule ``refresh``: importing
    the submodule by name (as the later imports do) binds the module over the function, and a
    feed refresh in that process failed with "'module' object is not callable"."""
    import types

    import tui.core.sources as sources
    import tui.core.sources.refresh  # noqa: F401 (the submodule, in sys.modules)
    from tui import app_later

    monkeypatch.setitem(vars(sources), "refresh", sys.modules["tui.core.sources.refresh"])
    monkeypatch.setattr(app_later, "later", lambda: ["tui.core.sources.refresh"])
    monkeypatch.setattr(app_later, "done", threading.Event())
    app_later.load()
    assert not isinstance(sources.refresh, types.ModuleType)
    assert sources.refresh.__name__ == "refresh" and callable(sources.refresh)
