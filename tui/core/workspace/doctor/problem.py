"""One thing wrong with one file of a workspace, and what `--repair` would do about it."""

from __future__ import annotations

from dataclasses import dataclass

TRASH = ".trash"

# What repair does for each kind of fix (in this order: the layout first, so the other
# repairs find folders where folders belong):
#   trash         move a file or folder that is in the wrong place (a file where a folder
#                 belongs, a folder where a file belongs) to .trash/
#   remove        delete a temporary file left by an interrupted save
#   drop-cache    drop the disposable cache
#   settings      rewrite wiredesk.toml (the old one backed up)
#   salvage       rebuild a record from what still parses, fields of a wrong type converted
#                 where the intent is clear, dropped (and said) where not
#   reclean       clean a missing or damaged body again from its raw text
#   raw-aside     move a raw text that no longer matches its hash to .trash/
#   drop-version  remove a version none of whose texts is left from its article's record
#   rebuild       make an article record again from texts that no record uses
FIX_ORDER = ("trash", "remove", "drop-cache", "settings", "salvage", "reclean", "raw-aside",
             "drop-version", "rebuild")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file. ``fix`` names what repair would do, or None."""

    path: str  # relative to the workspace root
    message: str
    line: int | None = None
    fix: str | None = None
    severity: str = "error"  # error (counts against health) or note (harmless, informative)
    detail: str | None = None  # for the repair: the version hash concerned

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    def as_dict(self) -> dict:
        return {"file": self.path, "line": self.line, "severity": self.severity,
                "message": self.message, "repairable": self.fix is not None}


HAND_KEYS = "keys Wiredesk does not read"  # the start of the note on a file's own keys


def grouped(problems: list[Problem], shown: int = 3) -> list[Problem]:
    """``problems`` with the notes on the same hand-written keys in several files made one,
    naming how many files and the first ``shown`` of them (a key a script added to every
    article is one line, not one per article); the rest as they are, in order."""
    files: dict[str, list[str]] = {}
    for p in problems:
        if p.severity == "note" and p.message.startswith(HAND_KEYS):
            files.setdefault(p.message, []).append(p.path)
    out: list[Problem] = []
    for p in problems:
        paths = files.get(p.message) if p.severity == "note" else None
        if not paths or len(paths) == 1:
            out.append(p)
        elif paths[0] == p.path:  # the first of the group stands for it
            more = f", and {len(paths) - shown} more" if len(paths) > shown else ""
            where = f"{len(paths)} files ({', '.join(paths[:shown])}{more})"
            out.append(Problem(where, p.message, severity="note"))
    return out


def healthy(problems: list[Problem]) -> bool:
    return not any(p.severity == "error" for p in problems)
