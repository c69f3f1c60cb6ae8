"""Wiredesk's own ``export --format md --split`` files taken in again: the keys it writes that
no field holds (id, origin, story, tags, flags) are named in the ingest report, by file and
key, not put in the body (it used to grow a "Front matter not used: ..." paragraph)."""

from __future__ import annotations

import json
from pathlib import Path

from tui.cli import main
from tui.core.clean import clean
from tui.core.clean.markdown import front_matter, strip_markdown
from tui.core.model import RawDocument

SAMPLES = Path(__file__).resolve().parents[2] / "tui" / "samples"
NOTE = "Check the wording against the wire copy."


def _run(capsys, ws: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--workspace", str(ws), *args])
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def test_split_files_taken_in_again_keep_their_body_and_name_what_is_not_applied(
    capsys, tmp_path: Path
) -> None:
    ws, again, folder = tmp_path / "ws", tmp_path / "again", tmp_path / "notes"
    seeds = sorted(str(p) for p in SAMPLES.glob("*.txt"))  # (the demo's articles)
    assert _run(capsys, ws, "ingest", *seeds)[0] == 0
    ids = [
        a["id"] for s in json.loads(_run(capsys, ws, "stories", "--json")[1]) for a in s["articles"]
    ]
    assert _run(capsys, ws, "tag", ids[0], "asia", "world")[0] == 0
    assert _run(capsys, ws, "star", ids[0])[0] == 0
    assert _run(capsys, ws, "note", ids[0], NOTE)[0] == 0
    assert _run(capsys, ws, "export", "--all", "--split", "-o", str(folder))[0] == 0
    files = sorted(folder.glob("*.md"))
    assert len(files) == len(ids)
    code, _, err = _run(capsys, again, "ingest", "--json", str(folder))
    assert code == 0
    for f in files:
        text = f.read_text(encoding="utf-8")
        _, rest, _ = front_matter(text)
        own = [ln for ln in err.splitlines() if f"{f}:" in ln]
        assert len(own) == 1 and "Wiredesk export keys not applied: id: " in own[0]
        assert "; origin: " in own[0] and "; story_id: " in own[0]
        # the body is the file's own text: its title heading (read as the title) and note
        body = clean(RawDocument(str(f), text, "md")).body
        assert "Front matter not used" not in body
        assert body == "\n\n".join(
            ln.strip() for ln in strip_markdown(rest).split("\n") if ln.strip()
        )
    [tagged] = [ln for ln in err.splitlines() if ids[0] in ln and "tags:" in ln]
    assert "tags: asia, world; starred: true" in tagged and "read:" not in tagged  # (false)
    shown = {}
    for s in json.loads(_run(capsys, again, "stories", "--json")[1]):
        for a in s["articles"]:
            shown[a["title"]] = _run(capsys, again, "show", a["id"], "--json")[1]
    assert any(NOTE in out for out in shown.values())
    assert not any("Front matter not used" in out for out in shown.values())


def test_other_front_matter_keys_still_end_the_body() -> None:
    """A Jekyll or Obsidian file's keys (or an export's with a mark missing) are no export."""
    text = "---\ntitle: Budget\nid: 42\ntags: [a]\norigin: x\n---\n\nThe council voted.\n"
    body = clean(RawDocument("post.md", text, "md")).body
    assert body == "The council voted.\n\nFront matter not used: id: 42; tags: [a]; origin: x"


def test_a_split_file_fetched_by_url_names_them_too(capsys, tmp_path: Path) -> None:
    from helpers.httpserver import LocalServer, Reply

    text = (
        '---\nid: "7d329de71e12"\ntitle: "Talks"\nsource: "Wire"\nauthor: null\ndate: 2022-10-11'
        '\nlang: "en"\norigin: "https://news.test/a"\nstory_id: "bb01a27da6f8"\nstory_title: null'
        '\ntags:\n  - "asia"\nstarred: true\nread: false\nnote_version_ingested: null\n---\n\n'
        f"# Talks\n\n{NOTE}\n"
    )
    with LocalServer() as srv:
        srv.route(
            "/a.md", handler=lambda _r: Reply(body=text.encode(), content_type="text/markdown")
        )
        code, _, err = _run(capsys, tmp_path / "ws", "ingest", srv.url("/a.md"))
    assert code == 0
    assert "Wiredesk export keys not applied: id: 7d329de71e12; origin: https://news.test/a" in err
    assert "tags: asia; starred: true (" in err
