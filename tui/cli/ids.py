"""Ids on the command line: unique prefixes (as git prints them) and ``ID@N`` for versions.

Every article id made now has one length (12 hex characters); workspaces made by older versions
may hold longer ones (13-16), which still open and resolve. Whatever prints an id prints the
shortest prefix of at least :data:`MIN_SHOWN` characters that is unique among all article and
story ids of the workspace at that moment; a listing uses one length for all its rows so the
columns stay aligned.

``ID@N`` names version N of an article (1 = oldest; ``@-1`` = newest, ``@-2`` the one before):
``show ID@1``, ``diff ID@1 ID@2``, ``export ID@2``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tui.cli.errors import UserError
from tui.core.safe_text import one_line

MIN_SHOWN = 7
_REF = re.compile(r"(?P<id>[^@]*)@(?P<n>[+-]?\d+)")
HEX = re.compile(r"[0-9a-fA-F]+")


def _common(x: str, y: str) -> int:
    n = 0
    for a, b in zip(x, y):
        if a != b:
            break
        n += 1
    return n


class Abbrev:
    """Unique prefixes among a set of ids."""

    def __init__(self, ids) -> None:
        self.ids = sorted(set(ids))

    @classmethod
    def of(cls, ws) -> Abbrev:
        """Over every article and story id of the workspace (a workspace not read whole with
        an index: only the ids next to the ones asked about are read, when asked)."""
        if not ws.loaded:
            from tui.core.workspace import index_near, index_sync

            if index_sync.current(ws) is not None:
                return _Near(ws, index_near.neighbours)
        arts, stories = ws.ids()
        return cls(arts + stories)

    def length(self, aid: str) -> int:
        """The shortest unique prefix length of ``aid`` (at least MIN_SHOWN)."""
        i = bisect.bisect_left(self.ids, aid)
        n = MIN_SHOWN
        for j in (i - 1, i + 1 if i < len(self.ids) and self.ids[i] == aid else i):
            if 0 <= j < len(self.ids) and self.ids[j] != aid:
                n = max(n, _common(aid, self.ids[j]) + 1)
        return min(n, len(aid))

    def short(self, aid: str) -> str:
        return aid[: self.length(aid)]

    def width(self, ids) -> int:
        """One prefix length that keeps every id of ``ids`` unique (for aligned columns)."""
        return max((self.length(i) for i in ids), default=MIN_SHOWN)


class _Near(Abbrev):
    """:class:`Abbrev` over the ids next to each one asked about, read from the index: the
    shortest unique prefix depends only on the two neighbours in sorted order."""

    def __init__(self, ws, neighbours) -> None:
        super().__init__(())
        self.ws, self.neighbours = ws, neighbours

    def length(self, aid: str) -> int:
        near = self.neighbours(self.ws, aid)
        if near is None:  # the index went away: every id
            arts, stories = self.ws.ids()
            near = arts + stories
        return Abbrev(near + [aid]).length(aid)


@dataclass(frozen=True, slots=True)
class Ref:
    """An article named on the command line: an id prefix and, maybe, a version."""

    prefix: str
    version: int | None  # as written: 1 = oldest, -1 = newest; None: the newest

    @property
    def text(self) -> str:
        return self.prefix if self.version is None else f"{self.prefix}@{self.version}"


def parse_ref(arg: str) -> Ref:
    m = _REF.fullmatch(arg.strip())
    if m:
        return Ref(m["id"], int(m["n"]))
    if "@" in arg:
        head = arg.partition("@")[0]
        raise UserError(f"{one_line(arg)!r}: the version after @ must be a number "
                        f"(1 = oldest, -1 = newest), e.g. {one_line(head) or 'ID'}@1")
    return Ref(arg.strip(), None)


def version_index(ws, a, version: int | None) -> int:
    """The index into ``a.versions`` of version ``version`` (as written), checked."""
    if version is None:
        return -1
    n = len(a.versions)
    if version == 0 or not -n <= version <= n:
        short = Abbrev.of(ws).short(a.id)
        valid = "1" if n == 1 else f"1 to {n} (or -1 to -{n} from the newest)"
        raise UserError(f"article {short} has {n} version{'s' * (n != 1)}, not {version}; "
                        f"valid: {valid}")
    return version - 1 if version > 0 else n + version


def resolve_article(ws, arg: str):
    """(article, version index) for ``ID``, any unique prefix, or ``ID@N``."""
    ref = parse_ref(arg)
    a = _resolve(ws, ref.prefix, "article")
    return a, version_index(ws, a, ref.version)


def resolve_story(ws, arg: str):
    return _resolve(ws, arg.strip(), "story")


def _resolve(ws, prefix: str, what: str):
    from tui.core.workspace import AmbiguousId, UnknownId

    try:
        return ws.resolve(prefix) if what == "article" else ws.resolve_story(prefix)
    except AmbiguousId:
        table = [a.id for a in ws.articles()] if what == "article" else [
            s.id for s in ws.stories()]
        p = prefix.strip().lower()
        hits = sorted(i for i in table if i.startswith(p))
        ab = Abbrev(table)
        n = max(ab.width(hits), len(p) + 1)
        shown = ", ".join(h[:n] for h in hits[:4]) + (", ..." if len(hits) > 4 else "")
        raise UserError(f"{what} id {one_line(prefix)!r} is ambiguous: {len(hits)} match "
                        f"({shown}); give more characters") from None
    except UnknownId:
        raise UserError(_unknown(ws, prefix, what)) from None


def _unknown(ws, prefix: str, what: str) -> str:
    shown = one_line(prefix)
    if len(shown) > 60:
        shown = shown[:59] + "…"
    if what == "article":
        table = {a.id: a.title for a in ws.articles()}
    else:
        table = {s.id: s.title for s in ws.stories()}
    p = prefix.strip().lower()
    damaged = _damaged_match(ws, p) if what == "article" else None
    if damaged:  # its file is there but unreadable: say so, not "no article"
        return (f"article {shown!r} is in a damaged file: {damaged}; `wiredesk doctor` "
                "checks the workspace (--repair sets the file aside)")
    plural = "stories" if what == "story" else f"{what}s"
    if not table and (bad := damaged_articles(ws)):  # not "no articles yet": they are damaged
        more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
        return (f"no {what} with id {shown!r}: no article of the workspace can be read: "
                f"{bad[0]}{more}; `wiredesk doctor` checks the workspace (--repair sets "
                "damaged files aside)")
    if not table:
        return (f"no {what} with id {shown!r}: the workspace has no {plural} yet "
                "(add articles with `wiredesk ingest FILE...`)")
    if not prefix.strip():
        return f"empty {what} id"
    near = _nearest(sorted(table), p)
    ab = Abbrev(table)
    hint = "" if HEX.fullmatch(p) else " (ids are hex digits)"
    listing = "`wiredesk stories` lists them" if what == "story" else \
        "`wiredesk stories` lists the ids"
    if near is None:
        return f"no {what} with id {shown!r}{hint}; {listing}"
    title = one_line(table[near] or "")
    title = title if len(title) <= 50 else title[:49] + "…"
    return (f"no {what} with id {shown!r}{hint}; nearest: {ab.short(near)}"
            + (f" {title!r}" if title else ""))


def damaged_articles(ws) -> list[str]:
    """The problems (file, line, reason) of the damaged article files known."""
    return [one_line(x) for x in getattr(ws, "problems", None) or []
            if x.startswith("articles/")]


def _damaged_match(ws, p: str) -> str | None:
    """The problem (``articles/3d/3d7e....toml: line 34: ...``) of a damaged article file whose
    id starts with ``p``, when exactly one does; None otherwise."""
    if len(p) < 2 or not HEX.fullmatch(p):
        return None
    start = f"articles/{p[:2]}/{p}"  # (the layout of tui.core.workspace.paths.article_rel)
    hits = [one_line(x) for x in getattr(ws, "problems", None) or [] if x.startswith(start)]
    return hits[0] if len(hits) == 1 else None


def _nearest(ids: list[str], p: str) -> str | None:
    """The id whose start is closest to ``p``: the longest shared prefix, else the fewest
    edits (a typo), when that is close enough to be a likely meaning; else None."""
    from rapidfuzz.distance import Levenshtein

    if not p or not ids:
        return None
    i = bisect.bisect_left(ids, p)
    cands = [ids[j] for j in (i - 1, i) if 0 <= j < len(ids)]
    best = max(cands, key=lambda x: _common(x, p))
    if _common(best, p) >= min(4, len(p)):
        return best
    limit = max(1, len(p) // 4)
    scored = min(ids, key=lambda x: Levenshtein.distance(p, x[: len(p)]))
    return scored if Levenshtein.distance(p, scored[: len(p)]) <= limit else None
