"""Writing exports to disk: safe file names, no overwriting without ``force``, no escaping
the target folder. Files are written atomically (temporary file, then rename)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from tui.core.workspace.atomic import sync_dirs, write_atomic

MAX_SLUG_CHARS = 60
MAX_SLUG_BYTES = 120  # file systems limit a name to 255 bytes; keep well under with the id
_NOT_WORD = re.compile(r"[^\w]+")


class ExportError(ValueError):
    """An export the user asked for that cannot be done; the message says why."""


def slug(text: str) -> str:
    """A file-name-safe slug: letters and digits of any script joined by ``-``, bounded.

    No path separators, dots, control characters or spaces can survive; may be empty.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _NOT_WORD.sub("-", text.replace("_", "-")).strip("-")[:MAX_SLUG_CHARS]
    while len(text.encode("utf-8")) > MAX_SLUG_BYTES:
        text = text[:-1]
    return text.strip("-")


def unique_names(stems: list[tuple[str, str]], suffix: str) -> list[str]:
    """File names ``<slug(title)>-<slug(id)><suffix>``, unique even on case-blind disks."""
    seen: set[str] = set()
    names = []
    for title, ident in stems:
        base = "-".join(p for p in (slug(title), slug(ident)) if p) or "article"
        name, n = base + suffix, 2
        while name.casefold() in seen:
            name, n = f"{base}-{n}{suffix}", n + 1
        seen.add(name.casefold())
        names.append(name)
    return names


def write_output(path: Path, text: str, *, force: bool = False) -> None:
    """Write one export file; refuse a folder, or an existing file unless ``force``."""
    if path.is_dir():
        raise ExportError(f"{path} is a folder: give a file name (or --split for md)")
    if (path.exists() or path.is_symlink()) and not force:
        raise ExportError(f"{path} exists; use --force to overwrite it")
    write_atomic(path, text)


def write_split(folder: Path, files: Mapping[str, str], *, force: bool = False) -> list[Path]:
    """Write ``files`` (name -> text) into ``folder``, all or nothing checked up front."""
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file: --split needs a folder")
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    targets = []
    existing = []
    for name in files:
        target = folder / name
        if (Path(name).name != name or name in ("", ".", "..")
                or target.resolve().parent != root):
            raise ExportError(f"refusing to write {name!r}: it would land outside {folder}")
        if target.exists() or target.is_symlink():
            existing.append(name)
        targets.append(target)
    if existing and not force:
        more = f" and {len(existing) - 1} more files" if len(existing) > 1 else ""
        raise ExportError(f"{folder / existing[0]}{more} already exist{'' if more else 's'}; "
                          "use --force to overwrite")
    for target, text in zip(targets, files.values()):
        write_atomic(target, text, sync=False)
    sync_dirs([root])
    return targets
