"""A manual page kept as text (``man tar | col -b``, ``man -P cat ls``, ``groff -man -Tutf8``).

A man page opens with its running header, the page's name and section at both ends and the
manual's name between them ("TAR(1)    GNU TAR Manual    TAR(1)"), and ends with its
running footer (the package and its version, the page's date, the name again: "GNU
coreutils 9.1    September 2022    LS(1)"); a paginated copy repeats both on every page.
Neither is the article: :func:`read` takes them out of the text and reads them as metadata
(nothing silently lost): the title is what the NAME section says ("tar - an archiving
utility"), the date the footer's, the source the package the footer names (else the
manual the header names). The sections (NAME, SYNOPSIS, DESCRIPTION, OPTIONS...) stay as
they are, for the plain-text cleaner to keep as a document's lines.
"""

from __future__ import annotations

import re

# "TAR(1)   GNU TAR Manual   TAR(1)": a name and section, a gap, ..., the same again
_HEADER = re.compile(
    r"(?P<page>[\w.+:@-]{1,60}\((?P<sec>[1-9nlx][\w]{0,8})\))"
    r"(?:(?:[ \t]*\t[ \t]*| {2,})(?P<manual>\S.*?))?(?:[ \t]*\t[ \t]*| {2,})"
    r"(?P=page)"
)
_MONTHS = re.compile(  # what a date column holds besides its date: digits, signs, months
    r"[\d\W_]+|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE
)
_GAP = re.compile(r"\t+| {3,}")  # what sets a header's or footer's columns apart
_HEADING = re.compile(r"[A-Z][A-Z0-9 /&'-]{1,40}")  # a section's heading, at the margin
_DASH = re.compile(r"\s(?:\\?-|\u2010|\u2212|\u2013|\u2014)\s")  # "tar - an archiving..."
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
TOP = 5  # non-blank lines below the header searched for the first section (NAME)
_BROKEN = "\u2010\u00ad"  # the hyphens only a formatter writes at a line's end
NAME_LINES = 12  # lines of the NAME section read for the title...
NAME_CHARS = 1000  # ...at most this long (openssl-cmds(1) names 50 commands: 393 characters)
FOOT_INDENT = 20  # a paginated copy's first page may close with its number alone, this far in


def header(line: str) -> re.Match[str] | None:
    """The running header ``line`` is (stripped of its indent), or None."""
    return _HEADER.fullmatch(line.strip())


def read(text: str) -> tuple[str, dict[str, str]]:
    """``text`` without its running header and footer lines, and the metadata they and the
    NAME section give (title, date, source), when it is a man page (a running header, a
    section heading below it, and the NAME line "name - what it does"); else (``text``, {}).
    The footer is the last line when it ends with the header's page name or has the same
    column at both ends ("BSD ... BSD"); any other last line stays in the text. A paginated
    copy's footers are taken out too, and one that gives the page's number where the name
    was ("GNU coreutils 9.1   September 2022   2") is read so; its first page may open with
    NAME, the header first written on the next page (``groff -rcR=0``)."""
    opening = _first_line(text)
    if opening.strip() != "NAME" and ("(" not in text[:400] or header(opening) is None):
        return text, {}  # (the common cases, answered before the text is split)
    lines = text.split("\n")
    top = next((k for k, ln in enumerate(lines) if ln.strip()), None)
    if top is None:
        return text, {}
    at = (
        top
        if opening.strip() != "NAME"
        else next((k for k, ln in enumerate(lines) if "(" in ln and header(ln)), None)
    )
    head = header(lines[at]) if at is not None else None
    if head is None or at is None:
        return text, {}
    start = top if at == top else top - 1  # (NAME on top: the first heading is that line)
    below = [k for k in range(start + 1, len(lines)) if lines[k].strip()][:TOP]
    first = next((k for k in below if _HEADING.fullmatch(lines[k].rstrip())), None)
    if first is None:
        return text, {}
    name = _name_line(lines, first)
    if not name:
        return text, {}  # no "name - what it does" line: no man page, nothing changed
    found: dict[str, str] = {"title": name}
    end = next((k for k in range(len(lines) - 1, top, -1) if lines[k].strip()), None)
    foot = lines[end].strip() if end is not None else ""
    cols = [c.strip() for c in _GAP.split(foot) if c.strip()]
    stem = " ".join(foot.split()).rpartition(" ")[0] + " "  # (a numbered footer, less its number)
    numbered = len(cols) > 1 and cols[-1].isdigit() and _paginated(cols, lines, stem)
    if numbered:
        cols[-1] = head["page"]
    dated = [d for d in map(_date, cols) if d]
    page = head["page"].lower()
    if not (
        0 < len(cols) <= 3 and (cols[-1].lower() == page or len(cols) > 1 and cols[0] == cols[-1])
    ):  # the header's page name at its end ("... LS(1)"), or the same at both ends ("BSD")
        foot, cols, dated = "", [], []
    if dated:
        found["date"] = dated[0]
    package = (
        cols[0]
        if len(cols) == 3
        and cols[0].lower() != page.split("(")[0]
        and cols[0] != cols[-1]
        or len(cols) == 2
        and cols[-1].lower() == page
        and not _date(cols[0])
        else None
    )  # ("BSD ... BSD": the system, mdoc's; "systemd 252   JOURNALCTL(1)": the package)
    name = page.split("(")[0]  # (in the title: "TAR ... TAR(1)" loses nothing)
    if any(c not in (cols[-1], package) and c.lower() != name and not _only_date(c) for c in cols):
        foot, cols, dated, package = "", [], [], None  # a column it cannot keep: left in the text
    if package and not any(c.isalpha() for c in package.removeprefix("Version")):
        package = f"{page.split('(')[0]} {package}"  # "2.11.2": "man 2.11.2"
    source = package or head["manual"]
    if source:
        found["source"] = " ".join(source.split())
    furniture = {" ".join(lines[at].split())} | ({" ".join(foot.split())} if foot else set())
    kept = [
        ln for ln in lines if not _furniture(ln, furniture, stem if foot and numbered else None)
    ]
    return "\n".join(kept).strip("\n"), {k: v for k, v in found.items() if v}


def _paginated(cols: list[str], lines: list[str], stem: str) -> bool:
    """A last line ending in a number (its columns ``cols``) is a paginated copy's footer: a
    column is a date ("September 2022"), or the same ``stem`` closes two pages or more; a
    text's last line "Zorro tally   2" is no footer."""
    if any(map(_only_date, cols[:-1])):
        return True
    return sum(_numbered(" ".join(ln.split()), stem) for ln in lines) >= 2


def _numbered(norm: str, stem: str) -> bool:
    """``norm`` (a line, single-spaced) is a footer ``stem`` followed by a page's number."""
    return norm.startswith(stem) and norm[len(stem) :].isdigit()


def _furniture(line: str, furniture: set[str], stem: str | None) -> bool:
    """``line`` is a running header or footer: one of ``furniture``, or, when the footers are
    numbered (``stem``: the last footer less its number), a footer with another number, or a
    page's number alone far to the right (a first page's footer, ``groff -rcR=0``)."""
    norm = " ".join(line.split())
    if norm in furniture:
        return True
    if stem is None or not norm.isdigit() and not norm.startswith(stem):
        return False
    if norm.isdigit():
        wide = line.expandtabs()
        return len(wide) - len(wide.lstrip()) >= FOOT_INDENT
    return _numbered(norm, stem)


def _first_line(text: str) -> str:
    """The first line of ``text`` that is not blank ("" when none is), read without
    splitting the rest."""
    start = 0
    while True:
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        if line.strip() or end < 0:
            return line if line.strip() else ""
        start = end + 1


def _name_line(lines: list[str], heading: int) -> str | None:
    """The first section's text when it names the page ("tar - an archiving utility"): its
    lines (below ``heading``, up to the next heading at the margin) as one line."""
    words: list[str] = []
    for ln in lines[heading + 1 : heading + 1 + NAME_LINES]:
        if ln.strip() and not ln[:1].isspace():
            break  # the next section
        for word in ln.split():  # (a word the formatter broke at its end: "lan‐" "guage")
            if words and words[-1][-1:] in _BROKEN and word[:1].isalpha():
                words[-1] = words[-1][:-1] + word
            else:
                words.append(word)
    said = " ".join(words)
    return said if said and _DASH.search(f" {said} ") and len(said) <= NAME_CHARS else None


def _only_date(column: str) -> bool:
    """Whether a footer's column is a date and nothing else ("2022-09-19", "September 2022"),
    so that the date read from it keeps all it says."""
    return bool(_date(column)) and not _MONTHS.sub("", column).strip()


def _date(column: str) -> str | None:
    """A footer's column as a date (ISO 8601, at the precision written: "September 2022")."""
    if not any(c.isdigit() for c in column):
        return None
    from tui.core.clean.dates import parse_date
    from tui.core.query_dates import DateError, parse_date_value  # ("September 2022")

    if found := parse_date(column):
        return found
    try:
        return parse_date_value(column)
    except DateError:
        year = _YEAR.search(column)  # "2022 September 19": the year, as far as it reads
        return year[0] if year else None
