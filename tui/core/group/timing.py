"""Time as evidence: two articles published hours apart that share names are likelier one
story than the same words days later. Only times of day count (a bare date says too little:
two items of one day may be a morning and a night apart, or from different time zones)."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache

from .model import DocEntry, Params


@lru_cache(maxsize=1 << 16)
def hour_of(value: str | None) -> float | None:
    """Hours since the start of year 1 of an ISO date-time that has a time of day (UTC when
    it names a zone), else ``None``."""
    if not value or len(value) < 13 or value[10] not in "T ":
        return None
    try:
        t = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if t.tzinfo is not None:
        t = t.astimezone(UTC).replace(tzinfo=None)
    return t.toordinal() * 24.0 + t.hour + t.minute / 60 + t.second / 3600


def closeness(p: Params, a: str | None, b: str | None) -> float:
    """1 for two articles of the same moment, falling to 0 at ``p.time_hours`` apart; 0 when
    either time of day is unknown."""
    ha, hb = hour_of(a), hour_of(b)
    if ha is None or hb is None:
        return 0.0
    return max(0.0, 1.0 - abs(ha - hb) / p.time_hours)


def timed(p: Params, sim: float, a: DocEntry, b: DocEntry) -> float:
    """``sim`` raised by up to ``p.time_boost`` of itself for articles of two outlets close in
    time (the evidence they share counts more; none shared, nothing gained). Not within one
    outlet: a feed may stamp every item with the time it was built."""
    if len(a.date or "") < 13 or len(b.date or "") < 13 or sim <= 0.0 or not p.time_boost:
        return sim  # (the common case first: no time of day on one side)
    if a.source and a.source == b.source:
        return sim
    return sim * (1.0 + p.time_boost * closeness(p, a.date, b.date))


def time_reason(p: Params, a: DocEntry, b: DocEntry) -> list[str]:
    """Why time counted between two articles: how far apart they were published."""
    near = closeness(p, a.date, b.date)
    if not near or not p.time_boost or (a.source and a.source == b.source):
        return []
    gap = abs((hour_of(a.date) or 0.0) - (hour_of(b.date) or 0.0)) * 60
    apart = f"{gap:.0f} minutes" if gap < 90 else f"{gap / 60:.1f} hours"
    return [f"published {apart} apart by two outlets: the evidence they share counts "
            f"{p.time_boost * near:.0%} more"]
