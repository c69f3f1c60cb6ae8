"""Correcting the grouping: `story merge`, `story split`, `move` (also `story move`)."""

from __future__ import annotations

from tui.cli.errors import UserError
from tui.cli.ids import Abbrev, resolve_article, resolve_story
from tui.core.workspace import WorkspaceError, story_files


def register(sub) -> None:
    p = sub.add_parser("story", help="correct the grouping: merge, split, move, archive",
                       description="Correct story grouping. Corrections are kept in "
                       "corrections.toml and respected by later ingests.")
    ssub = p.add_subparsers(title="actions", metavar="ACTION", required=True,
                            parser_class=type(p))
    m = ssub.add_parser("merge", help="merge stories into the first one",
                        description="Merge the stories into the first one named: their "
                        "articles join it, and stay together through later ingests.")
    m.add_argument("stories", nargs="+", metavar="STORY",
                   help="story id or unique prefix; the first one keeps its id")
    m.set_defaults(func=run_merge)
    s = ssub.add_parser("split", help="move the given articles out into a new story",
                        description="Move the named articles out of STORY into a new story of "
                        "their own (at least one article must stay).")
    s.add_argument("story", metavar="STORY", help="story id or unique prefix")
    s.add_argument("articles", nargs="+", metavar="ARTICLE",
                   help="article id or unique prefix, in STORY")
    s.set_defaults(func=run_split)
    for parent in (ssub, sub):
        alias = " (also `wiredesk move`)" if parent is ssub else " (as `story move`)"
        mv = parent.add_parser("move", help="move an article into another story",
                               description=f"Move ARTICLE into STORY{alias}; later ingests "
                               "keep it there.")
        mv.add_argument("article", metavar="ARTICLE", help="article id or unique prefix")
        mv.add_argument("story", metavar="STORY", help="the story it belongs to (id or prefix)")
        mv.set_defaults(func=run_move)
    for name, value, helptext, desc in (
            ("archive", True, "hide stories (archive them)",
             "Archive the stories: `stories` and the app hide them (--archived shows them)."),
            ("unarchive", False, "show archived stories again",
             "Bring archived stories back into `stories` and the app.")):
        a = ssub.add_parser(name, help=helptext, description=desc)
        a.add_argument("stories", nargs="+", metavar="STORY", help="story id or unique prefix")
        a.set_defaults(func=run_archive, value=value)


def _report(ws, changed: list[str]) -> None:
    print(f"{len(changed)} article{'s' if len(changed) != 1 else ''} changed story")


def run_merge(args, ws) -> int:
    sids = []
    for x in args.stories:
        sid = resolve_story(ws, x).id
        if sid not in sids:
            sids.append(sid)
    if len(sids) < 2:
        raise UserError("merge needs at least two different stories")
    _report(ws, ws.correct("merge", sids))
    return 0


def run_split(args, ws) -> int:
    st = resolve_story(ws, args.story)
    arts = [resolve_article(ws, x)[0].id for x in args.articles]
    outside = [a for a in arts if a not in st.article_ids]
    if outside:
        ab = Abbrev.of(ws)
        raise UserError(f"article {ab.short(outside[0])} is not in story {ab.short(st.id)}")
    if len(set(arts)) == len(st.article_ids):
        raise UserError("splitting every article out would leave the story empty; "
                        "name only the articles that should leave")
    _report(ws, ws.correct("split", st.id, arts))
    return 0


def run_move(args, ws) -> int:
    a = resolve_article(ws, args.article)[0]
    st = resolve_story(ws, args.story)
    if a.story == st.id:
        print("already in that story")
        return 0
    _report(ws, ws.correct("move", a.id, st.id))
    return 0


def run_archive(args, ws) -> int:
    """All or nothing: every story's file is checked (under one hold of the writer lock) before
    any is written; a damaged one (each is named) refuses the whole command."""
    sids = list(dict.fromkeys(resolve_story(ws, x).id for x in args.stories))
    with ws.opened:
        refused = []
        for sid in sids:
            try:
                story_files.current(ws.root, sid)
            except WorkspaceError as e:
                refused.append(str(e))
        if refused:  # (one line: the first few named, the rest counted)
            said = "; ".join(refused[:3]) + (f"; and {len(refused) - 3} more" * (len(refused) > 3))
            saved = "" if len(sids) == 1 else f"none of the {len(sids)} stories saved: "
            raise UserError(saved + said)
        for sid in sids:
            ws.set_story_state(sid, archived=args.value)
    return 0
