"""Time to open the comparison view and to scroll it, with Pilot, beside a plain Static.

usage: python3 tests/benchmarks/bench_compare_view.py [DIR] [--words 20000] [--size 120x36]
DIR holds a{n}.txt / b{n}.txt (../shared/bench/make_diff_pair.py); without it, a pair is made in
a temporary folder. Targets (issue 5): open under 100 ms, a scroll step under 30 ms at 20,000
words; the baseline is a Static holding one side with 2,000 highlights (measured 0.7-0.9 s).
Not a pytest test.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("WIREDESK_SHARED", REPO.parent / "shared"))

from rich.text import Text  # noqa: E402
from textual.app import App  # noqa: E402
from textual.containers import VerticalScroll  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widgets import Static  # noqa: E402

from tui.core.diff import CompareItem  # noqa: E402
from tui.desk import comparisons  # noqa: E402
from tui.keys import default_keys  # noqa: E402
from tui.screens.compare import CompareScreen  # noqa: E402
from tui.widgets.diff_view import DiffView  # noqa: E402


class Bench(App):
    CSS_PATH = REPO / "tui" / "wiredesk.tcss"


class StaticScreen(Screen):
    def __init__(self, text: Text) -> None:
        super().__init__()
        self.text = text

    def compose(self):
        with VerticalScroll():
            yield Static(self.text)


def highlighted(body: str, every: int) -> Text:
    out = Text()
    for k, word in enumerate(body.split()):
        out.append(word + " ", "bold underline" if k % every == 0 else "")
    return out


def key(bid: str) -> str:
    return default_keys()[bid].split(",")[0]


async def ms(coro) -> float:
    t = time.perf_counter()
    await coro
    return (time.perf_counter() - t) * 1000


class FirstPaint:
    """Records when DiffView first paints a screenful, and a screenful of the comparison."""

    def __init__(self) -> None:
        self.start = self.screen = self.content = 0.0
        self.lines = self.content_lines = 0
        original = DiffView.render_line

        def render_line(view, y):
            strip = original(view, y)
            height = view.scrollable_content_region.height
            now = time.perf_counter()
            self.lines += 1
            if self.lines == height and not self.screen:
                self.screen = now
            if view.comparison is not None:
                self.content_lines += 1
                if self.content_lines == height and not self.content:
                    self.content = now
            return strip

        DiffView.render_line = render_line

    def reset(self) -> None:
        self.start, self.screen, self.content = time.perf_counter(), 0.0, 0.0
        self.lines = self.content_lines = 0

    def ms(self, when: float) -> float:
        return (when - self.start) * 1000 if when else float("nan")


async def run(a: str, b: str, size: tuple[int, int], steps: int, opens: int) -> dict[str, float]:
    items = [
        CompareItem("a", "Outlet A", None, "en", None, a),
        CompareItem("b", "Outlet B", None, "en", None, b),
    ]
    out: dict[str, float] = {}
    app = Bench()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()

        async def open_empty():
            await app.push_screen(Screen())
            await pilot.pause()

        empties = []
        for _ in range(opens):
            empties.append(await ms(open_empty()))
            app.pop_screen()
            await pilot.pause()
        out["reference: push an empty screen"] = statistics.median(empties)
        out["reference: a key bound to nothing"] = statistics.median(
            [await ms(pilot.press("f12")) for _ in range(steps)]
        )

        paint = FirstPaint()

        async def open_view():
            paint.reset()
            await app.push_screen(CompareScreen(items))
            while not paint.content:
                await pilot.pause(0.005)

        for label, cold in (("open", True), ("open again (pair cached)", False)):
            runs = []
            for k in range(opens):
                if cold:
                    comparisons.forget()
                await open_view()
                runs.append(paint.ms(paint.content))
                if cold or k < opens - 1:
                    app.pop_screen()
                    await pilot.pause()
            out[f"{label}: comparison painted"] = statistics.median(runs)
        out["open minus empty screen (our part)"] = (
            out["open: comparison painted"] - out["reference: push an empty screen"]
        )
        view = app.screen.query_one(DiffView)
        assert view.current_layout() is not None
        for label, bid in (
            ("scroll a line", "compare.scroll_down"),
            ("page down", "compare.page_down"),
            ("next change", "compare.next_change"),
        ):
            runs = [await ms(pilot.press(key(bid))) for _ in range(steps)]
            out[label] = statistics.median(runs)
        await pilot.press(key("compare.layout"))
        out["switch layout"] = await ms(pilot.press(key("compare.layout")))
        app.pop_screen()
        await pilot.pause()
        every = max(1, len(a.split()) // 2000)

        async def open_static():
            await app.push_screen(StaticScreen(highlighted(a, every)))
            await pilot.pause()

        out["baseline: Static, 2,000 highlights"] = await ms(open_static())
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?")
    ap.add_argument("--words", type=int, default=20000)
    ap.add_argument("--size", default="120x36")
    ap.add_argument("--steps", type=int, default=15)
    ap.add_argument("--opens", type=int, default=5, help="opens to take the median of")
    args = ap.parse_args()
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="wiredesk-view-"))
    n = args.words
    if not (folder / f"a{n}.txt").is_file():
        subprocess.run(
            [
                sys.executable,
                str(SHARED / "bench" / "make_diff_pair.py"),
                str(SHARED / "bench" / "stories" / "neus_dev.jsonl"),
                str(folder),
                str(n),
            ],
            check=True,
        )
    a = (folder / f"a{n}.txt").read_text(encoding="utf-8")
    b = (folder / f"b{n}.txt").read_text(encoding="utf-8")
    w, h = (int(x) for x in args.size.split("x"))
    result = asyncio.run(run(a, b, (w, h), args.steps, args.opens))
    print(
        f"{len(a.split())} + {len(b.split())} words at {w}x{h} "
        f"(Pilot, median of {args.opens} opens, {args.steps} steps)"
    )
    for label, value in result.items():
        print(f"  {label:<36} {value:8.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
