"""Session 34 (mend): a shell command the app or the CLI suggests names the workspace it is
about (`-w DIR`) unless that is the default one: typed as shown, it acts there, not on the
default workspace. A path that does not print is quoted on one line, exactly."""

from __future__ import annotations

import subprocess

from tui.widgets.legend import empty_guide


def test_shell_where_leaves_out_the_default_workspace(tmp_path, monkeypatch):
    from tui.core.workspace.paths import shell_where  # (new: fails here on the base)

    monkeypatch.setenv("WIREDESK_WORKSPACE", str(tmp_path / "default"))
    assert shell_where(tmp_path / "default") == ""
    assert shell_where(tmp_path / "a b") == f" -w '{tmp_path}/a b'"


def test_a_path_that_does_not_print_is_one_exact_shell_word(tmp_path):
    from tui.core.workspace.paths import shell_arg

    odd = str(tmp_path / "a\nb \x1b[31m'red\\")
    word = shell_arg(odd)
    assert "\n" not in word and "\x1b" not in word and word.startswith("$'")
    got = subprocess.run(["bash", "-c", f"printf %s {word}"], capture_output=True, text=True)
    assert got.stdout == odd  # the shell reads back the real path


def test_feeds_and_refresh_name_the_workspace(cli, ws, tmp_path, monkeypatch):
    # Before: "no subscriptions (add one with `wiredesk feeds add URL`)" for any workspace.
    monkeypatch.setenv("WIREDESK_WORKSPACE", str(tmp_path / "default"))
    root = tmp_path / "missing"
    assert f"`wiredesk feeds add URL -w {root}`" in cli("-w", root, "refresh").out
    assert not root.exists()
    assert f"`wiredesk feeds add URL -w {ws}`" in cli("-w", ws, "feeds").out
    assert f"`wiredesk feeds add URL -w {ws}`" in cli("-w", ws, "refresh").out
    monkeypatch.setenv("WIREDESK_WORKSPACE", str(ws))  # now the default: no -w
    assert "`wiredesk feeds add URL`" in cli("-w", ws, "refresh").out


def test_the_empty_lists_guide_says_to_add_w():
    plain = empty_guide({}, "")
    assert not any("-w" in what for _, what in plain)
    guide = empty_guide({}, "", 0, " -w /tmp/x")
    assert any(what.startswith("in a shell, add -w /tmp/x") for _, what in guide), guide
    assert len(guide) == len(plain) + 1


def test_the_list_title_says_a_search_ranks_title_matches_first():
    from tui.widgets.story_order import order_label  # (new: fails here on the base)

    assert order_label("size", {}) == "biggest stories first"
    assert order_label("size", {"a": 1, "b": 1}) == "biggest stories first"  # no reorder
    assert order_label("size", {"a": 0, "b": 1}) == "title matches first, then biggest stories"
    assert order_label("newest", {"a": 0, "b": 2}) == "title matches first, then newest"
    assert order_label("unread", {"a": 0, "b": 2}) == "title matches first, then most unread"
