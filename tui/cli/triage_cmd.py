"""Triage from the shell: tag, untag, star, unstar, read, unread, note."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile

from tui.cli.errors import UserError
from tui.cli.ids import Abbrev, resolve_article
from tui.core.decode import DecodeError, decode_bytes
from tui.core.safe_text import one_line
from tui.core.sources.reading import read_path, read_stream
from tui.core.textutil import safe_line, safe_text

_STRAY = re.compile("[\udc80-\udcff]")  # an undecodable byte of argv (surrogateescape)
FLAG_HELP = {
    "star": ("star articles", "Star the articles (starred ones are kept by export, shown with *)."),
    "unstar": ("remove the star from articles", "Remove the star from the articles."),
    "read": ("mark articles read", "Mark the articles read."),
    "unread": ("mark articles unread", "Mark the articles unread (shown with N in stories)."),
}


def register(sub) -> None:
    for name, helptext, desc in (
            ("tag", "add tags to an article", ("Add one or more tags to ARTICLE (tags compare "
             "case-insensitively; a tag already there is left as it is).")),
            ("untag", "remove tags from an article", ("Remove one or more tags from ARTICLE "
             "(a tag it does not have is ignored)."))):
        p = sub.add_parser(name, help=helptext, description=desc)
        p.add_argument("article", metavar="ARTICLE", help="article id or unique prefix")
        p.add_argument("tags", nargs="+", metavar="TAG",
                       help="a tag (quote it if it has spaces)")
        p.set_defaults(func=run_tag, remove=(name == "untag"))
    for name, field, value in (("star", "starred", True), ("unstar", "starred", False),
                               ("read", "read", True), ("unread", "read", False)):
        helptext, desc = FLAG_HELP[name]
        p = sub.add_parser(name, help=helptext,
                           description=desc + " Every id is checked before any is changed.")
        p.add_argument("articles", nargs="+", metavar="ARTICLE",
                       help="article id or unique prefix (several allowed)")
        p.set_defaults(func=run_flag, field=field, value=value)
    n = sub.add_parser("note", help="set an article's note (TEXT, - for stdin, else $EDITOR)",
                       description="Set the note of ARTICLE from TEXT, from standard input with "
                       "-, or in $EDITOR with neither. An empty note removes it.")
    n.add_argument("article", metavar="ARTICLE", help="article id or unique prefix")
    n.add_argument("text", nargs="?", metavar="TEXT",
                   help="the note; - reads it from standard input; none opens $EDITOR")
    n.set_defaults(func=run_note)


def clean_tag(tag: str) -> str:
    t = safe_line(tag).strip()
    if not t:
        raise UserError(f"not a usable tag: {one_line(tag)!r} (empty once control characters "
                        "are removed)")
    return t


def run_tag(args, ws) -> int:
    a = resolve_article(ws, args.article)[0]
    tags = [clean_tag(t) for t in args.tags]
    joined = next((t for t in tags if "," in t), None)
    if joined is not None and not args.remove:  # (an old one can still be removed)
        raise UserError(f"a tag cannot hold a comma: {one_line(joined)!r} (the app's tag editor "
                        "parts tags at commas); give each tag as an argument of its own")
    if args.remove:
        ws.update_triage(a.id, remove_tags=tags)
    else:
        ws.update_triage(a.id, add_tags=tags)
    return 0


def run_flag(args, ws) -> int:
    arts = [resolve_article(ws, x)[0] for x in args.articles]  # all checked before a change
    for a in arts:
        ws.update_triage(a.id, **{args.field: args.value})
    return 0


def run_note(args, ws) -> int:
    a = resolve_article(ws, args.article)[0]
    if args.text == "-":
        text = _decoded(lambda: read_stream(sys.stdin), "standard input")
    elif args.text is not None:
        text = args.text
        if _STRAY.search(text):  # bytes the locale could not decode: read them as ingest does
            text = _decoded(lambda: os.fsencode(args.text), "TEXT")
    else:
        text = _edit(a.triage.note)
    note = safe_text(text).strip("\n")
    note = note if note.strip() else ""  # blanks are no note: removed, as the message says
    if not note and a.triage.note.strip():  # said, with what it was: never a silent loss
        old = a.triage.note
        shown = one_line(old)[:60] + ("..." if len(one_line(old)) > 60 else "")
        print(f"wiredesk: removed the note of {Abbrev.of(ws).short(a.id)} (an empty note "
              f"removes it); it was: {shown}", file=sys.stderr)
    try:
        ws.update_triage(a.id, note=note)
    except BaseException:  # (a locked workspace, a full disk, Ctrl-C while waiting)
        if note and args.text in (None, "-"):  # typed in the editor or piped: nowhere else
            # the full id, no short-id lookup: it may consult the index, which may be what
            # failed, and nothing may stand between the text and the screen
            print(f"wiredesk: the note on {a.id} was not saved; here it is:\n{note}\n",
                  file=sys.stderr)
        raise
    return 0


def _decoded(read, where: str) -> str:
    """Bytes read as ingest reads them (any encoding, bounded); a one-line error if not text."""
    try:
        data = read()
        return decode_bytes(data) if isinstance(data, bytes) else data
    except DecodeError as e:
        raise UserError(f"{where}: {e}; note unchanged") from None


def _edit(current: str) -> str:
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise UserError("no TEXT given and $EDITOR is not set (give the note as TEXT, or - "
                        "to read it from standard input)")
    with tempfile.NamedTemporaryFile("w+", suffix=".md", delete=False, encoding="utf-8") as f:
        f.write(current)
        path = f.name
    try:
        r = subprocess.run([*shlex.split(editor), path], check=False)
        if r.returncode:
            raise UserError(f"the editor exited with status {r.returncode}; note unchanged")
        return _decoded(lambda: read_path(path), path)
    finally:
        os.unlink(path)
