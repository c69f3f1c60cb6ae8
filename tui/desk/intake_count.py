"""The articles the files of an ingest preview hold, counted before the ingest (no Textual).

Only regular files are opened (a named pipe, a device or a link to one is never read), and at
most FILE_BYTES of one file and COUNT_BYTES in all are read. A feed is counted with a streaming
XML parser, as the ingest (feedparser) reads it: the ``item`` and ``entry`` elements that hold a
text (the ingest refuses one with a title alone, and says so), with no namespace or one the
parser takes as plain RSS / Atom. A JSON Lines file is counted by its records that parse as
JSON objects with a text (or an empty text and a title), as the ingest takes them. A file that
cannot be counted exactly (malformed XML, which the ingest's parser may still read; a feed root
or an entry in a namespace not known here; a ``.json`` file) is named "not counted", never
given a number that may be wrong.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any
from xml.parsers import expat

FILE_BYTES = 2_000_000  # bytes of one feed or JSON Lines file read at most to count it
COUNT_BYTES = 8_000_000  # bytes read at most in all (then the files left are "not counted")
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
# The namespaces whose elements feedparser takes by their plain names (its ``namespaces`` that
# map to ""), and "?": a prefix never declared (the element taken by its local name).
_PLAIN = {
    "",
    "?",
    "http://blogs.law.harvard.edu/tech/rss",
    "http://purl.org/rss/1.0/",
    "http://my.netscape.com/rdf/simple/0.9/",
    "http://example.com/newformat#",
    "http://example.com/necho",
    "http://purl.org/echo/",
    "uri/of/echo/namespace#",
    "http://purl.org/pie/",
    "http://purl.org/atom/ns#",
    "http://www.w3.org/2005/atom",
    "http://purl.org/rss/1.0/modules/rss091#",
}
_FILLED = {"description", "summary", "content", "encoded"}  # an entry's text (else refused)


class Holders:
    """The feeds and JSON Lines files met so far, and the articles counted in them."""

    def __init__(self) -> None:
        from tui.core.ingest import FEED_EXT, JSONL_EXT  # noqa: PLC0415

        self.feeds, self.jsonl = FEED_EXT, JSONL_EXT
        self.holders = self.items = 0
        self.too_big = 0  # over FILE_BYTES: not read
        self.uncounted = 0  # not a regular file, unreadable, past the budget, not exact
        self.budget = COUNT_BYTES

    def add(self, path: Path) -> None:
        suffix = path.suffix.lower()
        if suffix not in self.feeds and suffix not in self.jsonl:
            return
        self.holders += 1
        if suffix == ".json":  # (a JSON Feed or an array of records: no cheap exact count)
            self.uncounted += 1
            return
        try:
            st = os.stat(path)  # (follows a link: what it points to)
        except OSError:  # a broken link, no permission
            self.uncounted += 1
            return
        if not stat.S_ISREG(st.st_mode):  # a named pipe, a device: never opened
            self.uncounted += 1
            return
        if st.st_size > FILE_BYTES:
            self.too_big += 1
            return
        if st.st_size > self.budget:
            self.uncounted += 1
            return
        data = _read(path, min(FILE_BYTES, self.budget))
        if data is None:
            self.uncounted += 1
            return
        if len(data) > FILE_BYTES:  # (it grew since its stat)
            self.too_big += 1
            return
        self.budget -= len(data)
        found = _lines(data) if suffix in self.jsonl else _entries(data)
        if found is None:  # (not a feed: the ingest names it so; no articles here)
            self.holders -= 1
        elif found < 0:
            self.uncounted += 1
        else:
            self.items += found

    def counts(self) -> dict[str, Any]:  # (Look's last fields)
        return {
            "holders": self.holders,
            "items": self.items,
            "too_big": self.too_big,
            "uncounted": self.uncounted,
        }


def _read(path: Path, limit: int) -> bytes | None:
    """At most ``limit`` + 1 bytes of ``path`` if it is a regular file (else None)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # (swapped since its stat)
            return None
        chunks, left = [], limit + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 16))):
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def _lines(data: bytes) -> int:
    """The records of a JSON Lines file the ingest takes (``ingest._collect_record``): a JSON
    object whose first text key present holds text, or with an empty text and a title; -1: a
    line not UTF-8 (the ingest may still read it: no number that may be wrong)."""
    from tui.core.decode import loads_json  # noqa: PLC0415
    from tui.core.ingest import BODY_KEYS  # noqa: PLC0415

    taken = 0
    for n, raw in enumerate(data.split(b"\n")):
        if not raw.strip():
            continue
        try:
            text = (raw.removeprefix(b"\xef\xbb\xbf") if n == 0 else raw).decode("utf-8")
        except UnicodeDecodeError:
            return -1
        try:
            rec = loads_json(text)
        except (ValueError, RecursionError):  # (not JSON: the ingest names it a failure)
            continue
        taken += isinstance(rec, dict) and _has_text(rec, BODY_KEYS)
    return taken


def _has_text(rec: dict[str, Any], keys: tuple[str, ...]) -> bool:
    emptied = False
    for key in keys:
        value = rec.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            emptied = emptied or isinstance(value, str)
            continue
        return isinstance(value, str)  # (a text key that is not text: the record refused)
    title = rec.get("title")
    return emptied and isinstance(title, str) and bool(title.strip())


def _entries(data: bytes) -> int | None:
    """The entries of an RSS or Atom feed; None: not a feed; -1: no exact count (bad XML)."""
    try:
        return _parse(data, spaced=True)
    except _Unbound:  # (a prefix never declared: ``<rdf:RDF>`` alone; read by its names)
        return _parse(data, spaced=False)


class _Unbound(Exception):
    pass


def _parse(data: bytes, *, spaced: bool) -> int | None:
    """``spaced``: names with their namespaces (else "prefix:local", the namespace unknown)."""
    parser = expat.ParserCreate(namespace_separator=" " if spaced else None)
    state: dict[str, Any] = {"root": None, "depth": 0, "entry": 0, "filled": False, "n": 0}
    state["odd"] = False  # an entry (or a feed root) read here otherwise than by feedparser
    part: list[int] = []  # the depth of an entry's part being read (its text fills it)

    def start(name: str, attrs: dict[str, str]) -> None:
        uri, _, local = name.rpartition(" ") if spaced else ("?", "", name.rpartition(":")[2])
        state["depth"] += 1
        if state["root"] is None:
            state["root"] = (uri, local)
        elif state["entry"] and local in _FILLED:
            part.append(state["depth"])
        elif not state["entry"] and local.lower() in ("item", "entry"):
            if uri.lower() not in _PLAIN and "backend.userland.com/rss" not in uri.lower():
                state["odd"] = True  # (feedparser may take it or not: its prefix decides)
            elif local not in ("item", "entry"):
                state["odd"] = True  # (``<Item>``: feedparser lowers the name, expat does not)
            else:
                state["entry"], state["filled"] = state["depth"], False

    def end(name: str) -> None:
        if part and part[-1] == state["depth"]:
            part.pop()
        if state["entry"] == state["depth"]:
            state["n"] += state["filled"]
            state["entry"] = 0
        state["depth"] -= 1

    def text(data: str) -> None:
        if part and data.strip():
            state["filled"] = True

    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except expat.ExpatError as e:
        if spaced and e.code == expat.errors.codes[expat.errors.XML_ERROR_UNBOUND_PREFIX]:
            raise _Unbound from None
        return -1  # (the ingest's parser may still read it: no number that may be wrong)
    except (ValueError, RecursionError):  # (a parser's own limits)
        return -1  # (the ingest's parser may still read it: no number that may be wrong)
    if state["root"] is None or state["root"][1] not in ("rss", "RDF", "feed"):
        return None
    return -1 if state["odd"] or not _known_root(*state["root"]) else int(state["n"])


def _known_root(uri: str, local: str) -> bool:
    """A feed root in a namespace feedparser reads as RSS / RDF / Atom (else "not counted")."""
    known = _PLAIN | {_RDF.lower()} if local == "RDF" else _PLAIN
    return uri.lower() in known or "backend.userland.com/rss" in uri.lower()
