"""UTF-16 detection: tiny and odd inputs in a single-byte page are not read as UTF-16; real
UTF-16 files, with or without a byte-order mark, still are."""

from __future__ import annotations

import random
import struct

import pytest

from tui.core.decode import decode_bytes


@pytest.mark.parametrize(
    "data, text",
    [
        (b"caf\xe9", "café"),  # 63 61 66 e9: cp1252, not two CJK characters
        (b"r\xe9sum\xe9", "résumé"),
        (b"na\xefve", "naïve"),
    ],
)
def test_tiny_cp1252_is_not_utf16(data, text):
    assert decode_bytes(data) == text


TEXTS = [
    "a",
    "é",
    "hi",
    "abc",
    "café",
    "Hello world, this is a test.",
    "café au lait",
    "Привет мир, это тест.",
    "שלום עולם",
    "مرحبا بالعالم",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("enc", ["utf-16", "utf-16-le", "utf-16-be"])  # with BOM, then without
def test_real_utf16_still_read(text, enc):
    assert decode_bytes(text.encode(enc)) == text


def test_binary_of_small_numbers_is_not_utf16():
    data = bytes(range(1, 31)) * 20  # every byte a control byte: no text in any reading
    with pytest.raises(ValueError):
        decode_bytes(data)


def _int16(values) -> bytes:
    return struct.pack(f"<{len(values)}h", *values)


def test_small_numbers_spread_over_scripts_are_not_utf16():
    """200 little-endian int16 values 0..2000: high bytes 0-7, like Latin, Greek, Cyrillic,
    Hebrew or Arabic text in UTF-16, but read so they jump between all of those scripts."""
    rng = random.Random(31)
    data = _int16([rng.randrange(0, 2000) for _ in range(200)])
    with pytest.raises(ValueError):
        decode_bytes(data)


def test_utf16_shaped_control_characters_are_not_utf16():
    """One script (Cyrillic code units) but one unit in eight a control character."""
    rng = random.Random(31)
    data = _int16([5 if n % 8 == 0 else rng.randrange(0x410, 0x450) for n in range(200)])
    with pytest.raises(ValueError):
        decode_bytes(data)
    text = "".join(" " if n % 7 == 6 else chr(rng.randrange(0x410, 0x450)) for n in range(200))
    assert decode_bytes(text.encode("utf-16-le")) == text  # letters in words: text


def test_utf16_shaped_values_without_a_space_are_not_utf16():
    """Numbers drawn from one 256-character block (Cyrillic) read as letters, but no text runs
    200 letters without a space or a line end."""
    rng = random.Random(7)
    with pytest.raises(ValueError):
        decode_bytes(_int16([rng.randrange(0x410, 0x450) for _ in range(200)]))


def test_mostly_ascii_bytes_are_not_a_utf16_guess():
    """charset-normalizer reads these 16 bytes as UTF-16-BE (a CJK jumble); printable ASCII
    is 75 % of them, so they are single-byte text."""
    data = b"of the the \xa5\xc6\xba\xad."
    assert decode_bytes(data) == data.decode("cp1252")


def test_utf16_shaped_c1_controls_are_not_utf16():
    """Words of Cyrillic code units, one in eight a C1 control character, which no text holds."""
    rng = random.Random(11)
    units = [0x20 if n % 7 == 6 else rng.randrange(0x80, 0xA0) if n % 8 == 0
             else rng.randrange(0x410, 0x450) for n in range(240)]
    with pytest.raises(ValueError):
        decode_bytes(_int16(units))
