"""``wiredesk note``: a note read from standard input, an argument or $EDITOR keeps every
character it was given, and removing a note (an empty one) says what it was."""

from __future__ import annotations

import io
import json
import os
import shutil
import sys

import pytest


@pytest.fixture
def ws(base_ws, tmp_path):
    dest = tmp_path / "ws"
    shutil.copytree(base_ws, dest)
    return dest


def _first(cli, ws) -> str:
    return json.loads(cli("-w", ws, "stories", "--json").out)[0]["articles"][0]["id"]


def _note(cli, ws, aid):
    return json.loads(cli("-w", ws, "show", aid, "--json").out)["note"]


def _stdin(monkeypatch, data: bytes) -> None:
    """Standard input of these bytes, as Python opens it (UTF-8 text over a byte buffer)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_a_legacy_encoded_note_from_stdin_keeps_its_letters(cli, ws, monkeypatch):
    aid = _first(cli, ws)
    text = "Caf\u00e9 cr\u00e8me, d\u00e9j\u00e0 vu: the mayor's r\u00e9sum\u00e9"
    _stdin(monkeypatch, text.encode("latin-1"))
    assert cli("-w", ws, "note", aid, "-").code == 0
    assert _note(cli, ws, aid) == text


def test_binary_stdin_leaves_the_note_as_it_was(cli, ws, monkeypatch):
    aid = _first(cli, ws)
    cli("-w", ws, "note", aid, "keep me")
    _stdin(monkeypatch, bytes(range(256)) * 4)
    r = cli("-w", ws, "note", aid, "-")
    assert r.code == 1 and "standard input" in r.err and "note unchanged" in r.err
    assert _note(cli, ws, aid) == "keep me"


def test_an_editor_saving_legacy_bytes_is_read_not_a_crash(cli, ws, monkeypatch, tmp_path):
    aid = _first(cli, ws)
    editor = tmp_path / "ed.py"
    text = "Z\u00fcrich: the \u00e9lection results, d\u00e9j\u00e0 contested by the mayor's party"
    editor.write_text(f"import sys\nopen(sys.argv[1], 'wb').write({text.encode('latin-1')!r})\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    monkeypatch.delenv("VISUAL", raising=False)
    assert cli("-w", ws, "note", aid).code == 0
    assert _note(cli, ws, aid) == text


def test_removing_a_note_says_what_it_was(cli, ws, monkeypatch):
    aid = _first(cli, ws)
    cli("-w", ws, "note", aid, "three weeks of reading")
    _stdin(monkeypatch, b"")  # a command that failed, piped in: nothing arrives
    r = cli("-w", ws, "note", aid, "-")
    assert r.code == 0 and _note(cli, ws, aid) is None
    assert "removed the note" in r.err and "three weeks of reading" in r.err
    assert cli("-w", ws, "note", aid, "").err == ""  # nothing was there: nothing to say


@pytest.mark.skipif(os.name != "posix", reason="argv bytes are a POSIX matter")
def test_argv_bytes_the_locale_cannot_decode_are_kept(cli, ws):
    aid = _first(cli, ws)
    text = "na\u00efve caf\u00e9 cr\u00e8me br\u00fbl\u00e9e for the whole newsroom"
    raw = text.encode("latin-1")
    assert cli("-w", ws, "note", aid, os.fsdecode(raw)).code == 0
    assert _note(cli, ws, aid) == raw.decode("latin-1")


@pytest.mark.parametrize("how", ["editor", "stdin"])
def test_a_note_that_could_not_be_saved_is_printed_not_lost(cli, ws, monkeypatch, tmp_path, how):
    aid = _first(cli, ws)
    text = "Twenty minutes of reading, summed up:\n\nthe port deal is off."
    if how == "editor":
        editor = tmp_path / "ed.py"
        editor.write_text(f"import sys\nopen(sys.argv[1], 'w').write({text!r})\n")
        monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
        monkeypatch.delenv("VISUAL", raising=False)
    else:
        _stdin(monkeypatch, text.encode())

    def full(path, *_a, **_kw):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr("tui.core.workspace.store.write_atomic", full)
    r = cli("-w", ws, "note", aid, *(["-"] if how == "stdin" else []))
    assert r.code == 1
    assert f"was not saved; here it is:\n{text}\n" in r.err
    assert "No space left on device (every file is written whole" in r.err.splitlines()[-1]
    monkeypatch.undo()
    assert _note(cli, ws, aid) is None


def test_the_unsaved_note_is_printed_even_when_the_short_id_cannot_be_looked_up(
        cli, ws, monkeypatch):
    aid = _first(cli, ws)
    text = "Kept whatever else fails."
    _stdin(monkeypatch, text.encode())

    def index_gone(*_a, **_kw):
        raise OSError(5, "Input/output error", "index.sqlite")

    def full(path, *_a, **_kw):
        monkeypatch.setattr("tui.cli.ids.Abbrev.of", index_gone)  # fails from now on
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr("tui.core.workspace.store.write_atomic", full)
    r = cli("-w", ws, "note", aid, "-")
    assert r.code == 1
    assert f"was not saved; here it is:\n{text}\n" in r.err
    assert "No space left on device" in r.err.splitlines()[-1]  # the first error, not masked
