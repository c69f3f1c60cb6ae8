"""The argument parser: one module per command group registers its subcommands."""

from __future__ import annotations

import argparse
import importlib

from tui import __version__

COMMAND_MODULES = (
    "tui.cli.app_cmd",  # demo (and no command: open the app)
    "tui.cli.ingest_cmd",  # ingest, clean
    "tui.cli.read_cmd",  # stories, show
    "tui.cli.triage_cmd",  # tag, untag, star, unstar, read, unread, note
    "tui.cli.story_cmd",  # story merge/split/move, move
    "tui.cli.diff_cmd",  # diff
    "tui.cli.export_cmd",  # export
    "tui.cli.feeds_cmd",  # feeds, refresh
    "tui.cli.doctor_cmd",  # doctor
)


class Parser(argparse.ArgumentParser):
    """Usage errors exit 2 with one line, as SPEC asks."""

    def error(self, message: str):  # noqa: D401
        self.exit(2, f"wiredesk: {message} (see `{self.prog} --help`)\n")


def workspace_option(p: argparse.ArgumentParser, default=None) -> None:
    p.add_argument("--workspace", "-w", metavar="DIR", default=default,
                   help="workspace folder (default: $WIREDESK_WORKSPACE or the user data folder)")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="wiredesk",
        description="Read, group, compare and triage news from the terminal. "
                    "With no command, opens the app on the workspace.",
    )
    parser.add_argument("--version", action="version", version=f"wiredesk {__version__}")
    workspace_option(parser)
    parser.add_argument("--keymap", metavar="NAME", help="keymap for the app (default, vim, emacs)")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    # `--workspace` also after the subcommand; SUPPRESS keeps the one given before it.
    for p in _all_subparsers(sub):
        if not any("--workspace" in a.option_strings for a in p._actions):
            workspace_option(p, default=argparse.SUPPRESS)
    return parser


def _all_subparsers(sub) -> list[argparse.ArgumentParser]:
    out = []
    for p in sub.choices.values():
        out.append(p)
        for a in p._actions:
            if isinstance(a, argparse._SubParsersAction):
                out.extend(_all_subparsers(a))
    return out
