"""From command-line sources to documents: files, folders, globs, JSON Lines, stdin, URLs.

:func:`collect` turns what the user named into :class:`RawDocument` objects, reporting every
source it cannot read (by name, with the reason) and going on with the rest.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.cleaning import record_date
from tui.core.decode import MAX_BYTES, DecodeError, decode_bytes, file_error, loads_json
from tui.core.ingest_feed import collect_feed as _collect_feed
from tui.core.ingest_feed import url_date_warnings
from tui.core.ingest_json import array_records
from tui.core.ingest_notes import Escapes, name_cuts, name_export_keys, name_left
from tui.core.ingest_walk import walk
from tui.core.model import DocKind, RawDocument
from tui.core.sources.reading import iter_lines, limit_text, read_path, read_stream
from tui.core.userpath import is_pattern, user_path

TEXT_EXT: dict[str, DocKind] = {".txt": "text", ".text": "text", ".md": "md", ".markdown": "md",
                                 ".html": "html", ".htm": "html", ".xhtml": "html", ".eml": "text"}
FEED_EXT = {".xml", ".rss", ".atom", ".rdf", ".json"}
JSONL_EXT = {".jsonl", ".ndjson"}
EMPTY_FILE = "empty file"  # the reason given for a file with no text (clean keeps it as empty)
JSONL_FIELDS = ("title", "date", "source", "author", "lang", "summary", "url", "dateline")
BODY_KEYS = ("html", "text", "body", "content")  # the first found is the record's text
ARTICLE_KEYS = (*BODY_KEYS, "title")  # a JSON array is of records when an object has one
# Also read: `origin` (what `clean --json` writes: the file it cleaned), when there is no url.
READ_KEYS = frozenset(BODY_KEYS + JSONL_FIELDS + ("origin",))
_HTML_BLOCK = re.compile(r"<(?:p|div|br|h[1-6]|ul|ol|li|article|section|body|html|table|"
                         r"blockquote)\b[^<>]*>", re.IGNORECASE)


@dataclass
class Collected:
    docs: list[RawDocument] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # read, but something left


def collect(sources: list[str], *, stdin=None) -> Collected:
    out = Collected()
    for src in sources:
        if src == "-":
            _collect_stdin(stdin or sys.stdin, out)
        elif src.startswith(("http://", "https://")):
            _collect_urls([src], out)
        else:
            for path in expand(src, out):
                _collect_file(path, out)
    name_left(out.docs, out.warnings)
    return out


def streamable(sources: list[str]) -> bool:
    """Whether every source is a JSON Lines file (a collection read record by record, which
    :func:`stream` can hand on without holding them all)."""
    return bool(sources) and all(
        Path(s).suffix.lower() in JSONL_EXT and user_path(s).is_file() for s in sources)


def stream(sources: list[str]) -> tuple[Collected, Iterator[RawDocument]]:
    """As :func:`collect` for JSON Lines files, one record at a time: the documents come from
    the iterator as the files are read (a dump of a million records is never held whole, and
    no size limit applies to the file), and the failures and warnings are added to the
    returned ``Collected`` as they are met (all of them once the iterator is spent, in the
    order :func:`collect` gives)."""
    out = Collected()

    def docs() -> Iterator[RawDocument]:
        for src in sources:
            for path in expand(src, out):
                if path.suffix.lower() in JSONL_EXT and path.is_file():
                    left = Escapes(out.warnings)  # (told once for the file, its totals)
                    for doc in _jsonl_docs(path, out, total_limit=False):
                        name_cuts([doc], out.warnings)
                        yield left.add(doc)
                    left.flush()
                else:
                    _collect_file(path, out)
                    name_left(out.docs, out.warnings)
                    yield from out.docs
                    out.docs.clear()

    return out, docs()


def expand(src: str, out: Collected) -> Iterator[Path]:
    p = user_path(src)
    if p.is_dir():
        yield from _walk(p, out)
    elif p.exists() or p.is_symlink():
        yield p
    elif is_pattern(src):
        import glob  # (imported when a pattern comes: `clean`'s start-up is per batch of files)

        hits = sorted(glob.glob(os.path.expanduser(src), recursive=True))
        if not hits:
            out.failures.append((src, "no file matches this pattern"))
        dirs = {Path(h) for h in hits if os.path.isdir(h)}  # `**` names folders and their files:
        for hp in (Path(h) for h in hits if dirs.isdisjoint(Path(h).parents)):  # walked, once
            yield from (_walk(hp, out) if hp.is_dir() else [hp])
    else:
        out.failures.append((src, "no such file or folder"))


def _walk(folder: Path, out: Collected) -> Iterator[Path]:
    """Files below ``folder`` in a stable order (see :func:`tui.core.ingest_walk.walk`)."""
    readable = TEXT_EXT.keys() | JSONL_EXT | FEED_EXT
    return walk(folder, readable, out.failures, out.warnings)


def _collect_file(path: Path, out: Collected) -> None:
    name = str(path)
    ext = path.suffix.lower()
    try:
        if path.is_dir():
            return
        if ext in JSONL_EXT:  # a collection: read record by record
            _collect_jsonl_file(path, out)
            return
        text = decode_bytes(read_path(path))
    except DecodeError as e:
        out.failures.append((name, file_error(e, name)))
        return
    except OSError as e:
        out.failures.append((name, e.strerror or str(e)))
        return
    if not text or text.isspace():  # (as ``not text.strip()``, without copying the text)
        out.failures.append((name, EMPTY_FILE))
        return
    if ext in FEED_EXT and (records := array_records(text, ARTICLE_KEYS)) is not None:
        _collect_records(records, name, name, out,  # a JSON array of records: as JSON Lines
                         origins=str(path.resolve()))
        return
    if ext in FEED_EXT or (ext not in TEXT_EXT and _looks_like_feed(text)):
        _collect_feed(text, name, out, str(path.resolve()))
        return
    kind: DocKind = TEXT_EXT.get(ext) or ("html" if _looks_like_html(text) else "text")
    if kind == "text" and _looks_like_html(text):
        kind = "html"
    if kind == "md" and text.startswith("---"):
        name_export_keys(text, name, out.warnings)
    out.docs.append(RawDocument(origin=str(path.resolve()), content=text, kind=kind,
                                hints={"where": name}))


def _collect_records(lines: list[str], where: str, name: str, out: Collected,
                     origins: str | None = None) -> None:
    """Records, one JSON object a line, record N named ``where:N`` (and, without a url of its
    own, its origin ``origins:N``, else ``where:N``); warnings under ``name``."""
    tally = _Tally()
    for n, line in enumerate(lines, 1):
        doc = line.strip() and _collect_record(line, f"{where}:{n}", out, tally,
                                               f"{origins or where}:{n}")
        if doc:
            out.docs.append(doc)
    out.warnings.extend((name, w) for w in tally.warnings())


def _collect_jsonl_file(path: Path, out: Collected) -> None:
    out.docs.extend(_jsonl_docs(path, out))


def _jsonl_docs(path: Path, out: Collected, *, total_limit: bool = True
                ) -> Iterator[RawDocument]:
    """Read a JSON Lines file a line at a time (each line bounded), yielding the records'
    documents (failures go to ``out``). Keys the records hold that Wiredesk does not read, and
    records whose text is empty (their title is taken as the text), are named once for the
    file. ``total_limit``: stop at ``MAX_COLLECTION_BYTES`` (False: no limit, for a reader
    that does not hold the documents)."""
    name = str(path)
    origins = os.path.realpath(name)  # (as a file's origin: the same from any directory)
    seen = False  # any line that is not blank
    tally = _Tally()
    try:
        lines = iter_lines(path) if total_limit else iter_lines(path, total_limit=1 << 62)
        for n, raw in lines:
            if raw is None:
                seen = True
                out.failures.append((f"{name}:{n}", (f"line too long (over the "
                                     f"{limit_text(MAX_BYTES)} limit for one record); skipped")))
                continue
            if not raw.strip():
                continue
            seen = True
            try:
                line = decode_bytes(raw.removeprefix(b"\xef\xbb\xbf") if n == 1 else raw)
            except DecodeError as e:
                out.failures.append((f"{name}:{n}", str(e)))
                continue
            doc = _collect_record(line, f"{name}:{n}", out, tally, f"{origins}:{n}")
            if doc is not None:
                yield doc
    except DecodeError as e:  # stopped by the size limit or an idle stream
        out.failures.append((name, str(e)))
    except OSError as e:
        out.failures.append((name, e.strerror or str(e)))
        return
    if not seen:
        out.failures.append((name, EMPTY_FILE))
    out.warnings.extend((name, w) for w in tally.warnings())


@dataclass
class _Tally:
    """What one JSON Lines file's records left unread, said once for the file."""

    unread: dict[str, int] = field(default_factory=dict)  # key -> records holding it
    titled: list[str] = field(default_factory=list)  # lines whose title is taken as the text
    undated: list[str] = field(default_factory=list)  # lines whose "date" reads as no date

    def warnings(self) -> list[str]:
        out = []
        if self.titled:
            n = len(self.titled)
            lines = ", ".join(self.titled[:10]) + (", ..." if n > 10 else "")
            out.append(f"{n} record{'s' * (n != 1)} with an empty text: the title is taken as "
                       f"the text (line{'s' * (n != 1)} {lines})")
        if n := len(self.undated):  # (never a silent loss: the record is kept, its date not)
            lines = ", ".join(self.undated[:10]) + (", ..." if n > 10 else "")
            out.append(f"{n} record{'s' * (n != 1)} with a 'date' that is not a date: taken "
                       f"without one (line{'s' * (n != 1)} {lines})")
        if self.unread:
            keys = ", ".join(f"{k} ({c} record{'s' * (c != 1)})"
                             for k, c in sorted(self.unread.items()))
            out.append(f"keys not read: {keys}; Wiredesk reads the text from "
                       f"{', '.join(BODY_KEYS)}, and {', '.join(JSONL_FIELDS)}")
        return out


def _collect_record(line: str, where: str, out: Collected, tally: _Tally,
                    fallback: str | None = None) -> RawDocument | None:
    try:
        rec = loads_json(line)
    except ValueError as e:
        why = "a number too long to read" if "integer string conversion" in str(e) else _short(e)
        out.failures.append((where, f"not a JSON object ({why})"))
        return None
    if not isinstance(rec, dict):
        out.failures.append((where, f"not a JSON object (a JSON {_json_type(rec)})"))
        return None
    body: str | None = None
    kind: DocKind = "record"  # set together with body
    emptied = False  # a text key present but empty: a headline-only record
    for key in BODY_KEYS:
        value = rec.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            emptied = emptied or isinstance(value, str)
            continue
        if not isinstance(value, str):
            out.failures.append((where, (f"{key!r} is {_json_type(value, article=True)}, "
                                 "not text; record skipped")))
            return None
        body, kind = value, _record_kind(key, value)
        break
    title = rec.get("title")
    if body is None and emptied and isinstance(title, str) and title.strip():
        body, kind = title, "record"  # said once for the file (headline collections)
        tally.titled.append(where.rpartition(":")[2])
    if body is None:
        keys = ", ".join(repr(k) for k in list(rec)[:8]) or "none"
        out.failures.append((where, f"no text: none of {', '.join(BODY_KEYS)} (keys: {keys})"))
        return None
    hints: dict[str, str] = {"where": where}
    for k in JSONL_FIELDS:
        sep = " " if k in _ONE_LINE else ", "
        value = _hint(rec.get(k), sep)
        if value is None and rec.get(k) not in (None, "", []):
            out.warnings.append((where, (f"{k!r} ignored: {_json_type(rec[k], article=True)}, "
                                 "not text")))
        elif value:
            hints[k] = value
            listed = isinstance(rec[k], list)  # (several authors, a Unix time: as README
            if not isinstance(rec[k], str) and (k, listed) not in _SAID:  # says; else named)
                how = f"joined with {_SEPS[sep]}" if listed else "read as text"
                out.warnings.append((where, (f"{k!r} is {_json_type(rec[k], article=True)}, "
                                     f"not text: {how} ({value[:80]!r})")))
    if "date" in hints and not record_date(hints["date"]):
        tally.undated.append(where.rpartition(":")[2])
    for k, v in rec.items():
        if k not in READ_KEYS and v not in (None, "", [], {}):
            tally.unread[k] = tally.unread.get(k, 0) + 1
    own = rec.get("origin")
    origin = hints.get("url") or (own.strip() if isinstance(own, str) and own.strip()
                                  else fallback or where)
    return RawDocument(origin=origin, content=body, kind=kind, hints=hints)


def _record_kind(key: str, value: str) -> DocKind:
    """``html`` holds a page; ``body`` and ``content`` hold a page when they have markup (a
    feed's or a CMS's export), else text taken as it is."""
    if key == "html" or (key in ("body", "content") and _HTML_BLOCK.search(value[:65536])):
        return "html"
    return "record"


_ONE_LINE = ("title", "summary", "dateline")  # a list of strings is one text: joined by spaces
_SEPS = {" ": "spaces", ", ": "commas"}  # how a list of strings was joined, in a warning
_SAID = (("author", True), ("date", False))  # README's: several authors, a Unix time


def _hint(value, sep: str = ", ") -> str | None:
    """A metadata value as text: strings, finite numbers and lists of strings (several
    authors), joined by ``sep``."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):  # (NaN, 1e400: no number to read, "ignored")
        return str(value) if float("-inf") < value < float("inf") else None
    if isinstance(value, list) and value and all(isinstance(x, str) for x in value):
        return sep.join(x.strip() for x in value if x.strip())
    return None


def _json_type(value, article: bool = False) -> str:
    name = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)
    if not article:
        return name
    return ("an " if name[0] in "aeiou" else "a ") + name


def _short(e: Exception, limit: int = 120) -> str:
    text = " ".join(str(e).split())
    return text if len(text) <= limit else text[:limit] + "..."


def _collect_stdin(stream, out: Collected) -> None:
    try:
        data = read_stream(stream)
        text = decode_bytes(data) if isinstance(data, bytes) else data
    except (DecodeError, OSError) as e:
        out.failures.append(("-", f"standard input: {e.strerror if isinstance(e, OSError) else e}"))
        return
    if not text.strip():
        out.failures.append(("-", "standard input was empty"))
        return
    import hashlib  # (only standard input needs it)

    digest = hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:12]
    if _looks_like_feed(text):  # `curl URL | wiredesk ingest -`: read as a file would be
        _collect_feed(text, "-", out)
        return
    lines = text.split("\n") if _looks_like_jsonl(text) else array_records(text, ARTICLE_KEYS)
    if lines is not None:  # (not splitlines: U+2028 is text) named `-:LINE`, kept apart
        _collect_records(lines, "-", "-", out, origins=f"stdin:{digest}")  # by their origins
        return
    kind: DocKind = "html" if _looks_like_html(text) else "text"
    out.docs.append(RawDocument(origin=f"stdin:{digest}", content=text, kind=kind))


def _looks_like_jsonl(text: str) -> bool:
    """The first line that is not blank is a JSON object: JSON Lines, as a .jsonl file is."""
    first = text.lstrip().partition("\n")[0]
    if not first.startswith("{"):
        return False
    try:
        return isinstance(loads_json(first), dict)
    except ValueError:
        return False


def _looks_like_html(text: str) -> bool:
    from tui.core.clean.mail import head_end, opens_like_mail

    top = text[:65536]
    # (the text split into lines only when its first line that is not blank may be a header)
    if opens_like_mail(top) and head_end(top.split("\n")):
        return False  # an e-mail (its HTML part is read by the text cleaner's mail reader)
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or (
        "</" in head and "<body" in text[:20000].lower())  # (the short test first)


# The sources (lxml, feedparser, httpx) load when a feed or a URL is met, not with ingest.
def _looks_like_feed(text: str) -> bool:
    from tui.core.sources import looks_like_feed

    return looks_like_feed(text)


def _collect_urls(urls: list[str], out: Collected) -> None:
    from tui.core.sources import resolve_sources

    docs, failures = resolve_sources(urls)
    out.docs.extend(docs)
    out.failures.extend(failures)
    out.warnings.extend(url_date_warnings(docs))
    for doc in docs:  # (a Markdown page fetched: as a file is read)
        if doc.kind == "md" and doc.content.startswith("---"):
            name_export_keys(doc.content, doc.origin, out.warnings)
