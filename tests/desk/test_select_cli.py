"""``wiredesk stories`` and ``wiredesk export`` keep the app's rule for archived stories."""

from __future__ import annotations

import json

from tui.cli import main
from tui.core.workspace import Workspace


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
