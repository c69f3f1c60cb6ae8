"""The argument parser: one module per command group registers its subcommands."""

from __future__ import annotations

import argparse
import importlib

from tui import __version__
from tui.core.safe_text import one_line

COMMAND_MODULES = (
    "tui.cli.app_cmd",  # demo (and no command: open the app)
    "tui.cli.ingest_cmd",  # ingest
    "tui.cli.clean_cmd",  # clean
    "tui.cli.read_cmd",  # stories, show
    "tui.cli.triage_cmd",  # tag, untag, star, unstar, read, unread, note
    "tui.cli.story_cmd",  # story merge/split/move, move
    "tui.cli.diff_cmd",  # diff
    "tui.cli.export_cmd",  # export
    "tui.cli.feeds_cmd",  # feeds, refresh
    "tui.cli.doctor_cmd",  # doctor
)


# Each command and the module that registers it: a command line that names one imports only
# that module (the others cost 30-50 ms at every start); help and mistakes get them all.
COMMANDS = {
    "demo": "tui.cli.app_cmd",
    "ingest": "tui.cli.ingest_cmd",
    "clean": "tui.cli.clean_cmd",
    **dict.fromkeys(("stories", "show"), "tui.cli.read_cmd"),
    **dict.fromkeys(("tag", "untag", "star", "unstar", "read", "unread", "note"),
                    "tui.cli.triage_cmd"),
    **dict.fromkeys(("story", "move"), "tui.cli.story_cmd"),
    "diff": "tui.cli.diff_cmd",
    "export": "tui.cli.export_cmd",
    **dict.fromkeys(("feeds", "refresh"), "tui.cli.feeds_cmd"),
    "doctor": "tui.cli.doctor_cmd",
}
_VALUED = ("--workspace", "-w", "--keymap")  # the options before a command that take a value


def modules_for(argv: list[str] | None) -> tuple[str, ...]:
    """The command modules ``argv`` needs: the one of the command it names; ``app_cmd`` alone
    when it names none and asks no help (``wiredesk [-w DIR]`` opens the app: the other
    commands' modules would only delay its first screen); else (help, a mistake, no command
    line given) every one."""
    command = command_of(argv)
    if command in COMMANDS:
        return (COMMANDS[command],)
    if argv is not None and command is None and not any(
        a in ("-h", "--help", "--version", "--") for a in argv
    ):
        return ("tui.cli.app_cmd",)
    return COMMAND_MODULES


def command_of(argv: list[str] | None) -> str | None:
    """The command ``argv`` names (None: none, or help asked before it)."""
    args = iter(argv or ())
    for arg in args:
        if arg in _VALUED:
            next(args, None)
        elif arg in ("-h", "--help", "--version", "--"):
            return None
        elif not arg.startswith("-"):
            return arg
    return None


class Parser(argparse.ArgumentParser):
    """Usage errors exit 2 with one line, as SPEC asks."""

    def error(self, message: str):
        # argparse quotes the command line back ("unrecognized arguments: ..."): one line,
        # sanitised, and not 100,000 characters long.
        line = one_line(message)
        if len(line) > 500:
            line = line[:499] + "…"
        line += _nearest_choice(message)
        self.exit(2, f"wiredesk: {line} (see `{one_line(self.prog)} --help`)\n")


def _nearest_choice(message: str) -> str:
    """"; did you mean 'stories'?" for an invalid choice close to a valid one."""
    import difflib
    import re

    m = re.match(r"argument [^:]+: invalid choice: '(.*)' \(choose from (.*)\)$", message, re.S)
    if not m:
        return ""
    choices = re.findall(r"'([^']*)'", m[2]) or [c.strip() for c in m[2].split(",")]
    near = difflib.get_close_matches(m[1], choices, n=1, cutoff=0.6)
    return f"; did you mean {near[0]!r}?" if near else ""


def keymap_option(p: argparse.ArgumentParser, default=None) -> None:
    p.add_argument("--keymap", metavar="NAME", default=default,
                   help="keymap for the app: default, vim, emacs or one of yours")


def workspace_option(p: argparse.ArgumentParser, default=None) -> None:
    p.add_argument("--workspace", "-w", metavar="DIR", default=default,
                   help="workspace folder (default: $WIREDESK_WORKSPACE or the user data folder)")


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given the command line, with only the command it names (when it names one
    of :data:`COMMANDS`), else with every command."""
    parser = Parser(
        prog="wiredesk",
        description="Read, group, compare and triage news from the terminal. "
                    "With no command, opens the app on the workspace.",
    )
    parser.add_argument("--version", action="version", version=f"wiredesk {__version__}")
    workspace_option(parser)
    keymap_option(parser)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)
    for name in modules_for(argv):
        importlib.import_module(name).register(sub)
    # `--workspace` also after the subcommand; SUPPRESS keeps the one given before it.
    for p in _all_subparsers(sub):
        if not any("--workspace" in a.option_strings for a in p._actions):
            workspace_option(p, default=argparse.SUPPRESS)
    # `--keymap` also after the commands that open the app.
    if "demo" in sub.choices:
        keymap_option(sub.choices["demo"], default=argparse.SUPPRESS)
    return parser


def _all_subparsers(sub) -> list[argparse.ArgumentParser]:
    out = []
    for p in sub.choices.values():
        out.append(p)
        for a in p._actions:
            if isinstance(a, argparse._SubParsersAction):
                out.extend(_all_subparsers(a))
    return out
