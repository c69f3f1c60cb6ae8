"""JSON and TOML exports: the same data, stable keys, for scripts.

Both documents are ``{"format": "wiredesk-export", "version": 1, "articles": [...]}`` with
articles shaped as :meth:`ExportItem.as_dict`. TOML has no null: keys whose value is unknown
are left out of a TOML article (``story`` too when the article has none).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import tomli_w

from tui.core.export.items import ExportItem

FORMAT_NAME = "wiredesk-export"
FORMAT_VERSION = 1


def document(items: Sequence[ExportItem]) -> dict:
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION,
            "articles": [item.as_dict() for item in items]}


def to_json(items: Sequence[ExportItem]) -> str:
    return json.dumps(document(items), ensure_ascii=False, indent=2) + "\n"


def _drop_nulls(value: object) -> object:
    if isinstance(value, dict):
        return {k: _drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_nulls(v) for v in value]
    return value


def to_toml(items: Sequence[ExportItem]) -> str:
    doc = _drop_nulls(document(items))
    return tomli_w.dumps(doc, multiline_strings=True)  # type: ignore[arg-type]
