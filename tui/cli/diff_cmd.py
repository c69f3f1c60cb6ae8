"""`wiredesk diff A B`: two articles (ids or files) side by side, or their alignment as JSON."""

from __future__ import annotations

import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from tui.cli.errors import UserError
from tui.cli.ids import resolve_article
from tui.cli.output import print_json, visual_order
from tui.cli.pager import paged, stdout_is_terminal
from tui.core.safe_text import one_line, raw_stream
from tui.core.userpath import user_path


def register(sub) -> None:
    p = sub.add_parser(
        "diff",
        help="two articles side by side with word-level highlighting",
        description="Compare two articles (ids, any unique prefix, ID@N for version N, or "
        "files) sentence by sentence and word by word. On a terminal: side by side in colour, "
        "through the pager when long; piped or redirected: plain text with [-deleted-] "
        "{+inserted+} markers, right-to-left text in logical order.",
        epilog="Example: wiredesk diff 7d3a1f2@1 7d3a1f2@2 (two versions of one article)",
    )
    p.add_argument("a", metavar="A",
                   help="the left side: article id or prefix, ID@N, a file, or - (standard input)")
    p.add_argument("b", metavar="B",
                   help="the right side: article id or prefix, ID@N, a file, or - (standard input)")
    p.add_argument("--width", type=int, metavar="N",
                   help="output width, at least 20 (default: the terminal's, else 100)")
    p.add_argument("--json", action="store_true",
                   help="print the alignment and changes as JSON (shape in docs/CLI.md)")
    p.add_argument("--no-pager", action="store_true",
                   help="never page long output (it is paged only on a terminal)")
    p.set_defaults(func=run)


_ID_LIKE = re.compile(r"[0-9a-fA-F]+(@[+-]?\d+)?")


@dataclass(frozen=True, slots=True)
class Side:
    id: str | None
    origin: str
    title: str | None
    source: str | None
    date: str | None
    lang: str | None
    body: str
    version: int | None = None  # named as ID@N: shown in the header

    def meta(self) -> dict:
        return {
            "id": self.id,
            "origin": self.origin,
            "title": self.title,
            "source": self.source,
            "date": self.date,
            "lang": self.lang,
            "words": len(self.body.split()),
            "version": self.version,
        }

    def pane(self, rtl: bool, visual: bool = True):
        from tui.render.console import PaneInfo
        from tui.render.header import name

        words = len(self.body.split())
        label = name(self.source, self.title, self.id or self.origin)
        if self.version is not None:
            label += f" @{self.version}"
        return PaneInfo(label, self.date, words, self.lang, rtl, visual)


def _from_file(path: Path | str) -> Side:
    """The one article of a file, read as ``ingest`` and ``clean`` read it (a page, a text, a
    feed or JSON Lines holding one article; a FIFO or ``<(command)`` as a stream; ``-``:
    standard input)."""
    from tui.core.cleaning import clean_doc
    from tui.core.ingest import EMPTY_FILE, collect

    got = collect([str(path)])
    for src, reason in got.warnings:  # (what the file holds that is not taken: named)
        _warn(src, reason)
    if not got.docs and got.failures and got.failures[0][1] == EMPTY_FILE:
        _warn(str(path), "empty file: compared as an empty text")
        return Side(None, str(path), None, None, None, None, "")  # all of the other side went
    if not got.docs:
        why = got.failures[0][1] if got.failures else "no article text found"
        raise UserError(f"{path}: {one_line(why)}")
    if len(got.docs) > 1:
        raise UserError(f"{path}: holds {len(got.docs)} articles (a feed or JSON Lines); diff "
                        "compares two: ingest it and give two ids (`wiredesk stories` lists them)")
    c = clean_doc(got.docs[0])
    if not c.body.strip():  # (as `clean` says it)
        _warn(str(path), "no article text found (the body is empty)")
    return Side(None, str(path), c.title, c.source, c.date, c.lang, c.body)


def _warn(src: str, reason: str) -> None:
    print(f"wiredesk: warning: {one_line(src)}: {one_line(reason)}", file=sys.stderr)


def _from_workspace(ws, arg: str) -> Side:
    a, idx = resolve_article(ws, arg)
    m = a.meta
    version = (idx % len(a.versions)) + 1 if "@" in arg else None
    return Side(a.id, a.origin, m.get("title"), m.get("source"), m.get("date"), m.get("lang"),
                ws.body(a, idx), version)


def load(arg: str, ws) -> Side:
    """A file when the argument names one; an article id (prefix, ID@N) when it looks like
    one; else the file that does not exist is named. ``-`` is standard input."""
    if arg == "-":
        return _from_file("-")
    path = user_path(arg)
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except (OSError, ValueError):  # a name too long for the system, a NUL byte
        is_dir = exists = False
    if is_dir:
        raise UserError(f"{arg}: is a folder; give a file or an article id")
    if exists:  # a file, or a FIFO / `<(command)` (a device is refused when read)
        return _from_file(path)
    if _ID_LIKE.fullmatch(arg.strip()):
        return _from_workspace(ws, arg)
    if "@" in arg and not any(c in arg for c in "/\\"):
        return _from_workspace(ws, arg)  # ID@x: resolve_article names what is wrong
    raise UserError(f"{arg}: no such file (nor an article id: ids are hex, any unique prefix)"
                    + _near_file(path))


def _near_file(path: Path) -> str:
    """"; nearest: x.txt" for a file of the same folder with a close name."""
    import difflib
    import itertools

    try:
        names = [p.name for p in itertools.islice(path.parent.iterdir(), 2000) if p.is_file()]
    except (OSError, ValueError):
        return ""
    near = difflib.get_close_matches(path.name, names, n=1, cutoff=0.7)
    return f"; nearest: {path.parent / near[0]}" if near else ""


def run(args, ws) -> int:
    from tui.core.diff import compare, to_json
    from tui.core.textutil import is_rtl, safe_text

    if args.width is not None and args.width < 20:
        raise UserError(f"--width must be at least 20, not {args.width}")
    if args.a == args.b == "-":
        raise UserError("-: standard input can be only one side; give a file or an id for "
                        "the other")
    a, b = load(args.a, ws), load(args.b, ws)
    ta, tb = safe_text(a.body), safe_text(b.body)
    comp = compare(ta, tb, a.lang, b.lang)
    if args.json:
        print_json({"left": a.meta(), "right": b.meta(), **to_json(comp)})
        return 0
    plain = not stdout_is_terminal()
    visual = visual_order()
    with paged(not args.no_pager):
        _print(comp, a.pane(is_rtl(ta), visual), b.pane(is_rtl(tb), visual), args.width, plain)
    return 0


def _print(comp, left, right, width: int | None, plain: bool) -> None:
    from rich.console import Console

    from tui.render.console import render

    raw = raw_stream(sys.stdout)  # Rich's own colours pass; the text in them is sanitised
    if width is None:
        width = max(20, shutil.get_terminal_size((100, 24)).columns)
    console = Console(file=raw, width=width, highlight=False, markup=False, emoji=False,
                      force_terminal=not plain, no_color=plain or "NO_COLOR" in os.environ)
    for line in render(comp, left, right, width, plain=plain):
        if plain:
            sys.stdout.write(line.plain.rstrip() + "\n")
        else:
            console.print(line, soft_wrap=True, crop=False)
