"""Dates typed by a person in a filter (``after:``, ``before:``, ``export --from/--to``).

A date is parsed as a date, never compared as a string: ``2022-13-45`` is an error that says
what is wrong and the nearest valid date. Accepted forms (the result keeps the precision given,
so ``after:2022-10`` means from the first of October)::

    2022   2022-10   2022-10-11   2022/10/11   2022.10.11   20221011
    11 Oct 2022   11 October 2022   Oct 11, 2022   October 2022   Oct 2022
    11/10/2022 or 10/11/2022 only when the day is over 12 (else ambiguous: an error)
    a date-time (2022-10-11T09:30:00+09:00) is taken as its date
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

# (matched against lower-cased text: "t" and "z" of a date-time)
_NUMERIC = re.compile(r"(?P<y>\d{4})(?:(?P<s>[-/.])(?P<m>\d{1,2})(?:(?P=s)(?P<d>\d{1,2}))?)?"
                      r"(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?")
_COMPACT = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})")
_DAY_FIRST = re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th|\.)?\s+(?P<mon>[a-z]+)\.?,?\s+(?P<y>\d{4})")
_MONTH_FIRST = re.compile(r"(?P<mon>[a-z]+)\.?\s+(?:(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+)?"
                          r"(?P<y>\d{4})")
_SLASHED = re.compile(r"(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4})")
FORMS = "YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2022-10-11), or 11 Oct 2022"


class DateError(ValueError):
    """A value that is not a date; the message names it and the nearest valid date."""


def parse_date_value(value: str, name: str = "date") -> str:
    """``value`` as ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; :class:`DateError` otherwise.

    ``name`` is how the user wrote the field (``after:``, ``--from``), for the message."""
    text = " ".join(value.strip().lower().split())
    shown = value if len(value) <= 40 else value[:39] + "…"
    m = _NUMERIC.fullmatch(text) or _COMPACT.fullmatch(text)
    if m:
        return _check(name, shown, int(m["y"]), _int(m["m"]), _int(m["d"]))
    m = _DAY_FIRST.fullmatch(text) or _MONTH_FIRST.fullmatch(text)
    if m:
        month = MONTHS.get(m["mon"])
        if month is None:
            raise DateError(f"{name} {shown!r} is not a date: {m['mon']!r} is not a month "
                            f"name; write {FORMS}")
        return _check(name, shown, int(m["y"]), month, _int(m["d"]))
    m = _SLASHED.fullmatch(text)
    if m:
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        if a > 12 >= b:
            return _check(name, shown, y, b, a)
        if b > 12 >= a:
            return _check(name, shown, y, a, b)
        if a == b:
            return _check(name, shown, y, a, a)
        raise DateError(f"{name} {shown!r} is ambiguous (day and month could be either); "
                        f"write {y}-{b:02d}-{a:02d} or {y}-{a:02d}-{b:02d}")
    raise DateError(f"{name} {shown!r} is not a date; write {FORMS}")


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _check(name: str, shown: str, y: int, m: int | None, d: int | None) -> str:
    if not 1000 <= y <= 9999:
        raise DateError(f"{name} {shown!r}: year {y} is out of range; write {FORMS}")
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        near = min(max(m, 1), 12)
        nd = "" if d is None else f"-{min(max(d, 1), calendar.monthrange(y, near)[1]):02d}"
        raise DateError(f"{name} {shown!r} is not a date: month {m} does not exist "
                        f"(nearest valid: {y:04d}-{near:02d}{nd})")
    if d is None:
        return f"{y:04d}-{m:02d}"
    last = calendar.monthrange(y, m)[1]
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        near = min(max(d, 1), last)
        raise DateError(f"{name} {shown!r} is not a date: {calendar.month_name[m]} {y} has "
                        f"{last} days, not {d} (nearest valid: {y:04d}-{m:02d}-{near:02d})"
                        ) from None
