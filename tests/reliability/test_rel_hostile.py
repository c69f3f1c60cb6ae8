"""Hostile input: a clear message or clean text, never a traceback, never lost work, never a hang.

One `wiredesk ingest` of a folder full of bad files (binary, empty, 50 MB, invalid and mixed
encodings, NUL bytes, HTML nested thousands deep, very long lines, escape sequences, bidi
overrides, Rich markup, a symlink loop, a file name with a newline), then triage and export
with hostile tags and notes.
"""

from __future__ import annotations

import json
import os
import re
import time
import tomllib

import pytest
import tomli_w

from tui.core.decode import DecodeError, decode_bytes
from tui.core.textutil import safe_line, safe_text
from tui.core.workspace import Workspace
from tui.core.workspace.paths import article_path

ESC_TITLE = ("Storm \x1b]0;pwned\x07hits \x1b]52;c;ZXZpbA==\x07coast \x1b[31mred\x1b[0m "
             "[bold]x[/bold]")
BIDI = "Invoice \u202egnp.exe\u202c paid \u2066isolated\u2069"
PARA = ("Rescue teams worked through the night along the northern coast after the storm. "
        "Officials said the harbour would stay closed until the weekend. ")
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _files(folder) -> dict[str, bytes]:
    return {
        "binary.txt": bytes(range(256)) * 40,
        "image.html": b"\x89PNG\r\n\x1a\n" + os.urandom(2000),
        "empty.txt": b"",
        "blank.md": b"\n \n\t\n",
        "invalid-utf8.txt": ("Caf\u00e9 owners \u2014 " + PARA).encode() + b"\xff\xfe\xc3( end.",
        "mixed.txt": ("Caf\u00e9 cr\u00e8me owners said " + PARA).encode()
        + " na\u00efve \u201cquote\u201d ".encode("cp1252") + PARA.encode(),
        "nul.txt": (PARA + "\x00 stray \x00 nul " + PARA).encode(),
        "deep.html": ("<html><body>" + "<div>" * 5000 + f"<p>{PARA}</p>" + "</div>" * 5000
                      + "</body></html>").encode(),
        "unclosed.html": ("<html><body>" + "<div><span>" * 20000 + PARA).encode(),
        "long-line.txt": (PARA * 12000).encode(),
        "escapes.txt": f"{ESC_TITLE}\n\n{PARA}\n\n{BIDI} {PARA}".encode(),
        "new\nline.txt": ("A file with a newline in its name. " + PARA).encode(),
    }


@pytest.fixture
def hostile_dir(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for name, data in _files(folder).items():
        (folder / name).write_bytes(data)
    with open(folder / "huge.txt", "wb") as f:  # 50 MB, sparse: refused before it is read
        f.truncate(50 * 1024 * 1024)
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "sub" / "dangling.txt").symlink_to(folder / "nowhere.txt")
    return folder


@pytest.mark.slow  # asserts on wall-clock time
def test_ingest_of_a_hostile_folder(tmp_path, hostile_dir, cli):
    root = tmp_path / "ws"
    t = time.monotonic()
    r = cli(root, "ingest", str(hostile_dir), "--json", timeout=120)
    took = time.monotonic() - t
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err, err  # 1: some sources failed
    assert took < 60
    rep = json.loads(r.stdout)
    failed = {os.path.basename(f["source"]): f["reason"] for f in rep["failed"]}
    assert "binary" in failed["binary.txt"] and "binary" in failed["image.html"]
    assert "empty" in failed["empty.txt"] and "empty" in failed["blank.md"]
    assert "too large" in failed["huge.txt"]
    assert any("loop" in reason for reason in failed.values())
    ws = Workspace.open(root)
    bodies = {os.path.basename(a.origin): ws.body(a) for a in ws.articles()}
    for name in ("invalid-utf8.txt", "mixed.txt", "nul.txt", "long-line.txt", "escapes.txt",
                 "new\nline.txt"):
        assert name in bodies, (name, failed.get(name))
    mixed = bodies["mixed.txt"]
    assert "Caf\u00e9" in mixed and "na\u00efve \u201cquote\u201d" in mixed
    assert "Caf\u00e9 owners" in bodies["invalid-utf8.txt"]
    for name in ("deep.html", "unclosed.html"):  # clean text, or a clear reason
        assert "harbour" in bodies.get(name, "") or failed.get(name), name
    for a in ws.articles():
        for text in (ws.body(a), *(v for v in a.meta.values() if v)):
            assert not UNSAFE.search(text), (a.origin, text[:80])
    # one line per failure; the rest are warnings (what a file taken in could not keep:
    # escapes.txt's escape sequences), each also in the report's "warnings"
    lines = err.splitlines()
    said = [ln for ln in lines if not ln.startswith("wiredesk: warning: ")]
    assert len(said) == len(rep["failed"]), err
    assert len(lines) - len(said) == len(rep["warnings"])
    warned = {os.path.basename(w["source"]): w["reason"] for w in rep["warnings"]}
    assert "terminal escape sequences removed" in warned["escapes.txt"], warned


def test_listing_shows_no_escape_sequences(tmp_path, wd):
    root = tmp_path / "ws"
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "escapes.txt").write_bytes(_files(None)["escapes.txt"])
    assert wd(root, "ingest", str(tmp_path / "one"), "-q").returncode == 0
    for args in (["stories"], ["stories", "--json"]):
        r = wd(root, *args)
        assert r.returncode == 0
        out = r.stdout.decode()
        assert not UNSAFE.search(out.replace("\n", "")), out
        assert "[bold]x[/bold]" in out  # markup is shown as text, never applied
    raw = wd(root, "show", Workspace.open(root).articles()[0].id, "--raw").stdout.decode()
    assert "\x1b" not in raw and "\u202e" not in raw and "Storm" in raw


def test_hand_edited_escapes_in_the_workspace_never_reach_the_terminal(make_ws, wd):
    """Ingest cleans what comes in; a person (or a bad tool) can still write escapes into TOML."""
    root, ids = make_ws(1)
    path = article_path(root, ids[0])
    evil = "\x1b]0;pwned\x07\x1b[2J\u202eX"
    data = tomllib.loads(path.read_text())
    data["meta"]["title"] = evil
    data["triage"]["tags"] = [evil]
    path.write_text(tomli_w.dumps(data))  # TOML escapes: \u001b, as a hand edit would
    ws = Workspace.open(root)
    assert ws.problems == [] and "\x1b" in ws.get(ids[0]).meta["title"]
    for args in (["stories"], ["show", ids[0]], ["export", "--all", "--format", "md"],
                 ["export", "--all", "--format", "csv"]):
        r = wd(root, *args)
        out = r.stdout.decode() + r.stderr.decode()
        assert r.returncode == 0 and "\x1b" not in out and "\u202e" not in out, (args, out)


def test_escape_sequence_payloads_leave_no_junk(tmp_path, wd):
    root = tmp_path / "ws"
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "escapes.txt").write_bytes(_files(None)["escapes.txt"])
    assert wd(root, "ingest", str(tmp_path / "one"), "-q").returncode == 0
    out = wd(root, "stories", "--json").stdout.decode()
    assert "pwned" not in out and "ZXZpbA" not in out


def test_hostile_tags_and_notes(make_ws, cli):
    root, ids = make_ws(1)
    aid = ids[0]
    assert cli(root, "tag", aid, "[bold red]alarm[/]", "\x1b[31mred\x1b[0m").returncode == 0
    note = f"mine \x1b]52;c;ZXZpbA==\x07 {BIDI}\n[link=file:///etc/passwd]x[/link]"
    assert cli(root, "note", aid, note).returncode == 0
    r = cli(root, "show", aid, "--json")
    d = json.loads(r.stdout)
    assert "[bold red]alarm[/]" in d["tags"] and "red" in d["tags"]
    assert "[link=file:///etc/passwd]x[/link]" in d["note"] and "ZXZpbA" not in d["note"]
    assert not UNSAFE.search(d["note"].replace("\n", ""))
    out = cli(root, "stories").stdout.decode() + cli(root, "show", aid).stdout.decode()
    assert "\x1b" not in out and "\u202e" not in out
    r = cli(root, "note", aid, "-", input=b"bad \xff\xfe bytes \x00 and \x1b[2J more")
    assert r.returncode == 0, r.stderr
    note = json.loads(cli(root, "show", aid, "--json").stdout)["note"]
    assert "bytes" in note and "more" in note and not UNSAFE.search(note)


def test_empty_or_unusable_tag_is_refused(make_ws, wd):
    root, ids = make_ws(1)
    r = wd(root, "tag", ids[0], "\x1b[0m\u202e")
    assert r.returncode == 1 and len(r.stderr.decode().strip().splitlines()) == 1


def test_failure_message_for_a_hostile_file_name_is_one_clean_line(tmp_path, cli):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad\n\x1b]0;pwned\x07name.txt").write_bytes(b"")
    r = cli(tmp_path / "ws", "ingest", str(folder))
    err = r.stderr.decode()
    assert len(err.strip().splitlines()) == 1 and "\x1b" not in err


def test_export_never_writes_outside_the_target_folder(make_ws, wd, tmp_path):
    root, ids = make_ws(2)
    ws = Workspace.open(root)
    for aid in ids:
        ws.update_triage(aid, note="exported", add_tags=["../../escape"])
    first = tmp_path / "first"
    first.mkdir()
    assert wd(root, "export", "--format", "md", "--split", "-o", str(first)).returncode == 0
    names = sorted(p.name for p in first.iterdir())
    assert len(names) == 2 and all(p.parent == first for p in first.rglob("*"))
    # The same export into a folder where those names are symlinks to files outside it.
    target, outside = tmp_path / "out", tmp_path / "outside.md"
    target.mkdir()
    outside.write_text("keep")
    for name in names:
        (target / name).symlink_to(outside)
    r = wd(root, "export", "--format", "md", "--split", "-o", str(target), "--force")
    assert r.returncode == 1 and len(r.stderr.decode().strip().splitlines()) == 1
    assert outside.read_text() == "keep"
    r = wd(root, "export", "--format", "md", "-o", str(target / names[0]))
    assert r.returncode == 1 and outside.read_text() == "keep"  # an existing path is not clobbered


def test_decode_contracts():
    with pytest.raises(DecodeError):
        decode_bytes(bytes(range(256)))
    assert decode_bytes(b"") == ""
    assert decode_bytes(b"a\x00b") == "ab"
    assert decode_bytes("BOM".encode("utf-8-sig")) == "BOM"
    assert decode_bytes("\u00e9t\u00e9".encode("utf-16")) == "\u00e9t\u00e9"
    assert safe_line("a\nb\tc\x1b[2J") == "a b c"
    assert safe_text("x\ud800y") == "xy"


@pytest.mark.parametrize("s", ["\x1b[" + "0;" * 300000, "\x1b]" * 200000, "\x1b[0" * 200000,
                               "\u202e" * 500000, "x\x1b]52;c;" + "A" * 2_000_000,
                               "\x1bP" * 300000],
                         ids=["csi-params", "osc-run", "csi-run", "bidi-run", "osc52-long", "dcs"])
@pytest.mark.slow  # asserts on wall-clock time
def test_text_safety_stays_fast_on_adversarial_input(s):
    t = time.monotonic()
    assert "\x1b" not in safe_text(s) and "\x1b" not in safe_line(s)
    assert time.monotonic() - t < 3


@pytest.mark.parametrize("data", [b"\xc3\xa9\xff" * 700_000, b"\x81\x93x" * 700_000,
                                  b"a" * 15_000_000], ids=["mixed", "cp1252-holes", "ascii-15mb"])
@pytest.mark.slow  # asserts on wall-clock time
def test_decoding_large_awkward_bytes_stays_fast(data):
    t = time.monotonic()
    assert len(decode_bytes(data)) > 1_000_000
    assert time.monotonic() - t < 5


def test_clean_command_on_hostile_files(hostile_dir, wd):
    """`wiredesk clean` (no workspace): one JSON line per file, a message for each refusal."""
    names = sorted(p.name for p in hostile_dir.iterdir() if p.is_file())
    r = wd(None, "clean", "--json", *(str(hostile_dir / n) for n in names), str(hostile_dir))
    lines = [json.loads(x) for x in r.stdout.decode().splitlines()]
    # one line per article or refusal, in argument order; the folder gives its files again
    assert {os.path.basename(d["origin"]) for d in lines} >= set(names) - {"empty.txt", "blank.md"}
    assert len(lines) >= len(names)
    refused = [d for d in lines if d.get("error")]
    assert {os.path.basename(d["origin"]) for d in refused} >= {"binary.txt", "image.html",
                                                                "huge.txt"}
    for d in lines:
        assert not UNSAFE.search((d.get("body") or "").replace("\n", ""))
