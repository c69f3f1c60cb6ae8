"""A man page kept with its formatting (``MAN_KEEP_FORMATTING=1 man ls > ls.txt``, or nroff
output) marks bold as ``X\\bX`` and underline as ``_\\bX``: it is text, read as its letters (as
``col -b`` does), not refused as binary data nor left as doubled letters."""

from __future__ import annotations

import pytest

from tui.core.decode import DecodeError, decode_bytes


def _struck(text: str) -> str:
    bold = "".join(f"{c}\b{c}" if c.isalpha() else c for c in "NAME")
    under = "".join(f"_\b{c}" for c in "FILE")
    return text.format(bold=bold, under=under)


def test_an_overstruck_man_page_is_text():
    page = (
        _struck(
            "LS(1)    User Commands    LS(1)\n\n{bold}\n       ls - list directory "
            "contents\n\n       ls [OPTION]... [{under}]...\n"
        )
        * 3
    )
    text = decode_bytes(page.encode("utf-8"))
    assert "\b" not in text
    assert "\nNAME\n" in text and "[FILE]" in text and "NNAAMMEE" not in text


def test_overstruck_accented_letters_and_tripled_bold():
    text = decode_bytes("Caf\u00e9\b\u00e9 and B\bB\bBold words here.\n".encode())
    assert text == "Caf\u00e9 and Bold words here.\n"


def test_real_binary_with_backspaces_is_still_binary():
    with pytest.raises(DecodeError):
        decode_bytes(bytes(range(1, 32)) * 40)
