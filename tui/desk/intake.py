"""What the desk takes in: files, folders, globs, feeds or URLs, ingested; subscribed feeds
fetched (no Textual)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sized
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core.textutil import safe_line
from tui.desk.intake_count import Holders
from tui.desk.intake_walk import Budget, Cut

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    lines: list[str]
    changed: bool  # anything added or updated: the list must be rebuilt


def ingest(
    ws: Any, lock: threading.RLock, sources: list[str], on_progress: Progress
) -> IngestOutcome:
    """*Blocking*: collect and ingest ``sources`` under the process's writer ``lock``."""
    from tui.core.ingest import collect  # noqa: PLC0415 (loaded at start: tui.app_later)

    got = collect(sources)
    on_progress(0, len(got.docs), "")
    with lock:
        rep = ws.ingest(got.docs, failures=got.failures, on_progress=on_progress)
    return _outcome(rep.added, rep.updated, rep.duplicates, rep.failed, got.warnings)


LOOK_LIMIT = 10_000  # files counted before an ingest of globs or folders (then "at least")
LOOK_NAMES = 3  # files named
HOME = ("~", "~/")  # a source that is the home folder itself (named so in the words)


@dataclass(frozen=True, slots=True)
class Look:
    """What sources name, before anything is read: the files their globs and folders give."""

    files: int  # up to LOOK_LIMIT
    names: list[str]  # the first LOOK_NAMES
    more: bool  # LOOK_LIMIT reached: there are more
    urls: int
    relative_to: str | None  # the folder a relative glob or folder is read in (else None)
    home: str | None = None  # the home folder, when a source is `~` itself
    failed: bool = False  # a source names nothing there (the ingest's report says why)
    why_none: tuple[str, ...] = ()  # sources that are there and name no file: why
    holders: int = 0  # files that hold many articles (feeds, JSON Lines)
    items: int = 0  # the articles counted in them (see tui.desk.intake_count)
    too_big: int = 0  # holders over the count's limit of one file (not read)
    uncounted: int = 0  # holders not counted: not regular files, unreadable, past the budget
    cut: str | None = None  # why the look stopped before its end (then ``more``)
    loops: tuple[str, ...] = ()  # links back to a folder above under a glob's `**` (skipped)


def wide(sources: list[str]) -> bool:
    """Whether a source is a folder or a glob pattern (``*``, ``~/news/*.html``): sources that
    may name many files, shown before they are ingested (a stray ``*`` would take in the whole
    folder the app was started in)."""
    from tui.core.userpath import is_pattern, user_path  # noqa: PLC0415 (as in ingest)

    def one(src: str) -> bool:
        if src == "-" or src.startswith(("http://", "https://")):
            return False
        p = user_path(src)
        return p.is_dir() or (not p.exists() and is_pattern(src))

    return any(map(one, sources))


def look(
    sources: list[str], stop: Callable[[], bool] | None = None, entries: int | None = None
) -> Look:
    """*Blocking* (folders are walked): the files ``sources`` name, as ingest would read them
    (the same expansion: a shell's glob, folders walked for the kinds ingest reads), counted up
    to LOOK_LIMIT files and ``entries`` folder entries (``intake_walk.LOOK_ENTRIES``); nothing
    is read. ``stop`` is asked at each entry: true, the look ends at once (raises
    :class:`~tui.desk.intake_walk.Cut`)."""
    from tui.core.ingest import Collected  # noqa: PLC0415 (the walk ingest makes)
    from tui.core.userpath import user_path  # noqa: PLC0415
    from tui.desk.intake_walk import expand  # noqa: PLC0415

    files, urls, relative = 0, 0, False
    names: list[str] = []
    why: list[str] = []
    home = safe_line(str(user_path("~"))) if any(s in HOME for s in sources) else None
    out = Collected()  # (failures and warnings: the ingest's report says them)
    held = Holders()
    budget = Budget(stop, entries)
    for src in sources:
        if src.startswith(("http://", "https://")):
            urls += 1
            continue
        relative = relative or not user_path(src).is_absolute()
        before, failures, warnings = files, len(out.failures), len(out.warnings)
        try:
            for path in expand(src, out, budget):
                if files >= LOOK_LIMIT:
                    loops = tuple(budget.loops)
                    cwd = _cwd(relative)
                    return Look(files, names, True, urls, cwd, home, loops=loops, **held.counts())
                files += 1
                held.add(path)
                budget.spend(0)  # (a stop asked between the files read to count them)
                if len(names) < LOOK_NAMES:
                    names.append(safe_line(str(path)))
        except Cut as e:
            if e.why is None:
                raise
            counts, loops = held.counts(), tuple(budget.loops)
            cwd = _cwd(relative)
            return Look(files, names, True, urls, cwd, home, cut=e.why, loops=loops, **counts)
        if files == before and len(out.failures) == failures:
            why.append(_why_none(src, [w for _, w in out.warnings[warnings:]]))
    return Look(
        files,
        names,
        False,
        urls,
        _cwd(relative),
        home,
        bool(out.failures),
        tuple(why),
        loops=tuple(budget.loops),
        **held.counts(),
    )


def _why_none(src: str, not_read: list[str]) -> str:
    """Why ``src``, a folder or a glob's matches, names no file ingest reads."""
    from tui.core.userpath import user_path  # noqa: PLC0415

    p = user_path(src)
    said = f"~ is your home folder ({safe_line(str(p))}): it" if src in HOME else safe_line(src)
    try:
        entries = [e.name for e in p.iterdir()] if p.is_dir() else None
    except OSError:
        entries = None
    if entries == []:
        return f"{said} is an empty folder"
    if entries and all(e.startswith(".") for e in entries):
        return f"{said} holds only hidden files and folders (names that start with a dot: skipped)"
    return f"{said} {'holds' if entries else 'names'} no file of a kind ingest reads" + "".join(
        f" ({safe_line(w)})" for w in not_read
    )


def none_said(got: Look) -> str:
    """The words when sources that are there name no file to read: why, and what is read."""
    from tui.core.ingest import FEED_EXT, JSONL_EXT, TEXT_EXT  # noqa: PLC0415

    kinds = ", ".join(sorted(TEXT_EXT.keys() | FEED_EXT | JSONL_EXT))
    return (
        f"Nothing to ingest: {'; '.join(got.why_none)}. Ingest reads {kinds} files: name "
        "some, or a folder or pattern that holds some."
    )


def _cwd(relative: bool) -> str | None:
    return safe_line(str(Path.cwd())) if relative else None


def loops_said(got: Look) -> str:
    """Why a look through a link loop is not ingested from here, and what to name instead."""
    first = safe_line(got.loops[0])
    more = f"; {len(got.loops) - 1:,} more like it" if len(got.loops) > 1 else ""
    return (
        f"Not ingested from here: the pattern goes through a link loop at {first} (a link back "
        f"to a folder above it{more}; skipped in this count), and the ingest cannot follow it. "
        "Name a pattern or a folder below the loop instead."
    )


def look_said(got: Look) -> str:
    """The words before a wide ingest: what it takes in, counted and named."""
    loops = f" {loops_said(got)}" if got.loops else ""
    if not got.files and (got.cut or got.loops):
        found = "No file found yet (too many folder entries to look through here)."
        if not got.cut:
            found = "No file found."
        return found + (loops or " Enter again ingests what it names; edit it to name fewer.")
    rest = got.files - len(got.names)
    least = "at least " if got.more else ""
    files = f"{least}{got.files:,} file{'' if got.files == 1 else 's'}"
    shown = ", ".join(got.names) + (f" and {least}{rest:,} more" if rest else "")
    where = f" in {got.relative_to} (where the app was started)" if got.relative_to else ""
    if got.home:
        where = f" in your home folder ({got.home})" + (" and" + where if where else "")
    urls = f" and {got.urls} URL{'s' if got.urls > 1 else ''}" if got.urls else ""
    notes: list[str] = []  # (what the files are, and why "at least")
    if got.holders:  # files, not articles: a feed, a JSON Lines or a .json file holds many
        # (by its name: a .json file or an .xml too big to look into is not known to be one)
        kind = "a feed, JSON or JSON Lines file by its name"
        if got.holders > 1:
            kind = "feeds, JSON or JSON Lines files by their names"
        about = _holding(got)
        notes.append(f"{got.holders:,} of them {kind}{about}")
        if got.holders == got.files == 1:
            notes[-1] = f"{kind}{about}"
    notes += [got.cut] if got.cut else []  # (one parenthesis, not two in a row)
    files += f" ({'; '.join(notes)})" if notes else ""
    one = got.files + got.urls == 1
    if got.loops:  # (the ingest's glob would never end: not sent from here)
        return f"That names {files}{urls}{where}: {shown}.{loops}"
    return (
        f"That names {files}{urls}{where}: {shown}. Enter again ingests "
        f"{'it' if one else 'them all'}; edit the field to name {'another' if one else 'fewer'}."
    )


def _holding(got: Look) -> str:
    """What the feeds, JSON and JSON Lines files hold, as counted; those not counted named."""
    skipped = got.too_big + got.uncounted
    said = []
    if got.holders > skipped:
        least = "at least " if skipped else ""
        said.append(f", holding {least}{got.items:,} article{'' if got.items == 1 else 's'}")
    parts = [f"{got.too_big:,} too big to look into"] if got.too_big else []
    parts += [f"{got.uncounted:,} not counted"] if got.uncounted else []
    if parts:
        said.append(("; " if said else ": ") + ", ".join(parts))
    return "".join(said)


def _outcome(
    added: Sized,
    updated: Sized,
    duplicates: Sized,
    failed: Iterable[tuple[str, str]],
    warnings: Iterable[tuple[str, str]],
) -> IngestOutcome:
    failed = list(failed)
    lines = [
        f"{len(added)} added, {len(updated)} updated, "
        f"{len(duplicates)} already there, {len(failed)} failed"
    ]
    lines += [f"failed  {safe_line(src)}: {safe_line(why)}" for src, why in failed]
    # read, but something left (a JSON Lines key not read, a date that is not one): said as
    # `wiredesk ingest` says it, never dropped without a word
    lines += [f"warning  {safe_line(src)}: {safe_line(why)}" for src, why in warnings]
    return IngestOutcome(lines, bool(added or updated))


class FirstIngest:
    """Where the app ingests while its workspace does not exist yet (reading never creates
    one): the workspace is made by the first ingest that reads a document, as `wiredesk
    ingest` makes it; sources that give none leave the disk as it was, and say so."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.made = False  # True once the workspace exists (the app then opens it)

    def ingest(self, sources: list[str], on_progress: Progress) -> IngestOutcome:
        """*Blocking*: collect ``sources``; make the workspace only if a document was read."""
        from tui.core.ingest import collect  # noqa: PLC0415 (as in ingest)
        from tui.core.workspace import Workspace  # noqa: PLC0415

        got = collect(sources)
        existed = Workspace.check(self.root)  # another command may have made it meanwhile
        if not got.docs and not existed:
            out = _outcome([], [], [], got.failures, got.warnings)
            out.lines.append(
                f"No workspace made at {safe_line(str(self.root))}: no document found in the "
                "sources, so nothing to put in it."
            )
            return out
        on_progress(0, len(got.docs), "")
        ws = Workspace.open(self.root, create=True, lazy=True)
        self.made = True
        rep = ws.ingest(got.docs, failures=got.failures, on_progress=on_progress)
        out = _outcome(rep.added, rep.updated, rep.duplicates, rep.failed, got.warnings)
        where = safe_line(str(self.root))
        out.lines.insert(
            1,
            f"A workspace was at {where} already (made meanwhile by another command): "
            "the app opens it."
            if existed
            else f"Workspace made at {where}.",
        )
        return out


def refresh_feeds(ws: Any, lock: threading.RLock, on_progress: Progress) -> str | None:
    """*Blocking*: fetch every subscribed feed; the report's last line (None: no feeds)."""
    from tui.core.sources.refresh import refresh  # noqa: PLC0415 (as in ingest)
    from tui.core.sources.subscriptions import Subscriptions  # noqa: PLC0415

    root = Path(ws.root)
    if not Subscriptions.load(root).list():
        return None
    with lock:
        report = refresh(root, ws.ingest, on_progress, lock=ws.lock)
    return report.lines()[-1]
