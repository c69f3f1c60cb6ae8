"""The domain core never imports Textual: a script or the CLI can use it without a terminal."""

import pkgutil
import subprocess
import sys

import tui.core


def test_core_never_imports_textual():
    mods = [m.name for m in pkgutil.walk_packages(tui.core.__path__, "tui.core.")]
    assert len(mods) > 10
    code = (
        "import importlib, sys\n"
        f"for m in {mods!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "", f"tui.core pulled in Textual: {r.stdout.strip()}"
