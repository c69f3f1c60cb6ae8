"""A feed entry's date as ISO 8601: RFC 822 or ISO 8601 as written, else feedparser's reading
when it says what is written (no date invented: ``2022-13-45`` is none); and the date as
written (``written_date``), for saying which one could not be taken (never a silent loss)."""

from __future__ import annotations

import calendar
import email.utils
import json
import re
from datetime import UTC, date, datetime

_NUMERIC_DATE = re.compile(
    r"\b(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?"
)


def iso_date(value: str | None) -> str | None:
    """An RFC 822 or ISO 8601 date string as ISO 8601, keeping its offset; None if unreadable."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is None and len(value) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


WRITTEN_CHARS = 80  # a written date longer than this is shown cut


def written_date(entry, keys: tuple[str, ...] = ("published", "updated", "created")) -> str | None:
    """The first of ``keys`` an entry holds a date under, as written (one line), or None. A
    value that is no string (a JSON Feed's ``1665478800``, ``{...}``) is written as JSON."""
    for key in keys:
        value = entry.get(key)
        if isinstance(value, str):
            text = " ".join(value.split())
        elif value is not None:
            text = json.dumps(value, ensure_ascii=False, default=str)
        else:
            continue
        if text:
            return text if len(text) <= WRITTEN_CHARS else text[: WRITTEN_CHARS - 3] + "..."
    return None


def xml_date(entry) -> str | None:
    for key in ("published", "updated", "created"):
        iso = iso_date(entry.get(key))
        if iso:
            return iso
    for key in ("published", "updated", "created"):
        iso = _lenient_date(entry.get(key), entry.get(f"{key}_parsed"))
        if iso:
            return iso
    return None


def _lenient_date(value, parsed) -> str | None:
    """feedparser's reading of a date :func:`iso_date` could not read (``10 Oct 2022``), kept only
    when it says what is written: feedparser rolls ``2022-13-45`` over to 2023-01-01 and makes
    ``0000-00-00`` (a common "no date") the year -1, which no date can hold."""
    if not parsed or not isinstance(value, str) or not _written_ok(value):
        return None
    try:
        at = datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (ValueError, OverflowError, OSError):
        return None
    if str(at.year) not in _written_years(value, at.year):
        return None
    if re.fullmatch(r"\d{4}(?:-\d{2})?", value.strip()):  # a year or month: no day invented
        return value.strip()
    return at.isoformat() if ":" in value else at.date().isoformat()


def _written_years(value: str, year: int) -> list[str]:
    """The four-digit years written in ``value`` (not within a longer number: ``1665478800``),
    else an RFC 822 two-digit year (``11 Oct 22``) in feedparser's century."""
    years = re.findall(r"(?<!\d)\d{4}(?!\d)", value)
    short = re.findall(r"\d [A-Za-z]{3,9}\.? (\d{2})\b", value)
    return years or [f"{year // 100}{yy}" for yy in short]


def _written_ok(value: str) -> bool:
    """False when a numeric date or time written in ``value`` is out of range."""
    for match in _NUMERIC_DATE.finditer(value):
        year, month, day, hour, minute, second = match.groups()
        try:
            date(int(year), int(month), int(day or 1))
        except ValueError:
            return False
        if hour is not None and (int(hour) > 24 or int(minute) > 59 or int(second or 0) > 60):
            return False
    return True
