"""`wiredesk clean`: files cleaned without a workspace.

A command of its own module so that cleaning a batch of files imports only what cleaning needs
(the reader, the cleaner, the output helpers), not the workspace or the ingest report.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from pathlib import Path

from tui.cli.output import out, out_body, print_json
from tui.core.model import META_FIELDS, typed_origin
from tui.core.safe_text import one_line, raw_stream, sanitize

ABOUT = (
    "Print the cleaned body of each article read from FILE, or with --json one object per "
    "article (JSON Lines, in argument order). FILE is read as ingest reads it: a .jsonl file "
    "gives one article per record, a feed one per item. Exit 1 when any failed."
)
FILES = "a file as for ingest (text, Markdown, HTML, .jsonl, RSS/Atom), or - for standard input"


def register(sub) -> None:
    c = sub.add_parser("clean", help="clean files without a workspace", description=ABOUT)
    c.add_argument("files", nargs="+", metavar="FILE", help=FILES)
    c.add_argument(
        "--json", action="store_true", help="JSON Lines: body and metadata, one object per article"
    )
    c.set_defaults(func=run_clean)


def run_clean(args, ws) -> int:
    from tui.core.gcpause import collector_paused

    # The cleaner, loaded before the freeze below; the collector paused meanwhile (its patterns
    # and word sets would only make it scan the new objects again and again: 7 ms a start).
    with collector_paused():
        import tui.core.clean  # noqa: F401

    # What start-up made (modules, patterns, word sets) lives to the end: frozen, the garbage
    # collector does not go through it again at each full collection (2 % of a batch's work).
    # Only when nothing is frozen yet: a caller in the same process that froze objects of its
    # own keeps them frozen (``unfreeze`` would thaw them too).
    if gc.get_freeze_count():
        return _clean_files(args)
    gc.freeze()
    try:
        return _clean_files(args)
    finally:
        gc.unfreeze()  # (given back: the collector is as the caller left it)


def _clean_files(args) -> int:
    from tui.core.cleaning import clean_doc
    from tui.core.ingest import EMPTY_FILE, collect

    failed = 0
    for name in args.files:
        got = collect([name])
        for src, reason in got.warnings:
            print(f"wiredesk: warning: {one_line(src)}: {one_line(reason)}", file=sys.stderr)
        # A document ingest read from the file as named says so (``where``: the path as read);
        # its origin is that file's resolved path, shown as named: no need to resolve it again.
        direct = str(Path(name)) if name != "-" and "://" not in name else None
        resolved = None
        for doc in got.docs:
            where = doc.hints.get("where") if isinstance(doc.hints, dict) else None
            if direct is not None and where == direct:
                origin = name
            elif (typed := typed_origin(doc)) is not None:  # a file's record or feed item:
                origin = typed  # as named (``a/x.jsonl:N``, ``a/f.xml#ID``)
            else:  # a record's, a feed item's, a file's in a folder: its own, unless the file
                resolved = _resolved(name) if resolved is None else resolved
                origin = name if doc.origin == resolved else doc.origin
            try:
                c = clean_doc(doc)
            except Exception as e:  # noqa: BLE001 - a cleaner bug: this document fails alone
                reason = f"could not be cleaned ({type(e).__name__}: {e})"
                print(f"wiredesk: {one_line(origin)}: {one_line(reason)}", file=sys.stderr)
                failed += 1
                if args.json:
                    print_json(
                        {"id": None, "origin": origin, "error": reason, "body": None}, lines=True
                    )
                continue
            if not c.body.strip():  # said, but no failure: a batch cleaner goes on (exit 0)
                print(
                    f"wiredesk: warning: {one_line(origin)}: no article text found "
                    "(the body is empty)",
                    file=sys.stderr,
                )
            if args.json:  # (Cleaned.as_dict's fields and order, without its deep copy)
                d = {
                    "id": None,
                    **{k: getattr(c, k) for k in META_FIELDS},
                    "body": c.body,
                    "origin": origin,
                }
                _print_cleaned(d)
            else:
                out_body(c.body)
                if len(args.files) > 1 or len(got.docs) > 1:
                    out()
        for src, reason in got.failures:
            if reason == EMPTY_FILE and src == name:  # an empty page cleans to an empty body
                print(f"wiredesk: {one_line(src)}: empty file, nothing to clean", file=sys.stderr)
                if args.json:
                    print_json(
                        {"id": None, **dict.fromkeys(META_FIELDS), "body": "", "origin": src},
                        lines=True,
                    )
                else:
                    out_body("")
                continue
            print(f"wiredesk: {one_line(src)}: {one_line(reason)}", file=sys.stderr)
            failed += 1
            if args.json:  # one line for each failure too, after the file's articles
                print_json({"id": None, "origin": src, "error": reason, "body": None}, lines=True)
    return 1 if failed else 0


def _print_cleaned(d: dict) -> None:
    """``print_json(d, lines=True)`` for a cleaned document, scanning its body once rather than
    three times. ``clean_doc`` gives the body sanitised (by ``safe_text``), and sanitising a
    sanitised string leaves it as it is, so only the short fields go through the sanitiser
    here (a JSON Lines record's title, author... are its own, unsanitised, and ``json.dumps``
    leaves C1 controls and bidi overrides raw); JSON escapes every other control character,
    so the line holds nothing the sanitiser around standard output would remove, and it is
    written past it."""
    if not all(v is None or isinstance(v, str) for v in d.values()):
        print_json(d, lines=True)  # (not a shape clean_doc gives; the general path)
        return
    for k, v in d.items():
        if v and k != "body":
            d[k] = sanitize(v)
    raw_stream(sys.stdout).write(json.dumps(d, ensure_ascii=False) + "\n")


def _resolved(name: str) -> str:
    """The file's path as ingest writes a document's origin (``str(Path(name).resolve())``;
    ``os.path.realpath`` is what ``resolve`` calls, without building two Paths)."""
    try:
        return os.path.realpath(name)
    except (OSError, RuntimeError, ValueError):
        return name
