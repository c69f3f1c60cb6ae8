"""One document as ingest and ``wiredesk clean`` take it: cleaned, its text and fields made safe.

Kept out of the workspace and the cleaner packages: importing it loads neither (``wiredesk clean``
imports no workspace code; the cleaner loads on the first document).
"""

from __future__ import annotations

import re

from tui.core.model import META_FIELDS, Cleaned, RawDocument
from tui.core.textutil import normalize_ws, safe_line, safe_text

_SANITISED = ("text", "md")  # kinds whose cleaned body ``clean`` gives already sanitised


def clean_doc(doc: RawDocument, furniture=None) -> Cleaned:
    """Cleaned text and metadata; JSON Lines records (kind "record") are taken as the body."""
    from tui.core.clean import clean, detect_lang  # trafilatura...: loaded on first ingest

    h = doc.hints
    if doc.kind == "record":
        body = normalize_ws(safe_text(doc.content))
        first = body.split("\n\n", 1)[0]
        # Hints read as every other kind's are (clean.api._with_hints): one line each, and a
        # date only when it reads as one, then as ISO 8601 (``after:`` compares ISO text).
        line = {k: safe_line(str(h.get(k) or "")).strip() or None for k in META_FIELDS}
        return Cleaned(
            body=body, title=line["title"] or _first_sentence(first), author=line["author"],
            source=line["source"], date=_record_date(line["date"]),
            dateline=line["dateline"], lang=line["lang"] or detect_lang(body),
            summary=line["summary"])
    c = clean(doc, furniture=furniture)
    # A text or Markdown body is made of the sanitised page's own characters, spaces and
    # newlines (``clean`` sanitises such a page first, and its fallback too): no second scan.
    body = c.body if doc.kind in _SANITISED and isinstance(c.body, str) else safe_text(c.body)
    fields = {k: (safe_line(v) if isinstance(v, str) else v)  # (as_dict's, without its copy)
              for k, v in zip(META_FIELDS, map(c.__getattribute__, META_FIELDS))}
    return Cleaned(body=body, **fields)


def record_date(text: str) -> str | None:
    """A JSON Lines record's ``date`` as ``clean_doc`` reads it (ISO 8601), or None."""
    return _record_date(safe_line(text).strip() or None)


def _first_sentence(text: str, limit: int = 120) -> str:
    for stop in (". ", "? ", "! ", "。"):
        i = text.find(stop)
        if 0 < i < limit:
            return text[: i + 1].strip()
    return text[:limit].rsplit(" ", 1)[0] if len(text) > limit else text


_NUMERIC = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?=[T ]|$)")


def _record_date(text: str | None) -> str | None:
    """A record's date as ISO 8601. Numeric dates (``2022``, ``2022-05``,
    ``2014-03-10T16:52:50.698``) keep their precision and a valid time as written (evidence for
    grouping); a day that does not exist is None (``2022-13-45``; ``2021-11-00`` is read as
    ``2021-11``); seconds or milliseconds since 1970 (``1394470370``) as UTC; ``20221011``,
    ``March 2022``, ``2022/10/11`` as a date is typed in a filter; any other form by the
    cleaner's date reader (``Oct 11, 2022``); None when nothing reads as a date."""
    from datetime import UTC, date, datetime

    from tui.core.clean.dates import parse_date
    from tui.core.query_dates import DateError, parse_date_value

    if not text:
        return None
    if text.isdigit() and len(text) in (9, 10, 12, 13):  # a Unix time (JSON exports)
        return datetime.fromtimestamp(int(text[:10]), UTC).isoformat()
    if m := _NUMERIC.match(text):
        year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        if month == 0 or day == 0:  # "2021-11-00", "2021-00-00": the day (month) not known
            return (f"{year:04d}-{month:02d}" if month else f"{year:04d}") if year else None
        try:
            date(year, month, day)
        except ValueError:
            return None
        day_part = f"{year:04d}" + (f"-{month:02d}" if m[2] else "")
        day_part += f"-{day:02d}" if m[3] else ""
        rest = text[m.end():]
        if m[3] and rest:
            try:  # a time kept as written when it is one ("T16:52:50.698000", " 09:00:00Z")
                datetime.fromisoformat(day_part + rest)
                return day_part + rest
            except ValueError:
                pass
        return day_part
    try:
        return parse_date_value(text)
    except DateError:
        return parse_date(text)
