"""`wiredesk stories` and `wiredesk show`."""

from __future__ import annotations

import itertools
import shutil
import sys
from typing import TypeGuard

from tui.cli.errors import UserError
from tui.cli.ids import Abbrev, damaged_articles, resolve_article, version_index
from tui.cli.output import (
    clip,
    json_text,
    out,
    out_body,
    print_json,
    show_json,
    stories_text,
    story_article_json,
)
from tui.cli.pager import paged
from tui.core.workspace.index_rows import Listed


def register(sub) -> None:
    p = sub.add_parser("stories", help="the stories and their articles",
                       description="List stories, largest first, with their articles: id (the "
                       "shortest unique prefix), flags (* starred, N unread), outlet, date, "
                       "language, copy/ver for copies and versions, title.")
    p.add_argument("--json", action="store_true",
                   help="print a JSON list of stories with their articles (shape in docs/CLI.md)")
    p.add_argument("--explain", action="store_true",
                   help="say why each article is in its story (shared names, numbers, terms)")
    p.add_argument("--filter", metavar="QUERY",
                   help="only articles matching a search string, e.g. 'tag:japan +starred "
                   "after:2022-10-01' (syntax in docs/CLI.md)")
    p.add_argument("--archived", action="store_true", help="include archived stories")
    pager_option(p)
    p.set_defaults(func=run_stories)

    s = sub.add_parser("show", help="one article: cleaned body, or --raw the original",
                       description="Print one article: title, byline, id and origin, then the "
                       "cleaned body. ARTICLE is any unique id prefix; ID@N names version N "
                       "(1 = oldest, -1 = newest).")
    s.add_argument("article", metavar="ARTICLE",
                   help="article id or unique prefix, ID@N for version N")
    s.add_argument("--json", action="store_true",
                   help="print one JSON object with versions and triage (shape in docs/CLI.md)")
    s.add_argument("--raw", action="store_true", help="the original text instead of the body")
    s.add_argument("--version", type=int, metavar="N", dest="version_no",
                   help="show version N (1 = oldest; default: newest); same as ARTICLE@N")
    pager_option(s)
    s.set_defaults(func=run_show)


def pager_option(p) -> None:
    p.add_argument("--no-pager", action="store_true",
                   help="never page long output (it is paged only on a terminal)")


def _matcher(query: str | None):
    if not query:
        return None
    from tui.core.query import QueryError, parse_filter

    try:
        return parse_filter(query)
    except QueryError as e:
        raise UserError(f"--filter: {e}") from None


def run_stories(args, ws) -> int:
    from tui.desk.select import ranked, select, select_parts  # the app's and export's rule

    flt = _matcher(args.filter)
    if args.json:  # printed as found: the first stories while the rest are looked for
        parts = (_paged(ws, flt, args.archived) or _listed(ws, flt, args.archived)
                 or select_parts(ws, flt, include_archived=args.archived))
        if args.explain:  # the grouping's reasons may catch the index up: after its snapshot
            parts = iter([[found for part in parts for found in part]])
            _print_json_parts([_story_json(ws, st, arts, True) for st, arts in part]
                              for part in parts)
        else:
            _print_json_parts(_texts(ws, part) for part in parts)
        return 0
    listing = select(ws, flt, include_archived=args.archived)  # the index answers (issue 16)
    listing = ranked(listing, flt, ws)  # a word search: exact title matches first, as the app
    result = [(st, [listing.articles.get(aid) or ws.get(aid) for aid in listing.members[st.id]])
              for st in listing.stories]
    if not result:
        if len(ws):
            out("no article matches" + (" (archived stories are hidden: --archived shows "
                                        "them)" if not args.archived else ""))
        elif bad := damaged_articles(ws):  # not "no stories yet": they are damaged
            files = "a damaged article file" if len(bad) == 1 else f"{len(bad)} damaged files"
            out(f"no stories: no article of the workspace can be read ({files}, named on "
                "standard error); `wiredesk doctor` checks the workspace")
        else:
            out("no stories yet: add articles with `wiredesk ingest FILE...`")
        return 0
    with paged(not args.no_pager):
        _print_stories(args, ws, result)
    return 0


def _paged(ws, flt, archived: bool):
    """The stories a page at a time from the index (``index_stream``), for every story or a
    search by words, on a workspace not read whole; None when the index cannot answer (a
    filter of flags and dates only is answered by :func:`_listed` through its own indexes;
    a word of one or two letters, found inside words of bodies, only by reading)."""
    terms = flt._terms if flt is not None else []
    if getattr(ws, "loaded", True) or (flt is not None and not flt.is_empty and not terms) or (
            any(len(t) < 3 for t in terms)):
        return None
    from tui.core.workspace.index_stream import pages

    return _started(pages(ws.index, flt, archived=archived, light=True), [])


def _listed(ws, flt, archived: bool):
    """A filter of flags, dates, tags (no words) on a workspace not read whole: the index's
    answer (``Queries.stream``, as ``select_parts`` asks it) with the articles as
    ``Listed``, which is what the listing prints; None when the index cannot answer."""
    if getattr(ws, "loaded", True) or flt is None or flt.is_empty or flt._terms:
        return None
    return _started(ws.index.stream(flt, archived=archived, light=True))


def _started(parts, *empty):
    """``parts`` with its first part already asked for (an answer from the index then runs
    to the end); None when asking raised (no index to use: busy, damaged; or no part, where
    ``empty`` gives none to stand for it): ``select`` decides then."""
    try:
        first = next(parts, *empty)
    except Exception:  # noqa: BLE001 - no index to use (busy, damaged): select decides
        parts.close()
        return None
    return itertools.chain([first], parts)


def _texts(ws, part) -> list[str]:
    """The JSON texts of a part's stories: of ``Listed`` articles from a template (checked
    at once), else through ``json_text``."""
    listed = [(st.id, st.title, arts) for st, arts in part if _all_listed(arts)]
    fast = iter(stories_text(listed))
    return [next(fast) if _all_listed(arts) else json_text(_story_json(ws, st, arts, False))
            for st, arts in part]


def _all_listed(arts) -> TypeGuard[list[Listed]]:
    return all(isinstance(a, Listed) for a in arts)


def _story_json(ws, st, arts, explain: bool) -> dict:
    d = {"id": st.id, "title": st.title, "articles": [story_article_json(a) for a in arts]}
    if explain:
        for a, j in zip(arts, d["articles"]):
            j["explain"] = ws.explain(a.id)
    return d


def _print_json_parts(parts) -> None:
    """``print_json`` of the items of ``parts`` joined in one list, the same text, each part
    written (and flushed) as it comes."""
    opened = False
    for part in parts:
        texts = [item if isinstance(item, str) else json_text(item) for item in part]
        if texts:
            sys.stdout.write(("," if opened else "[") + "\n  "
                             + ",\n".join(texts).replace("\n", "\n  "))
            opened = True
        sys.stdout.flush()
    sys.stdout.write("\n]\n" if opened else "[]\n")


def _print_stories(args, ws, result) -> None:
    width = shutil.get_terminal_size((100, 24)).columns
    ab = Abbrev.of(ws)
    n = ab.width([a.id for _, arts in result for a in arts] + [st.id for st, _ in result])
    for st, arts in result:
        span = st.date_first or ""
        if st.date_last and st.date_last != st.date_first:
            span += f"..{st.date_last}"
        head = f"{st.id[:n]:{n}}  {len(arts)} article{'s' if len(arts) != 1 else ''}"
        meta = "  ".join(x for x in (", ".join(st.langs), span) if x)
        out(f"{head}  {clip(st.title, max(20, width - len(head) - len(meta) - 4))}  {meta}")
        for a in arts:
            flags = ("*" if a.triage.starred else " ") + (" " if a.triage.read else "N")
            kind = {"copy": "copy", "version": "ver"}.get(a.sameness, "")
            line = (f"  {flags} {a.id[:n]:{n}}  {clip(a.meta.get('source') or '-', 18):18}  "
                    f"{(a.meta.get('date') or '')[:10]:10}  {a.meta.get('lang') or '':3} "
                    f"{kind:4} ")
            out(line + clip(a.title, max(10, width - len(line) - 1)))
            if args.explain:
                for why in ws.explain(a.id):
                    out(f"        {why}")


def run_show(args, ws) -> int:
    a, idx = resolve_article(ws, args.article)
    if args.version_no is not None:
        if "@" in args.article:
            raise UserError(f"give the version once: {args.article!r} or --version, not both")
        idx = version_index(ws, a, args.version_no)
    if args.json:
        d = show_json(ws, a, idx)
        if args.raw:
            d["raw"] = ws.raw(a, idx)
        print_json(d)
        return 0
    with paged(not args.no_pager):
        _print_show(args, ws, a, idx)
    return 0


def _print_show(args, ws, a, idx: int) -> None:
    if args.raw:
        out_body(ws.raw(a, idx))
        return
    m = a.meta
    out_body(a.title)  # a long right-to-left title is wrapped before reordering, as bodies
    byline = " · ".join(x for x in (m.get("author"), m.get("source"), m.get("date"),
                                    m.get("dateline"), m.get("lang")) if x)
    if byline:
        out(byline)
    extra = f"{a.id}  {a.origin}"
    if len(a.versions) > 1:
        extra += f"  (version {len(a.versions) if idx == -1 else idx + 1} of {len(a.versions)})"
    out(extra)
    out()
    out_body(ws.body(a, idx))
