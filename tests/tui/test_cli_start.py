"""A command starts with only what it needs: the parser imports the module of the command named
(every command is in ``COMMANDS``, under the module that registers it), help and mistakes get
every command; ``wiredesk stories`` does not import the desk's threads nor the export."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

import pytest

from tui.cli import parser as cli_parser


def registered(module: str) -> set[str]:
    sub = argparse.ArgumentParser().add_subparsers()
    importlib.import_module(module).register(sub)
    return set(sub.choices)


def test_every_command_is_listed_under_the_module_that_registers_it():
    listed: dict[str, set[str]] = {}
    for command, module in cli_parser.COMMANDS.items():
        listed.setdefault(module, set()).add(command)
    assert set(listed) == set(cli_parser.COMMAND_MODULES)
    for module in cli_parser.COMMAND_MODULES:
        assert registered(module) == listed[module], module


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["stories", "--json"], "stories"),
        (["-w", "stories", "show", "x"], "show"),  # "stories" is the workspace's name here
        (["--workspace", "d", "--keymap", "vim", "demo"], "demo"),
        (["--workspace=d", "star", "abc"], "star"),
        (["--help"], None),
        (["-h", "stories"], None),
        ([], None),
        (["storiez"], "storiez"),
    ],
)
def test_the_command_named_is_found_past_the_options(argv, command):
    assert cli_parser.command_of(argv) == command


def test_a_parser_for_one_command_parses_it_as_the_whole_parser_does():
    argv = ["-w", "ws", "stories", "--json", "--filter", "harbour unread", "--archived"]
    one, every = cli_parser.build_parser(argv), cli_parser.build_parser()
    assert set(one._subparsers._group_actions[0].choices) == {"stories", "show"}
    assert vars(one.parse_args(argv)) == vars(every.parse_args(argv))
    with pytest.raises(SystemExit):  # a mistake: every command is there to suggest one
        cli_parser.build_parser(["storiez"]).parse_args(["storiez"])


def test_stories_starts_without_the_desk_threads_or_the_export(tmp_path):
    code = (
        "import sys\nfrom tui.cli import main\n"
        f"main(['stories', '-w', {str(tmp_path / 'ws')!r}, '--json', '--filter', 'x'])\n"
        "print(sorted(m for m in ('asyncio', 'tui.desk.service', 'tui.core.export', "
        "'tui.cli.export_cmd', 'textual') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr
