"""The prose diff engine: sentences, words, moves, cosmetic edits, two languages, unique text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.core.diff import apply_changes, compare, to_json, unique_to
from tui.core.diff.text import split_sentences, tokens

PARA = (
    "Japan and Canada agreed to start talks on Tuesday. The pact would cover military "
    "intelligence. Officials said it could be signed next year."
)
OTHER = (
    "Ministers met in Tokyo for two hours. They discussed energy and trade. "
    "A joint statement followed the meeting."
)


def gold(seeds_dir: Path, prefix: str) -> str:
    return next((seeds_dir / "gold").glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_identical_texts_have_no_changes():
    c = compare(PARA + "\n\n" + OTHER, PARA + "\n\n" + OTHER)
    assert c.changes == [] and c.similarity == 1.0
    assert all(r.kind == "same" for r in c.rows)


def test_cosmetic_edits_are_not_changes():
    a = 'He said "yes" -- twice. It\'s done...\n\nNext paragraph here.'
    b = "He said \u201cyes\u201d\u2014twice.   It\u2019s\n done\u2026\n \nNext\nparagraph here."
    c = compare(a, b)
    assert c.changes == [], [(ch.kind, ch.ops) for ch in c.changes]


def test_edited_sentence_is_a_word_change():
    b = PARA.replace("on Tuesday", "on Wednesday")
    c = compare(PARA, b)
    assert [ch.kind for ch in c.changes] == ["change"]
    ops = [(op.tag, op.a, op.b) for op in c.changes[0].ops if op.tag != "equal"]
    assert ops == [("replace", "Tuesday", "Wednesday")]
    row = c.rows[c.changes[0].left]
    assert ("Tuesday", "chg") in row.lspans and ("Wednesday", "chg") in row.rspans


def test_moved_paragraph_is_one_move_per_sentence():
    p3 = "A third paragraph talks about something else entirely today."
    a = "\n\n".join([PARA, OTHER, p3])
    b = "\n\n".join([OTHER, p3, PARA])
    c = compare(a, b)
    moves = [ch for ch in c.changes if ch.kind == "move"]
    assert moves and {ch.kind for ch in c.changes} == {"move"}
    for k in range(len(c.changes)):
        rows = [r for r in c.rows if r.change == k]
        assert len(rows) == 2 and {(r.left is None, r.right is None) for r in rows} == {
            (True, False),
            (False, True),
        }
    assert all(tag == "move" for r in c.rows if r.kind == "move" for _, tag in r.lspans + r.rspans)


def test_moved_and_edited_sentence_keeps_its_word_edits():
    s = "The prime minister will visit the northern provinces in the spring."
    a = "\n\n".join([s, PARA, OTHER])
    b = "\n\n".join([PARA, OTHER, s.replace("spring", "autumn")])
    c = compare(a, b)
    (move,) = [ch for ch in c.changes if ch.kind == "move"]
    assert [(op.a, op.b) for op in move.ops if op.tag != "equal"] == [("spring", "autumn")]


def test_patch_rebuilds_b_and_json_is_serialisable(seeds_dir):
    a, b = gold(seeds_dir, "000"), gold(seeds_dir, "001")
    c = compare(a, b)

    def toks(xs: list[str]) -> list[list[str]]:
        return [[t[2] for t in tokens(x)] for x in xs]

    assert toks(apply_changes(c)) == toks([s.text for s in c.b])
    data = json.loads(json.dumps(to_json(c)))
    assert data["method"] == "words" and 0 < data["similarity"] < 1
    assert {"kind", "left", "right", "change"} <= set(data["rows"][0])
    assert any("words" in ch for ch in data["changes"])


def test_rewrite_credits_its_source(seeds_dir):
    c = compare(gold(seeds_dir, "000"), gold(seeds_dir, "001"))
    inserted = " ".join(
        op.b for ch in c.changes for op in ch.ops if op.tag in ("insert", "replace")
    )
    assert "South China Morning Post" in inserted
    assert c.similarity > 0.5


def test_two_languages_align_by_position_without_word_noise(seeds_dir):
    c = compare(gold(seeds_dir, "000"), gold(seeds_dir, "004"), "en", "ar")
    assert c.method == "anchors"
    assert not any(ch.ops for ch in c.changes)
    pairs = [
        (r.left, r.right) for r in c.rows if r.kind == "aligned" and None not in (r.left, r.right)
    ]
    assert len(pairs) >= 8 and pairs[:3] == [(0, 0), (1, 1), (2, 2)]
    assert all(tag == "" for r in c.rows if r.kind == "aligned" for _, tag in r.lspans + r.rspans)


def test_language_guessed_from_script_when_not_given(seeds_dir):
    assert compare(gold(seeds_dir, "000"), gold(seeds_dir, "004")).method == "anchors"


def test_unique_to_finds_what_only_one_outlet_reports(seeds_dir):
    texts = {k: gold(seeds_dir, k) for k in ("000", "001", "002", "003")}
    spans = unique_to(texts["002"], [t for k, t in texts.items() if k != "002"])
    unique = " ".join(t for sent in spans for t, tag in sent if tag == "uniq")
    assert "North Korea" in unique and "Trans-Pacific Partnership" in unique
    shared = unique_to(texts["000"], [texts["000"]])
    assert all(tag == "" for sent in shared for _, tag in sent)


@pytest.mark.parametrize(
    "para, expected",
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("The U.S. army said so. J. Doe agreed.", ["The U.S. army said so.", "J. Doe agreed."]),
        ("He asked: \u201cWhy?\u201d Nobody knew.", ["He asked: \u201cWhy?\u201d", "Nobody knew."]),
        (
            "Prices rose 2.5 percent. e.g. rents rose.",
            ["Prices rose 2.5 percent. e.g. rents rose."],
        ),
    ],
)
def test_sentence_split(para, expected):
    assert split_sentences(para) == expected
