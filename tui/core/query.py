"""Filters over articles, shared by the app's search bar, ``stories`` and ``export``.

A :class:`Filter` is a plain value; :func:`parse_filter` (alias :func:`parse`) reads the
compact search syntax (after elfeed and newsboat) and :meth:`Filter.to_string` writes it back,
so saved filters are stored as text.

Syntax (terms are ANDed; values with spaces go in double quotes, ``\\`` escapes inside them)::

    tag:japan           has the tag (repeat for all of several tags); +japan is the same
    tag:a,b             has at least one of a, b
    -tag:done           has not the tag; -done is the same
    starred / +starred / -starred / unstarred
    read / +read / unread / -read
    archived / -archived     only articles of archived stories / only of live ones
    source:reuters      outlet contains the text (case- and accent-insensitive); outlet: too
    lang:en             language is en or a variant of it (en-GB)
    after:2022-10-01    dated on or after (inclusive; YYYY, YYYY-MM or YYYY-MM-DD, also
                        2022/10/01, 1 Oct 2022, Oct 2022: a real date, else an error); from: too
    before:2022-10-31   dated on or before (inclusive); to: too
    story:ab12          in the story whose id starts with ab12
    free words "a phrase"    every word or phrase appears in the title, outlet, author, tags,
                        note, story title or body (case- and accent-insensitive); words of
                        five letters or more also match a close spelling in the title or note

Tags compare case-insensitively. Articles without a date never match a date range.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields, replace
from typing import Any, Protocol

from tui.core import fuzzy
from tui.core.model import Article
from tui.core.query_dates import DateError
from tui.core.query_dates import parse_date_value as _parse_date

_FLAGS = {
    "starred": ("starred", True), "unstarred": ("starred", False),
    "read": ("read", True), "unread": ("read", False),
    "archived": ("archived", True),
}
_KEYS = {
    "tag": "tag", "source": "source", "outlet": "source", "lang": "lang", "story": "story",
    "after": "date_from", "from": "date_from", "before": "date_to", "to": "date_to",
}


_EXAMPLES = {"tag": "japan", "source": "reuters", "lang": "en", "story": "ab12cd3",
             "date_from": "2022-10-01", "date_to": "2022-10-31"}


class QueryError(ValueError):
    """A search string or filter value that cannot be understood."""


class StoryLike(Protocol):
    id: str
    title: str
    archived: bool


@dataclass(frozen=True)
class Filter:
    """What to keep. ``None`` (or empty) fields do not restrict anything."""

    tags_any: tuple[str, ...] = ()
    tags_all: tuple[str, ...] = ()
    tags_none: tuple[str, ...] = ()
    starred: bool | None = None
    read: bool | None = None
    archived: bool | None = None
    story: str | None = None
    source: str | None = None
    lang: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    text: str = ""
    _terms: tuple[str, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        tags_all = _dedupe(self.tags_all)
        tags_any = _dedupe(self.tags_any)
        if len(tags_any) == 1:  # "any of one" is "has it": keep one spelling of it
            tags_all = _dedupe(tags_all + tags_any)
            tags_any = ()
        object.__setattr__(self, "tags_all", tags_all)
        object.__setattr__(self, "tags_any", tags_any)
        object.__setattr__(self, "tags_none", _dedupe(self.tags_none))
        for name, key in (("date_from", "after"), ("date_to", "before")):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, parse_date_value(value, f"{key}:"))
        object.__setattr__(self, "_terms", tuple(fold(t) for t in split_terms(self.text)))

    @property
    def is_empty(self) -> bool:
        return self == Filter()

    @property
    def needs_body(self) -> bool:
        """True when :meth:`matches` should be given the body (free text is set)."""
        return bool(self._terms)

    def matches(self, article: Article, story: StoryLike | None = None,
                body: str | None = None) -> bool:
        """Whether ``article`` (in ``story``, with ``body`` when known) passes the filter."""
        t = article.triage
        tags = {fold(x) for x in t.tags}
        if self.tags_all and not all(fold(x) in tags for x in self.tags_all):
            return False
        if self.tags_any and not any(fold(x) in tags for x in self.tags_any):
            return False
        if any(fold(x) in tags for x in self.tags_none):
            return False
        if self.starred is not None and t.starred != self.starred:
            return False
        if self.read is not None and t.read != self.read:
            return False
        if self.archived is not None and bool(story and story.archived) != self.archived:
            return False
        if self.story and not (article.story or "").lower().startswith(self.story.lower()):
            return False
        meta = article.meta
        if self.source and fold(self.source) not in fold(meta.get("source") or ""):
            return False
        if self.lang and not _lang_matches(meta.get("lang"), self.lang):
            return False
        if (self.date_from or self.date_to) and not self._date_ok(meta.get("date")):
            return False
        return self._text_ok(article, story, body)

    def _date_ok(self, date: str | None) -> bool:
        if not date:
            return False
        if self.date_from and date[: len(self.date_from)] < self.date_from:
            return False
        return not (self.date_to and date[: len(self.date_to)] > self.date_to)

    def _text_ok(self, article: Article, story: StoryLike | None, body: str | None) -> bool:
        if not self._terms:
            return True
        meta, t = article.meta, article.triage
        short = fold(" \n".join([meta.get("title") or "", t.note]))
        long = fold(" \n".join([meta.get("source") or "", meta.get("author") or "",
                                " ".join(t.tags), story.title if story else "", body or ""]))
        return fuzzy.matches_all(self._terms, short, long)  # typos forgiven: tui.core.fuzzy

    def title_misses(self, *titles: str) -> int:
        """How many free-text terms none of ``titles`` holds as typed, as whole words (a
        phrase: its words side by side). A search ranks the stories with fewer first: an
        exact match in a title above words found in a body or through a typo."""
        words = [fuzzy.title_words(fold(t)) for t in titles if t]
        return sum(1 for t in self._terms if not any(fuzzy.exact_words(t, w) for w in words))

    def to_string(self) -> str:
        """The search string that :func:`parse` turns back into this filter."""
        out = [f"tag:{_quote(x)}" for x in self.tags_all]
        if self.tags_any:
            out.append("tag:" + ",".join(_quote(x) for x in self.tags_any))
        out += [f"-tag:{_quote(x)}" for x in self.tags_none]
        if self.starred is not None:
            out.append("+starred" if self.starred else "-starred")
        if self.read is not None:
            out.append("read" if self.read else "unread")
        if self.archived is not None:
            out.append("archived" if self.archived else "-archived")
        for key, name in (("story", "story"), ("source", "source"), ("lang", "lang"),
                          ("after", "date_from"), ("before", "date_to")):
            value = getattr(self, name)
            if value:
                out.append(f"{key}:{_quote(value)}")
        out += [_quote_term(x) for x in split_terms(self.text)]
        return " ".join(out)


def hides_archived(flt: Filter | None, include_archived: bool = False) -> bool:
    """The one rule for archived stories, in the app's list, ``wiredesk stories`` and
    ``wiredesk export`` alike: they are left out unless the caller asks for every story
    (``--archived``) or the filter names the archive state (``archived`` / ``-archived``)."""
    return not include_archived and (flt is None or flt.archived is None)


def parse_filter(query: str) -> Filter:
    """Read a search string (see the module docstring); raises :class:`QueryError`."""
    values: dict[str, Any] = {}  # Filter field -> its value (str or bool)
    tags: dict[str, list[str]] = {"all": [], "any": [], "none": []}
    words: list[str] = []
    for segs in _tokens(query):
        token = "".join(seg for seg, _ in segs)
        if not token:
            continue
        if segs[0][1]:  # starts with a quote: free text, whatever it says
            words.append(token)
            continue
        sign = token[0] if token[0] in "+-" and len(token) > 1 else ""
        bare = token[1:] if sign else token
        key, colon, value = bare.partition(":")
        flag = _FLAGS.get(bare.lower()) if len(segs) == 1 else None
        if flag:
            values[flag[0]] = (not flag[1]) if sign == "-" else flag[1]
        elif colon and key.lower() in _KEYS and ":" in segs[0][0]:
            name = _KEYS[key.lower()]
            if not value:
                example = _EXAMPLES.get(name, "x")
                raise QueryError(f"{key}: needs a value, e.g. {key.lower()}:{example}")
            if name != "tag":
                if sign == "-":
                    raise QueryError(f"only tags can be excluded (-tag:x), not {key}:")
                values[name] = value
                continue
            first = segs[0][0].partition(":")[2]
            parts = [p for p in _split_commas([(first, False), *segs[1:]]) if p]
            group = "none" if sign == "-" else "any" if len(parts) > 1 else "all"
            tags[group] += parts
        elif sign and not colon:
            tags["none" if sign == "-" else "all"].append(bare)
        else:
            words.append(token)
    return Filter(tags_any=tuple(tags["any"]), tags_all=tuple(tags["all"]),
                  tags_none=tuple(tags["none"]), text=" ".join(_quote_term(w) for w in words),
                  **values)


parse = parse_filter


def parse_date_value(value: str, name: str = "date") -> str:
    """A typed date as ISO ``YYYY[-MM[-DD]]`` (see tui.core.query_dates); QueryError if not."""
    try:
        return _parse_date(value, name)
    except DateError as e:
        raise QueryError(str(e)) from None


def combine(a: Filter, b: Filter) -> Filter:
    """Both filters at once: set fields of ``b`` win, tag lists and free text add up."""
    changes: dict[str, Any] = {}  # Filter field -> its value, of that field's type
    for f in fields(Filter):
        if not f.init:
            continue
        va, vb = getattr(a, f.name), getattr(b, f.name)
        if f.name.startswith("tags_"):
            changes[f.name] = va + vb
        elif f.name == "text":
            changes[f.name] = " ".join(x for x in (va, vb) if x)
        elif vb is not None:
            changes[f.name] = vb
    if a.tags_any and b.tags_any:  # two "any of" groups cannot be merged into one
        raise QueryError("only one any-of tag group (tag:a,b) can be combined")
    return replace(a, **changes)


def fold(s: str) -> str:
    """Lower case without accents, for forgiving comparisons (``Café`` -> ``cafe``). ASCII
    (most of a body) is only lowered: the same result, without a step per character (a
    search checks whole bodies)."""
    if s.isascii():
        return s.lower()
    decomposed = unicodedata.normalize("NFKD", s.casefold())
    if decomposed.isascii():
        return decomposed
    return _NOT_ASCII.sub(_uncombined, decomposed)


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def _uncombined(m: re.Match[str]) -> str:
    return "".join(c for c in m.group() if not unicodedata.combining(c))


def split_terms(text: str) -> list[str]:
    """The words and quoted phrases of a free-text string."""
    return [t for t in ("".join(seg for seg, _ in segs) for segs in _tokens(text)) if t]


def _lang_matches(lang: str | None, wanted: str) -> bool:
    if not lang:
        return False
    lang, wanted = lang.lower().replace("_", "-"), wanted.lower().replace("_", "-")
    return lang == wanted or lang.startswith(wanted + "-")


def _dedupe(items: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        item = item.strip()
        if item and fold(item) not in seen:
            seen[fold(item)] = item
    return tuple(seen.values())


Token = list[tuple[str, bool]]  # segments of one token: (text, was quoted)


def _tokens(text: str) -> list[Token]:
    """Split on unquoted spaces; ``"..."`` groups (with ``\\`` escapes) into one segment.

    A quote may start inside a token (``tag:"new york"``): the key stays unquoted.
    """
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        segs: Token = []
        buf: list[str] = []
        in_quote = False
        while i < n and (in_quote or not text[i].isspace()):
            ch = text[i]
            if ch == '"':
                if buf or in_quote:
                    segs.append(("".join(buf), in_quote))
                buf, in_quote = [], not in_quote
            elif ch == "\\" and in_quote and i + 1 < n:
                i += 1
                buf.append(text[i])
            else:
                buf.append(ch)
            i += 1
        if buf or not segs:
            segs.append(("".join(buf), in_quote))
        out.append(segs)
    return out


def _split_commas(segs: Token) -> list[str]:
    """The parts of a value between unquoted commas."""
    parts = [""]
    for seg, quoted in segs:
        pieces = [seg] if quoted else seg.split(",")
        parts[-1] += pieces[0]
        parts += pieces[1:]
    return [p.strip() for p in parts]


def _quote(value: str) -> str:
    if value and not any(c.isspace() or c in '",\\' for c in value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _quote_term(term: str) -> str:
    """A free-text term, quoted when it would otherwise read as a keyword or tag."""
    lower = term.lower()
    keyword = (lower[:1] in ("+", "-", '"') or lower in _FLAGS
               or ":" in lower and lower.partition(":")[0] in _KEYS)
    if keyword or not term or any(c.isspace() or c in '"\\' for c in term):
        return '"' + term.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return term
