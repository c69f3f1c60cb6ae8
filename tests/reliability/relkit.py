"""Shared helpers of the reliability suite (imported by its tests and its conftest)."""

from __future__ import annotations

import os
import random
from pathlib import Path

from tui.core.model import RawDocument

REPO = Path(__file__).resolve().parents[2]


def _word(rnd: random.Random) -> str:
    return "".join(rnd.choice("bcdfghjklmnprstvz") + rnd.choice("aeiou") for _ in range(3))


def record(n: int, extra: str = "") -> RawDocument:
    """A distinct JSON-Lines-style record (kind "record" skips the HTML cleaner: fast); records
    share no words, so each is its own story."""
    rnd = random.Random(n)
    words = " ".join(_word(rnd) for _ in range(40))
    text = f"{words.capitalize()}. {extra}".strip()
    title = f"{_word(rnd)} {_word(rnd)} {_word(rnd)}".title()
    return RawDocument(origin=f"rec:{n}", content=text, kind="record",
                       hints={"title": title, "source": f"Outlet {n % 3}"})


def cli_env(root: Path | None = None, **extra: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(REPO), NO_COLOR="1", **extra)
    env.pop("WIREDESK_WORKSPACE", None)
    if root is not None:
        env["WIREDESK_WORKSPACE"] = str(root)
    return env
