"""A ``.json`` file (or standard input) holding a JSON array of article records, as scrapers and
CMS exports write them: read as JSON Lines is, record N of the array as line N."""

from __future__ import annotations

import json

from tui.core.decode import loads_json


def array_records(text: str, keys: tuple[str, ...]) -> list[str] | None:
    """Each object of a JSON array as one JSON line (anything else in it too, so that it is
    reported as not a record); None when the text is not an array holding an object with one
    of ``keys`` (an array of other data is one file that is not a feed, not a failure for
    each of its items)."""
    if not text.lstrip().startswith("["):
        return None
    try:
        items = loads_json(text)
    except ValueError:
        return None
    if not isinstance(items, list) or not any(
        isinstance(x, dict) and not x.keys().isdisjoint(keys) for x in items
    ):
        return None
    return [json.dumps(x, ensure_ascii=False) for x in items]
