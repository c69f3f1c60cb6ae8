"""Item 6: help for every command and argument, none empty or duplicated; options of the app
accepted after the command; the JSON shapes documented in a doc that ships."""

from __future__ import annotations

import argparse
import tomllib
from pathlib import Path

import pytest

from tui.cli.parser import build_parser

ROOT = Path(__file__).resolve().parents[2]


def walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from walk(sub, (*path, name))


PARSERS = list(walk(build_parser()))


def test_every_command_has_its_own_description():
    seen: dict[str, tuple[str, ...]] = {}
    for path, p in PARSERS:
        desc = (p.description or "").strip()
        assert desc, f"`wiredesk {' '.join(path)}` has no description"
        assert "see SPEC" not in desc
        assert desc not in seen, f"{path} repeats the description of {seen[desc]}"
        seen[desc] = path


def test_every_command_has_a_one_line_help_unique_among_its_siblings():
    for path, p in PARSERS:
        for action in p._actions:
            if not isinstance(action, argparse._SubParsersAction):
                continue
            helps = [(c.dest, (c.help or "").strip()) for c in action._choices_actions]
            for name, text in helps:
                assert text, f"`wiredesk {' '.join((*path, name))}` has no help line"
            texts = [t for _, t in helps]
            assert len(texts) == len(set(texts)), f"repeated help lines under {path}"


@pytest.mark.parametrize("path, parser", PARSERS, ids=lambda x: " ".join(x) if
                         isinstance(x, tuple) else "")
def test_every_argument_is_described(path, parser):
    texts = []
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            continue
        text = (action.help or "").strip()
        assert text and text != argparse.SUPPRESS, f"{path}: {action.dest} has no help"
        assert "see SPEC" not in text, f"{path}: {action.dest} points at an unshipped SPEC"
        texts.append(text)
    assert len(texts) == len(set(texts)), f"{path}: two arguments share one help text"


def test_the_old_unfinished_texts_are_gone(cli):
    r = cli("star", "--help")
    assert "Mark articles star." not in r.out
    a = cli("story", "archive", "--help").out.split("\n\n")[1]
    b = cli("story", "unarchive", "--help").out.split("\n\n")[1]
    assert a != b
    assert "(see SPEC)" not in cli("stories", "--help").out
    assert "docs/CLI.md" in cli("stories", "--help").out


def test_app_options_after_the_command():
    p = build_parser()
    args = p.parse_args(["demo", "--keymap", "vim", "--workspace", "/tmp/x"])
    assert args.keymap == "vim" and args.workspace == "/tmp/x"
    assert p.parse_args(["--keymap", "emacs", "demo"]).keymap == "emacs"
    assert p.parse_args(["stories", "-w", "/tmp/y"]).workspace == "/tmp/y"


def test_the_json_shapes_are_in_a_doc_that_ships():
    doc = (ROOT / "docs" / "CLI.md").read_text()
    for needle in ('"versions"', "stories --json", "clean --json", "diff --json",
                   "ingest --json", "ID@N", "| 70 |", "partial failure", "--parents"):
        assert needle in doc, needle
    with open(ROOT / "pyproject.toml", "rb") as f:
        include = tomllib.load(f)["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert include.get("docs/CLI.md") == "tui/docs/CLI.md"
    assert "docs/CLI.md" in (ROOT / "README.md").read_text()
