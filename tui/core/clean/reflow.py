"""Hard-wrapped text to whole paragraphs: wire copy, e-mail, man pages, changelogs.

A text is hard-wrapped when most of its lines end near one width (the wrap column). In such a
text two lines are one paragraph when the first stopped because the next word would not have
fitted, and the second does not open a paragraph by the text's own convention: an indent
deeper than the line above (wire copy), a blank line, a list marker. Lines that end well short
of the column (verse, addresses, signatures), lines laid out in columns (tables) and code stay
lines. A word hyphenated across a line end is joined; the hyphen goes only when the text
writes the word whole elsewhere (wrapping tools break compounds at their hyphen:
"well-known", "mid-March").

A list item's continuation lines, set at its text's column (a hanging indent: "  * fix the"
over "    crash"), go on with the item in a text wrapped at a column, and in one laid out as a
file (``items``).

Nothing is dropped: joining only removes line breaks, the indentation they carried and, at
most, a hyphen of hyphenation.
"""

from __future__ import annotations

import re
from itertools import groupby

from tui.core.clean import mail
from tui.core.clean.meta import SIGNATURE, salutation

MIN_LINES = 4  # fewer non-blank lines: nothing to learn a wrap column from
MAX_WIDTH = 110  # a "column" wider than this is one paragraph per line already
MIN_WIDTH = 30
NEAR = 0.72  # a line this close to the column (share of it) counts as wrapped
WRAPPED_SHARE = 0.35  # ...and this share of a text's lines must be, for it to be wrapped
OPEN_SHARE = 0.25  # an indent opens paragraphs when it does so this often, next to the commonest
MID_SENTENCE = 0.5  # ...and this share of those must stop mid-sentence
LOWER_NEXT = 0.3  # ...and this share of the lines after them go on in lower case
_SENTENCE_END = frozenset(".!?\"”’'»)")
SLACK = 2  # characters of tolerance on the "next word would not fit" test
_LIST = re.compile(r"^(?:[-*+•·▪◦‣]\s|\(?(?:\d{1,3}|[a-zA-Z]|[ivx]{1,4})[.)]\s)")
_COLUMNS = re.compile(r"\S(?: {3,}|\t)\S")
_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
JUSTIFIED_GAP = 4  # a justified line spreads its slack over word gaps of at most this many spaces
# A term and its description on one line ("-c     with -lt: sort by..."), the description
# going on below at the column it starts at (a hanging indent, as in man pages).
_TERM = re.compile(r"^\s*\S+(?: \S+)?(?: {2,}|\t)(?=\S)")
_CODE_END = re.compile(r"[{}]\s*$|^\s*[}\])]|(?:\w\(.*|=.*|\))\s*;\s*$")  # prose ends in ";" too
_HYPHENATED = re.compile(r"([^\W\d_]+)([-\u2010\u00ad])$")
# Hyphens only a formatter writes at a line end (groff's U+2010, the soft hyphen): a word
# broken to fit, never a compound.
_FORMATTER_HYPHENS = "\u2010\u00ad"
_WORD_START = re.compile(r"^[^\W\d_]+")
_DATELINE_ONLY = re.compile(r"^[A-Z][\w.' ,-]{1,60} (?:-|--|—|–)$")


def wrap_width(lines: list[str]) -> int | None:
    """The column a text is wrapped at, or None when it is not hard-wrapped."""
    sizes = sorted(filter(None, map(len, map(str.rstrip, lines))))  # (blank lines: 0, left out)
    if len(sizes) < MIN_LINES:
        return None
    width = sizes[int(0.98 * (len(sizes) - 1))] if len(sizes) >= 50 else sizes[-1]
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    near = [ln.rstrip() for ln in lines if ln.strip() and NEAR * width <= len(ln.rstrip()) <= width]
    if len(near) < WRAPPED_SHARE * len(sizes):
        return None
    # Wrapped lines stop mid-sentence; lines that are paragraphs end like sentences.
    open_ended = sum(1 for ln in near if ln[-1] not in _SENTENCE_END)
    if open_ended < MID_SENTENCE * len(near):
        return None
    # ...and the line after one is the same sentence going on, often in lower case; verse
    # capitalises every line.
    after = [nxt.strip()[:1] for ln, nxt in zip(lines, lines[1:])
             if nxt.strip() and NEAR * width <= len(ln.rstrip()) <= width]
    lower = sum(1 for c in after if c.islower() or c.isdigit() or c in "(\"“'‘")
    return width if lower >= LOWER_NEXT * len(after) else None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _structured(line: str, width: int = 0) -> bool:
    """A line laid out as a line: columns of a table, code. A line justified to the wrap
    column ``width`` (its wide gaps spread between words) is prose."""
    body = line.strip()
    if _CODE_END.search(body):
        return True
    if not _COLUMNS.search(body):
        return False
    # a tab is a column stop, never a justified gap (no space gap at all: columns)
    gaps = _GAP.findall(body)
    return not (width and len(line.rstrip()) >= width - 1
                and gaps and max(map(len, gaps)) <= JUSTIFIED_GAP)


def _hanging(prev: str, line: str, width: int) -> bool:
    """``line`` goes on with the description of a term ``prev`` opens ("-c     with -lt:...")
    at the column the description starts at."""
    m = _TERM.match(prev)
    return bool(m and _indent(line) == m.end() > _indent(prev)
                and not _structured(" " * m.end() + prev[m.end():], width)
                and _fills(prev, line, width))


def first_line_indents(lines: list[str], width: int) -> frozenset[int]:
    """Indents that open paragraphs in this text: a line at such an indent is followed by a
    wrapped continuation at a shallower indent (wire copy's four spaces) at least half as often
    as by a full line at the same indent (a block-indented quotation), and at least twice or,
    in a short text, as often as a quarter of the commonest such indent (a stray space once is
    not a convention)."""
    shallower: dict[int, int] = {}
    same: dict[int, int] = {}
    prev = ""
    for ln in lines:
        if ln.strip() and prev.strip() and _fills(prev, ln, width):
            i, j = _indent(prev), _indent(ln)
            if i > j:
                shallower[i] = shallower.get(i, 0) + 1
            elif i == j and prev.rstrip()[-1] not in _SENTENCE_END:
                # (a line ending a sentence may end a one-line paragraph: no evidence of a
                # block-indented quotation)
                same[i] = same.get(i, 0) + 1
        prev = ln
    top = max(shallower.values(), default=0)
    return frozenset(i for i, v in shallower.items()
                     if i > 0 and v >= min(2, OPEN_SHARE * top) and 2 * v >= same.get(i, 0))


def _fills(prev: str, line: str, width: int) -> bool:
    """``prev`` stopped because the first word of ``line`` would not have fitted."""
    first = line.split(maxsplit=1)[0]
    return len(prev.rstrip()) + 1 + len(first) > width - SLACK


def continuation_indent(lines: list[str], opens: frozenset[int]) -> int:
    """The indent of a paragraph's second and later lines where paragraphs open at ``opens``:
    the commonest indent that does not open one."""
    counts: dict[int, int] = {}
    for ln in lines:
        if ln.strip() and _indent(ln) not in opens:
            counts[_indent(ln)] = counts.get(_indent(ln), 0) + 1
    return max(counts, key=lambda i: (counts[i], -i)) if counts else 0


def joins(prev: str, line: str, width: int, opens: frozenset[int] = frozenset(),
          base: int = 0, inside: bool = True, last: bool = False) -> bool:
    """Whether ``line`` continues the paragraph whose last line is ``prev`` (both non-blank,
    tabs expanded) in a text wrapped at ``width``. ``opens``: the indents that open a
    paragraph in this text (then every line at the continuation indent ``base`` continues
    one, however short the line above, once ``inside`` a paragraph so opened). ``last``: the
    text's last line (a sign-off such as " Reuter" is not a continuation)."""
    head = line.strip()
    if _LIST.match(head) or _structured(line, width) or head == "--":
        return False  # ("-- ": an e-mail's signature opens below)
    if _structured(prev, width):
        return not opens and _hanging(prev, line, width)
    if opens:
        if _DATELINE_ONLY.match(prev.strip()):
            return True  # "NEW YORK, March 2 -" on a line of its own opens the next one
        if _indent(line) < min(opens) and _indent(line) != base:
            return not last  # shallower than an opening: a continuation (not the sign-off)
        return _indent(line) == base <= _indent(prev) and (inside or _fills(prev, line, width))
    if _indent(line) > _indent(prev):
        # Deeper than the line above opens a paragraph, unless it is a list item's
        # continuation (hanging indent under the item's text).
        marker = _LIST.match(prev.strip())
        if not marker or _indent(line) != _indent(prev) + marker.end():
            return _hanging(prev, line, width)
    return _fills(prev, line, width)


def _glue(prev: str, nxt: str, text: str) -> str:
    """``prev`` and ``nxt`` as one line, mending a word hyphenated across the break."""
    m = _HYPHENATED.search(prev)
    if m and not prev.endswith(" -") and nxt[:1].isalpha():
        if m[2] in _FORMATTER_HYPHENS:
            return prev[:-1] + nxt  # "speci\u2010" + "fied"
        if nxt[:1].islower() and m[1][:1].islower():
            rest = _WORD_START.match(nxt)
            whole = m[1] + (rest[0] if rest else "")
            low = text.lower()
            if re.search(rf"\b{re.escape(whole.lower())}\b", low) and (
                    f"{m[1]}-{rest[0] if rest else ''}".lower() not in low):
                return prev[:-1] + nxt  # typographic hyphenation: "inter-" + "national"
        return prev + nxt  # a compound split at its hyphen: "well-" + "known", "mid-" + "March"
    return prev + " " + nxt


def reflow(text: str, hanging: bool = False, manual: bool = False) -> str:
    """``text`` with each hard-wrapped paragraph on one line (indentation of its first line
    kept); returned unchanged when the text is not hard-wrapped, but for its list items'
    continuations when ``hanging`` (a text laid out as a file: ``plain.file_layout``). An
    e-mail's header block (``mail``) becomes the three headers the cleaner reads above its
    body. Lines quoted as e-mail quotes them (``> ``) are a text of their own: they do not
    count in the wrap column of the rest and are reflowed among themselves, their markers
    kept. ``manual``: the text is a man page (``manpage``), whose indents are its sections'
    and lists', none opening a paragraph as wire copy's do. An e-mail pasted without its
    headers (``_letter``) is reflowed as an e-mail's body is."""
    if manual and (width := wrap_width(lines := text.expandtabs(8).split("\n"))):
        return "\n".join(_join(lines, width, text, opening=False))
    if ":" in text[:200]:
        found = mail.split(text)
        if found:
            heads, body = found
            return f"{mail.render(heads)}\n\n{_mail_reflow(body, hanging)}"
    if _letter(text):  # (an e-mail pasted without its headers: reflowed as one)
        return _mail_reflow(text, hanging)
    return _reflow(text, hanging)


def _letter(text: str) -> bool:
    """``text`` is an e-mail pasted without its headers: it opens with a salutation ("Hi
    Anna,": at most ``SALUTATION`` words ending with a comma) and holds lines quoted as
    e-mail quotes them ("> ...") or a signature's separator ("-- ")."""
    if not salutation(text.lstrip().split("\n", 1)[0].strip()):
        return False
    return any(ln == SIGNATURE or _quoted(ln) for ln in text.split("\n"))


MAIL_WRAP = 60  # a mail line this long that stops mid-sentence was wrapped (clients: 72-78)
PROSE_WORDS = 4  # a shorter line is no wrapped prose line (a sign-off, a name, an address)
_CODE_LIKE = re.compile(r"[=${}\[\]<>|\\;`]|\w\(|^-{2,}|-{3,}")  # code, "-----Original..."
_FIELD = re.compile(r"^[A-Z][\w-]*: ")  # a quoted header field ("Sent: Monday, March 4")


def _mail_reflow(body: str, hanging: bool = False) -> str:
    """An e-mail's body reflowed: its own lines and each run of quoted lines ("> ", nested
    "> > " runs inside) on their own, each by its wrap column when it has one (``_reflow``),
    else as too short to learn one from (``_short_mail``): a quotation's wrapped lines are
    its paragraphs, one a line, as the author's are."""
    lines = body.split("\n")
    if "\t" in body:
        lines = [ln.expandtabs(8) for ln in lines]
    plain = [ln for ln in lines if not _quoted(ln)]
    width = wrap_width(plain)
    widest = max((len(ln.rstrip()) for ln in plain if ln.rstrip() != "--"), default=0)
    out: list[str] = []
    for quoted, group in groupby(lines, key=_quoted):
        run = list(group)
        if quoted:
            out.extend(_requoted(run, _mail_reflow, hanging))
        elif width:
            out.extend(_join(run, width, body, plain))
        else:
            out.extend(_short_mail(items(run, body) if hanging else run, widest, body))
    return "\n".join(out)


def _short_mail(lines: list[str], width: int, text: str) -> list[str]:
    """Lines of an e-mail (or of a quotation in one) too short to learn its wrap column from:
    a line goes on in the next when the next one's first word would not have fitted on it,
    ``width`` being the longest line's length (``joins``), or when it is ``MAIL_WRAP``
    characters or more, stops mid-sentence and the next opens in lower case at its indent
    (mail clients wrap at 72 to 78 columns). The signature's separator stays a line."""
    out: list[str] = []
    prev = ""  # the line above as written (not as joined)
    for ln in lines:
        if (prev.strip() and ln.strip() and prev.rstrip()[-1] != ":"  # ("Bob wrote:")
                and SIGNATURE.strip() not in (prev.strip(), ln.strip())):
            fits = width >= MIN_WIDTH and _prose(prev, ln) and joins(prev, ln, width)
            wrapped = (len(prev.rstrip()) >= MAIL_WRAP and prev.rstrip()[-1] not in _SENTENCE_END
                       and _indent(ln) == _indent(prev) and ln.strip()[:1].islower()
                       and not _LIST.match(ln.strip()))
            if fits or wrapped:
                out[-1] = _glue(out[-1].rstrip(), ln.strip(), text)
                prev = ln
                continue
        out.append(ln if ln == SIGNATURE else ln.rstrip())
        prev = ln
    return out


def _prose(prev: str, line: str) -> bool:
    """``prev`` and ``line`` read as a wrapped sentence: ``prev`` a line of prose (4+ words, no
    code or "Key: value" field) stopping mid-sentence (not a "Best regards," sign-off), ``line``
    prose going on in lower case; else each is a line of its own (an address, a command...)."""
    head, tail = prev.strip(), line.strip()
    return (len(head.split()) >= PROSE_WORDS and head[-1:].isalnum() and tail[:1].islower()
            and not any(_CODE_LIKE.search(t) or _FIELD.match(t) for t in (head, tail)))


def _reflow(text: str, hanging: bool = False) -> str:
    lines = text.split("\n")
    if "\t" in text:
        lines = [ln.expandtabs(8) for ln in lines]
    if ">" not in text or not any(map(_quoted, lines)):
        width = wrap_width(lines)
        if width is None:
            joined = items(lines, text) if hanging else lines  # (as many lines: none joined)
            return text if len(joined) == len(lines) else "\n".join(joined)
        return "\n".join(_join(lines, width, text))
    plain = [ln for ln in lines if not _quoted(ln)]
    width = wrap_width(plain)
    out: list[str] = []
    for quoted, group in groupby(lines, key=_quoted):
        run = list(group)
        if quoted:
            out.extend(_requoted(run, _reflow, hanging))
        else:
            out.extend(
                _join(run, width, text, plain) if width else items(run, text) if hanging else run
            )
    return "\n".join(out)


def _item_column(line: str) -> int | None:
    """The column a list item's text starts at ("  * fix": 4), or None for no item."""
    marker = _LIST.match(line.lstrip())
    return _indent(line) + marker.end() if marker else None


def _hangs(line: str, column: int | None) -> bool:
    """``line`` goes on with the list item whose text starts at ``column``: it is set at that
    column exactly (a hanging indent), opens no item of its own and is no table's or code's."""
    return (
        column is not None
        and column > 0
        and _indent(line) == column
        and not _LIST.match(line.lstrip())
        and not _structured(line)
    )


def items(lines: list[str], text: str) -> list[str]:
    """``lines`` (tabs expanded) with each list item's continuation lines (``_hangs``) joined
    to it; every other line as it was."""
    out: list[str] = []
    column: int | None = None
    for ln in lines:
        if out and ln.strip() and _hangs(ln, column):
            out[-1] = _glue(out[-1].rstrip(), ln.strip(), text)
            continue
        column = _item_column(ln) if ln.strip() else None
        out.append(ln)
    return out


_QUOTE = re.compile(r"^> ?")


def _requoted(run: list[str], reflow, hanging: bool) -> list[str]:
    """A run of quoted lines reflowed by ``reflow`` with one level of "> " taken off, then
    put back on every line (a nested quotation keeps its own marks). A quotation nested
    deeper than ``DEEPEST`` levels (no mail client writes one) is kept as its lines are, so
    the recursion stays shallow on any input."""
    if any(_depth(ln) > DEEPEST for ln in run):
        return run
    inner = reflow("\n".join(_QUOTE.sub("", ln, count=1) for ln in run), hanging)
    return [">" + ln if ln[:1] == ">" else "> " + ln if ln else ">" for ln in inner.split("\n")]


DEEPEST = 40  # quotation levels reflowed (each is one more call of the reflow)
_MARKS = re.compile(r"[> ]*")


def _depth(line: str) -> int:
    """How many "> " marks open ``line`` ("> > >" and ">>>" are 3)."""
    return _MARKS.match(line)[0].count(">")  # type: ignore[index]


def _quoted(line: str) -> bool:
    """A line quoted as e-mail quotes ("> ", ">> "); not a Python prompt (">>> ")."""
    return line[:1] == ">" and not line.startswith(">>> ")


def _join(lines: list[str], width: int, text: str, whole: list[str] | None = None,
          opening: bool = True) -> list[str]:
    """``lines`` of a text wrapped at ``width`` with each paragraph on one line. ``whole``:
    the lines the text's conventions are learnt from (all of ``lines`` when None);
    ``opening``: whether an indent may open paragraphs (``first_line_indents``)."""
    opens = first_line_indents(whole or lines, width) if opening else frozenset()
    base = continuation_indent(whole or lines, opens)
    out: list[str] = []
    prev_raw = ""
    column: int | None = None  # where the text of the list item being read starts
    inside = False  # a line at an opening indent was met since the last blank line
    end = max((k for k, ln in enumerate(lines) if ln.strip()), default=-1)
    for k, ln in enumerate(lines):
        if not ln.strip():
            inside = False
        elif _indent(ln) in opens:
            inside = True
        if out and ln.strip() and prev_raw.strip() and (
                _hangs(ln, column) or joins(prev_raw, ln, width, opens, base, inside, k == end)):
            out[-1] = _glue(out[-1].rstrip(), ln.strip(), text)
            if _LIST.match(ln.strip()):
                column = _item_column(ln)
        else:
            out.append(ln if ln == SIGNATURE else ln.rstrip())
            column = _item_column(ln) if ln.strip() else None
        prev_raw = ln
    return out
