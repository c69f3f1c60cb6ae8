"""A story's face for lists and ``stories --json``: title, outlets, languages, dates, counts."""

from __future__ import annotations

import re
from collections import Counter

from .model import GroupDoc

_WORD = re.compile(r"\w+")


def _words(title: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(title) if len(w) > 2}


def representative_title(docs: list[GroupDoc]) -> str:
    """The title sharing most words with the others (ties: the earliest given)."""
    titled = [d for d in docs if (d.title or "").strip()]
    if not titled:
        return ""
    sets = [_words(d.title) for d in titled]
    totals = Counter(w for s in sets for w in s)
    best = max(range(len(titled)), key=lambda i: (sum(totals[w] - 1 for w in sets[i]), -i))
    return titled[best].title.strip()


def story_face(docs: list[GroupDoc]) -> dict:
    """Representative title, outlets, languages, date span and counts of one story."""
    dates = sorted(d.date[:10] for d in docs if d.date and len(d.date) >= 10)
    outlets = sorted({d.source for d in docs if d.source})
    langs = sorted({d.lang for d in docs if d.lang})
    return {
        "title": representative_title(docs),
        "outlets": outlets,
        "languages": langs,
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "articles": len(docs),
        "outlet_count": len(outlets),
        "language_count": len(langs),
    }
