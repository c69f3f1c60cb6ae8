"""Write ``screenshots/*.svg`` from the real app on the bundled sample workspace.

    python3 scripts/export_screenshots.py [--out screenshots] [--size 120x36]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# A row with tags, a note and a long title, as a desk shows after a few minutes of work.
WORKED = ["j", "j", "t", *"japan, canada", "enter", "n",
          *"Ask Tokyo about the GSOMIA timeline.", "ctrl+s", "k"]
# name -> keys pressed from the first screen (each shot starts from a fresh app)
SHOTS = {
    "main": WORKED,
    "reader": ["j", "enter"],
    "comparison": ["j", "d"],
    "tag-editor": ["j", "t", *"japan, canada", "enter", "j", "t", *"ja"],
    "note-editor": ["j", "n", *"Ask Tokyo bureau about the GSOMIA timeline."],
    "help": ["question_mark"],
    "search": ["slash", *"intelligence"],
    "main-80x24": WORKED,
    "main-100x30": WORKED,
    "main-200x50": WORKED,
    "first-run": [],
}
EMPTY = {"first-run"}  # shots of an empty workspace


def size_of(name: str, default: tuple[int, int]) -> tuple[int, int]:
    """A size in the name ("main-80x24") wins over the default."""
    tail = name.rsplit("-", 1)[-1]
    if "x" in tail and tail.replace("x", "").isdigit():
        cols, rows = tail.split("x")
        return int(cols), int(rows)
    return default


async def shoot(root: Path, name: str, keys: list[str], size: tuple[int, int], out: Path) -> None:
    from tui.app import make_app
    from tui.config import Config

    app = make_app(root, config=Config())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause(0.3)
        app.desk.wait_saved(5)
        app.save_screenshot(filename=f"{name}.svg", path=str(out))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=ROOT / "screenshots")
    p.add_argument("--size", default="120x36", help="terminal size for the shots (COLSxROWS)")
    args = p.parse_args(argv)
    cols, rows = (int(x) for x in args.size.split("x"))
    os.environ["WIREDESK_CONFIG"] = str(Path(tempfile.mkdtemp()) / "none.toml")
    os.environ.pop("NO_COLOR", None)
    from tui.cli.app_cmd import load_samples
    from tui.core.workspace import Workspace

    args.out.mkdir(parents=True, exist_ok=True)
    for name, keys in SHOTS.items():
        with tempfile.TemporaryDirectory() as tmp:  # a fresh workspace for every shot
            root = Path(tmp) / "workspace"
            ws = Workspace.open(root)
            if name not in EMPTY:
                load_samples(ws)
            size = size_of(name, (cols, rows))
            asyncio.run(shoot(root, name, keys, size, args.out))
        print(args.out / f"{name}.svg")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
