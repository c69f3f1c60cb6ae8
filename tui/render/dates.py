"""Dates as a person reads them on screen ("Fri 11 Oct 2019 14:03 UTC"); the stored ISO value
stays as it is everywhere else (`show --json`, exports, the command line's output)."""

from __future__ import annotations

import re
from datetime import date, datetime

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # (never the locale's: one wording)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAY_ONLY = re.compile(r"\d{4}-\d\d-\d\d")


def readable_date(value: str) -> str:
    """An ISO date as a person reads it: "2019-10-11T14:03:00+00:00" -> "Fri 11 Oct 2019 14:03
    UTC", the time in its own offset (never moved to the reader's: the outlet's hour stays),
    "2019-10-11" -> "Fri 11 Oct 2019". Anything else (a partial date, a word) as it is. Only
    the screen reads it so: `show --json` and exports keep the stored value."""
    text = value.strip()
    try:
        d = datetime.fromisoformat(text)
    except ValueError:
        return value
    day = f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"
    if DAY_ONLY.fullmatch(text):
        return day
    clock = f"{d:%H:%M:%S}" if d.second else f"{d:%H:%M}"
    offset = d.utcoffset()
    if offset is None:
        return f"{day} {clock}"
    if not offset:
        return f"{day} {clock} UTC"
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{day} {clock} {sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def date_forms(value: str | None, others: tuple[str | None, ...] = ()) -> tuple[str, ...]:
    """A header's date, long to short: "Tue 11 Oct 2022 19:41 +05:30", "11 Oct 2022 19:41
    +05:30" (the offset kept: 14:03 +05:45 and 14:03 +14:00 are not one hour), then what
    tells it from the ``others`` shown beside it: beside dates of its day, its hour and
    offset ("11 Oct 19:41 +05:30", "19:41 +05:30"), else its day ("11 Oct 2022"). A date alone:
    its day at every step, so that every date has its forms at the same places; a value that
    is not a date, as it is. Never "": the date is not dropped."""
    text = (value or "").strip()
    whole = readable_date(text)
    if whole == text:
        return (text,)
    d = datetime.fromisoformat(text)
    day = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if DAY_ONLY.fullmatch(text):
        return (whole, day, day, day)
    clock = whole.split(" ", 4)[4]  # "19:41 +05:30", "19:41 UTC", "19:41"
    same_day = bool(others) and all(_day_of(o) == d.date() for o in others)  # (alone: no)
    if not same_day:
        return (whole, f"{day} {clock}", day, day)
    return (whole, f"{day} {clock}", f"{d.day} {MONTHS[d.month - 1]} {clock}", clock)


def _day_of(value: str | None) -> date | None:
    """The day a date is written in (its own offset), or None (no date)."""
    try:
        return datetime.fromisoformat((value or "").strip()).date()
    except ValueError:
        return None
