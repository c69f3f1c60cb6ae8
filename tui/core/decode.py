"""Bytes to text: BOMs, UTF-8, UTF-16, declared charsets, and legacy single-byte pages.

Order of evidence: a byte-order mark; strict UTF-8; a charset the page or server declares;
Latin-shaped bytes (a few accented letters among ASCII ones: ``_latin_shaped``) as cp1252; a
statistical guess (charset-normalizer, already required by trafilatura) when it is confident;
cp1252 (what browsers use for "latin-1" pages), whose five unassigned bytes fall back to
latin-1, so it never fails. Mostly-UTF-8 text with a few stray legacy bytes (a UTF-8 page with
a pasted cp1252 quote) keeps its UTF-8 and reads the stray bytes as cp1252. Binary data (known
file signatures, NUL bytes outside UTF-16/32, many control bytes) is refused with
:class:`DecodeError`; a few stray NUL bytes in text are dropped.

:func:`loads_json` is ``json.loads`` with a nesting limit (input is never trusted to be shallow).
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from collections import Counter

MAX_BYTES = 16 * 1024 * 1024  # larger inputs are refused, not truncated silently

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
                           re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")


_SIGNATURES = (
    b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF-", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF",
    b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"OggS", b"ID3", b"\x00asm", b"MZ\x90",
)
_UTF8_MULTI = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_LATIN_SINGLE_BYTE = {
    "ascii", "latin-1", "iso8859-1", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-9",
    "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "cp1250", "cp1252",
    "cp1254", "cp1257", "cp850", "cp852", "cp437", "mac-roman", "mac-latin2",
}


class DecodeError(ValueError):
    pass


class PackedError(DecodeError):
    """Compressed data; the message says how to read it."""


def file_error(error: DecodeError, path: str) -> str:
    """Why the file at ``path`` could not be read: a compressed man page is told ``man -l``."""
    if isinstance(error, PackedError) and _MAN_PAGE.search(path):
        return f"{error} (a man page: man -l FILE | wiredesk ingest -)"
    return str(error)


def size_text(n: int) -> str:
    """A size limit as people read it: ``16 MiB``, ``100000 bytes``."""
    return f"{n / 2**20:g} MiB" if n >= 2**20 else f"{n} bytes"


MAX_JSON_DEPTH = 64
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET_RUN = re.compile(r"[\[{]+|[\]}]+")


def loads_json(text: str | bytes, max_depth: int = MAX_JSON_DEPTH):
    """``json.loads`` that refuses (``ValueError``) data nested deeper than ``max_depth``,
    before parsing it: 2,000 nested brackets are a message, not a ``RecursionError``."""
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8", errors="replace")
    if text.count("[") + text.count("{") > max_depth:
        depth = deepest = 0
        for m in _BRACKET_RUN.finditer(_JSON_STRING.sub("", text)):
            run = m.group()
            depth += len(run) if run[0] in "[{" else -len(run)
            if depth > deepest:
                deepest = depth
                if deepest > max_depth:
                    raise ValueError(f"nested more than {max_depth} levels deep")
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError(f"nested more than {max_depth} levels deep") from None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to ``str``; raises :class:`DecodeError` for binary or oversized input.
    Overstruck letters (nroff's bold ``X\\bX`` and underline ``_\\bX``, as in a man page kept
    with its formatting) are read as the letters, as ``col -b`` does."""
    text = _decode(data, declared)
    return _STRUCK.sub("", text) if "\b" in text else text


_STRUCK = re.compile(r"[^\x00-\x1f\x7f]\x08(?=[^\x00-\x1f\x7f])")  # the letter struck over
_STRUCK_BYTES = re.compile(rb"[^\x00-\x1f\x7f]\x08(?=[^\x00-\x1f\x7f])")


_PACKED = ((b"\x1f\x8b", "gzip", "zcat"), (b"BZh", "bzip2", "bzcat"),
           (b"\xfd7zXZ\x00", "xz", "xzcat"), (b"\x28\xb5\x2f\xfd", "zstd", "zstdcat"))
# A man page's file: under a man directory (/usr/share/man/man1/), or named as one (ls.1.gz).
_MAN_PAGE = re.compile(r"(?:^|/)man(?:\d\w*)?/|\.\d[a-z]{0,8}\.(?:gz|bz2|xz|zst)$")


def _decode(data: bytes, declared: str | None) -> str:
    if len(data) > MAX_BYTES:
        raise DecodeError(
            f"too large ({len(data) / 2**20:.1f} MiB; the limit is {size_text(MAX_BYTES)})"
        )
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    if not data:
        return ""
    utf16 = _sniff_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    if _looks_binary(data):
        for magic, name, cat in _PACKED:  # (`man -w ls` names a gzip file): how to read it
            if data.startswith(magic):
                raise PackedError(f"{name}-compressed data, not text: "
                                  f"{cat} FILE | wiredesk ingest -")
        raise DecodeError("binary data, not text")
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return _utf8_with_stray_cp1252(data)
    for named in (declared, _declared_in(data)):
        known = _known(named)
        if known and known not in ("utf-8", "ascii"):
            try:
                return data.decode(known)
            except UnicodeDecodeError:
                pass
    if _latin_shaped(data) and _cp1252_ok(data):
        return data.decode("cp1252")
    guess = _guess(data)
    if guess:
        return data.decode(guess, errors="replace")
    return _cp1252(data)


# Bytes 0x80-0xFF as cp1252 reads them, its five unassigned bytes as latin-1 does.
_CP1252 = {b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0x100)}
_C1_TO_CP1252 = str.maketrans({chr(b): c for b, c in _CP1252.items() if b < 0xA0})
_STRAY_TO_CP1252 = str.maketrans({chr(0xDC00 + b): c for b, c in _CP1252.items()})


def _cp1252(data: bytes) -> str:
    """cp1252 that never fails (C speed: latin-1, then the 0x80-0x9F range remapped)."""
    return data.decode("latin-1").translate(_C1_TO_CP1252)


def _utf8_with_stray_cp1252(data: bytes) -> str:
    """UTF-8, reading each byte that is not UTF-8 as cp1252."""
    return data.decode("utf-8", errors="surrogateescape").translate(_STRAY_TO_CP1252)


def _mostly_utf8(data: bytes) -> bool:
    """Valid UTF-8 multi-byte sequences are common next to the bytes that are not UTF-8 (in
    real single-byte text a valid multi-byte sequence is a rare accident)."""
    multi = len(_UTF8_MULTI.findall(data))
    if multi < 2:
        return False
    bad = data.decode("utf-8", errors="replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    return multi * 4 >= bad

def _known(enc: str | None) -> str | None:
    if not enc:
        return None
    try:
        return codecs.lookup(enc.strip().lower()).name
    except LookupError:
        return None


_MIME_CHARSET = re.compile(rb"^Content-Type:[^\n]*?charset=\"?([A-Za-z0-9_.:-]+)", re.I | re.M)


def _declared_in(data: bytes) -> str | None:
    head = data[:4096]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head) or _MIME_CHARSET.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: text in a script below U+2000 (Latin, Greek, Cyrillic, Hebrew,
    Arabic, Indic, Thai...) has its high bytes, one in two, all below 0x20 (a NUL for ASCII),
    and its low bytes seldom NUL. Single-byte text has few bytes below 0x20 at all. An input
    under 8 bytes must fit the pattern exactly, and only an even length can be UTF-16."""
    sample = data[:4096]
    if len(sample) < 2 or (len(sample) < 8 and len(sample) % 2):
        return None
    exact = len(sample) < 8
    for enc, high, low in (("utf-16-le", sample[1::2], sample[0::2]),
                           ("utf-16-be", sample[0::2], sample[1::2])):
        nul_high = high.count(0) / len(high)
        nul_low = low.count(0) / len(low)
        if exact:
            if nul_high == 1 and nul_low == 0:
                return enc
            continue
        big_high = len(high.translate(None, _SMALL)) / len(high)
        big_low = len(low.translate(None, _SMALL)) / len(low)
        if nul_low < 0.05 and (nul_high > 0.4 or (
                big_high < 0.05 and big_low > 0.5 and len(sample) >= MIN_WIDE_GUESS
                and _plausible(sample, enc))):
            return enc
    return None


_SMALL = bytes(range(0x20))  # (deleted by translate: what is left is 0x20 and above)


def _plausible(sample: bytes, enc: str) -> bool:
    """The UTF-16 reading of a sample whose high bytes are all small is letters and spaces in
    one script, not control characters, unassigned code points nor a jumble of scripts, and it
    has words or lines: binary records of small numbers have the same byte shape, but their
    values spread over every 256-character block they reach (Latin, Greek, Cyrillic...), where
    a text keeps to its script's few, with a space or a line end every few dozen letters."""
    text = sample[: len(sample) // 2 * 2].decode(enc, errors="replace")
    bad = sum(1 for c in text if (c < " " and c not in "\t\n\r\f") or "\x7f" <= c <= "\x9f"
              or c == "\ufffd" or (c >= "\x80" and unicodedata.category(c) == "Cn"))
    blocks = Counter(ord(c) >> 8 for c in text if c >= "\x80")  # a code unit's high byte
    common = sum(n for _, n in blocks.most_common(3))
    spaced = sum(1 for c in text if c.isspace()) >= max(1, len(text) // 64)  # words, lines
    return spaced and bad <= len(text) * 0.02 and common >= ONE_SCRIPT * sum(blocks.values())


ONE_SCRIPT = 0.9  # share of non-ASCII characters in the three commonest blocks (texts: 1.0)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if sample.startswith(_SIGNATURES):
        return True
    if sample.count(0) > max(2, len(sample) // 100):
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    if controls and b"\x08" in sample:  # overstrikes are text (see decode_bytes)
        controls -= len(_STRUCK_BYTES.findall(sample))
    return controls > len(sample) * 0.05


# Control bytes that mark binary data (not NUL, tab, line feed, form feed, CR or ESC).
_CONTROLS = bytes(b for b in range(32) if b not in (0, 9, 10, 12, 13, 27))


_HIGH = bytes(range(0x80, 0x100))
_NOT_LETTER = bytes(b for b in range(0x100) if not (65 <= b <= 90 or 97 <= b <= 122))
_HIGH_RUN = re.compile(rb"[\x80-\xff]{4,}")
LATIN_SHARE = 0.3  # at most this many bytes above 0x7F per ASCII letter


def _latin_shaped(data: bytes) -> bool:
    """Text in a Latin script with a few accented letters and typographic marks: its bytes
    above 0x7F are few next to its ASCII letters and come alone or in twos and threes ("café",
    "Größe", "–“"). Words in Cyrillic, Greek, Arabic, Hebrew, Thai or CJK code pages are runs
    of such bytes. On a short text the statistical guess cannot tell (it reads "caf\xe9" as
    an Urdu page); the shape can."""
    sample = data[:65536]
    high = len(sample) - len(sample.translate(None, _HIGH))
    letters = len(sample.translate(None, _NOT_LETTER))
    return 0 < high <= LATIN_SHARE * letters and not _HIGH_RUN.search(sample)


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # (40 ms to import: only for legacy bytes)

    best = from_bytes(data[:65536]).best()
    if best is None or best.chaos > 0.2:
        return None
    enc = _known(best.encoding)
    if enc and enc.startswith(("utf-16", "utf-32")) and not _wide_enough(data):
        return None  # "caf\xe9" read as two CJK characters: a single-byte page is likelier
    if enc in _LATIN_SINGLE_BYTE and _cp1252_ok(data):
        # Western pages are far more common than Central European ones, and the statistics
        # cannot tell them apart on short texts: prefer what browsers do.
        return "cp1252"
    return enc


MIN_WIDE_GUESS = 16  # bytes: below this a BOM-less UTF-16/32 guess is no evidence at all


def _wide_enough(data: bytes) -> bool:
    """Could a statistical UTF-16/32 guess (no BOM, no NUL pattern: CJK text) be right? Not on
    a tiny input, nor an odd length, nor bytes mostly printable ASCII (single-byte text)."""
    if len(data) < MIN_WIDE_GUESS or len(data) % 2:
        return False
    sample = data[:65536]
    other = len(sample.translate(None, _PRINTABLE_ASCII))  # bytes not printable ASCII
    return other > 0.3 * len(sample)


_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"


def _cp1252_ok(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True
