"""Issue 19, "one sanitiser at the edge of every output": unit properties of
tui.core.safe_text, and the leaks the issue names (ingest's "added" line, argparse echoing
escapes, clean --json with a raw U+009B, error messages quoting user input)."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.safe_text import has_unsafe, one_line, sanitize, sanitize_obj

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = "A \x1b]0;pwned\x07title \x1b[2J\x9b31mred\x1bP+q\x1b\\ \u202eevil\u202c end\x00\x85"


def clean_bytes(text: str) -> None:
    assert not UNSAFE.search(text), repr(UNSAFE.search(text))


def test_sanitize_removes_whole_sequences_and_keeps_newline_and_tab():
    assert sanitize("a\x1b]0;title\x07b") == "ab"
    assert sanitize("a\x1b[31mb\x1b[0m") == "ab"
    assert sanitize("a\x9b2Jb") == "ab"
    assert sanitize("x\ty\nz\r\nw") == "x\ty\nz\nw"
    assert sanitize("x\ty", tabs=False) == "xy"
    assert one_line("a\nb\t c\x1b[2J") == "a b c"
    assert sanitize("\u200fعربي\u200e") == "\u200fعربي\u200e"  # marks are kept
    assert sanitize_obj({"k\x1b": ["v\x9b1m", 3, None]}) == {"k": ["v", 3, None]}


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(
    ["\x1b", "\x9b", "\x9d", "\x07", "[", "]", ";", "\\", "\r", "\u202e"])))
def test_nothing_unsafe_survives_and_sanitize_is_idempotent(s):
    out = sanitize(s)
    assert not has_unsafe(out)
    assert sanitize(out) == out
    assert "\n" not in one_line(s)


def test_ingest_added_line_is_clean(cli, tmp_path):
    src = tmp_path / "evil.jsonl"
    src.write_text(json.dumps({"url": "x:1", "title": HOSTILE, "text": "Body " + HOSTILE}))
    r = cli("-w", tmp_path / "ws", "ingest", src)
    assert r.code == 0 and "added" in r.out
    clean_bytes(r.all)
    r = cli("-w", tmp_path / "ws", "stories")
    clean_bytes(r.all)
    r = cli("-w", tmp_path / "ws", "stories", "--json")
    clean_bytes(r.out)
    assert "\\u001b" not in r.out and "\\u009b" not in r.out


def test_clean_json_holds_no_raw_c1(cli, tmp_path):
    src = tmp_path / "evil.html"
    src.write_text(f"<html><head><title>{HOSTILE}</title></head><body><article><p>"
                   f"Words \u009b2J of a text long enough to be an article body here.</p>"
                   "</article></body></html>")
    r = cli("clean", "--json", src)
    assert r.code == 0
    assert "\u009b" not in r.out and "\\u009b" not in r.out
    clean_bytes(r.out)


@pytest.mark.parametrize("args", [
    ["stories", "--bogus\x1b]0;x\x07", "\x1b[2J"],  # argparse echoes unrecognized arguments
    ["show", "\x1b[2J\x9b31m"],  # an error quoting an id
    ["stories", "--filter", "after:\x1b[2J"],  # a query term
    ["export", "--from", "\x9b2J"],  # a date
    ["diff", "/no/such\x1b]0;x\x07.txt", "abc"],  # a file name
    ["tag", "abc", "\x1b[2J"],
])
def test_messages_quoting_user_input_are_clean(cli, ws, args):
    r = cli("-w", ws, *args)
    assert r.code in (1, 2) and r.err.count("\n") == 1
    clean_bytes(r.all)


def test_exports_are_clean(cli, tmp_path):
    src = tmp_path / "evil.jsonl"
    src.write_text(json.dumps({"url": "x:1", "title": HOSTILE, "text": "Body text here."}))
    ws = tmp_path / "ws"
    cli("-w", ws, "ingest", src)
    aid = json.loads(cli("-w", ws, "stories", "--json").out)[0]["articles"][0]["id"]
    cli("-w", ws, "note", aid, "note " + HOSTILE)
    for fmt in ("md", "json", "toml", "csv", "csl-json", "html"):
        r = cli("-w", ws, "export", "--all", "--format", fmt)
        assert r.code == 0
        clean_bytes(r.out.replace("\r\n", "\n"))
