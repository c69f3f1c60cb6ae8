"""`wiredesk diff A B`: two articles (ids or files) side by side, or their alignment as JSON."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from tui.cli.errors import UserError
from tui.cli.output import print_json


def register(sub) -> None:
    p = sub.add_parser(
        "diff",
        help="two articles side by side with word-level highlighting",
        description="Compare two articles (ids, any unique prefix, or files) sentence by sentence "
        "and word by word. Plain text with [-deleted-] {+inserted+} markers when piped.",
    )
    p.add_argument("a", metavar="A", help="article id or file")
    p.add_argument("b", metavar="B", help="article id or file")
    p.add_argument("--width", type=int, metavar="N", help="output width (default: the terminal's)")
    p.add_argument("--json", action="store_true", help="print the alignment and changes as JSON")
    p.set_defaults(func=run)


@dataclass(frozen=True, slots=True)
class Side:
    id: str | None
    origin: str
    title: str | None
    source: str | None
    date: str | None
    lang: str | None
    body: str

    def meta(self) -> dict:
        return {
            "id": self.id,
            "origin": self.origin,
            "title": self.title,
            "source": self.source,
            "date": self.date,
            "lang": self.lang,
            "words": len(self.body.split()),
        }

    def pane(self, rtl: bool):
        from tui.render.console import PaneInfo
        from tui.render.header import name

        words = len(self.body.split())
        return PaneInfo(
            name(self.source, self.title, self.id or self.origin), self.date, words, self.lang, rtl
        )


def _from_file(path: Path) -> Side:
    from tui.core.clean import clean
    from tui.core.decode import DecodeError, decode_bytes
    from tui.core.ingest import TEXT_EXT
    from tui.core.model import RawDocument
    from tui.core.sources.sniff import kind_of

    try:
        text = decode_bytes(path.read_bytes())
    except (OSError, DecodeError) as e:
        raise UserError(f"{path}: {getattr(e, 'strerror', None) or e}") from None
    kind = TEXT_EXT.get(path.suffix.lower()) or ("html" if kind_of(text) == "html" else "text")
    c = clean(RawDocument(origin=str(path), content=text, kind=kind))
    return Side(None, str(path), c.title, c.source, c.date, c.lang, c.body)


def _from_workspace(ws, prefix: str) -> Side:
    a = ws.resolve(prefix)
    m = a.meta
    return Side(
        a.id, a.origin, m.get("title"), m.get("source"), m.get("date"), m.get("lang"), ws.body(a)
    )


def load(arg: str, ws) -> Side:
    """A file when the argument names one, else an article id prefix in the workspace."""
    path = Path(arg)
    return _from_file(path) if path.is_file() else _from_workspace(ws, arg)


def run(args, ws) -> int:
    from tui.core.diff import compare, to_json
    from tui.core.textutil import is_rtl, safe_text

    a, b = load(args.a, ws), load(args.b, ws)
    ta, tb = safe_text(a.body), safe_text(b.body)
    comp = compare(ta, tb, a.lang, b.lang)
    if args.json:
        print_json({"left": a.meta(), "right": b.meta(), **to_json(comp)})
        return 0
    from rich.console import Console

    from tui.render.console import render

    if args.width is not None and args.width < 20:
        raise UserError("--width must be at least 20")
    plain = not sys.stdout.isatty()
    console = Console(
        width=args.width,
        highlight=False,
        markup=False,
        emoji=False,
        no_color=plain or "NO_COLOR" in os.environ,
    )
    width = args.width or console.width
    left, right = a.pane(is_rtl(ta)), b.pane(is_rtl(tb))
    for line in render(comp, left, right, width, plain=plain):
        if plain:
            sys.stdout.write(line.plain.rstrip() + "\n")
        else:
            console.print(line, soft_wrap=True, crop=False)
    return 0
