"""The files of a folder that ingest reads, in a stable order, and a word on the others."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterator
from pathlib import Path


def walk(
    folder: Path,
    readable: Collection[str],
    failures: list[tuple[str, str]],
    warnings: list[tuple[str, str]],
    spend: Callable[[int], None] | None = None,
) -> Iterator[Path]:
    """Files below ``folder`` whose extension is in ``readable``, sorted; symlink loops and
    hidden files and folders are skipped. Files of other kinds are named in one warning for the
    folder (never dropped without a word); a folder that cannot be read is a failure.
    ``spend`` is told each folder's entries before they are looked at (a bounded look stops the
    walk by raising)."""
    seen: set[tuple[int, int]] = set()
    other: list[str] = []
    for dirpath, dirnames, filenames in os.walk(
        folder,
        followlinks=True,
        onerror=lambda e: failures.append((e.filename, e.strerror or str(e))),
    ):
        if spend is not None:
            spend(1 + len(dirnames) + len(filenames))
        try:
            st = os.stat(dirpath)
        except OSError:
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            failures.append((dirpath, "symlink loop, skipped"))
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            if Path(name).suffix.lower() in readable:
                yield Path(dirpath) / name
            else:
                other.append(os.path.relpath(os.path.join(dirpath, name), folder))
    if other:
        warnings.append((str(folder), not_read(other)))


def not_read(names: list[str]) -> str:
    """ "2 files not read (.bin, no extension: ...): a.bin, notes" for a folder's others."""
    kinds = sorted({Path(n).suffix.lower() or "no extension" for n in names})
    kinds_text = ", ".join(kinds[:5]) + (", ..." if len(kinds) > 5 else "")
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    files = "1 file" if len(names) == 1 else f"{len(names)} files"
    return (
        f"{files} not read ({kinds_text}: not a kind ingest reads; name a file to read it "
        f"as text): {shown}"
    )
