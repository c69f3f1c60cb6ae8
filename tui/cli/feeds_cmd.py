"""`wiredesk feeds add|remove|list|import|export` and `wiredesk refresh`."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

from tui.cli.errors import UserError
from tui.cli.output import clip, out, print_json
from tui.core import sources
from tui.core.safe_text import one_line
from tui.core.userpath import user_path
from tui.core.workspace.atomic import write_atomic
from tui.core.workspace.paths import shell_where


def register(sub) -> None:
    f = sub.add_parser("feeds", help="subscriptions: add, remove, list, OPML import/export",
                       description="Manage the feeds this workspace follows (feeds.toml). "
                       "With no action, lists them.")
    f.set_defaults(func=run_list, json=False)
    acts = f.add_subparsers(title="actions", metavar="ACTION", parser_class=type(f))

    a = acts.add_parser("add", help="subscribe to feeds", description="Subscribe to feed URLs.")
    a.add_argument("urls", nargs="+", metavar="URL", help="a feed URL (RSS or Atom)")
    a.add_argument("--title", help="a name for the feed (default: the feed's own title)")
    a.set_defaults(func=run_add, creates=True)

    r = acts.add_parser("remove", help="unsubscribe", description="Unsubscribe from feed URLs.")
    r.add_argument("urls", nargs="+", metavar="URL", help="a subscribed feed URL")
    r.set_defaults(func=run_remove)

    ls = acts.add_parser("list", help="the subscribed feeds and their last check",
                         description="List subscriptions with the outcome of the last refresh.")
    ls.add_argument("--json", action="store_true", help="print a JSON list")
    ls.set_defaults(func=run_list)

    i = acts.add_parser("import", help="subscribe to every feed of an OPML file",
                        description="Import subscriptions from OPML (any feed reader exports it).")
    i.add_argument("file", metavar="FILE.opml", help="an OPML file exported by a feed reader")
    i.set_defaults(func=run_import, creates=True)

    e = acts.add_parser("export", help="write the subscriptions as OPML",
                        description="Export subscriptions as OPML 2.0 (standard output or -o).")
    e.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead")
    e.set_defaults(func=run_export)

    rf = sub.add_parser("refresh", help="fetch every subscribed feed and ingest what is new",
                        description="Fetch all subscribed feeds (conditional requests, a limit "
                        "per host), ingest new articles and new versions, report per feed. "
                        "Exit 1 when any feed or item failed (the rest are taken in).")
    rf.add_argument("--json", action="store_true", help="print the per-feed report as JSON")
    rf.add_argument("--full", action="store_true",
                    help="fetch every feed and item page again, even if unchanged (finds pages "
                    "edited since)")
    rf.set_defaults(func=run_refresh, creates=True)


def _normalize(url: str) -> str:
    from tui.core.sources.subscriptions import normalize_url

    return normalize_url(url)


@contextlib.contextmanager
def _modify(ws) -> Iterator[sources.Subscriptions]:
    try:
        with sources.Subscriptions.modify(ws.root, ws.lock) as subs:
            yield subs
    except sources.SubscriptionsError as e:
        raise UserError(str(e)) from None


def _load(ws) -> sources.Subscriptions:
    try:
        return sources.Subscriptions.load(ws.root)
    except sources.SubscriptionsError as e:
        raise UserError(str(e)) from None


def run_add(args, ws) -> int:
    bad: list[str] = []
    with _modify(ws) as subs:
        for url in args.urls:
            try:
                added = subs.add(url, args.title)
            except sources.SubscriptionsError as e:
                bad.append(str(e))
                continue
            out(f"{'subscribed' if added else 'already subscribed'}  {_normalize(url)}")
    if bad and len(bad) == len(args.urls):
        raise UserError("; ".join(bad))
    for msg in bad:
        print(f"wiredesk: {msg}", file=sys.stderr)
    return 0


def run_remove(args, ws) -> int:
    missing: list[str] = []
    with _modify(ws) as subs:
        for url in args.urls:
            if subs.remove(url):
                out(f"unsubscribed  {url.strip()}")
            else:
                missing.append(url.strip())
    if missing and len(missing) == len(args.urls):
        raise UserError(f"not subscribed: {', '.join(missing)}")
    for url in missing:
        print(f"wiredesk: not subscribed: {url}", file=sys.stderr)
    return 0


def _none_yet(ws) -> str:
    """What an empty subscription list says: the command, naming this workspace unless it is
    the default one (typed as shown, it subscribes here)."""
    return f"no subscriptions (add one with `wiredesk feeds add URL{shell_where(ws.root_path)}`)"


def run_list(args, ws) -> int:
    feeds = _load(ws).list()
    if args.json:
        print_json([f.flat() for f in feeds])
        return 0
    if not feeds:
        out(_none_yet(ws))
        return 0
    for f in feeds:
        state = f.last_status or "never checked"
        if f.last_error:
            state += f": {f.last_error}"
        out(f"{clip(f.title or '(untitled)', 30):30}  {f.url}")
        out(f"{'':30}  {clip(state, 60)}" + (f" ({f.last_checked})" if f.last_checked else ""))
    return 0


def run_import(args, ws) -> int:
    from tui.core.decode import DecodeError
    from tui.core.sources.reading import read_path

    try:
        data = read_path(user_path(args.file))  # bounded, like every other read
    except (OSError, DecodeError) as e:
        raise UserError(f"{args.file}: {getattr(e, 'strerror', None) or e}") from None
    refused: list[str] = []
    try:
        with _modify(ws) as subs:
            added = subs.import_opml(data, refused)
    except sources.OpmlError as e:
        raise UserError(f"{args.file}: {e}") from None
    for url in added:
        out(f"subscribed  {url}")
    n = len(added)
    out(f"{n} new feed{'s' * (n != 1)} subscribed"
        + (f", {len(refused)} refused" if refused else ""))
    for why in refused:  # a partial failure: one line each, exit status 1 (docs/CLI.md)
        print(f"wiredesk: {args.file}: {one_line(why)[:300]}", file=sys.stderr)
    return 1 if refused else 0


def run_export(args, ws) -> int:
    text = _load(ws).export_opml()
    if args.output:
        try:
            write_atomic(user_path(args.output), text)
        except OSError as e:
            raise UserError(f"{args.output}: {e.strerror or e}") from None
    else:
        sys.stdout.write(text)
    return 0


def run_refresh(args, ws) -> int:
    from tui.core.workspace import Workspace

    if not Workspace.check(ws.root_path):  # nothing is subscribed where there is no workspace
        if args.json:
            # (through the package: importing tui.core.sources.refresh itself would bind the
            # submodule over the function sources.refresh, and break refresh below)
            print_json(sources.RefreshReport().as_dict())
        else:
            out(_none_yet(ws))
        print(f"wiredesk: no workspace at {one_line(str(ws.root_path))}: nothing was made",
              file=sys.stderr)
        return 0
    _load(ws)  # a damaged feeds.toml is a user error, reported before any fetching
    with _progress() as bar:

        def ingest(docs):
            if bar is not None:
                bar.note(f"ingesting {len(docs)} articles")
            return ws.ingest(docs)

        report = sources.refresh(ws.root, ingest, bar.update if bar else None, full=args.full,
                         lock=ws.lock)
    if args.json:
        print_json(report.as_dict())
    elif not report.feeds:
        out(_none_yet(ws))
    else:
        for line in report.lines():
            out(line)
    # Exit 1 when any feed or item failed (a partial failure, as for ingest: each is named).
    failed = report.count("failed") + sum(f.failed_items for f in report.feeds)
    return 1 if failed else 0


class _Bar:
    """A rich progress bar on standard error: fetch progress, then what is being ingested."""

    def __init__(self, progress) -> None:
        self.progress = progress
        self.task = progress.add_task("fetching", total=None)

    def update(self, done: int, total: int, url: str) -> None:
        from rich.markup import escape

        self.progress.update(self.task, completed=done, total=total,
                             description=f"fetching {escape(clip(url, 40))}")

    def note(self, text: str) -> None:
        self.progress.update(self.task, description=text)


@contextlib.contextmanager
def _progress() -> Iterator[_Bar | None]:
    """A progress bar when standard error is a terminal; else None (quiet)."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        yield _Bar(progress)
