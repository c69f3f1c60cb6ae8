"""`wiredesk ingest` and `wiredesk clean`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.ids import Abbrev
from tui.cli.output import clip, out, out_body, print_json
from tui.core.safe_text import one_line, raw_stream, sanitize_obj

if TYPE_CHECKING:
    from tui.core.model import RawDocument


def register(sub) -> None:
    p = sub.add_parser("ingest", help="take in files, folders, globs, JSON Lines, feeds, URLs, -",
                       description="Take in articles. Prints each article added or updated "
                       "(with the shortest unique id prefix), then a summary; each source that "
                       "failed gets one line on standard error. Exit 1 when any source failed "
                       "(the others are kept), 0 otherwise. Creates the workspace if needed.")
    p.add_argument("sources", nargs="+", metavar="SOURCE",
                   help="a file (.txt .md .html .jsonl, an RSS/Atom feed), a folder (read "
                   "recursively), a glob, an http(s) URL, or - for standard input")
    p.add_argument("--json", action="store_true",
                   help="print the summary as JSON (added, updated, duplicates, failed)")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")
    p.set_defaults(func=run_ingest, creates=True)

    c = sub.add_parser("clean", help="clean files without a workspace",
                       description="Print the cleaned body of each article read from FILE, or "
                       "with --json one object per article (JSON Lines, in argument order). "
                       "FILE is read as ingest reads it: a .jsonl file gives one article per "
                       "record, a feed one per item. Exit 1 when any failed.")
    c.add_argument("files", nargs="+", metavar="FILE",
                   help="a file as for ingest (text, Markdown, HTML, .jsonl, RSS/Atom), or - "
                   "for standard input")
    c.add_argument("--json", action="store_true",
                   help="JSON Lines: body and metadata, one object per article")
    c.set_defaults(func=run_clean)


def _report_problems(got) -> None:
    for src, reason in getattr(got, "warnings", ()):
        print(f"wiredesk: warning: {one_line(src)}: {one_line(reason)}", file=sys.stderr)


def run_ingest(args, ws) -> int:
    from tui.core.ingest import collect, stream, streamable

    docs: Iterable[RawDocument]
    if streamable(args.sources):  # JSON Lines: read as they are ingested, never held whole
        got, docs = stream(args.sources)
    else:
        got = collect(args.sources)
        docs = got.docs
        _report_problems(got)
    progress = _progress() if not args.json and not args.quiet and sys.stderr.isatty() else None
    try:
        rep = ws.ingest(docs, failures=got.failures,
                        on_progress=progress.update if progress else None)
    finally:
        if progress:
            progress.close()
    if docs is not got.docs:  # warnings of a stream are known once it is read
        _report_problems(got)
    return print_report(args, ws, rep)


def print_report(args, ws, rep) -> int:
    """Print what an ingest did (its exit status): every article added or updated, the
    summary, each failure on standard error."""
    try:
        if args.json:
            for text in report_json(rep):
                sys.stdout.write(text)
        elif not args.quiet:
            if rep.added or rep.updated:
                ab = Abbrev.of(ws)
                for aid, title, _ in listed(ws, rep.added):
                    out(f"added    {ab.short(aid)}  {clip(title, 70)}")
                for aid, title, n in listed(ws, rep.updated):
                    out(f"updated  {ab.short(aid)}  {clip(title, 70)} (version {n})")
            out(f"{len(rep.added)} added, {len(rep.updated)} new versions, "
                f"{len(rep.duplicates)} duplicates, {len(rep.failed)} failed")
        for src, reason in rep.failed:
            print(f"wiredesk: {one_line(src)}: {one_line(reason)}", file=sys.stderr)
        return 1 if rep.failed else 0
    finally:
        if hasattr(rep, "close"):  # a long run's report, kept in a temporary file
            rep.close()


_SHAPES = (("added", None), ("updated", None), ("duplicates", ("origin", "id")),
           ("failed", ("source", "reason")))


def report_json(rep) -> Iterator[str]:
    """``rep.as_dict()`` as ``print_json`` prints it, a piece at a time: a long run's report
    is read back from its file as it is printed, never held whole."""
    yield "{\n"
    for k, (name, keys) in enumerate(_SHAPES):
        end = ",\n" if k < len(_SHAPES) - 1 else "\n"
        items = getattr(rep, name)
        if not items:
            yield f'  "{name}": []{end}'
            continue
        yield f'  "{name}": [\n'
        sep = ""
        for x in items:
            obj = sanitize_obj(x if keys is None else dict(zip(keys, x, strict=True)))
            text = json.dumps(obj, ensure_ascii=False, indent=2).replace("\n", "\n    ")
            yield f"{sep}    {text}"
            sep = ",\n"
        yield f"\n  ]{end}"
    yield "}\n"


LOOKUP = 500  # articles whose titles are read from the index in one query


def listed(ws, ids) -> Iterator[tuple[str, str, int]]:
    """(id, title, number of versions) of each of ``ids``, in order. A workspace not read
    whole (a long run forgets what it wrote) answers from the index, a batch at a time,
    instead of reading (and holding) every article's file."""
    from tui.core.workspace import index_sync
    from tui.core.workspace.index_rows import unpack_versions

    idx = None if ws.loaded else index_sync.current(ws)
    for batch in _batched(ids, LOOKUP):
        rows: dict = {}
        if idx is not None:
            marks = ",".join("?" * len(batch))
            with idx.guard:
                rows = {r[0]: r[1:] for r in idx.db.execute(
                    f"SELECT id, title, versions FROM articles WHERE id IN ({marks})", batch)}
        for aid in batch:
            if aid in rows:
                title, versions = rows[aid]
                yield aid, title or "(untitled)", len(unpack_versions(versions))
            else:  # (no index, or it lacks the article: its file)
                a = ws.get(aid)
                yield aid, a.title, len(a.versions)


def _batched(items, n: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, n)):
        yield batch


class _progress:
    """A one-line progress counter on standard error for long ingests."""

    def __init__(self) -> None:
        self.shown = False
        self.raw = raw_stream(sys.stderr)  # its own escape: clear the line

    def update(self, n: int, total: int, origin: str) -> None:
        """``total`` 0: not known (a JSON Lines file read as it goes)."""
        if 0 < total < 20 or (n % 10 and n != total):
            return
        self.raw.write(f"\r\x1b[Kingesting {n}/{total}" if total else f"\r\x1b[Kingesting {n}")
        self.raw.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.raw.write("\r\x1b[K")
            self.raw.flush()


CLEAN_FIELDS = ("title", "author", "source", "date", "dateline", "lang", "summary")


def run_clean(args, ws) -> int:
    from tui.core.ingest import EMPTY_FILE, collect
    from tui.core.workspace.adding import clean_doc

    failed = 0
    for name in args.files:
        got = collect([name])
        _report_problems(got)
        for doc in got.docs:
            origin = name if doc.origin == _resolved(name) else doc.origin
            try:
                c = clean_doc(doc)
            except Exception as e:  # noqa: BLE001 - a cleaner bug: this document fails alone
                reason = f"could not be cleaned ({type(e).__name__}: {e})"
                print(f"wiredesk: {one_line(origin)}: {one_line(reason)}", file=sys.stderr)
                failed += 1
                if args.json:
                    print_json({"id": None, "origin": origin, "error": reason, "body": None},
                               lines=True)
                continue
            if args.json:
                d = {"id": None, **{k: v for k, v in c.as_dict().items() if k != "body"},
                     "body": c.body, "origin": origin}
                print_json(d, lines=True)
            else:
                out_body(c.body)
                if len(args.files) > 1 or len(got.docs) > 1:
                    out()
        for src, reason in got.failures:
            if reason == EMPTY_FILE and src == name:  # an empty page cleans to an empty body
                print(f"wiredesk: {one_line(src)}: empty file, nothing to clean",
                      file=sys.stderr)
                if args.json:
                    print_json({"id": None, **dict.fromkeys(CLEAN_FIELDS), "body": "",
                                "origin": src}, lines=True)
                else:
                    out_body("")
                continue
            print(f"wiredesk: {one_line(src)}: {one_line(reason)}", file=sys.stderr)
            failed += 1
            if args.json:  # one line for each failure too, after the file's articles
                print_json({"id": None, "origin": src, "error": reason, "body": None},
                           lines=True)
    return 1 if failed else 0


def _resolved(name: str) -> str:
    try:
        return str(Path(name).resolve())
    except (OSError, RuntimeError, ValueError):
        return name
