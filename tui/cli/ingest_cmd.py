"""`wiredesk ingest` and `wiredesk clean`."""

from __future__ import annotations

import sys
from pathlib import Path

from tui.cli.errors import UserError
from tui.cli.output import print_json
from tui.core.decode import DecodeError
from tui.core.textutil import safe_line


def register(sub) -> None:
    p = sub.add_parser("ingest", help="take in files, folders, globs, JSON Lines, feeds, URLs, -",
                       description="Take in articles. SOURCE is a file (.txt .md .html .jsonl, a "
                       "feed), a folder (recursive), a glob, a URL, or - for standard input.")
    p.add_argument("sources", nargs="+", metavar="SOURCE")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")
    p.set_defaults(func=run_ingest)

    c = sub.add_parser("clean", help="clean files without a workspace",
                       description="Print the cleaned body of each FILE, or with --json one "
                       "object per file (JSON Lines, in argument order).")
    c.add_argument("files", nargs="+", metavar="FILE")
    c.add_argument("--json", action="store_true", help="JSON Lines: body and metadata")
    c.set_defaults(func=run_clean)


def run_ingest(args, ws) -> int:
    from tui.core.ingest import collect

    got = collect(args.sources)
    progress = _progress() if not args.json and not args.quiet and sys.stderr.isatty() else None
    try:
        rep = ws.ingest(got.docs, failures=got.failures,
                        on_progress=progress.update if progress else None)
    finally:
        if progress:
            progress.close()
    if args.json:
        print_json(rep.as_dict())
    elif not args.quiet:
        for aid in rep.added:
            a = ws.get(aid)
            print(f"added    {aid[:8]}  {a.title[:70]}")
        for aid in rep.updated:
            a = ws.get(aid)
            print(f"updated  {aid[:8]}  {a.title[:70]} (version {len(a.versions)})")
        print(f"{len(rep.added)} added, {len(rep.updated)} new versions, "
              f"{len(rep.duplicates)} duplicates, {len(rep.failed)} failed")
    for src, reason in rep.failed:
        print(f"wiredesk: {safe_line(src)}: {safe_line(reason)}", file=sys.stderr)
    if rep.failed and not (rep.added or rep.updated or rep.duplicates):
        return 1
    return 0


class _progress:
    """A one-line progress counter on standard error for long ingests."""

    def __init__(self) -> None:
        self.shown = False

    def update(self, n: int, total: int, origin: str) -> None:
        if total < 20 or (n % 10 and n != total):
            return
        sys.stderr.write(f"\r\x1b[Kingesting {n}/{total}")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def run_clean(args, ws) -> int:
    from tui.core.ingest import TEXT_EXT, _looks_like_html
    from tui.core.decode import decode_bytes
    from tui.core.model import RawDocument
    from tui.core.workspace.adding import clean_doc

    failed = 0
    for name in args.files:
        path = Path(name)
        try:
            text = decode_bytes(path.read_bytes())
        except (OSError, DecodeError) as e:
            reason = getattr(e, "strerror", None) or str(e)
            if len(args.files) == 1:
                raise UserError(f"{safe_line(name)}: {safe_line(reason)}") from None
            print(f"wiredesk: {safe_line(name)}: {safe_line(reason)}", file=sys.stderr)
            failed += 1
            if args.json:  # keep one line per argument, in order
                print_json({"id": None, "origin": str(path), "error": reason, "body": None},
                           lines=True)
            continue
        kind = TEXT_EXT.get(path.suffix.lower()) or ("html" if _looks_like_html(text) else "text")
        c = clean_doc(RawDocument(origin=str(path), content=text, kind=kind))
        if args.json:
            d = {"id": None, **{k: v for k, v in c.as_dict().items() if k != "body"},
                 "body": c.body, "origin": str(path)}
            print_json(d, lines=True)
        else:
            sys.stdout.write(c.body + "\n")
            if len(args.files) > 1:
                sys.stdout.write("\n")
    return 1 if failed == len(args.files) else 0
