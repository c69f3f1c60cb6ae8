"""Correcting the grouping: `story merge`, `story split`, `move` (also `story move`)."""

from __future__ import annotations

from tui.cli.errors import UserError


def register(sub) -> None:
    p = sub.add_parser("story", help="correct the grouping: merge, split, move, archive",
                       description="Correct story grouping. Corrections are kept in "
                       "corrections.toml and respected by later ingests.")
    ssub = p.add_subparsers(title="actions", metavar="ACTION", required=True,
                            parser_class=type(p))
    m = ssub.add_parser("merge", help="merge stories into the first one")
    m.add_argument("stories", nargs="+", metavar="STORY")
    m.set_defaults(func=run_merge)
    s = ssub.add_parser("split", help="move the given articles out into a new story")
    s.add_argument("story", metavar="STORY")
    s.add_argument("articles", nargs="+", metavar="ARTICLE")
    s.set_defaults(func=run_split)
    for parent in (ssub, sub):
        mv = parent.add_parser("move", help="move an article into another story")
        mv.add_argument("article", metavar="ARTICLE")
        mv.add_argument("story", metavar="STORY")
        mv.set_defaults(func=run_move)
    for name, value in (("archive", True), ("unarchive", False)):
        a = ssub.add_parser(name, help=f"{name} stories (archived ones are hidden by default)")
        a.add_argument("stories", nargs="+", metavar="STORY")
        a.set_defaults(func=run_archive, value=value)


def _report(ws, changed: list[str]) -> None:
    print(f"{len(changed)} article{'s' if len(changed) != 1 else ''} changed story")


def run_merge(args, ws) -> int:
    sids = []
    for x in args.stories:
        sid = ws.resolve_story(x).id
        if sid not in sids:
            sids.append(sid)
    if len(sids) < 2:
        raise UserError("merge needs at least two different stories")
    _report(ws, ws.correct("merge", sids))
    return 0


def run_split(args, ws) -> int:
    st = ws.resolve_story(args.story)
    arts = [ws.resolve(x).id for x in args.articles]
    outside = [a for a in arts if a not in st.article_ids]
    if outside:
        raise UserError(f"article {outside[0][:8]} is not in story {st.id[:8]}")
    if len(set(arts)) == len(st.article_ids):
        raise UserError("splitting every article out would leave the story empty; "
                        "name only the articles that should leave")
    _report(ws, ws.correct("split", st.id, arts))
    return 0


def run_move(args, ws) -> int:
    a = ws.resolve(args.article)
    st = ws.resolve_story(args.story)
    if a.story == st.id:
        print("already in that story")
        return 0
    _report(ws, ws.correct("move", a.id, st.id))
    return 0


def run_archive(args, ws) -> int:
    for x in args.stories:
        ws.set_story_state(ws.resolve_story(x).id, archived=args.value)
    return 0
