"""Session 34: no command but the ones that add makes a missing workspace. The list of
commands is the parser's: a command added later without an entry here fails the first test."""

from __future__ import annotations

import argparse

import pytest

from tui.cli.parser import build_parser

CREATORS = {("demo",), ("ingest",), ("feeds", "add"), ("feeds", "import")}  # they add
NONE_NEEDED = {("clean",)}  # reads files, never a workspace
APP = {()}  # `wiredesk` alone: the app (tests/app/test_newuser_s34.py)
EXAMPLES: dict[tuple[str, ...], list[list[str]]] = {
    ("stories",): [[], ["--json", "--explain"], ["--filter", "japan"]],
    ("show",): [["abc1234"], ["abc1234", "--json", "--raw"]],
    ("tag",): [["abc1234", "x"]],
    ("untag",): [["abc1234", "x"]],
    ("star",): [["abc1234"]],
    ("unstar",): [["abc1234"]],
    ("read",): [["abc1234"]],
    ("unread",): [["abc1234"]],
    ("note",): [["abc1234", "text"], ["abc1234", ""]],
    ("story", "merge"): [["abc", "def"]],
    ("story", "split"): [["abc", "def"]],
    ("story", "move"): [["abc", "def"]],
    ("story", "archive"): [["abc"]],
    ("story", "unarchive"): [["abc"]],
    ("move",): [["abc", "def"]],
    ("diff",): [["abc1234", "def5678"]],
    ("export",): [[], ["--all", "--format", "csv"], ["abc1234"]],
    ("feeds",): [[]],
    ("feeds", "list"): [[], ["--json"]],
    ("feeds", "remove"): [["http://x.test/feed"]],
    ("feeds", "export"): [[]],
    ("refresh",): [[], ["--json"]],
    ("doctor",): [[], ["--repair"], ["--reindex"], ["--json"]],
}


def leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs or parser.get_default("func") is not None or not subs[0].required:
        yield path
    for name, sub in subs[0].choices.items() if subs else ():
        yield from leaves(sub, (*path, name))


def test_every_command_has_an_example():
    assert set(leaves(build_parser())) == set(EXAMPLES) | CREATORS | NONE_NEEDED | APP


@pytest.mark.parametrize(
    "cmd", [(*path, *args) for path, many in EXAMPLES.items() for args in many], ids=" ".join
)
def test_no_reading_command_makes_a_missing_workspace(cli, tmp_path, cmd):
    root = tmp_path / "missing" / "ws"
    r = cli("-w", root, *cmd)
    assert r.code in (0, 1), r.all
    assert not (tmp_path / "missing").exists(), f"{' '.join(cmd)} made {root}"
    if r.code == 1:  # said, naming where (doctor --json: in its JSON)
        assert str(root) in r.all
