"""A synthetic workspace of any size for the list's tests: stories of one to several articles
(reports of one event by several outlets), dated over two years, some read, some starred."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from tui.core.model import RawDocument
from tui.core.workspace import Workspace

PLACES = [
    "Lisbon",
    "Osaka",
    "Nairobi",
    "Quito",
    "Tromsø",
    "Adelaide",
    "Gdańsk",
    "Mumbai",
    "Leeds",
    "Rosario",
    "Tbilisi",
    "Halifax",
    "Da Nang",
    "Accra",
    "Bergen",
    "Cusco",
]
THINGS = [
    "harbour works",
    "rail strike",
    "flood defences",
    "school budget",
    "wind farm",
    "bridge repairs",
    "water prices",
    "stadium plan",
    "bus fares",
    "hospital wing",
    "ferry contract",
    "library hours",
    "airport noise",
    "housing permits",
]
VERBS = ["approved", "delayed", "rejected", "questioned", "extended", "cut", "reviewed"]
OUTLETS = ["AP", "Reuters", "Local Herald", "Daily Post", "Evening Star", "AFP"]


def documents(n: int, seed: int = 11) -> list[RawDocument]:
    """``n`` articles: each event reported one to four times (the same facts, other words)."""
    rng = random.Random(seed)
    docs: list[RawDocument] = []
    event = 0
    while len(docs) < n:
        event += 1
        place, thing, verb = rng.choice(PLACES), rng.choice(THINGS), rng.choice(VERBS)
        day = f"202{rng.randint(1, 2)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        count = rng.choice([1, 1, 1, 2, 2, 3, 4])
        votes = f"{rng.randint(3, 40)} to {rng.randint(1, 30)}"
        for k in range(min(count, n - len(docs))):
            outlet = OUTLETS[(event + k) % len(OUTLETS)]
            title = f"{place} council {verb} the {thing} (event {event})"
            if k:
                title = f"{thing.capitalize()} {verb} in {place}, event {event} ({outlet})"
            text = (
                f"The {place} council {verb} the {thing} on {day} by {votes} after a "
                f"debate that ran into the night; event number {event} was reported by "
                f"{outlet}. Officials said the decision on the {thing} would stand."
            )
            docs.append(
                RawDocument(
                    origin=f"synthetic:{event}:{k}",
                    content=text,
                    kind="record",
                    hints={"title": title, "source": outlet, "date": day, "lang": "en"},
                )
            )
    return docs


def build(root: Path, n: int, seed: int = 11) -> Path:
    """A workspace of ``n`` synthetic articles at ``root``, some read and a few starred (a
    triage change is a file written: a tenth of them at most), with its index built."""
    ws = Workspace.open(root)
    ws.ingest(documents(n, seed))
    rng = random.Random(seed + 1)
    ws = Workspace.open(root)
    for a in ws.articles():
        roll = rng.random()
        if roll < 0.07 or roll > 0.97:
            ws.update_triage(a.id, read=roll < 0.07 or None, starred=roll > 0.97 or None)
    Workspace.open(root, lazy=True).index.count_stories()  # the index, built once here
    return Path(root)


def workspace_fixtures(n: int, name: str):
    """Two fixtures for a test module: ``<name>_template`` (module scope: a workspace of ``n``
    synthetic articles, built once) and ``<name>`` (a copy of it for each test, free to
    change). Assign both: ``root_template, root = workspace_fixtures(90, "root")``."""

    @pytest.fixture(scope="module", name=f"{name}_template")
    def template(tmp_path_factory) -> Path:
        return build(tmp_path_factory.mktemp(name) / "ws", n)

    @pytest.fixture(name=name)
    def copy(request, tmp_path) -> Path:
        shutil.copytree(request.getfixturevalue(f"{name}_template"), tmp_path / "ws")
        return tmp_path / "ws"

    return template, copy
