"""From command-line sources to documents: files, folders, globs, JSON Lines, stdin, URLs.

:func:`collect` turns what the user named into :class:`RawDocument` objects, reporting every
source it cannot read (by name, with the reason) and going on with the rest.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from tui.core.decode import MAX_BYTES, DecodeError, decode_bytes
from tui.core.model import RawDocument

TEXT_EXT = {".txt": "text", ".text": "text", ".md": "md", ".markdown": "md", ".html": "html",
            ".htm": "html", ".xhtml": "html"}
FEED_EXT = {".xml", ".rss", ".atom", ".rdf", ".json"}
JSONL_EXT = {".jsonl", ".ndjson"}
JSONL_FIELDS = ("title", "date", "source", "author", "lang", "summary", "url")


@dataclass
class Collected:
    docs: list[RawDocument] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)


def collect(sources: list[str], *, stdin=None) -> Collected:
    out = Collected()
    for src in sources:
        if src == "-":
            _collect_stdin(stdin or sys.stdin, out)
        elif src.startswith(("http://", "https://")):
            _collect_urls([src], out)
        else:
            for path in _expand(src, out):
                _collect_file(path, out)
    return out


def _expand(src: str, out: Collected) -> Iterator[Path]:
    p = Path(src).expanduser()
    if p.is_dir():
        yield from _walk(p, out)
    elif p.exists() or p.is_symlink():
        yield p
    elif any(c in src for c in "*?["):
        hits = sorted(glob.glob(os.path.expanduser(src), recursive=True))
        if not hits:
            out.failures.append((src, "no file matches this pattern"))
        for h in hits:
            hp = Path(h)
            yield from (_walk(hp, out) if hp.is_dir() else [hp])
    else:
        out.failures.append((src, "no such file or folder"))


def _walk(folder: Path, out: Collected) -> Iterator[Path]:
    """Files below ``folder`` in a stable order; symlink loops and hidden files are skipped."""
    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=True,
                                                onerror=lambda e: out.failures.append(
                                                    (e.filename, e.strerror or str(e)))):
        try:
            st = os.stat(dirpath)
        except OSError:
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            out.failures.append((dirpath, "symlink loop, skipped"))
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            ext = Path(name).suffix.lower()
            if ext in TEXT_EXT or ext in JSONL_EXT or ext in FEED_EXT:
                yield Path(dirpath) / name


def _read(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DecodeError(f"too large ({size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB)")
    return path.read_bytes()


def _collect_file(path: Path, out: Collected) -> None:
    name = str(path)
    ext = path.suffix.lower()
    if ext in JSONL_EXT:  # a collection: read record by record, no size limit for the file
        _collect_jsonl_file(path, out)
        return
    try:
        if path.is_dir():
            return
        text = decode_bytes(_read(path))
    except DecodeError as e:
        out.failures.append((name, str(e)))
        return
    except OSError as e:
        out.failures.append((name, e.strerror or str(e)))
        return
    if not text.strip():
        out.failures.append((name, "empty file"))
        return
    if ext in FEED_EXT or (ext not in TEXT_EXT and _looks_like_feed(text)):
        _collect_feed(text, name, out)
        return
    kind = TEXT_EXT.get(ext) or ("html" if _looks_like_html(text) else "text")
    if kind == "text" and _looks_like_html(text):
        kind = "html"
    out.docs.append(RawDocument(origin=str(path.resolve()), content=text, kind=kind))


def _collect_jsonl_file(path: Path, out: Collected) -> None:
    """Read a JSON Lines file a line at a time: only the records' documents are kept."""
    name = str(path)
    seen = [False]  # any line that is not blank

    def decoded(f):
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            seen[0] = True
            try:
                yield n, decode_bytes(raw.removeprefix(b"\xef\xbb\xbf") if n == 1 else raw)
            except DecodeError as e:
                out.failures.append((f"{name}:{n}", str(e)))

    try:
        with open(path, "rb") as f:
            _collect_jsonl(decoded(f), name, out)
    except OSError as e:
        out.failures.append((name, e.strerror or str(e)))
        return
    if not seen[0]:
        out.failures.append((name, "empty file"))


def _collect_jsonl(lines, name: str, out: Collected) -> None:
    for n, line in lines:
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise ValueError("not an object")
        except ValueError as e:
            out.failures.append((f"{name}:{n}", f"not a JSON object ({e})"))
            continue
        body, kind = rec.get("html"), "html"
        if not isinstance(body, str) or not body.strip():
            body, kind = rec.get("text"), "record"
        if not isinstance(body, str) or not body.strip():
            body, kind = rec.get("title"), "record"
        if not isinstance(body, str) or not body.strip():
            out.failures.append((f"{name}:{n}", "no text, html or title"))
            continue
        hints = {k: str(rec[k]) for k in JSONL_FIELDS if rec.get(k) not in (None, "")}
        origin = hints.get("url") or f"{name}:{n}"
        out.docs.append(RawDocument(origin=origin, content=body, kind=kind, hints=hints))


def _collect_stdin(stream, out: Collected) -> None:
    try:
        data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
        text = decode_bytes(data) if isinstance(data, bytes) else data
    except (DecodeError, OSError) as e:
        out.failures.append(("-", str(e)))
        return
    if not text.strip():
        out.failures.append(("-", "standard input was empty"))
        return
    kind = "html" if _looks_like_html(text) else "text"
    digest = hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:12]
    out.docs.append(RawDocument(origin=f"stdin:{digest}", content=text, kind=kind))


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or (
        "<body" in text[:20000].lower() and "</" in head)


def _looks_like_feed(text: str) -> bool:
    try:
        from tui.core.sources import looks_like_feed
    except ImportError:
        return False
    return looks_like_feed(text)


def _collect_feed(text: str, name: str, out: Collected) -> None:
    try:
        from tui.core.sources import parse_feed_file
    except ImportError:
        out.failures.append((name, "feeds are not supported in this build"))
        return
    docs, failures = parse_feed_file(text.encode("utf-8"), origin=name)
    out.docs.extend(docs)
    out.failures.extend(failures)


def _collect_urls(urls: list[str], out: Collected) -> None:
    try:
        from tui.core.sources import resolve_sources
    except ImportError:
        out.failures.extend((u, "fetching URLs is not supported in this build") for u in urls)
        return
    docs, failures = resolve_sources(urls)
    out.docs.extend(docs)
    out.failures.extend(failures)
