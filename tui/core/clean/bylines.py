"""Bylines: the author and the source a line such as "By Jane Doe, Reuters" names, and the
short list of news agencies (a name that, in a byline or a credit, is a source)."""

from __future__ import annotations

import re

# News agencies and wire services: names that, in a byline or a credit, are the source.
AGENCIES = {
    "associated press": "Associated Press",
    "ap": "Associated Press",
    "reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "xinhua": "Xinhua",
    "yonhap": "Yonhap",
    "pti": "PTI",
    "ians": "IANS",
    "ani": "ANI",
    "bloomberg": "Bloomberg",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "tass": "TASS",
    "upi": "UPI",
    "bernama": "Bernama",
    "anadolu": "Anadolu",
    "jiji": "Jiji",
    "ibns": "IBNS",
}
_BY = re.compile(
    r"^\s*(?:(?i:by|written by|posted by|von|par|por|di|door)(?=\s|:)"
    r"|By(?=[A-Z]{2}))\s*:?\s*(?P<rest>.+)$"
)
_BY_FIRST = frozenset("bBwWpPvVdD")  # what a line _BY matches can start with
_BY_TAIL = re.compile(
    r"\s+(?:on|at|am|le|el)\s+(?:\w+\s+)?\d|\s+\d|\s*\|\s*(?:updated|published|"
    r"posted|created)\b|\s+on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
    # a publishing phrase: "publiziert am", "publié le", "updated on"
    r"|\s+(?:(?:first|last)\s+)?(?:published|updated|posted|publiziert|"
    r"veröffentlicht|aktualisiert|publiée?|mis\s+à\s+jour|pubblicat[oa]|"
    r"aggiornat[oa]|publicad[oa]|actualizad[oa]|atualizad[oa]|gepubliceerd|"
    r"bijgewerkt)\b"  # a month's abbreviation over a date: "Jan. 31, 2026"
    r"|\s+(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.\s*\d",
    re.I,
)
_INITIALS = re.compile(r"(?:[A-Z]\.-?)+")  # "J.", "J.R.", "J.-P.": a name's initials
# A second author's conjunction ("and", "und", "et", "y", "e", "&") before a name's shape; the
# pieces' separators are kept (``byline``: a piece after one is an author, not the source).
_AND = r"\s+(?:and|und|et|y|e|&)\s+(?=[A-Z][\w'’-]+ [A-Z]|the [A-Z])"
# An outlet's marks in a piece after a conjunction ("and The New York Times", "and Bloomberg
# News"): a piece opening with "The", or ending in one of these words, is the source, not a
# second author (a person's name is two to five capitalised words with none of them).
_OUTLET_WORDS = frozenset(
    """news times post press journal herald tribune guardian telegraph daily magazine media
network radio tv television wire gazette chronicle observer independent standard mail
globe insider today weekly monthly agency service broadcasting online welle zeitung""".split()
)
# A conjunction left at a name's end when an agency after it was cut ("Jane Doe and the
# [Associated Press]", "Jane Doe and [Reuters]")
_TRAILING_AND = re.compile(r"\s+(?:and|und|et|y|e|&)(?:\s+the)?$", re.I)
_BY_PARTS = re.compile(rf"(,|\s*[|•·]\s*|\s+[-–—/]\s+|{_AND})")
# What follows a name after a comma and is neither a person nor an outlet: a generational
# suffix (kept with the name: "John Roe Jr.") or a degree (dropped, as no outlet): written
# with stops ("Ph.D.", "M.D.", "B.Sc.") or one of these common ones (an outlet in capitals,
# "CNN", "BBC", has the same shape: only a name of this list is a degree).
_SUFFIX = re.compile(r"(?i:jr|sr)\.?|I{2,3}|IV")
_DEGREE = re.compile(
    r"(?:[A-Z][a-z]{0,2}\.){2,}|(?:PhD|DPhil|MD|MBA|MSc|BSc|MA|BA|MPH|JD|LLM|"
    r"DDS|RN|CPA|FRCP|Esq)\.?"
)
# Words that open a credit after "and", never a second author's name ("and From Masculindians")
_NOT_OPENING_NAME = frozenset({"from", "the", "with", "for", "via", "in", "at", "of"})
_CAPS_NAME = re.compile(r"^((?:[A-Z][A-Z'.-]+\s*){2,4})(?=\s|$)(.*)$")
# A credential after a degree ("Elise Mandl, BSc, APD", "PhD, RD (UK)"): short capitals
_CREDENTIAL = re.compile(r"[A-Z]{2,6}(?:\s*\([A-Z]{2,3}\))?")
# A job title's last word ("Staff Writer", "IGN Staff", "AP Business Writer"): a piece ending
# so is a role; the outlet is what is before the title ("IGN"), none when nothing is ("Staff
# Writer"). As ``export/csl._ROLE_WORDS`` (kept apart: clean does not import export).
_ROLES = frozenset(
    """staff writer writers reporter reporters correspondent correspondents editor
editors contributor columnist""".split()
)
# A title's words before its last ("Senior Correspondent", "AP Business Writer")
_TITLE = _ROLES | frozenset(
    """senior chief special foreign political associate contributing
business diplomatic executive deputy managing digital""".split()
)


def agency(text: str) -> str | None:
    """The agency ``text`` names in full (case-insensitive; "The Associated Press" too), or
    None."""
    key = " ".join(text.lower().split()).strip(" .,|")
    return AGENCIES.get(key) or AGENCIES.get(key.removeprefix("the "))


def _credit(piece: str) -> tuple[bool, str | None]:
    """(is a role, its outlet) for a piece ending in a job title: "Reuters Staff" ->
    (True, "Reuters"), "AP Business Writer" -> (True, "Associated Press"), "IGN Staff" ->
    (True, "IGN"), "Staff Writer" -> (True, None); any other piece -> (False, None)."""
    ws = _stop_cut(piece).split()
    if not ws or ws[-1].lower() not in _ROLES:
        return False, None
    while ws and ws[-1].lower() in _TITLE:
        ws.pop()
    return True, (agency(" ".join(ws)) or " ".join(ws)) if ws else None


def _outlet(piece: str) -> str | None:
    """The source a byline's piece names: an agency, the outlet before a job title, else
    the piece when short; a title alone ("Staff Writer") is none."""
    role, outlet = _credit(piece)
    if role:
        return outlet if outlet and len(outlet.split()) <= 5 else None
    return agency(piece) or (piece if len(piece.split()) <= 5 else None)


def byline(line: str) -> tuple[str | None, str | None]:
    """(author, source) from a byline such as 'ByMARI YAMAGUCHI Associated Press'. Authors
    joined by a conjunction ("By Jane Doe and John Roe", "von A B und C D") are all kept,
    joined by ", " (as a feed's several authors are); an agency named alone ("By AP.") is
    the source, not a person; a degree after a comma ("Jane Doe, Ph.D.") is no outlet."""
    m = _BY.match(line) if line.lstrip()[:1] in _BY_FIRST else None
    if not m or len(line.split()) > 14:
        return None, None
    rest = _BY_TAIL.split(m["rest"])[0]
    bits = _BY_PARTS.split(rest)  # pieces, with the separator before each
    pieces = [
        (sep.strip(), p.strip()) for sep, p in zip(["", *bits[1::2]], bits[0::2]) if p.strip()
    ]
    if not pieces:
        return None, None
    ag = agency(pieces[0][1]) or agency(_credit(pieces[0][1])[1] or "")
    if ag is not None and len(pieces) == 1:
        return None, ag  # "By AP.", "By The Associated Press", "By Reuters Staff": a source
    names, source = [_name(pieces[0][1])], None
    if isinstance(names[0], tuple):  # "MARI YAMAGUCHI Associated Press", "Jane Doe Reuters"
        (first, source), names = names[0], []
        names.append(first)
    if names[0] is None:  # no name first ("By signing up you agree to our Terms of Use and
        # Privacy Policy."): a sentence, no byline; a conjunction opens no further author
        bits = re.split(r"(,|\s*[|•·]\s*|\s+[-–—/]\s+)", rest)
        pieces = [
            (sep.strip(), p.strip()) for sep, p in zip(["", *bits[1::2]], bits[0::2]) if p.strip()
        ]
    joined = names[0] is not None and any(
        sep and sep[0].isalpha() or sep == "&" for sep, _ in pieces
    )
    degree = False  # (a degree read: short capitals after it are credentials, "BSc, APD")
    for k, (sep, piece) in enumerate(pieces[1:], 1):
        piece = _stop_cut(piece)
        if sep == "," and _SUFFIX.fullmatch(piece) and names[-1]:
            names[-1] = f"{names[-1]} {piece}"  # "John Roe, Jr."
        elif sep == "," and _DEGREE.fullmatch(piece) and not agency(piece):
            degree = True  # "Jane Doe, Ph.D.", "Ann Lee, MD": a degree, no outlet
        elif sep == "," and degree and _CREDENTIAL.fullmatch(piece) and not agency(piece):
            continue  # "Elise Mandl, BSc, APD": a credential after a degree, no outlet
        elif agency(piece) or _credit(piece)[0]:
            source = source or _outlet(piece)  # (a role, "Staff Writer", gives none)
        elif (sep[:1].isalpha() or sep == "&") and _outlet_like(piece):
            source = source or _outlet(piece)  # "and The New York Times", "and Bloomberg News"
        elif joined and (sep[:1].isalpha() or sep == "&" or (sep == "," and _listed(pieces, k))):
            if piece.split()[0].lower() not in _NOT_OPENING_NAME:  # (not "and From Masculindians")
                names.append(_name(piece, alone=True))  # "and John Roe"; "A, B and C"
        elif source is None:
            source = _outlet(piece)
            if len(pieces) > 2 and not joined:
                break  # (as before: the second piece is the source, the rest unread)
    authors = [n for n in names if isinstance(n, str) and n]
    return (", ".join(authors) if authors else None), source


def _outlet_like(piece: str) -> bool:
    """``piece`` reads as an outlet, not a person: "The X", "X News", "X Times"."""
    ws = piece.split()
    return bool(ws) and (ws[0].lower() == "the" or ws[-1].lower().strip(".") in _OUTLET_WORDS)


def _listed(pieces: list[tuple[str, str]], k: int) -> bool:
    """Piece ``k`` (after a comma) is an author of a list a conjunction closes: "A, B and C"."""
    return any(sep[:1].isalpha() or sep == "&" for sep, _ in pieces[k + 1 :]) and bool(
        re.fullmatch(r"[A-Z][\w'’.-]+(?: [\w'’.-]+){1,3}", pieces[k][1])
    )


def _name(piece: str, alone: bool = False) -> str | None | tuple[str | None, str | None]:
    """The author a byline's first piece names (None when it names none), or (author, source)
    when a source follows the name in the same piece; ``alone``: a further author's piece
    (its trailing words never a source)."""
    head = _stop_cut(piece)  # "Jo Li.", "Jane Doe Reuters.": a sentence's stop
    caps = None if alone else _CAPS_NAME.match(head)
    source = None
    if caps and caps[2].strip() and not _INITIALS.fullmatch(caps[1].replace(" ", "")):
        # "MARI YAMAGUCHI Associated Press" (not "J. R. Smith": initials open a name)
        head, source = caps[1], caps[2].strip()
    elif not alone:  # "Jane Doe Reuters": a trailing agency name
        for ag in sorted(AGENCIES, key=len, reverse=True):
            if head.lower().endswith(" " + ag):
                head, source = _TRAILING_AND.sub("", head[: -len(ag)].strip()), ag
                break
    name = " ".join(
        w.capitalize() if w.isupper() and not _INITIALS.fullmatch(w) else w for w in head.split()
    )
    if len(ws := name.split()) > 5 and _INITIALS.fullmatch(ws[0]):  # "A. J. Neal View In
        k = next((k for k, w in enumerate(ws) if not _INITIALS.fullmatch(w)), 5)  # Digital Ed."
        name = " ".join(ws[: k + 1])  # (the initials and the surname: the rest is no name's)
    # (initials are no words of their own: "A. B. C. D. E. F. Gee" is a name of one word)
    own = [w for w in name.split() if not _INITIALS.fullmatch(w)]
    author = name if name and len(own) <= 5 and name[:1].isupper() else None
    if source is None:
        return author
    return author, _outlet(source)


_ABBREVIATIONS = frozenset("jr sr dr st mr mrs ms prof esq".split())  # "Jr.": its stop stays


def _stop_cut(name: str) -> str:
    """``name`` without a sentence's full stop ("Jo Li." -> "Jo Li"); an initial's, an
    abbreviation's stay ("J. R.", "Jr.", "Ph.D.")."""
    last = name.rpartition(" ")[2]
    if last[-1:] != "." or "." in last[:-1] or _INITIALS.fullmatch(last):
        return name  # (no stop, "Ph.D.", "J.R.", "J.")
    return name if last[:-1].lower() in _ABBREVIATIONS else name[:-1]
