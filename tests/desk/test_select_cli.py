"""``wiredesk stories`` and ``wiredesk export`` keep the app's rule for archived stories."""

from __future__ import annotations

import json

from tui.cli import main
from tui.core.query import parse_filter
from tui.core.workspace import Workspace
from tui.desk.select import select


def cli(capsys, root, *args: str) -> tuple[int, str, str]:
    code = main(["--workspace", str(root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_archived_stories_are_left_out_and_said_so_unless_asked(capsys, demo_root):
    ws = Workspace.open(demo_root)
    first = ws.stories()[0]
    ws.set_story_state(first.id, archived=True)
    del ws

    code, out, _ = cli(capsys, demo_root, "stories", "--json")
    assert code == 0 and first.id not in {s["id"] for s in json.loads(out)}
    code, out, _ = cli(capsys, demo_root, "stories", "--json", "--filter", "archived")
    assert code == 0 and [s["id"] for s in json.loads(out)] == [first.id]

    code, out, err = cli(capsys, demo_root, "export", "--all", "--format", "json")
    assert code == 0 and not {a["story"]["id"] for a in json.loads(out)["articles"]} & {first.id}
    assert "archived" in err and "--archived" in err  # said, not lost silently
    code, out, _ = cli(capsys, demo_root, "export", "--all", "--archived", "--format", "json")
    assert code == 0 and first.id in {a["story"]["id"] for a in json.loads(out)["articles"]}
    code, out, _ = cli(capsys, demo_root, "export", "--all", "-q", "archived", "--format", "json")
    assert code == 0 and {a["story"]["id"] for a in json.loads(out)["articles"]} == {first.id}


def test_an_unreadable_body_is_named_and_the_word_search_goes_on(capsys, demo_root):
    """A body file the search cannot read: the article is matched by its title and fields, the
    file is named once on standard error, and the other articles are still searched."""
    ws = Workspace.open(demo_root)
    damaged = ws.stories()[0].article_ids[0]
    body = demo_root / ws.get(damaged).versions[-1].body_file
    body.unlink()
    body.mkdir()  # a folder where the body belongs: reading it fails
    listing = select(ws, parse_filter("tokyo"))  # a word of bodies, not titles
    assert damaged in listing.unreadable
    assert set(listing.article_ids()) - {damaged}  # the rest was searched
    del ws

    for words in ("tokyo", "zz"):  # through the index, and by reading every body
        code, out, err = cli(capsys, demo_root, "stories", "--json", "--filter", words)
        assert code == 0, err
        if words == "tokyo":
            assert {a["id"] for s in json.loads(out) for a in s["articles"]} - {damaged}
    code, out, err = cli(capsys, demo_root, "export", "--all", "-q", "tokyo", "--format", "json")
    assert code == 0 and damaged[:7] in err and "could not be read" in err
    assert {a["id"] for a in json.loads(out)["articles"]} - {damaged}
