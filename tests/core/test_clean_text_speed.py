"""Speed shortcuts of the plain-text path give the answers of the computations they replace.

- ``lines._glued``: the teaser test reads the line's first words before running its two
  regular expressions (both need three words in capitals at the start);
- ``decode._looks_binary`` counts control bytes in C (``bytes.translate``);
- ``wiredesk clean`` imports neither the workspace nor charset-normalizer for a UTF-8 text file,
  and its JSON holds what ``clean_doc`` gives, field for field.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.core import decode
from tui.core.clean import lines
from tui.core.cleaning import clean_doc
from tui.core.ingest import collect
from tui.core.model import META_FIELDS

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "tui" / "samples").glob("*.txt"))


def _glued_slow(ln: str, n: int) -> bool:
    """The test as written before the shortcut."""
    return lines._GLUED.match(ln) is not None or (
        n <= lines.GLUED_WORDS and lines._glued_headline(ln))


# Words of the shapes the two patterns look at: capitals, digits, lower case, glued pairs.
WORD = st.sampled_from(
    ["The", "Tape", "Gaffe", "Ends", "Title", "RunDenny", "Hamlin", "said", "on", "a", "of",
     "ShopsWondering", "Say", "Cheese?", "Detroit's", "3", "2024", "Top", "where", "to",
     "É", "Über", "éclair", "x", "NASA", "iPhone", "(AP)", "—", "and", "runsInto", "Is"])
LINE = st.lists(WORD, min_size=1, max_size=30).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(LINE | st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x24F),
                      max_size=120))
@example("Tape Gaffe Ends Title RunDenny Hamlin was fined for the call")
@example("Say Cheese? Detroit's Top 3 Cheese ShopsWondering where to go")
@example("2024 Title Race HeatsUp As the season nears its end")
def test_glued_shortcut_equals_both_patterns(ln: str) -> None:
    n = len(ln.split())
    assert lines._glued(ln, n) == _glued_slow(ln, n)


def test_glued_cases_that_fire() -> None:
    """(The shortcut must not hide a teaser: the examples the patterns were written for.)"""
    for ln in ("Tape Gaffe Ends Title RunDenny Hamlin was fined for the call",
               "Say Cheese? Detroit's Top 3 Cheese ShopsWondering where to go this week"):
        assert lines._glued(ln, len(ln.split()))
    assert not lines._glued("The president said on Monday that the talks would go on", 11)


def _looks_binary_slow(data: bytes) -> bool:
    sample = data[:8192]
    if sample.startswith(decode._SIGNATURES):
        return True
    if sample.count(0) > max(2, len(sample) // 100):
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (0, 9, 10, 12, 13, 27))
    struck = sum(1 for k in range(1, len(sample) - 1)  # a letter, backspace, a letter: text
                 if sample[k] == 8 and sample[k - 1] not in _C0 and sample[k + 1] not in _C0)
    return controls - struck > len(sample) * 0.05


_C0 = set(range(32)) | {0x7F}


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | st.lists(st.sampled_from(
    [b"text ", b"\x01", b"\x1b", b"\n", b"\t", b"\x00", b"\x7f", b"\x1f", b"\x0c"]),
    max_size=200).map(b"".join))
@example(b"a" * 94 + b"\x01" * 6)  # just over 5 % control bytes
@example(b"a" * 95 + b"\x01" * 5)
@example(b" \x08 ")  # an overstrike: not a control byte
@example(b"a\x08\x08b" * 3)  # two backspaces: controls
def test_control_count_in_c_equals_the_loop(data: bytes) -> None:
    assert decode._looks_binary(data) == _looks_binary_slow(data)


def test_legacy_bytes_still_guessed() -> None:
    """charset-normalizer is imported when needed: a cp1251 page still reads as Russian."""
    text = "Привет, как дела? Это обычный русский текст о погоде и новостях дня. " * 5
    assert decode.decode_bytes(text.encode("cp1251")) == text


def _run(code: str) -> str:
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       cwd=REPO, check=True)
    return p.stdout


def test_clean_imports_no_workspace_nor_charset_guess() -> None:
    out = _run(
        "import contextlib, io, sys\n"
        "from tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['clean', {str(SAMPLES[0])!r}, '--json'])\n"
        "print(sorted(m for m in ('tui.core.workspace', 'charset_normalizer', 'tui.cli.ids')"
        " if m in sys.modules))\n")
    assert out.strip() == "[]"


def test_clean_json_is_clean_doc_field_for_field() -> None:
    p = subprocess.run([sys.executable, "-m", "tui", "clean", *map(str, SAMPLES), "--json"],
                       capture_output=True, text=True, cwd=REPO, check=True)
    got = [json.loads(line) for line in p.stdout.splitlines()]
    assert len(got) == len(SAMPLES) >= 2
    for path, obj in zip(SAMPLES, got):
        want = clean_doc(collect([str(path)]).docs[0]).as_dict()
        assert list(obj) == ["id", *META_FIELDS, "body", "origin"]
        assert {k: obj[k] for k in want} == want
        assert obj["origin"] == str(path) and obj["id"] is None
