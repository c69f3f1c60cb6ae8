"""Paths as typed: ``~user`` of an unknown user is kept, not an exception (a fuzzed
``wiredesk diff ~0 ''`` once ended in "internal error: Could not determine home directory")."""

from __future__ import annotations

from pathlib import Path

from tui.core.userpath import user_path


def test_home_is_expanded(monkeypatch):
    monkeypatch.setenv("HOME", "/home/tester")
    assert user_path("~/notes.md") == Path("/home/tester/notes.md")


def test_an_unknown_user_is_kept_as_written():
    assert user_path("~nobody-such-user-9/x.txt") == Path("~nobody-such-user-9/x.txt")
    assert user_path("~0") == Path("~0")


def test_other_paths_are_untouched():
    assert user_path("a/~b") == Path("a/~b")
    assert user_path(Path("/tmp/x")) == Path("/tmp/x")
