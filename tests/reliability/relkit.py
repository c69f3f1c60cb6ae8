"""Shared helpers of the reliability suite (imported by its tests and its conftest)."""

from __future__ import annotations

import os
from pathlib import Path

from tui.core.model import RawDocument

REPO = Path(__file__).resolve().parents[2]

WORDS = ("harbour council budget vote river bridge storm school market rail court election "
         "energy price water health police fire museum festival union strike border trade").split()


def record(n: int, extra: str = "") -> RawDocument:
    """A distinct JSON-Lines-style record (kind "record" skips the HTML cleaner: fast)."""
    words = " ".join(f"{WORDS[(n * 7 + i) % len(WORDS)]}{n}x{i}" for i in range(30))
    text = f"Item {n} says {words}. {extra}".strip()
    title = f"{WORDS[n % len(WORDS)]}{n} {WORDS[(3 * n + 1) % len(WORDS)]}{n}"
    return RawDocument(origin=f"rec:{n}", content=text, kind="record",
                       hints={"title": title, "source": f"Outlet {n % 3}"})


def cli_env(root: Path | None = None, **extra: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(REPO), NO_COLOR="1", **extra)
    env.pop("WIREDESK_WORKSPACE", None)
    if root is not None:
        env["WIREDESK_WORKSPACE"] = str(root)
    return env
