"""The static checks configured in pyproject.toml, run where the README's test command reaches.

ruff (lint rules of ``[tool.ruff.lint]``; the formatter on the files already formatted with it),
mypy on ``tui/core`` and the service layer ``tui/desk`` (``[tool.mypy]``), the import-layer
contract (``[tool.importlinter]``: cli > app > screens > widgets > render > desk > core), plus
what the style guide asks that no tool checks: small files, screens imported at start, and no
function-level imports in the app layer. The tools come with ``pip install -e '.[test]'``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from textual.dom import DOMNode

import tui.screens

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MAX_LINES = 400  # "small files named for what they do"
# Formatted with `ruff format` (the rest of the tree is formatted as its owners touch it).
FORMATTED = ["tui/desk", "tests/desk", "tests/test_checks.py"]
# The app layer imports at the top of each file (no lazy import a reinstall can break, no
# function-level import hiding a cycle).
TOP_LEVEL_IMPORTS = [
    "tui/app.py",
    "tui/desk",
    "tui/screens/main.py",
    "tui/screens/main_status.py",
    "tui/screens/main_triage.py",
    "tui/screens/main_stories.py",
    "tui/screens/main_tools.py",
    "tui/screens/help.py",
]


def tool(name: str) -> str:
    exe = BIN / name
    if exe.exists():
        return str(exe)
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return found


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_lint_rules_hold():
    r = run(tool("ruff"), "check", "--no-cache", "tui", "tests", "scripts")
    assert r.returncode == 0, r.stdout + r.stderr


def test_formatted_files_stay_formatted():
    r = run(tool("ruff"), "format", "--check", "--no-cache", *FORMATTED)
    assert r.returncode == 0, r.stdout + r.stderr


def test_the_app_layer_imports_at_the_top():
    r = run(tool("ruff"), "check", "--no-cache", "--select", "PLC0415", *TOP_LEVEL_IMPORTS)
    assert r.returncode == 0, r.stdout + r.stderr


def test_mypy_on_the_core_and_the_service():
    r = run(tool("mypy"), "--no-incremental", "--cache-dir", "/dev/null")
    assert r.returncode == 0, r.stdout + r.stderr


def test_import_layers_hold():
    r = run(tool("lint-imports"), "--no-cache")
    assert r.returncode == 0, r.stdout + r.stderr


def test_no_file_over_the_limit():
    big = {}
    for path in sorted((ROOT / "tui").rglob("*.py")):
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_LINES:
            big[str(path.relative_to(ROOT))] = n
    assert not big, f"files over {MAX_LINES} lines: {big}"


def loaded_after(code: str) -> str:
    """What ``code`` (run in a fresh interpreter) prints: modules found loaded or not."""
    r = run(sys.executable, "-c", code)
    assert r.returncode == 0, r.stderr
    return r.stdout.strip()


def test_screens_are_imported_when_the_app_is():
    """A reinstall while the app runs cannot break a later key press (issue 17): the screens
    the first one does not need are imported once it is painted (``tui.app_later``; that the
    app does so: ``tests/desk/test_app_later.py``)."""
    missing = loaded_after(
        "import pkgutil, sys, tui.app, tui.app_later, tui.screens\n"
        "tui.app_later.load()\n"
        "mods = [m.name for m in pkgutil.iter_modules(tui.screens.__path__, 'tui.screens.')]\n"
        "print(','.join(sorted(m for m in mods if m not in sys.modules)))\n"
    )
    assert missing == "", f"screens not imported with the app: {missing}"


def test_the_service_never_imports_textual():
    pulled = loaded_after(
        "import sys, tui.desk\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))))"
    )
    assert pulled == "", f"tui.desk pulled in: {pulled}"


def test_screens_have_no_mixins():
    """A screen is built from Textual classes and helpers it holds, not from mixins that use
    attributes they do not declare."""
    mixins = set()
    for info in pkgutil.iter_modules(tui.screens.__path__, "tui.screens."):
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not issubclass(cls, DOMNode):
                continue
            mixins |= {
                f"{name}({base.__name__})"
                for base in cls.__mro__
                if base.__module__.startswith("tui.") and not issubclass(base, DOMNode)
            }
    assert not mixins, f"mixins on screens: {sorted(mixins)}"


def test_no_lock_in_the_ui_layers():
    """Locks and threads belong to the desk (tui/desk): screens and widgets call it."""
    found = []
    for folder in ("tui/screens", "tui/widgets"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            for word in ("import threading", "Lock(", ".guard", ".lock"):
                if word in text:
                    found.append(f"{path.relative_to(ROOT)}: {word}")
    assert not found, found
