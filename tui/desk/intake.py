"""What the desk takes in: files, folders, globs, feeds or URLs, ingested; subscribed feeds
fetched (no Textual)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sized
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core.textutil import safe_line

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
