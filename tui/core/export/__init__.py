"""Exports of notes and metadata: md, json, toml, csv, csl-json, html.

Exporters take :class:`ExportItem` records (build them with :func:`items_from`) and return text;
the same items always give the same bytes. :func:`render` picks the format by name;
:func:`split_files` gives one file per article for the formats that support it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tui.core.export.csl import to_csl_json
from tui.core.export.csv_out import to_csv
from tui.core.export.files import ExportError, unique_names, write_output, write_split
from tui.core.export.html_out import to_html
from tui.core.export.items import ExportItem, has_triage, item_from, items_from, safe_text
from tui.core.export.markdown import to_markdown, to_markdown_file
from tui.core.export.structured import to_json, to_toml

Renderer = Callable[[Sequence[ExportItem]], str]

FORMATS: dict[str, Renderer] = {
    "md": to_markdown, "json": to_json, "toml": to_toml, "csv": to_csv,
    "csl-json": to_csl_json, "html": to_html,
}
# Formats that can write one file per article (--split): renderer of one item, file suffix.
SPLIT_FORMATS: dict[str, tuple[Callable[[ExportItem], str], str]] = {
    "md": (to_markdown_file, ".md"),
}


def render(items: Sequence[ExportItem], fmt: str) -> str:
    """The whole export in format ``fmt`` (a key of :data:`FORMATS`)."""
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})") from None
    return renderer(items)


def split_files(items: Sequence[ExportItem], fmt: str) -> dict[str, str]:
    """File name -> text, one file per article, for a format of :data:`SPLIT_FORMATS`."""
    if fmt not in SPLIT_FORMATS:
        raise ExportError(f"--split works with {', '.join(SPLIT_FORMATS)}, not {fmt!r}")
    renderer, suffix = SPLIT_FORMATS[fmt]
    names = unique_names([(i.title, i.id) for i in items], suffix)
    return {name: renderer(item) for name, item in zip(names, items)}


__all__ = [
    "FORMATS", "SPLIT_FORMATS", "ExportError", "ExportItem", "has_triage", "item_from",
    "items_from", "render", "safe_text", "split_files", "write_output", "write_split",
]
