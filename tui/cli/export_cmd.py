"""`wiredesk export`: notes and metadata as md, json, toml, csv, csl-json or html."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.errors import UserError
from tui.core.export import (FORMATS, SPLIT_FORMATS, ExportError, has_triage, items_from,
                             render, split_files, write_output, write_split)
from tui.core.query import Filter, QueryError, combine, parse_filter

# Format guessed from the output file name when --format is not given.
SUFFIX_FORMATS = {".md": "md", ".markdown": "md", ".json": "json", ".toml": "toml",
                  ".csv": "csv", ".html": "html", ".htm": "html"}
DEFAULT_FORMAT = "md"


def register(sub) -> None:
    p = sub.add_parser(
        "export", help="export notes and metadata (md, json, toml, csv, csl-json, html)",
        description="Export the articles you have triaged (a note, a tag or a star; --all for "
        "every article) with their metadata, story, tags, flags and notes. Filters combine "
        "(all must hold); archived stories are included (-q -archived leaves them out). Output "
        "is deterministic; control characters and terminal escape sequences are stripped "
        "from all exported text.",
        epilog="Examples: wiredesk export --tag japan --format csv -o japan.csv; "
        "wiredesk export --starred --format md --split -o notes/; "
        "wiredesk export -q 'tag:japan -tag:done after:2022-10-01' --format csl-json")
    g = p.add_argument_group("selection")
    g.add_argument("--tag", action="append", default=[], metavar="TAG",
                   help="articles with this tag (repeat: any of them)")
    g.add_argument("--all-tags", action="store_true",
                   help="with several --tag: articles with all of them")
    g.add_argument("--starred", action="store_true", help="starred articles only")
    read = g.add_mutually_exclusive_group()
    read.add_argument("--read", dest="read_state", action="store_const", const=True,
                      help="read articles only")
    read.add_argument("--unread", dest="read_state", action="store_const", const=False,
                      help="unread articles only")
    g.add_argument("--story", metavar="STORY", help="articles of this story (id prefix)")
    g.add_argument("--source", "--outlet", dest="source", metavar="TEXT",
                   help="outlet name contains TEXT (case- and accent-insensitive)")
    g.add_argument("--lang", metavar="LANG", help="language (en also matches en-GB)")
    g.add_argument("--from", "--since", dest="date_from", metavar="DATE",
                   help="dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    g.add_argument("--to", "--until", dest="date_to", metavar="DATE",
                   help="dated on or before DATE (inclusive)")
    g.add_argument("--query", "-q", metavar="SEARCH",
                   help="a search string as in the app, e.g. 'tag:a,b -tag:done unread words'")
    g.add_argument("--all", action="store_true",
                   help="every matching article, not only those with a note, tag or star")
    o = p.add_argument_group("output")
    o.add_argument("--format", "-f", choices=list(FORMATS), metavar="FORMAT",
                   help=f"one of {', '.join(FORMATS)} (default: from the -o file name, "
                   f"else {DEFAULT_FORMAT})")
    o.add_argument("--output", "-o", metavar="PATH",
                   help="write to this file (a folder with --split); - or none: standard output")
    o.add_argument("--split", action="store_true",
                   help=f"one file per article into the -o folder "
                   f"({', '.join(SPLIT_FORMATS)}; Markdown with YAML front matter)")
    o.add_argument("--force", action="store_true", help="overwrite existing files")
    p.set_defaults(func=run)


def build_filter(args: argparse.Namespace, story_id: str | None = None) -> Filter:
    """The filter the options describe (``story_id``: the resolved --story)."""
    tags = tuple(args.tag)
    try:
        flt = Filter(
            tags_all=tags if args.all_tags else (),
            tags_any=() if args.all_tags else tags,
            starred=True if args.starred else None,
            read=args.read_state, story=story_id, source=args.source, lang=args.lang,
            date_from=args.date_from, date_to=args.date_to,
        )
        if args.query:
            flt = combine(flt, parse_filter(args.query))
    except QueryError as e:
        raise UserError(str(e)) from None
    return flt


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    if args.output and not args.split:
        return SUFFIX_FORMATS.get(Path(args.output).suffix.lower(), DEFAULT_FORMAT)
    return DEFAULT_FORMAT


def select(ws, flt: Filter, *, everything: bool) -> list:
    """The articles to export, in workspace order."""
    stories = {s.id: s for s in ws.stories()}
    chosen = []
    for a in ws.articles():
        if not everything and not has_triage(a):
            continue
        body = None
        if flt.needs_body:
            try:
                body = ws.body(a)
            except OSError:
                body = ""
        if flt.matches(a, stories.get(a.story), body):
            chosen.append(a)
    return chosen


def run(args: argparse.Namespace, ws) -> int:
    fmt = _format(args)
    if args.split and not args.output:
        raise UserError("--split writes one file per article: give the folder with -o")
    story_id = ws.resolve_story(args.story).id if args.story else None
    flt = build_filter(args, story_id)
    items = items_from(select(ws, flt, everything=args.all), ws.stories())
    try:
        if args.split:
            written = write_split(Path(args.output), split_files(items, fmt), force=args.force)
            where = f"{len(written)} files in {args.output}"
        elif args.output and args.output != "-":
            write_output(Path(args.output), render(items, fmt), force=args.force)
            where = args.output
        else:
            _stdout(render(items, fmt))
            where = ""
    except ExportError as e:
        raise UserError(str(e)) from None
    if not items:
        hint = "" if args.all else " (without --all, only articles with a note, tag or star)"
        print(f"wiredesk: nothing to export: no article matches{hint}", file=sys.stderr)
    elif where:
        n = len(items)
        print(f"exported {n} article{'s' if n != 1 else ''} as {fmt} to {where}",
              file=sys.stderr)
    return 0


def _stdout(text: str) -> None:
    """UTF-8 whatever the locale, so the bytes are the same everywhere."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
