"""CSL-JSON export: items citation processors and Zotero import.

Each article is an ``article-newspaper`` item: ``container-title`` is the outlet, ``issued``
the article's date, ``accessed`` the day its newest version was taken in, ``URL`` the origin
when it is a web address, ``keyword`` the tags, ``note`` the reader's note. Bylines are split
into people with ``family``/``given`` names where that is safe; anything that does not look
like a personal name (one word, an agency, a desk, a CJK name) stays a ``literal`` name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from tui.core.export.items import ExportItem

_BY = re.compile(r"^\s*(?:by|por|par)\s+", re.I)
_AND = re.compile(r"\s*(?:;|\s&\s|\band\b|\bund\b|\bet\b|\by\b|\be\b|\|)\s*", re.I)
_PARTICLES = {"van", "von", "der", "den", "de", "da", "del", "della", "di", "du", "la", "le",
              "ter", "ten", "bin", "ibn", "al", "el", "dos", "das", "do", "st.", "mac"}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# Words that make a byline piece an organisation, not a person.
_GROUP_WORDS = {"staff", "desk", "team", "editors", "editorial", "bureau", "agency", "agencies",
                "news", "press", "correspondents", "reporters", "wire", "service", "newsroom",
                "board", "post", "times", "journal", "tribune", "herald", "daily", "magazine",
                "media", "network", "radio", "tv", "television", "online", "group", "inc",
                "ltd", "the", "and"}
# A piece made only of these is a job title ("Staff Writer"): dropped from the authors.
_ROLE_WORDS = {"staff", "writer", "writers", "reporter", "correspondent", "editor", "contributor",
               "columnist", "senior", "chief", "special", "foreign", "political", "associate",
               "contributing", "business", "diplomatic", "science", "economics", "and"}
_PLACE = re.compile(r"\s+in\s+[A-Z][^,;]*$")  # "Jane Doe in Tokyo"
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _is_personal(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 5 or _CJK.search(name) or any(c.isdigit() for c in name):
        return False
    if any(w.strip(".,").casefold() in _GROUP_WORDS for w in words):
        return False
    return True


def split_name(name: str) -> dict:
    """One CSL name: ``family``/``given`` (and ``suffix``) for a person, else ``literal``."""
    name = " ".join(name.split()).strip(" ,;")
    last = name.rsplit(" ", 1)[-1]
    if last.endswith(".") and len(last) > 3 and last.casefold() not in _SUFFIXES:
        name = name[:-1]  # a sentence's full stop, not "Jr." or an initial
    if "," in name:  # "Family, Given" (a byline list was split before this)
        family, _, given = (p.strip() for p in name.partition(","))
        if family and given and _is_personal(f"{given} {family}"):
            if given.casefold() in _SUFFIXES:
                return _person(family.split(), suffix=given)
            return {"family": family, "given": given}
        return {"literal": name}
    if not _is_personal(name):
        return {"literal": name}
    if name.isupper():  # "MARI YAMAGUCHI", as some wires print bylines
        name = name.title()
    return _person(name.split())


def _person(words: list[str], suffix: str | None = None) -> dict:
    if len(words) > 2 and words[-1].casefold() in _SUFFIXES:
        suffix, words = words[-1], words[:-1]
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].casefold() in _PARTICLES:
        cut -= 1
    out = {"family": " ".join(words[cut:]), "given": " ".join(words[:cut])}
    if suffix:
        out["suffix"] = suffix
    return out


def split_byline(byline: str | None) -> list[dict]:
    """CSL names from a byline such as ``By Jane Doe and John Smith``."""
    if not byline or not byline.strip():
        return []
    text = _BY.sub("", byline.strip())
    parts = [p for p in _AND.split(text) if p and p.strip(" ,.")]
    names: list[str] = []
    for part in parts:
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        # "Doe, Jane" is one name; "Jane Doe, John Smith, Reuters" is a list.
        if len(pieces) == 2 and len(pieces[0].split()) == 1 and len(pieces[1].split()) <= 2 \
                and pieces[1].casefold() not in _GROUP_WORDS:
            names.append(part)
        else:
            names += pieces
    names = [_PLACE.sub("", n) for n in names]
    return [split_name(n) for n in names
            if not all(w.casefold() in _ROLE_WORDS for w in n.split())]


def date_parts(date: str | None) -> dict | None:
    m = _DATE.match(date or "")
    if not m:
        return None
    return {"date-parts": [[int(p) for p in m.groups() if p is not None]]}


def csl_item(item: ExportItem) -> dict:
    out: dict = {"id": item.id, "type": "article-newspaper", "title": item.title}
    authors = split_byline(item.author)
    if authors:
        out["author"] = authors
    if item.source:
        out["container-title"] = item.source
    for key, value in (("issued", date_parts(item.date)), ("accessed", date_parts(item.ingested))):
        if value:
            out[key] = value
    if item.origin.startswith(("http://", "https://")):
        out["URL"] = item.origin
    if item.lang:
        out["language"] = item.lang
    if item.tags:
        out["keyword"] = ", ".join(item.tags)
    if item.note:
        out["note"] = item.note
    return out


def to_csl_json(items: Sequence[ExportItem]) -> str:
    return json.dumps([csl_item(i) for i in items], ensure_ascii=False, indent=2) + "\n"
