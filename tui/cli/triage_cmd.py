"""Triage from the shell: tag, untag, star, unstar, read, unread, note."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile

from tui.cli.errors import UserError
from tui.core.textutil import safe_line, safe_text


def register(sub) -> None:
    for name, helptext in (("tag", "add tags to an article"), ("untag", "remove tags")):
        p = sub.add_parser(name, help=helptext, description=f"{helptext.capitalize()}.")
        p.add_argument("article", metavar="ARTICLE")
        p.add_argument("tags", nargs="+", metavar="TAG")
        p.set_defaults(func=run_tag, remove=(name == "untag"))
    for name, field, value in (("star", "starred", True), ("unstar", "starred", False),
                               ("read", "read", True), ("unread", "read", False)):
        p = sub.add_parser(name, help=f"mark articles {name}red" if "star" in name
                           else f"mark articles {name}", description=f"Mark articles {name}.")
        p.add_argument("articles", nargs="+", metavar="ARTICLE")
        p.set_defaults(func=run_flag, field=field, value=value)
    n = sub.add_parser("note", help="set an article's note (TEXT, - for stdin, else $EDITOR)",
                       description="Set the note of ARTICLE from TEXT, from standard input with "
                       "-, or in $EDITOR with neither. An empty note removes it.")
    n.add_argument("article", metavar="ARTICLE")
    n.add_argument("text", nargs="?", metavar="TEXT")
    n.set_defaults(func=run_note)


def clean_tag(tag: str) -> str:
    t = safe_line(tag).strip()
    if not t:
        raise UserError(f"not a usable tag: {tag!r}")
    return t


def run_tag(args, ws) -> int:
    a = ws.resolve(args.article)
    tags = [clean_tag(t) for t in args.tags]
    if args.remove:
        ws.update_triage(a.id, remove_tags=tags)
    else:
        ws.update_triage(a.id, add_tags=tags)
    return 0


def run_flag(args, ws) -> int:
    arts = [ws.resolve(x) for x in args.articles]  # all ids checked before any change
    for a in arts:
        ws.update_triage(a.id, **{args.field: args.value})
    return 0


def run_note(args, ws) -> int:
    a = ws.resolve(args.article)
    if args.text == "-":
        text = sys.stdin.read()
    elif args.text is not None:
        text = args.text
    else:
        text = _edit(a.triage.note)
    ws.update_triage(a.id, note=safe_text(text).strip("\n"))
    return 0


def _edit(current: str) -> str:
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise UserError("no TEXT given and $EDITOR is not set (give the note as TEXT, or - "
                        "to read it from standard input)")
    with tempfile.NamedTemporaryFile("w+", suffix=".md", delete=False, encoding="utf-8") as f:
        f.write(current)
        path = f.name
    try:
        r = subprocess.run([*shlex.split(editor), path])
        if r.returncode:
            raise UserError(f"the editor exited with status {r.returncode}; note unchanged")
        with open(path, encoding="utf-8") as f:
            return f.read()
    finally:
        os.unlink(path)
