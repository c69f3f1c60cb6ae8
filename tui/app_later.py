"""What the app imports once its first screen is painted, in a thread (issue 16).

The first screen needs the list, the reader and the workspace's index; the parsers behind an
ingest (lxml, trafilatura, readability: 0.3 s), the feeds' HTTP, the export formats, the
comparison view and its diff, and every dialog are imported afterwards, beside the first keys
instead of before the first frame (imported while the first screen was drawn, they doubled the
app's start). They are still imported at start, not on a key's first press: a reinstall while
the app runs cannot break a later key press (issue 17).
"""

from __future__ import annotations

import importlib
import sys
import threading
import types

LATER = (
    "tui.core.ingest",
    "tui.core.sources.refresh",
    "tui.core.sources.subscriptions",
    "tui.core.export",
    "tui.core.diff",
    "tui.desk.exported",
    "rapidfuzz.process",
)
# The modules the first screen must not wait for (``tests/desk/test_app_later.py``).
HEAVY = ("lxml", "trafilatura", "readability", "httpx", "feedparser", "tui.core.clean",
         "tui.core.ingest", "tui.core.export", "tui.core.diff", "tui.screens.compare",
         "tui.screens.help", "rapidfuzz")

AFTER = 0.25  # seconds after the first paint: Textual's own work after it is done by then
done = threading.Event()  # set once everything in ``later()`` is imported (or failed to be)
_started = threading.Lock()
_thread: threading.Thread | None = None


def later() -> list[str]:
    """Every module to import after the first paint: :data:`LATER`, every screen and widget."""
    import pkgutil

    import tui.render
    import tui.screens
    import tui.widgets

    return [*LATER, *sorted(m.name for pkg in (tui.screens, tui.widgets, tui.render)
                            for m in pkgutil.iter_modules(pkg.__path__, f"{pkg.__name__}."))]


def load() -> None:
    """Import :func:`later`'s modules (a module that fails is left to fail where it is used,
    with its own message)."""
    try:
        for name in later():
            try:
                if name not in sys.modules:
                    importlib.import_module(name)
                _export_back(name)
            except Exception:  # noqa: BLE001 - reported where the module is used
                pass
    finally:
        done.set()


def start() -> None:
    """Import them in a thread (once a process: the tests start many apps)."""
    global _thread
    with _started:
        if _thread is None:
            _thread = threading.Thread(target=load, name="wiredesk-imports", daemon=True)
            _thread.start()


def _export_back(name: str) -> None:
    """A package that exports a function named like its submodule (``tui.core.sources``'s
    ``refresh``): importing the submodule by its name bound the module over the function, and
    ``sources.refresh(...)`` would then fail (``wiredesk refresh`` in the same process, the
    app's feed refresh). The package's own look-up binds the function back."""
    parent, _, leaf = name.rpartition(".")
    pkg = sys.modules.get(parent)
    if pkg is None or leaf not in getattr(pkg, "__all__", ()):
        return
    if isinstance(vars(pkg).get(leaf), types.ModuleType):
        del vars(pkg)[leaf]
        getattr(pkg, leaf)
