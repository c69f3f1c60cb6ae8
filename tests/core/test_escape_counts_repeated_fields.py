"""The escape warning's places: a field whose text the body repeats is counted once, as the
field, however many fields share that text (never a negative count for the body); a field that
is only sequences, no text, is not taken for the body's own sequences."""

from __future__ import annotations

import json

from tui.core.ingest import collect

BODY = "The storm hit the coast on Monday and many people lost power for hours in the night."


def _warnings(tmp_path, record: dict) -> list[tuple[str, str]]:
    path = tmp_path / "esc.jsonl"
    path.write_text(json.dumps(record) + "\n")
    return [(w, msg.replace(str(path), "F")) for w, msg in collect([str(path)]).warnings]


def test_a_title_and_author_of_one_text_the_body_opens_with_count_once_each(tmp_path):
    line = "Storm\x1b[31m news"
    got = _warnings(tmp_path, {"title": line, "author": line, "body": f"{line}\n\n{BODY}"})
    assert [msg for _, msg in got] == [
        "2 terminal escape sequences removed (never obeyed) (1 in the title, 1 in the author)"
    ]


def test_the_body_keeps_its_own_sequences_beside_a_repeated_title(tmp_path):
    line = "Storm\x1b[31m news"
    got = _warnings(tmp_path, {"title": line, "author": line, "body": f"{line}\n\n\x1b[1m{BODY}"})
    assert [msg for _, msg in got] == [
        "3 terminal escape sequences removed (never obeyed) "
        "(1 in the body, 1 in the title, 1 in the author)"
    ]


def test_a_title_of_sequences_alone_is_not_the_bodys(tmp_path):
    body = "Words \x1b[31m and \x1b[31m more words of a body that reads like a sentence here."
    got = _warnings(tmp_path, {"title": "\x1b[31m", "body": body})
    assert [msg for _, msg in got] == [
        "3 terminal escape sequences removed (never obeyed) (2 in the body, 1 in the title)"
    ]
