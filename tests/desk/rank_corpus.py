"""Session 34: a workspace where a word search went wrong (tests/desk/test_search_rank.py,
tests/app/test_newuser_s34.py). Base modules only, so a test using it fails on a tree without
the ranking for its own reason, not at import.

Three long festival pages (one story, the biggest and the newest) say "jolly" (one typo from
"joly") and, in one sentence, "jolly meets" and "Hayashi": every search of the rank tests
finds them, typos forgiven. One short story is titled "Joly meets Hayashi ...". Without the
ranking, the list's order (biggest or newest first) puts the festival first for all of them.
"""

from __future__ import annotations

from pathlib import Path

from tui.cli import main

FILLER = (
    "The harvest festival drew large crowds to the riverside park on Saturday, with "
    "music, food stalls and a parade of decorated boats. Organisers said attendance was "
    "the highest in a decade, and local businesses reported brisk trade all weekend. "
)
EXTRA = (
    "It was a jolly afternoon for families. The jolly meets of the rowing club, led by "
    "Kenji Hayashi, drew cheers. "
)
JOLY = "Joly meets Hayashi in Tokyo to discuss trade"


def build_ranked(tmp_path_factory) -> Path:
    """The workspace (made by `wiredesk ingest`), the Joly story ingested first: the oldest."""
    src = tmp_path_factory.mktemp("rank-src")
    (src / "a-joly.txt").write_text(
        f"{JOLY}\n\nBy Desk, Wire Service\n\nCanadian Foreign Minister Melanie Joly met her "
        "Japanese counterpart on Tuesday to discuss trade and security ties.\n\nThe ministers "
        "agreed to meet again next year.\n"
    )
    root = tmp_path_factory.mktemp("rank") / "ws"
    assert main(["-w", str(root), "ingest", "-q", str(src / "a-joly.txt")]) == 0
    for i, outlet in enumerate(["Riverside Gazette", "Valley Times", "Harbour News"]):
        body = "\n\n".join(FILLER + (EXTRA if k == 3 else "") for k in range(12))
        (src / f"fest{i}.txt").write_text(
            f"Harvest festival draws record crowds to riverside park\n\nBy Staff, {outlet}\n\n"
            f"{body}\n"
        )
    fest = [str(src / f"fest{i}.txt") for i in range(3)]
    assert main(["-w", str(root), "ingest", "-q", *fest]) == 0
    return root
