"""What the desk takes in: files, folders, globs, feeds or URLs, ingested; subscribed feeds
fetched (no Textual)."""

from __future__ import annotations

import threading
from collections.abc import Callable
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
    lines = [
        f"{len(rep.added)} added, {len(rep.updated)} updated, "
        f"{len(rep.duplicates)} already there, {len(rep.failed)} failed"
    ]
    lines += [f"failed  {safe_line(src)}: {safe_line(why)}" for src, why in rep.failed]
    # read, but something left (a JSON Lines key not read, a date that is not one): said as
    # `wiredesk ingest` says it, never dropped without a word
    lines += [f"warning  {safe_line(src)}: {safe_line(why)}" for src, why in got.warnings]
    return IngestOutcome(lines, bool(rep.added or rep.updated))


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
