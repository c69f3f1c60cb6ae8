"""Line layout of a comparison (shared by CLI and view) and the `wiredesk diff` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.cells import cell_len

from tui.cli import main
from tui.core.diff import compare
from tui.render.layout import layout, wrap

A = (
    "Japan and Canada agreed to start talks on Tuesday. The pact would cover military "
    "intelligence.\n\nOfficials said it could be signed next year. Ministers met in Tokyo."
)
B = (
    "Japan and Canada agreed to begin talks on Tuesday. The pact would cover military "
    "intelligence.\n\nMinisters met in Tokyo. A joint statement followed."
)


def words_of(lines, side):
    out = []
    for ln in lines:
        pane = ln.left if side == 0 else ln.right
        out += "".join(t for t, _ in pane.spans).split()
    return out


@pytest.mark.parametrize("width", [40, 80, 121])
def test_split_layout_keeps_rows_aligned_and_loses_no_word(width):
    c = compare(A, B)
    lay = layout(c, width)
    lw, rw = lay.text_width
    assert 2 + lw + 1 + 2 + rw == width
    for ln in lay.lines:
        assert ln.left.width <= lw and ln.right.width <= rw
        assert sum(cell_len(t) for t, _ in ln.left.spans) == ln.left.width
    assert words_of(lay.lines, 0) == A.split()
    assert words_of(lay.lines, 1) == B.split()
    # each row starts on the same line in both panes: row_start is shared
    assert lay.row_start == sorted(lay.row_start) and len(lay.row_start) == len(c.rows)


def test_inline_layout_marks_both_sides():
    lay = layout(compare(A, B), 50, inline=True, markers=True)
    text = "\n".join("".join(t for t, _ in ln.left.spans) for ln in lay.lines)
    assert "[-start-]" in text and "{+begin+}" in text
    assert "[-Officials said it could be signed next year.-]" in text.replace("\n", " ")


def test_wrap_cuts_long_words_and_wide_characters():
    lines = wrap((("short " + "x" * 25 + " \u65e5\u672c\u8a9e\u306e\u6587", "ins"),), 10)
    assert all(used <= 10 for _, used in lines)
    assert "".join(t for spans, _ in lines for t, _ in spans).replace(" ", "") == (
        "short" + "x" * 25 + "\u65e5\u672c\u8a9e\u306e\u6587"
    )


def test_rtl_lines_are_reordered_and_right_aligned(seeds_dir):
    ar = next((seeds_dir / "gold").glob("004_*.txt")).read_text(encoding="utf-8")
    lay = layout(compare(ar, ar), 60, rtl=(True, True))
    first = lay.lines[0].left
    assert first.rtl and first.width <= lay.text_width[0]
    logical = ar.split()[0]
    assert logical[::-1] in "".join(t for t, _ in first.spans)


def test_cli_plain_output_has_markers_and_no_escapes(tmp_path, capsys, monkeypatch):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B + "\n\nEvil \x1b[31mred\x1b[0m [bold]markup[/bold].", encoding="utf-8")
    assert main(["diff", str(a), str(b), "--width", "100"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "[-start-]" in out and "{+begin+}" in out and "[bold]markup[/bold]" in out
    assert max(len(line) for line in out.splitlines()) <= 100


def test_cli_json(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    assert main(["diff", str(a), str(b), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["left"]["origin"] == str(a) and data["method"] == "words"
    kinds = {ch["kind"] for ch in data["changes"]}
    assert "change" in kinds and data["rows"] and data["sentences"]["right"]


def test_cli_unknown_id_is_a_user_error(tmp_path: Path, capsys):
    assert main(["diff", "nosuchid", "other", "--workspace", str(tmp_path / "ws")]) == 1
    assert capsys.readouterr().err.startswith("wiredesk:")


def test_rtl_lines_with_highlights_keep_their_width(seeds_dir):
    ar = next((seeds_dir / "gold").glob("004_*.txt")).read_text(encoding="utf-8")
    words = ar.split()
    edited = " ".join(words[:5] + ["2023"] + words[6:40] + ["Tokyo"] + words[40:])
    lay = layout(compare(ar, edited), 70, rtl=(True, True))
    tagged = 0
    for ln in lay.lines:
        for pane, w in ((ln.left, lay.text_width[0]), (ln.right, lay.text_width[1])):
            assert sum(cell_len(t) for t, _ in pane.spans) == pane.width <= w
            tagged += any(tag for _, tag in pane.spans)
    assert tagged


def test_header_fits_by_abbreviating_not_cutting():
    from rich.cells import cell_len

    from tui.core.diff import compare
    from tui.render.header import pane_header

    comp = compare("Japan and Canada met. They talked.", "Japan and Canada met. They agreed.")
    full = pane_header("+ 2/5 ", "Reuters", "2022-10-11", 1234, "en", comp, 200)
    assert "1,234 words" in full and "en" in full and "text" in full
    for width in (60, 40, 32):
        line = pane_header("+ 2/5 ", "Reuters", "2022-10-11", 1234, "en", comp, width)
        assert cell_len(line) <= width
        assert "Reuters" in line and "2022-10-11" in line  # the date survives at 80 columns
    tight = pane_header("+ 2/5 ", "Associated Press International", "2022-10-11", 9, None, comp, 34)
    assert cell_len(tight) <= 34 and "\u2026" in tight and "2022-10-11" in tight


def test_unknown_outlet_is_named_by_title_or_id():
    from tui.render.header import name

    assert name("?", "Talks begin", "abc") == "Talks begin"
    assert name("? (version 2/3)", None, "abc") == "abc (version 2/3)"
    assert name(None, None, "abc") == "abc"
    assert name("Kyodo", "Talks", "abc") == "Kyodo"


def test_overlap_scores_coverage_of_one_event():
    from tui.core.diff import compare

    a = "Japan and Canada agreed on Tuesday to begin talks on an intelligence pact in Tokyo."
    b = "Officials from Canada and Japan will negotiate an intelligence pact, Tokyo said Tuesday."
    c = compare(a, b)
    assert c.overlap > 0.3 and c.method == "words"
    assert compare(a, a).overlap == 1.0
    unrelated = compare(a, "The football season opened with a surprising defeat for the champions.")
    assert unrelated.overlap < 0.1
