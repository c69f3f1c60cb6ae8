"""What ingest says of documents it took in whole but whose body will not hold everything
they carry: a Wiredesk export's own keys in Markdown front matter, documents too long to
clean whole, and terminal escape sequences (removed, never obeyed). Each is a warning of the
ingest report, by file (never a silent loss)."""

from __future__ import annotations

from tui.core.model import RawDocument

Warnings = list[tuple[str, str]]  # (source, what was left)

CUT_CHECK = 3_000_000  # characters: no shorter document is cut by cleaning (clean.api.cut_note)


def name_export_keys(text: str, name: str, warnings: Warnings) -> None:
    """A Wiredesk export's front matter (``export --split``) holds the article's id, origin,
    story, tags and flags: none is applied to the file taken in (a new article), each named."""
    from tui.core.clean.markdown import export_keys

    if keys := export_keys(text):
        shown = "; ".join(keys)  # (whole: the report is the only place they are kept)
        warnings.append(
            (
                name,
                f"Wiredesk export keys not applied: {shown} (taken in as "
                "an article of its own: its story, tags and flags are not copied)",
            )
        )


def name_left(docs: list[RawDocument], warnings: Warnings) -> None:
    """What the bodies of ``docs`` will not hold: cuts (``name_cuts``), then escape sequences
    (``name_escapes``), each a warning by file."""
    name_cuts(docs, warnings)
    name_escapes(docs, warnings)


def name_cuts(docs: list[RawDocument], warnings: Warnings) -> None:
    """Documents too long to clean whole, named with what their bodies leave out."""
    for doc in docs:
        if len(doc.content) <= CUT_CHECK:
            continue  # (nearly every document: the cleaner is not loaded for it)
        from tui.core.clean.api import cut_note

        if note := cut_note(doc):
            where = doc.hints.get("where") if isinstance(doc.hints, dict) else None
            warnings.append((str(where or doc.origin), note))


def name_escapes(docs: list[RawDocument], warnings: Warnings) -> None:
    """Documents holding terminal escape sequences (colours, window titles, hyperlinks), named
    with how many the body goes without, one warning a file (``Escapes``)."""
    left = Escapes(warnings)
    for doc in docs:
        left.add(doc)
    left.flush()


class Escapes:
    """The terminal escape sequences of documents, told by file: they are never obeyed, and
    a hyperlink's URL is kept in the body as text, "text (URL)" (``safe_text.terminal_links``);
    a URL that is not (a link never closed) is named as dropped. The records of a JSON Lines
    file or the items of a feed are one file: one warning with their totals, not one a
    record. ``add`` returns the document (``map(left.add, docs)``); ``flush`` writes the
    warnings, in the order the files came."""

    def __init__(self, warnings: Warnings) -> None:
        self.warnings = warnings
        self.files: dict[str, list[int]] = {}  # file -> [documents, sequences, links, kept]
        self.where: dict[str, str] = {}  # file -> its one document's name (while it has one)
        self.fields: dict[str, dict[str, list[int]]] = {}  # file -> place -> [sequences, docs]
        self.seen: set[tuple[str, str, str]] = set()  # a feed's own (file, key, text), once

    def add(self, doc: RawDocument) -> RawDocument:
        from tui.core.safe_text import OSC8, OSC8_OPEN, escapes, sanitize

        content = doc.content if isinstance(doc.content, str) else ""
        hints = doc.hints if isinstance(doc.hints, dict) else {}
        rest = content  # the body, less each field it repeats (once a field's occurrence)
        fields = {}  # place -> sequences (a title, an author: removed as from the body)
        for k, v in hints.items():
            if k in _NOT_SHOWN or not isinstance(v, str) or not (c := escapes(v)):
                continue
            # A title the text is made of is counted once, as the title: its one occurrence
            # leaves the body's count (a second field of the same text finds none left; a
            # field of sequences alone, no text, is found in any body and is not its text).
            if sanitize(v).strip() and v in rest:
                if k == "summary":
                    continue  # (a feed item's teaser is its body)
                rest = rest.replace(v, "\n", 1)
            fields[_place(k, hints)] = c
        n = escapes(rest)
        if not n and not fields:
            return doc  # (nearly every document)
        where = str(hints.get("where") or doc.origin)
        name = _file_of(where, hints)
        if isinstance(hints.get("feed"), str):  # the feed's title, in every item
            for k in [k for k in fields if k in _FEEDS_OWN]:
                if (name, k, hints[_FEEDS_OWN[k]]) in self.seen:
                    del fields[k]  # (counted with the first item)
                self.seen.add((name, k, hints[_FEEDS_OWN[k]]))
        own = n > 0 or any(k not in _FEEDS_OWN for k in fields)  # (an item's own sequences)
        links = kept = 0
        if "\x1b]8;" in content:
            links = sum(1 for _ in OSC8_OPEN.finditer(content))
            kept = sum(1 for _ in OSC8.finditer(content))
        tally = self.files.setdefault(name, [0, 0, 0, 0])
        for i, v in enumerate((int(own), n + sum(fields.values()), links, kept)):
            tally[i] += v
        told = self.fields.setdefault(name, {})
        if n:
            fields = {"body": n, **fields}
        for k, c in fields.items():
            t = told.setdefault(k, [0, 0])
            t[0], t[1] = t[0] + c, t[1] + 1
        if own:
            self.where[name] = where
        return doc

    def flush(self) -> None:
        for name, (docs, n, links, kept) in self.files.items():
            if not n:
                continue  # (a feed's own sequences, counted with an earlier item)
            said = f"{n} terminal escape sequence{'s' * (n != 1)} removed (never obeyed)"
            if docs > 1:
                said += f" from {docs} {'items' if ' item ' in self.where[name] else 'records'}"
            if set(places := self.fields.get(name) or {}) - {"body"}:  # (the body's alone: no
                said += f" ({_in_places(places)})"  # parenthesis, as before)
            if kept:
                said += f"; {kept} terminal link{'s' * (kept != 1)} kept as text (URL)"
            if links > kept:
                lost = links - kept
                urls = "1 terminal link's URL" if lost == 1 else f"{lost} terminal links' URLs"
                said += f"; {urls} dropped (the link never closed)"
            # (a feed's own places in the count are the file's, not the one item's)
            one = docs == 1 and not set(places).intersection(_FEEDS_OWN)
            self.warnings.append((self.where[name] if one else name, said))
        self.files.clear()
        self.where.clear()
        self.fields.clear()
        self.seen.clear()


# Hints that name the file, not the article, and where an item's author comes from.
_NOT_SHOWN = frozenset({"where", "feed", "author_from"})
# A feed's own place -> its hint in every item: the channel's title (every item's source),
# the feed's author (an Atom or JSON feed's, inherited by each entry without its own)
_FEEDS_OWN = {"feed title": "source", "feed author": "author"}
_PLACES = {"date_raw": "date"}  # an internal key -> the field the user wrote
_PLURAL = {"body": "bodies", "summary": "summaries"}
_ORDER = ("body", "title", "author")


def _place(key: str, hints: dict) -> str:
    """Where a hint's text was, as the user wrote it: "title", "date", a feed's "feed title"."""
    if isinstance(hints.get("feed"), str) and key == "source":
        return "feed title"  # (the channel's <title>: every item's source)
    if isinstance(hints.get("feed"), str) and key == "author" and hints.get("author_from"):
        return "feed author"  # (the feed's <author>, inherited by the entry)
    return _PLACES.get(key, key)


def _in_places(places: dict[str, list[int]]) -> str:
    """Where sequences were: "2 in bodies, 2 in titles, 1 in the author" (a place of one
    document is "the" place, of several the plural)."""
    order = sorted(places, key=lambda k: (_ORDER.index(k) if k in _ORDER else 9, k))
    return ", ".join(
        f"{places[k][0]} in " + (f"the {k}" if places[k][1] == 1 else _PLURAL.get(k, k + "s"))
        for k in order
    )


def _file_of(where: str, hints: dict) -> str:
    """The file a document came from: a record's ``PATH:N`` and a feed item's ``PATH item N``
    are of ``PATH`` (a file's own name otherwise)."""
    head, sep, n = where.rpartition(" item ")
    if sep and n.isdigit() and isinstance(hints.get("feed"), str):
        return head
    head, sep, n = where.rpartition(":")
    return head if sep and head and n.isdigit() else where
