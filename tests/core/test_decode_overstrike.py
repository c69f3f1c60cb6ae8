"""A man page kept with its formatting (``MAN_KEEP_FORMATTING=1 man ls > ls.txt``, or nroff
output) marks bold as ``X\\bX`` and underline as ``_\\bX``: it is text, read as its letters (as
``col -b`` does), not refused as binary data nor left as doubled letters."""

from __future__ import annotations

import pytest

from tui.core.decode import DecodeError, decode_bytes, file_error


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


@pytest.mark.parametrize("pack", ["gzip", "bz2", "lzma"])
def test_a_compressed_man_page_is_named_with_the_way_to_read_it(pack):
    """`man -w ls` names /usr/share/man/man1/ls.1.gz: refused as "binary data" it said
    nothing of what it was; it is named as compressed, with the command that reads it."""
    import importlib

    data = importlib.import_module(pack).compress(b".TH LS 1\n.SH NAME\nls \\- list\n" * 20)
    with pytest.raises(DecodeError) as e:
        decode_bytes(data)
    name, cat = {"gzip": ("gzip", "zcat"), "bz2": ("bzip2", "bzcat"), "lzma": ("xz", "xzcat")}[pack]
    said = f"{name}-compressed data, not text: {cat} FILE | wiredesk ingest -"
    assert str(e.value) == said  # the general way; `man -l` only for a man page's file:
    man = f"{said} (a man page: man -l FILE | wiredesk ingest -)"
    assert file_error(e.value, "/usr/share/man/man1/ls.1.gz") == man
    assert file_error(e.value, "pages/tar.1posix.gz") == man
    assert file_error(e.value, "feeds/feed.xml.gz") == said
    assert file_error(e.value, "/home/manuel/archive.2024.gz") == said
    with pytest.raises(DecodeError, match="^binary data, not text$"):
        decode_bytes(bytes(range(256)) * 4)
