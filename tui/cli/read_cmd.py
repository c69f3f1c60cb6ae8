"""`wiredesk stories` and `wiredesk show`."""

from __future__ import annotations

import shutil

from tui.cli.errors import UserError
from tui.cli.output import clip, out, print_json, short_len, show_json, story_article_json


def register(sub) -> None:
    p = sub.add_parser("stories", help="the stories and their articles",
                       description="List stories, largest first, with their articles.")
    p.add_argument("--json", action="store_true", help="print JSON (see SPEC)")
    p.add_argument("--explain", action="store_true",
                   help="say why each article is in its story (shared names, numbers, terms)")
    p.add_argument("--filter", metavar="QUERY",
                   help="only articles matching a search string, e.g. 'tag:japan +starred'")
    p.add_argument("--archived", action="store_true", help="include archived stories")
    p.set_defaults(func=run_stories)

    s = sub.add_parser("show", help="one article: cleaned body, or --raw the original",
                       description="Print one article (any unique id prefix).")
    s.add_argument("article", metavar="ARTICLE")
    s.add_argument("--json", action="store_true", help="print JSON with versions and triage")
    s.add_argument("--raw", action="store_true", help="the original text instead of the body")
    s.add_argument("--version", type=int, metavar="N", dest="version_no",
                   help="show version N (1 = oldest; default: newest)")
    s.set_defaults(func=run_show)


def _matcher(query: str | None):
    if not query:
        return None
    from tui.core.query import parse_filter

    return parse_filter(query)


def run_stories(args, ws) -> int:
    flt = _matcher(args.filter)
    result = []
    for st in ws.stories():
        if st.archived and not args.archived:
            continue
        arts = [ws.get(i) for i in st.article_ids]
        if flt is not None:
            arts = [a for a in arts if flt.matches(
                a, st, body=ws.body(a) if flt.needs_body else None)]
            if not arts:
                continue
        result.append((st, arts))
    if args.json:
        data = []
        for st, arts in result:
            d = {"id": st.id, "title": st.title, "articles": [story_article_json(a) for a in arts]}
            if args.explain:
                for a, j in zip(arts, d["articles"]):
                    j["explain"] = ws.explain(a.id)
            data.append(d)
        print_json(data)
        return 0
    if not result:
        out("no stories yet: add articles with `wiredesk ingest FILE...`")
        return 0
    width = shutil.get_terminal_size((100, 24)).columns
    n = short_len([a.id for _, arts in result for a in arts] + [st.id for st, _ in result])
    for st, arts in result:
        span = st.date_first or ""
        if st.date_last and st.date_last != st.date_first:
            span += f"..{st.date_last}"
        head = f"{st.id[:n]}  {len(arts)} article{'s' if len(arts) != 1 else ''}"
        meta = "  ".join(x for x in (", ".join(st.langs), span) if x)
        out(f"{head}  {clip(st.title, max(20, width - len(head) - len(meta) - 4))}  {meta}")
        for a in arts:
            flags = ("*" if a.triage.starred else " ") + (" " if a.triage.read else "N")
            kind = {"copy": "copy", "version": "ver"}.get(a.sameness, "")
            line = (f"  {flags} {a.id[:n]}  {clip(a.meta.get('source') or '-', 18):18}  "
                    f"{(a.meta.get('date') or '')[:10]:10}  {a.meta.get('lang') or '':3} {kind:4} ")
            out(line + clip(a.title, max(10, width - len(line) - 1)))
            if args.explain:
                for why in ws.explain(a.id):
                    out(f"        {why}")
    return 0


def run_show(args, ws) -> int:
    a = ws.resolve(args.article)
    idx = -1
    if args.version_no is not None:
        if not 1 <= args.version_no <= len(a.versions):
            raise UserError(f"article {a.id[:8]} has {len(a.versions)} version(s), "
                            f"not {args.version_no}")
        idx = args.version_no - 1
    if args.json:
        d = show_json(ws, a, idx)
        if args.raw:
            d["raw"] = ws.raw(a, idx)
        print_json(d)
        return 0
    if args.raw:
        out(ws.raw(a, idx))
        return 0
    m = a.meta
    out(a.title)
    byline = " · ".join(x for x in (m.get("author"), m.get("source"), m.get("date"),
                                    m.get("dateline"), m.get("lang")) if x)
    if byline:
        out(byline)
    extra = f"{a.id}  {a.origin}"
    if len(a.versions) > 1:
        extra += f"  (version {len(a.versions) if idx == -1 else idx + 1} of {len(a.versions)})"
    out(extra)
    out()
    out(ws.body(a, idx))
    return 0
