"""Metadata read from the text around the body: title, standfirst, byline, source, date,
dateline."""

from __future__ import annotations

import re

from tui.core.clean.bylines import agency, byline
from tui.core.clean.dates import find_dates
from tui.core.clean.lines import furniture_kind
from tui.core.clean.mail import NAMES as MAIL_NAMES
from tui.core.clean.mail import fields as mail_fields
from tui.core.clean.mail import head_end
from tui.core.clean.tables import piped_line

_LONG_WORDS = re.compile(r"[^\W_]{3,}")  # (words of three letters or more: a run is matched whole)
_DENSE = re.compile(r"[\u0e00-\u0eff\u3040-\u30ff\u3400-\u9fff\u1000-\u109f]")
_HANDLE = re.compile(r"(?:^|\|)\s*@(?P<h>[A-Za-z0-9_.]{2,30})\s*(?:\||$)")
_PAREN = re.compile(r"\(([^()]{2,40})\)")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'\u00c0-\u024f-]+(?:(?:[ ,]+|/)[A-Z][A-Za-z.'\u00c0-\u024f-]+){0,3})"
    r"(?P<when>,\s*(?i:jan|feb|mar|apr|may|june?|july?|aug|sept?|oct|nov|dec)[a-zA-Z]*\.?\s+"
    r"\d{1,2})?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .-]{0,25})\))?\s*(?P<sep>--|—|–|:|-)"
    r"(?:\s+(?=\S)|(?<=-)(?=[A-Z][a-z]))")
# A second "Label:" after a comma or bar: the line is a row of labelled links, not a dateline.
_NEXT_LABEL = re.compile(r"[,;|]\s*[A-Z][\w-]*:\s")
# Words news pages put before a colon or dash at the start of a paragraph that are not places.
_LABELS = {"summary", "update", "updated", "updates", "breaking", "breaking news", "exclusive",
           "watch", "listen", "video", "photos", "photo", "note", "editor's note", "analysis",
           "opinion", "review", "live", "warning", "attention", "correction", "read", "also",
           "source", "sources", "background", "context", "why", "what", "how", "key points",
           "highlights", "atenção", "atención", "attenzione", "achtung", "résumé", "resumen",
           "resumo", "mise à jour", "actualización", "atualização", "aggiornamento", "en bref",
           "next", "previous", "prev", "up", "contents"}  # (a manual's navigation row)
_LABEL = re.compile(r"(?:published|created|posted|first published)\W*$", re.I)
SALUTATION = 3  # words at most of a letter's opening line ("Dear Ms Holt,")
SIGNATURE = "-- "  # the line that opens an e-mail's signature (kept as written)
_MAIL_HEADS = tuple(f"{name}: " for name in MAIL_NAMES)


def words(text: str) -> set[str]:
    """Content words of ``text``; for scripts without spaces, its character pairs."""
    if not text.isascii() and _DENSE.search(text):
        dense = "".join(_DENSE.findall(text))
        return {dense[i:i + 2] for i in range(len(dense) - 1)}
    return set(_LONG_WORDS.findall(text.lower()))


def size(text: str) -> int:
    """Length in words (a character of Chinese, Japanese, Thai... counts half a word)."""
    n = len(text.split())
    return n if text.isascii() else n + len(_DENSE.findall(text)) // 2


# Words of a heading a bare "By" opens ("By Topic", "By Popular Demand"): no name holds them
_NO_NAME = frozenset("""the a an and or of our your my all this more most other topic topics
category categories tag tags date month year author authors subject region country type
section series genre popular popularity demand design request invitation order numbers number
name title location season theme format language price brand default way hand day week
example comparison contrast""".split())
_PARTICLES = frozenset({"de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "bin",
                        "al", "el", "y", "ter"})


def signed(line: str) -> str | None:
    """The author a line under a post names ("Posted by Ann Lee at 10:42 AM", "Written by Ann";
    ``byline``). A bare "By" only before a name's shape: two to four capitalised words, none
    of a heading's (a sidebar's "By Topic", "By Popular Demand", "By Category: Politics", "By
    Order of the Court" name none)."""
    low = line.lower()
    if not low.startswith(("posted by ", "written by ", "by ")):
        return None
    who = byline(line)[0]
    if not who or low.startswith(("posted by ", "written by ")):
        return who
    ws = who.split()
    named = 2 <= len(ws) <= 4 and ws[0][:1].isupper() and ws[-1][:1].isupper() and all(
        (w[:1].isupper() or w in _PARTICLES) and w.lower() not in _NO_NAME
        and all(c.isalpha() or c in "'’.-" for c in w) for w in ws)
    return who if named else None


def dateline(first: str) -> tuple[str | None, str | None]:
    """(place, agency) from a body's opening 'TOKYO --', 'Tokyo:', 'WASHINGTON (AP) —' or
    'LOS ANGELES, Feb 26 -' (then the place is 'LOS ANGELES, Feb 26', as the wire writes it)."""
    m = _DATELINE.match(first or "")
    if not m or len(m["place"]) > 40:
        return None, None
    place = m["place"].strip(" ,")
    if place.lower() in _LABELS or _NEXT_LABEL.search(first, m.end()):
        return None, None  # a label, or a row of them ("Next: Types, Up: Using libffi")
    if m["sep"] == "-" and not (m["when"] or m["agency"]):
        return None, None  # a lone hyphen separates only "PLACE, Month D -" (wire copy)
    if not (place.isupper() or m.group(0).rstrip().endswith(":") or m["agency"]
            or "-" in m.group(0)[len(place):]):
        return None, None
    if m["when"]:  # the wire's "LOS ANGELES, Feb 26 -": the dateline names the day too
        place = f"{place}, {' '.join(m['when'].strip(' ,').split())}"
    return place, (agency(m["agency"]) or m["agency"]) if m["agency"] else None


def signoff(lines: list[str]) -> str | None:
    """The agency of a wire story's sign-off: its last line is the agency's name alone
    (" Reuter", "AP")."""
    last = next((ln.strip() for ln in reversed(lines) if ln.strip()), "")
    if len(last.split()) > 3:
        return None
    return agency(last) or ("Reuters" if last.lower().strip(" .") == "reuter" else None)


def headline_shape(line: str) -> bool:
    """A wire or plain-text headline: a short line in capitals ("U.S. SPENDING ROSE 1 PCT"),
    not split by pipes (a table's row, a menu: ``piped_line``)."""
    if line.startswith(_MAIL_HEADS) or piped_line(line):
        return False  # an e-mail's header line
    letters = [c for c in line if c.isalpha()]
    return (2 <= len(line.split()) <= 25 and len(letters) >= 8
            and sum(c.isupper() for c in letters) >= 0.9 * len(letters))


def header_fields(header: list[str], body_head: str,
                  kinds: list[str | None] | None = None) -> dict:
    """What the lines above the body say: title, summary, author, source, date, dateline.
    ``body_head``: the body's opening (a title shares words with it); ``kinds``: each header
    line's furniture kind, when already known. An e-mail's header block says the title (its
    subject), the author (its sender) and the date."""
    if header and header[0].startswith(_MAIL_HEADS):
        found = mail_fields(header)
        if found is not None:
            return found
    out: dict = {}
    title_at = None
    body_words: set[str] | None = None
    for k, line in enumerate(header):
        n = size(line)
        kind = kinds[k] if kinds is not None else furniture_kind(line)
        caption = kind == "caption"
        author, source = byline(line)
        if author and "author" not in out:
            out["author"] = author
        if source and "source" not in out:
            out["source"] = source
        pipes = [p.strip() for p in line.split("|") if p.strip()]
        dates = [] if caption else find_dates(line)
        if dates and n <= 25:
            labelled = _LABEL.search(line[: dates[-1][0]])
            out["_date"] = dates[-1][1] if labelled and len(dates) > 1 else dates[0][1]
        if len(pipes) >= 2 and n <= 25 and (dates or any(p.startswith("@") for p in pipes)):
            _pipe_byline(pipes, out)
        handle = _HANDLE.search(line) if "@" in line else None
        if handle and "source" not in out:
            out["source"] = handle["h"]
        if (title_at is None and 3 <= n <= 30 and not caption and not dates and not author
                and len(pipes) < 3 and not line.rstrip().endswith(".") and kind is None
                and not piped_line(line) and not line.startswith((">", "... "))):  # (quoted)
            if body_words is None:
                body_words = words(body_head)
            own = words(line)
            if len(own & body_words) >= min(2, len(own)):
                out["title"], title_at = line.strip(), k
        elif (title_at is not None and "summary" not in out and n >= 8 and not caption
              and not dates and not author and line.strip() != out.get("title")):
            out["summary"] = line.strip()
    if "_date" in out:
        out["date"] = out.pop("_date")
    return out


def _pipe_byline(pipes: list[str], out: dict) -> None:
    """'Reuters | Tokyo | Updated: ...' or '| @outlet | Oct 14, 2022': source, then place."""
    for p in pipes:
        if find_dates(p) or re.search(r"\d", p):
            continue
        name = p.lstrip("@").strip()
        if "source" not in out and (agency(name) or p.startswith("@")):
            out["source"] = agency(name) or name
        elif "source" in out and "dateline" not in out and re.fullmatch(
                r"[A-Z][a-z\u00e0-\u024f]+(?: [A-Z][a-z\u00e0-\u024f]+)?", name):
            out["dateline"] = name


def credit_source(lines: list[str]) -> str | None:
    """An agency named in a photo credit, e.g. '(Pool photo)(Kyodo)' or '(AP Photo/...)'."""
    for line in lines:
        last = line[-1:]  # (only a line ending in white space needs stripping)
        if last != ")" and not (last.isspace() and line.rstrip().endswith(")")):
            continue
        for inner in reversed(_PAREN.findall(line)):
            for part in re.split(r"[/,;]", inner):
                ag = agency(part) or agency(part.replace("Photo", "").replace("photo", ""))
                if ag:
                    return ag
    return None


def salutation(line: str) -> bool:
    """A letter's opening line: "Hi Anna,", "Dear Ms Holt,"."""
    return line.endswith(",") and len(line.split()) <= SALUTATION


CLOSING_WORDS = 3  # a closing or a name ("Thanks", "Anna Lee"): over a bare "--", under a closing
_PROSE = 8  # words of a line of prose (the mail's body)


def bare_signature(text: str) -> int | None:
    """The line of ``text`` that is its signature separator written "--" (its trailing space
    lost), when the text is a letter: one such line, no "-- " line, a salutation opening the
    text (after an e-mail's header block), prose above it, and right above it a closing
    line or a name ("Thanks", "Anna"), or no prose under it (a signature: "Anna Lee", "Tel.
    ..."). A "--" elsewhere (a rule between a newsletter's paragraphs, a table's, a
    command's) is none. The text is never rewritten: the cleaner reads that line as
    ``SIGNATURE`` and the body keeps it as written (``api._clean``)."""
    if "\n--" not in text:
        return None  # (the common case, at once)
    lines = text.split("\n")
    at = [k for k, ln in enumerate(lines) if ln.rstrip() == "--"]
    if len(at) != 1 or SIGNATURE in lines:
        return None
    k = at[0]
    above = [ln.strip() for ln in lines[head_end(lines) : k] if ln.strip()]
    below = [ln for ln in lines[k + 1 :] if ln.strip()]
    if not (below and above and salutation(above[0])):
        return None
    if not any(len(ln.split()) >= _PROSE for ln in above[1:]):
        return None
    close = above[-1]
    closing = (len(close.split()) <= CLOSING_WORDS and close[:1].isupper()
               and not close.endswith((".", ":", ";")) and not close.isupper())
    if closing or not any(len(ln.split()) >= _PROSE for ln in below):
        return k
    return None


# A letter's closing line ("Regards,", "Viele Grüße"): one of these (lower case, without its
# punctuation), or a line of at most CLOSING_WORDS words ending with a comma.
SIGN_OFFS = frozenset({
    "regards", "best regards", "kind regards", "warm regards", "best wishes", "best",
    "thanks", "thank you", "many thanks", "thanks again", "cheers", "sincerely",
    "yours sincerely", "yours faithfully", "yours truly", "yours", "love", "all the best",
    "take care", "viele grüße", "beste grüße", "liebe grüße", "mit freundlichen grüßen",
    "freundliche grüße", "gruß", "grüße", "cordialement", "bien cordialement", "amitiés",
    "bien à vous", "saludos", "un saludo", "atentamente", "cordiali saluti", "saluti",
    "groeten", "met vriendelijke groet", "hälsningar", "pozdrawiam",
})
LETTER_TAIL = 6  # short lines at most under a letter's last line of prose: the closing among
# the first two, a name, a short signature ("Head of Finance, ACME Ltd", "Tel. +49 ...")
TAIL_WORDS = 8  # words at most of such a line


def letter_end(lines: list[str]) -> int | None:
    """The line where a letter's signature starts when it has no separator ("-- "): the
    text (after an e-mail's header block) opens with a salutation ("Hi Tom,"), has prose,
    and ends with at most ``LETTER_TAIL`` short lines (``TAIL_WORDS``) holding a closing
    (``SIGN_OFFS``) among their first two; the signature is what is under the closing and
    the name under it ("Regards," / "Anna Lee" / "Head of Finance" / "Tel. ..."). None
    when the text is no such letter or nothing is under the name."""
    start = head_end(lines)
    first = next((ln.strip() for ln in lines[start:] if ln.strip()), "")
    if not salutation(first):
        return None  # (the common case, answered before the lines are indexed)
    idx = [k for k in range(start, len(lines)) if lines[k].strip()]
    if len(idx) < 4:
        return None
    n = len(idx)
    while n > 1 and len(lines[idx[n - 1]].split()) <= TAIL_WORDS:
        n -= 1
    tail = idx[n:]
    if n < 2 or not tail or len(tail) > LETTER_TAIL:
        return None  # (no prose under the salutation, or a long run of short lines)
    for c, k in enumerate(tail[:2]):
        if _closing_line(lines[k].strip()):
            name = tail[c + 1 : c + 2]
            under = c + 1 + (bool(name) and _name_line(lines[name[0]].strip()))
            return tail[under] if under < len(tail) else None
    return None


def _closing_line(line: str) -> bool:
    words = line.split()
    return line.rstrip(",.!").strip().lower() in SIGN_OFFS or (
        0 < len(words) <= CLOSING_WORDS and line.endswith(",") and line[:1].isupper())


def _name_line(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= CLOSING_WORDS and all(w[:1].isupper() for w in words)


def lead_title(body: str) -> str | None:
    """A title derived from the lead when the page has none: its first sentence, shortened."""
    first, _, rest = body.strip().partition("\n")
    while piped_line(first) and rest.strip():  # (a table's row is no title: the text under it)
        first, _, rest = rest.strip().partition("\n")
    if salutation(first) and rest.strip():
        first = rest.strip().split("\n", 1)[0]  # "Hi Bob," opens a letter, it is no title
    if not first:
        return None
    sentence = re.split(r"(?<=[.!?。！？])\s", first, maxsplit=1)[0]
    ws = sentence.split()
    return " ".join(ws[:16]).rstrip(".,;:") + ("…" if len(ws) > 16 else "")
