"""The look before a wide ingest is bounded: a folder-entries budget, a stop asked at each
entry, a link loop named; and it finds what the ingest's own expansion finds (session 38)."""

from __future__ import annotations

import os

import pytest

from tui.core.ingest import Collected
from tui.core.ingest import expand as core_expand
from tui.desk.intake import look, look_said
from tui.desk.intake_walk import Cut


def _tree(root):
    for d in ("a", "a/b", "a/.hid", "c", "c/d.html"):
        (root / d).mkdir(parents=True)
    for f in (
        "a/x.txt",
        "a/b/y.txt",
        "a/b/z.xml",
        "a/.hid/h.txt",
        "a/.dot.txt",
        "c/w.md",
        "c/d.html/in.txt",
        "c/skip.bin",
        "top.txt",
    ):
        (root / f).write_text("A title\n\nSome text of it.\n")
    return root


@pytest.mark.parametrize(
    "pattern",
    ["**/*.txt", "*/*.txt", "a/**", "**", "*", "a/.*", "c/*.html", "a/b/*.x?l", "[ac]/*", "*/"],
)
def test_the_look_finds_what_the_ingest_expands(tmp_path, monkeypatch, pattern):
    monkeypatch.chdir(_tree(tmp_path))
    want = list(core_expand(pattern, Collected()))
    got = look([pattern])
    assert got.files == len(want) and not got.more and got.cut is None, (pattern, got, want)


def test_a_link_back_to_a_folder_above_is_skipped_named_and_the_count_goes_on(tmp_path):
    # Before: glob.glob went round the loop (as /usr/bin/X11 -> . under /usr/**/*.xml), for
    # minutes. The look skips the link, names it, and counts the rest (review S1: app38
    # stopped there, "at least 1 file ... Too many"); the glob is not ingested from here
    # (core's glob would go round it), the folder is
    _tree(tmp_path)
    os.symlink(tmp_path / "a", tmp_path / "a" / "b" / "back")
    got = look([f"{tmp_path}/**/*.txt"])
    assert got.files == 4 and not got.more and got.cut is None, got
    assert got.loops == (f"{tmp_path}/a/b/back",)
    said = look_said(got)
    assert said.startswith("That names 4 files") and "link loop at " in said, said
    assert f"{tmp_path}/a/b/back (a link back" in said and "Enter again" not in said, said
    # (final review S1: "name the folder itself" took in every kind ingest reads, not the
    # pattern's .txt only; the advice now stays below the loop)
    assert "the ingest cannot follow it" in said and "folder itself" not in said, said
    assert "Name a pattern or a folder below the loop instead." in said, said
    folder = look([str(tmp_path)])  # (core's walk skips the loop: the folder is ingested)
    assert folder.files == 6 and not folder.loops and "Enter again ingests" in look_said(folder)


def test_a_budget_spent_says_at_least_and_enter_still_ingests(tmp_path):
    # review MUST-FIX 2: a look that runs out of its budget with no link loop (a folder, a
    # glob) says "at least N", and Enter still ingests, as on the base (app38: refused)
    for n in range(40):
        (tmp_path / f"d{n // 10}").mkdir(exist_ok=True)
        (tmp_path / f"d{n // 10}" / f"f{n:02}.txt").write_text("t\n\nx\n")
    for source in (f"{tmp_path}/**/*.txt", str(tmp_path)):
        got = look([source], entries=25)
        assert 0 < got.files < 40 and got.more and got.cut == "too many to count here", got
        said = look_said(got)
        assert said.startswith(f"That names at least {got.files} files (too many to count here)")
        assert "Enter again ingests them all" in said and "Not ingested" not in said, said
    empty = look([f"{tmp_path}/**/*.nothing"], entries=10)
    assert empty.files == 0 and "No file found yet" in look_said(empty)
    assert "Enter again ingests what it names" in look_said(empty)


def test_a_stop_ends_the_look_at_once(tmp_path):
    _tree(tmp_path)
    asked = []

    def stop():
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(Cut):
        look([f"{tmp_path}/**/*.txt"], stop)
    assert len(asked) == 4


def test_the_at_least_words_keep_one_parenthesis():
    # final review S5: "(1,966 of them feeds ...; 1,802 not counted) (too many to count here)"
    from tui.desk.intake import Look

    got = Look(
        3311,
        ["a.xml"],
        True,
        0,
        None,
        holders=1966,
        items=40,
        uncounted=1802,
        cut="too many to count here",
        loops=("/usr/bin/X11", "/usr/lib/x"),
    )
    said = look_said(got)
    assert said.startswith(
        "That names at least 3,311 files (1,966 of them feeds, JSON or JSON Lines files by "
        "their names, holding at least 40 articles; 1,802 not counted; too many to count "
        "here): a.xml and at least 3,310 more."
    ), said
    assert (
        ") (" not in said and "/usr/bin/X11 (a link back to a folder above it; 1 more like" in said
    )
