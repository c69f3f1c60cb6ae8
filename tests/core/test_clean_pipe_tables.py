"""Tables written with pipes (Markdown's, a README's) are kept inside the body, row by row,
however many rows they have: a benchmark table of 25 rows was dropped whole, its rows read as
lines of links split by pipes (a menu), in Markdown and plain text alike."""

from __future__ import annotations

import pytest

from tui.core.clean import clean, markdown, tables
from tui.core.clean.tables import pipe_rows
from tui.core.model import RawDocument

INTRO = (
    "Fastcomp is a fast lossless compression library, written for real-time scenarios where "
    "speed matters more than the last percent of ratio, and it is used in many databases."
)
BENCH = (
    "For reference, several fast compression algorithms were tested and compared on a "
    "desktop running a recent Linux, using an in-memory benchmark, on the Silesia corpus."
)
AFTER = (
    "The negative compression levels offer faster compression and decompression speed at "
    "the cost of compression ratio, as the table above shows for each of the libraries."
)
NAMES = [
    "zstd",
    "zlib",
    "brotli",
    "quicklz",
    "lzo1x",
    "lz4",
    "lzf",
    "snappy",
    "lzma",
    "bzip2",
    "xz",
    "lzham",
    "density",
    "lizard",
    "pithy",
    "fastlz",
    "blosclz",
    "libdeflate",
    "igzip",
    "yappy",
    "wflz",
    "lzsse",
    "shrinker",
    "ucl",
    "tornado",
]
HEADER = "| Compressor name | Ratio | Compression | Decompress. |"


def rows(n: int) -> list[str]:
    return [
        f"| **{name} 1.{k}** | 2.{900 - 7 * k} | {500 + 10 * k} MB/s | {1700 + k} MB/s |"
        for k, name in enumerate(NAMES[:n])
    ]


def page(n: int) -> str:
    table = "\n".join([HEADER, "| --- | --- | ---: | :---: |", *rows(n)])
    return f"# Fastcomp\n\n{INTRO}\n\n## Benchmarks\n\n{BENCH}\n\n{table}\n\n{AFTER}\n"


def body(text: str, kind: str) -> str:
    return clean(RawDocument(f"README.{kind}", text, kind)).body  # type: ignore[arg-type]


@pytest.mark.parametrize("n", [3, 11, 25])
def test_a_markdown_table_stays_in_the_body_row_by_row(n: int) -> None:
    out = body(page(n), "md").split("\n\n")
    at = out.index(HEADER)
    assert out[at - 1] == BENCH and out[at + 1 + n] == AFTER  # in its place
    assert out[at + 1 : at + 1 + n] == [r.replace("**", "") for r in rows(n)]  # each a line


@pytest.mark.parametrize("n", [3, 25])
def test_a_pipe_table_in_plain_text_stays_too(n: int) -> None:
    out = body(page(n), "text").split("\n\n")
    at = out.index(HEADER)
    assert out[at - 1] == BENCH and out[at + 2 + n] == AFTER
    assert out[at + 1] == "| --- | --- | ---: | :---: |"  # (the text's own line, as written)
    assert out[at + 2 : at + 2 + n] == rows(n)


def test_without_the_rule_the_table_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables, "pipe_rows", lambda lines: set())
    for where in ("text", "plain", "api"):
        monkeypatch.setattr(f"tui.core.clean.{where}.pipe_rows", tables.pipe_rows)
    monkeypatch.setattr(markdown, "read", lambda text: (markdown.strip_markdown(text), set()))
    assert HEADER not in body(page(25), "md")
    assert HEADER not in body(page(25), "text")


def test_pipe_rows_are_a_tables_not_a_menus() -> None:
    table = [HEADER, "| --- | --- | --- | --- |", *rows(3)]
    assert pipe_rows(table) == set(range(5))
    assert pipe_rows(["", *table[:1], *table[2:], ""]) == {1, 2, 3, 4}  # fenced, with figures
    assert pipe_rows(table[:1] + table[2:3]) == set()  # a header and a row: too few
    menu = ["Home | News | Sport", "World | Business | Tech", "Opinion | Video | Podcasts"]
    assert pipe_rows(menu) == set()  # lines of links, no rule, no fence
    assert pipe_rows([f"| {m} |" for m in menu]) == set()  # fenced, but no figures


def test_a_table_without_outer_pipes_is_not_run_into_the_paragraph_above() -> None:
    """GitHub's "a | b" over "--|--": its lines were joined to the paragraph above them."""
    plain = [r.replace("**", "").strip("| ") for r in rows(12)]
    table = "\n".join(["Compressor name | Ratio | Compression | Decompress.", "---|---|--:|:-:"])
    text = f"{INTRO}\n\n{BENCH}\n{table}\n" + "\n".join(plain) + f"\n\n{AFTER}\n"
    out = body(text, "md").split("\n\n")
    at = out.index(BENCH)
    assert out[at + 1] == "Compressor name | Ratio | Compression | Decompress."
    assert out[at + 2 : at + 14] == plain and out[at + 14] == AFTER


def test_list_items_holding_pipes_are_no_table() -> None:
    items = [f"* {k}Timeout number | null (optional) - Default: {k}e3" for k in "abc"]
    assert pipe_rows([*items[:1], "| --- | --- |", *items[1:]]) == set()
