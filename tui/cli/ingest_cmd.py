"""`wiredesk ingest` (`wiredesk clean` is in clean_cmd)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from tui.cli.ids import Abbrev
from tui.cli.output import clip, out
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
                   help="print the summary as JSON (added, updated, duplicates, failed, "
                   "warnings: what a source taken in could not keep whole)")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="print nothing but errors and warnings (on standard error)")
    p.set_defaults(func=run_ingest, creates=True)


def _report_problems(got) -> None:
    for src, reason in getattr(got, "warnings", ()):
        print(f"wiredesk: warning: {one_line(src)}: {one_line(reason)}", file=sys.stderr)


def run_ingest(args, ws) -> int:
    from tui.core.ingest import collect, stream, streamable
    from tui.core.workspace import bulk, pipeline

    docs: Iterable[RawDocument]
    worker = None
    if streamable(args.sources):  # JSON Lines: read as they are ingested, never held whole
        if pipeline.wanted(args.sources):  # read and cleaned by a second process
            worker = pipeline.Stream(args.sources, chunk=bulk.CHUNK)
            got, docs = worker.got, worker.docs
        else:
            got, docs = stream(args.sources)
    else:
        got = collect(args.sources)
        docs = got.docs
        _report_problems(got)
        if not docs and _none_yet(ws):  # nothing read: no workspace made for nothing
            from tui.core.workspace.adding import IngestReport

            code = print_report(args, ws, IngestReport(failed=list(got.failures)),
                                got.warnings)
            if not got.failures:  # (a failure has its line, and the exit status says it)
                print(f"wiredesk: no workspace made at {one_line(str(ws.root_path))}: no "
                      "document found in the sources, so nothing to put in it", file=sys.stderr)
            return code
    progress = _progress() if not args.json and not args.quiet and sys.stderr.isatty() else None
    try:
        rep = ws.ingest(docs, failures=got.failures,
                        on_progress=progress.update if progress else None,
                        ready=worker.ready if worker is not None else None)
    finally:
        if worker is not None:
            worker.close()
        if progress:
            progress.close()
    if docs is not got.docs:  # warnings of a stream are known once it is read
        _report_problems(got)
    return print_report(args, ws, rep, got.warnings)


def _none_yet(ws) -> bool:
    """True when there is no workspace where ``ws`` points (one could be made there)."""
    from tui.core.workspace import Workspace, WorkspaceError

    try:
        return not Workspace.check(ws.root_path)
    except WorkspaceError:  # a folder of something else: the open says so
        return False


def print_report(args, ws, rep, warnings: Iterable[tuple[str, str]] = ()) -> int:
    """Print what an ingest did (its exit status): every article added or updated, the
    summary, each failure on standard error; with ``--json``, the ``warnings`` too (each is
    on standard error already, ``_report_problems``)."""
    try:
        if args.json:
            for text in report_json(rep, warnings):
                sys.stdout.write(text)
        elif not args.quiet:
            if rep.added or rep.updated:
                ab = _abbrev(ws, len(rep.added) + len(rep.updated))
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


WHOLE = 2000  # ids listed past which every id is read once for their unique prefixes


def _abbrev(ws, n: int) -> Abbrev:
    """Unique prefixes for ``n`` listed ids: past ``WHOLE``, over every id read at once (the
    same prefixes as ``Abbrev.of``, which asks the index for each id's neighbours: six
    queries an id, minutes for a million)."""
    if n <= WHOLE:
        return Abbrev.of(ws)
    arts, stories = ws.ids()
    return Abbrev(arts + stories)


_SHAPES = (("added", None), ("updated", None), ("duplicates", ("origin", "id")),
           ("failed", ("source", "reason")), ("warnings", ("source", "reason")))


def report_json(rep, warnings: Iterable[tuple[str, str]] = ()) -> Iterator[str]:
    """``rep.as_dict()`` as ``print_json`` prints it, a piece at a time: a long run's report
    is read back from its file as it is printed, never held whole; then the ``warnings``
    (what a source taken in could not keep whole: ``[]`` when none), as ``failed``."""
    yield "{\n"
    for k, (name, keys) in enumerate(_SHAPES):
        end = ",\n" if k < len(_SHAPES) - 1 else "\n"
        items = list(warnings) if name == "warnings" else getattr(rep, name)
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
