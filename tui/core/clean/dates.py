"""Find publication dates in free text: month names, numeric day-month forms, ISO; to ISO 8601."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "jan": 1, "january": 1, "janvier": 1, "januar": 1, "enero": 1, "janeiro": 1, "gennaio": 1,
    "feb": 2, "february": 2, "février": 2, "fevrier": 2, "februar": 2, "febrero": 2,
    "fevereiro": 2, "febbraio": 2,
    "mar": 3, "march": 3, "mars": 3, "märz": 3, "marzo": 3, "março": 3,
    "apr": 4, "april": 4, "avril": 4, "abril": 4, "aprile": 4,
    "may": 5, "mai": 5, "mayo": 5, "maio": 5, "maggio": 5,
    "jun": 6, "june": 6, "juin": 6, "juni": 6, "junio": 6, "junho": 6, "giugno": 6,
    "jul": 7, "july": 7, "juillet": 7, "juli": 7, "julio": 7, "julho": 7, "luglio": 7,
    "aug": 8, "august": 8, "août": 8, "aout": 8, "agosto": 8,
    "sep": 9, "sept": 9, "september": 9, "septembre": 9, "septiembre": 9, "setembro": 9,
    "settembre": 9,
    "oct": 10, "october": 10, "octobre": 10, "oktober": 10, "octubre": 10, "outubro": 10,
    "ottobre": 10,
    "nov": 11, "november": 11, "novembre": 11, "noviembre": 11, "novembro": 11,
    "dec": 12, "december": 12, "décembre": 12, "decembre": 12, "dezember": 12,
    "diciembre": 12, "dezembro": 12, "dicembre": 12,
}
# Common zone abbreviations -> UTC offset in minutes.
_ZONES = {
    "utc": 0, "gmt": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
    "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "ist": 330, "jst": 540, "kst": 540,
    "cet": 60, "cest": 120, "bst": 60, "eet": 120, "eest": 180, "msk": 180, "aest": 600,
    "aedt": 660, "hkt": 480, "sgt": 480, "pkt": 300, "wib": 420, "sast": 120, "wat": 60,
    "eat": 180,
}
_MON = r"(?P<mon>[^\W\d_]{3,9})\.?"
_TIME = (r"(?:,?\s*(?:at\s+|à\s+|um\s+|-\s*)?(?P<h>\d{1,2})[:.h](?P<mi>\d{2})(?::\d{2})?\s*"
         r"(?P<ap>[ap]\.?m\.?)?\s*(?:\(?(?P<tz>[A-Z]{1,4})\)?|(?P<off>[+-]\d{2}:?\d{2}))?)?")
_PATTERNS = [
    # Chinese, Japanese, Korean: 2022年10月11日, 2022년 10월 11일 (with an optional time)
    re.compile(r"(?P<y>(?:19|20)\d{2})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]"
               r"(?:\s*(?P<h>\d{1,2}):(?P<mi>\d{2}))?"),
    re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<h>\d{2}):"
               r"(?P<mi>\d{2})(?::\d{2}(?:\.\d+)?)?(?P<off>Z|[+-]\d{2}:?\d{2})?)?"),
    re.compile(r"\b" + _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})\b"
               + _TIME, re.I),
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?" + _MON
               + r",?\s+(?:de\s+)?(?P<y>(?:19|20)\d{2})\b" + _TIME, re.I),
    re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})\b"
               + _TIME, re.I),
]
_YEAR = re.compile(r"(?:19|20)\d\d")
# A time written before the date ("Published 2:16 AM EST Nov 20, 2019").
_TIME_FIRST = re.compile(r"\b(?P<h>\d{1,2}):(?P<mi>\d{2})\s*(?P<ap>[ap]\.?m\.?)?\s*"
                         r"(?P<tz>[A-Z]{2,4})?\s*$", re.I)


def find_dates(text: str) -> list[tuple[int, str]]:
    """Every date in ``text`` as (position, ISO 8601 string), in order of position."""
    # Every form we read has a four-digit year.
    if not text or not ("19" in text or "20" in text) or not _YEAR.search(text):
        return []
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for pat in _PATTERNS:
        for m in pat.finditer(text or ""):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            iso = _to_iso(m, text)
            if iso:
                found.append((m.start(), iso))
                taken.append(m.span())
    return sorted(found)


def _to_iso(m: re.Match, text: str) -> str | None:
    g = m.groupdict()
    try:
        year = int(g["y"])
        if g.get("mon") is not None:
            month = _MONTHS.get(g["mon"].lower())
            day = int(g["d"])
        elif g.get("a") is not None:
            a, b = int(g["a"]), int(g["b"])
            # "/" is usually month-first (US); "-" and "." day-first; whichever is valid wins.
            month, day = (a, b) if g["sep"] == "/" and a <= 12 else (b, a)
            if month > 12:
                month, day = day, month
        else:
            month, day = int(g["m"]), int(g["d"])
        if not month:
            return None
        date = dt.date(year, month, day)
    except (ValueError, TypeError):
        return None
    h, mi, ap, tz, off = g.get("h"), g.get("mi"), g.get("ap"), g.get("tz"), g.get("off")
    if h is None:
        before = _TIME_FIRST.search(text[max(0, m.start() - 24):m.start()])
        if before:
            h, mi, ap, tz = before["h"], before["mi"], before["ap"], before["tz"]
    offset = _offset(tz, off)
    if h is None or mi is None or offset is None:  # the patterns take h and mi together
        return date.isoformat()
    hour, minute = int(h), int(mi)
    if ap:
        hour = hour % 12 + (12 if ap.lower().startswith("p") else 0)
    if hour > 23 or minute > 59:
        return date.isoformat()
    sign = "+" if offset >= 0 else "-"
    return (f"{date.isoformat()}T{hour:02d}:{minute:02d}:00"
            f"{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}")


def _offset(tz: str | None, off: str | None) -> int | None:
    if off:
        if off.upper() == "Z":
            return 0
        digits = off.replace(":", "")
        return (1 if digits[0] == "+" else -1) * (int(digits[1:3]) * 60 + int(digits[3:5]))
    if tz:
        return _ZONES.get(tz.lower())
    return None


def parse_date(text: str) -> str | None:
    """The first date in ``text`` (ISO 8601), or None."""
    found = find_dates(text)
    return found[0][1] if found else None
