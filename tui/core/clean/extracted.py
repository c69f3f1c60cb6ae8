"""Body and metadata of text an HTML extractor already chose (one paragraph per line):
``clean_extracted``."""

from __future__ import annotations

import re

from tui.core.clean import meta
from tui.core.clean.dates import parse_date
from tui.core.clean.dedupe import _NORM
from tui.core.clean.lang import detect_lang
from tui.core.model import META_FIELDS

_WORD = re.compile(r"[^\W_]")  # a letter or a digit: prices and figures are content


def clean_extracted(
    text: str, known=None, title: str | None = None, code: frozenset[str] = frozenset()
) -> dict:
    """Body and metadata of text an extractor already chose (one paragraph per line): keep
    its paragraphs, dropping only lines without letters or digits (but a code block's:
    ``code``, and punctuation, kept with its neighbour: ``_marks_glued``), learned furniture
    and the headline when the text opens with it; a byline and a date line at its top go to
    the metadata."""
    from tui.core.clean.combine import drop_repeated_blocks  # (an HTML page's: loaded for it)
    from tui.core.clean.titles import PERMALINK, PERMALINK_ENDS

    lines = [" ".join(ln.split()) for ln in text.split("\n")]
    lines = [PERMALINK.sub("", ln) if ln.endswith(PERMALINK_ENDS) else ln for ln in lines]
    keep = _marks_glued([ln for ln in lines if ln and not (known and known(ln))], code)
    keep = drop_repeated_blocks(keep)  # a copy of the article or of posts, for other screens
    if keep and title:
        head, full = (_NORM.sub(" ", t.lower()).strip() for t in (keep[0], title))
        if head and head in full and len(head) >= len(full) // 2:
            keep = keep[1:]
    header: list[str] = []
    while len(keep) > 1 and len(header) < 3 and _is_stamp(keep[0]):
        header.append(keep.pop(0))  # "By Jane Holt", "Published May 3, 2022": metadata
    body = "\n\n".join(keep)
    out: dict = {"body": body, "lang": detect_lang(body)}
    if header:
        found = meta.header_fields(header, " ".join(keep[:4]))
        out.update({k: found[k] for k in ("author", "date") if found.get(k)})
    place, wire = meta.dateline(keep[0] if keep else "")
    out["dateline"], out["source"] = place, wire
    out["title"] = meta.lead_title(body)
    return {k: out.get(k) for k in ("body", *META_FIELDS)}


# Marks a line break set apart from their words ("Line one<br>,<br>Line two"): a line with
# no letter or digit, between lines with words, is text and stays with its neighbour. What
# goes, goes by one of these named rules (``_furniture_marks``), each seen on the benchmark
# pages: SEPARATORS ("|", "•", "* * *", "-", "=====", and a dash alone: a section's rule
# under a paragraph); DOTS (a full stop or an ellipsis alone: the dot after a button or a
# link, "Live" over ".", a dot leader); ICONS (symbols: arrows "← →", "×" of a cart's
# count, "◊ ∆" of a footnote, "☼ ☼ ☼", a carousel's "‹ ›"; a footnote's dagger); TOGGLES
# (brackets around nothing or a separator: a template's "{}", a thread's "[-]"); and
# decoration (a run of such lines, or a line of more than MARKS marks: "?", "?", "?").
SEPARATORS = frozenset("|•·*-_=~#/\\+—–")
DOTS = frozenset(".…")
ICONS = frozenset(("So", "Sm", "Sk", "Sc"))  # Unicode categories; and the daggers:
_DAGGERS = frozenset("†‡‹›")
_PAIRS = ("()", "[]", "{}", "<>")
_CLOSING_MARKS = frozenset(",;:!?)]}»”’")
_OPENING_MARKS = frozenset("([{«“‘¿¡")
_STRAIGHT = frozenset("\"'")  # a straight quote: it closes the line above's, else it opens
MARKS = 3


def _furniture_marks(marks: str) -> bool:
    """A line of only these ``marks`` (no letter, digit or space) is a page's furniture by
    a named rule: ``SEPARATORS``, ``DOTS``, ``ICONS`` (a currency sign after a figure is no
    icon: ``_marks_glued``), TOGGLES (``_PAIRS``), more than ``MARKS`` marks."""
    from unicodedata import category

    toggle = marks[:1] + marks[-1:] in _PAIRS and SEPARATORS.issuperset(marks[1:-1])
    return (
        len(marks) > MARKS
        or SEPARATORS.issuperset(marks)
        or DOTS.issuperset(marks)
        or toggle
        or all(category(c) in ICONS or c in _DAGGERS for c in marks)
    )


def _marks_glued(lines: list[str], code: frozenset[str]) -> list[str]:
    """``lines`` (not blank) with the lines without a letter or digit (but a code block's:
    ``code``) kept with their neighbours, as text a line break set apart: closing marks on
    the end of the line above ("Line one,"), opening marks on the start of the line below
    ("(quietly)"), a straight quote where it closes or opens, a currency sign after a
    figure ("0 €"); any other mark ("&", ":-)", "%", "[…]") stays a line of its own. What
    goes, goes by a named rule (``_furniture_marks``; a run of such lines: decoration)."""
    from unicodedata import category

    out: list[str] = []
    opening = ""  # opening marks waiting for the line below
    worded = [bool(_WORD.search(ln)) or ln in code for ln in lines]
    for k, ln in enumerate(lines):
        if worded[k]:
            out.append(opening + ln)
            opening = ""
            continue
        if not (k == 0 or worded[k - 1]) or not (k + 1 == len(lines) or worded[k + 1]):
            continue  # (a run of lines of marks: decoration)
        marks = ln.replace(" ", "")
        above = out[-1] if out and k else ""
        if len(marks) == 1 and category(marks) == "Sc" and above[-1:].isdigit():
            out[-1] += " " + marks  # ("59 €": the price's currency)
        elif _furniture_marks(marks):
            continue
        elif _STRAIGHT.issuperset(marks):
            if above.count(marks[0]) % 2:
                out[-1] += marks  # (it closes the quotation the line above opened)
            else:
                opening = marks
        elif _CLOSING_MARKS.issuperset(marks) and above:
            out[-1] += marks
        elif _OPENING_MARKS.issuperset(marks):
            opening = marks
        else:
            out.append(ln)  # (text of its own: "&", ":-)", "%", "[…]", a mark on top)
    if opening:
        out.append(opening)
    return out


def _is_stamp(line: str) -> bool:
    """A byline or a line that is a date and little more, above an extracted body."""
    n = len(line.split())
    return n <= 12 and (meta.byline(line)[0] is not None or (n <= 8 and bool(parse_date(line))))
