"""``wiredesk`` with no command opens the app: its parser registers the app's command module
alone (the other commands' modules would only delay the first screen, issue 16); help and
mistakes still see every command."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tui.cli import parser as cli_parser


@pytest.mark.parametrize("argv", [[], ["-w", "ws"], ["--keymap", "vim", "--workspace", "ws"]])
def test_no_command_registers_the_app_alone_and_parses_as_the_whole_parser(argv):
    assert cli_parser.modules_for(argv) == ("tui.cli.app_cmd",)
    one, every = cli_parser.build_parser(argv), cli_parser.build_parser()
    assert vars(one.parse_args(argv)) == vars(every.parse_args(argv))


@pytest.mark.parametrize("argv", [None, ["-h"], ["--version"], ["-w", "ws", "--help"], ["--"]])
def test_help_and_no_command_line_get_every_command(argv):
    assert cli_parser.modules_for(argv) == cli_parser.COMMAND_MODULES


def test_opening_the_app_imports_no_other_command():
    code = (
        "import sys\nfrom tui.cli.parser import build_parser\n"
        "build_parser(['-w', 'ws']).parse_args(['-w', 'ws'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('tui.cli.') and m.endswith('_cmd')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "['tui.cli.app_cmd']", done.stderr
