"""`wiredesk export`: notes and metadata as md, json, toml, csv, csl-json or html."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from tui.cli.errors import UserError
from tui.cli.ids import resolve_article, resolve_story
from tui.core.export import (
    FORMATS,
    SPLIT_FORMATS,
    ExportError,
    has_triage,
    items_from,
    render,
    split_files,
    write_output,
    write_split,
)
from tui.core.export.edge import sanitize_export
from tui.core.query import Filter, QueryError, combine, parse_date_value, parse_filter
from tui.core.safe_text import one_line, raw_stream
from tui.core.userpath import user_path
from tui.desk import select_articles
from tui.desk.select import searched_body, unreadable_note

# Format guessed from the output file name when --format is not given.
SUFFIX_FORMATS = {".md": "md", ".markdown": "md", ".json": "json", ".toml": "toml",
                  ".csv": "csv", ".html": "html", ".htm": "html"}
DEFAULT_FORMAT = "md"


def register(sub) -> None:
    p = sub.add_parser(
        "export", help="export notes and metadata (md, json, toml, csv, csl-json, html)",
        description="Export the articles you have triaged (a note, a tag or a star; --all for "
        "every article) with their metadata, story, tags, flags and notes. Filters combine "
        "(all must hold); archived stories are left out unless --archived or -q archived asks "
        "for them, as in the app and `wiredesk stories`. Output "
        "is deterministic; control characters and terminal escape sequences are stripped "
        "from all exported text.",
        epilog="Examples: wiredesk export --tag japan --format csv -o japan.csv; "
        "wiredesk export --starred --format md --split -o notes/; "
        "wiredesk export -q 'tag:japan -tag:done after:2022-10-01' --format csl-json")
    g = p.add_argument_group("selection")
    g.add_argument("articles", nargs="*", metavar="ARTICLE",
                   help="only these articles (any unique id prefix), triaged or not; ID@N "
                   "exports version N (its ingest date is the one exported)")
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
                   help="dated on or after DATE (YYYY-MM-DD, YYYY-MM, YYYY, 11 Oct 2022...; "
                   "an impossible date is an error)")
    g.add_argument("--to", "--until", dest="date_to", metavar="DATE",
                   help="dated on or before DATE (inclusive)")
    g.add_argument("--query", "-q", metavar="SEARCH",
                   help="a search string as in the app, e.g. 'tag:a,b -tag:done unread words'")
    g.add_argument("--all", action="store_true",
                   help="every matching article, not only those with a note, tag or star")
    g.add_argument("--archived", action="store_true",
                   help="include archived stories (left out unless a filter names them)")
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
    o.add_argument("--parents", action="store_true",
                   help="create missing folders of -o; without it a missing folder is an "
                   "error (--split makes its -o folder itself, not missing parents)")
    p.set_defaults(func=run)


def build_filter(args: argparse.Namespace, story_id: str | None = None) -> Filter:
    """The filter the options describe (``story_id``: the resolved --story)."""
    try:
        dates = {name: parse_date_value(value, opt) if value is not None else None
                 for name, opt, value in (("date_from", "--from", args.date_from),
                                          ("date_to", "--to", args.date_to))}
    except QueryError as e:
        raise UserError(str(e)) from None
    tags = tuple(args.tag)
    flt = Filter(
        tags_all=tags if args.all_tags else (),
        tags_any=() if args.all_tags else tags,
        starred=True if args.starred else None,
        read=args.read_state, story=story_id, source=args.source, lang=args.lang, **dates,
    )
    if args.query:
        try:
            flt = combine(flt, parse_filter(args.query))
        except QueryError as e:
            raise UserError(f"-q: {e}") from None
    return flt


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    if args.output and not args.split:
        return SUFFIX_FORMATS.get(Path(args.output).suffix.lower(), DEFAULT_FORMAT)
    return DEFAULT_FORMAT


def select(ws, flt: Filter, *, everything: bool, only=None, archived: bool = False
           ) -> tuple[list, int, list]:
    """The articles to export (``only``: these ids, archived or not), how many archived
    stories the one selection rule (``tui.desk.select``) left out, and the faces of the
    stories they are in, in list order. Bodies a word search could not read are named on
    standard error (searched by title and fields alone)."""
    if only is None:
        chosen, listing = select_articles(ws, flt, everything=everything,
                                          include_archived=archived)
        _say_unreadable(listing.unreadable)
        return chosen, listing.archived_left_out, listing.faces_of(chosen)
    stories = {s.id: s for s in ws.stories()}
    chosen, unreadable = [], []
    for a in [ws.get(i) for i in only]:
        if not everything and not has_triage(a):
            continue
        body = searched_body(ws, a, unreadable) if flt.needs_body else None  # named below
        if flt.matches(a, stories.get(a.story), body):
            chosen.append(a)
    _say_unreadable(unreadable)
    return chosen, 0, list(stories.values())


def _say_unreadable(ids: list[str]) -> None:
    if ids:
        print(f"wiredesk: warning: {one_line(unreadable_note(ids))}", file=sys.stderr)


def _check_target(path: Path, args) -> None:
    """A missing folder is an error unless --parents asked for it (never made silently)."""
    if args.split and not path.exists() and (path.parent.is_dir() or args.parents):
        return  # --split -o DIR names the folder to fill: it is made (and said so)
    folder = path if args.split else path.parent
    if str(folder) in ("", ".") or folder.is_dir():
        return
    if folder.exists():
        raise UserError(f"{folder}: not a folder")
    if args.split:
        folder = folder.parent
    if not args.parents:
        raise UserError(f"{folder}: no such folder; create it first, or add --parents")


def run(args: argparse.Namespace, ws) -> int:
    fmt = _format(args)
    if args.split and not args.output:
        raise UserError("--split writes one file per article: give the folder with -o")
    flt = build_filter(args)
    if args.output and args.output != "-":
        _check_target(user_path(args.output), args)
    if args.story:
        flt = replace(flt, story=resolve_story(ws, args.story).id)
    only, versions = None, {}
    if args.articles:
        only = []
        for ref in args.articles:
            a, idx = resolve_article(ws, ref)
            if a.id not in only:
                only.append(a.id)
            if "@" in ref:
                versions[a.id] = a.versions[idx].ingested
    chosen, left_out, faces = select(ws, flt, everything=args.all or bool(only), only=only,
                                     archived=args.archived)
    items = [replace(i, ingested=versions[i.id]) if i.id in versions else i
             for i in items_from(chosen, faces)]
    output = user_path(args.output) if args.output else None
    try:
        if args.split:
            if not output.exists():
                print(f"wiredesk: creating folder {one_line(str(output))}", file=sys.stderr)
            files = {name: sanitize_export(text)
                     for name, text in split_files(items, fmt).items()}
            written = write_split(output, files, force=args.force)
            where = f"{len(written)} files in {args.output}"
        elif output is not None and args.output != "-":
            write_output(output, sanitize_export(render(items, fmt)), force=args.force)
            where = args.output
        else:
            _stdout(render(items, fmt))
            where = ""
    except ExportError as e:
        raise UserError(str(e)) from None
    if not items:
        hint = "" if args.all or only else \
            " (without --all, only articles with a note, tag or star)"
        print(f"wiredesk: nothing to export: no article matches{hint}", file=sys.stderr)
    if left_out:
        print(f"wiredesk: {left_out} archived stor{'y' if left_out == 1 else 'ies'} left out "
              "(--archived includes them)", file=sys.stderr)
    elif where:
        n = len(items)
        print(f"exported {n} article{'s' if n != 1 else ''} as {fmt} to {one_line(where)}",
              file=sys.stderr)
    return 0


def _stdout(text: str) -> None:
    """UTF-8 whatever the locale, so the bytes are the same everywhere; sanitised (the
    exporters already are: this is the edge)."""
    text = sanitize_export(text)
    stream = raw_stream(sys.stdout)
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
