"""Item 9 (and issue 19's CLI fuzz): every command run with random ids, prefixes, ID@N,
dates, query strings, escapes, right-to-left marks and very long arguments.

Asserted for every call: exit status 0, 1 or 2; never a traceback (nor an internal error);
no ESC or C1 byte in anything printed; nothing created at a missing workspace path by a
command that only reads or changes a workspace. In process (fast): 300 examples here, 3,000 in
the ``slow`` run.
"""

from __future__ import annotations

import json
import re
import shutil
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli.conftest import call

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ESCAPES = ["\x1b[2J", "\x1b]0;pwned\x07", "\x9b31m", "\x1bP+q\x1b\\", "\x07", "\x1b", "\r",
           "\x85", "\u202e", "\u2066"]
RTL = ["\u200f", "\u200e", "اتفقت", "שלום", "\u202b", "كندا\u200f"]
CREATING = {"ingest", "demo", "refresh"}


def texts(extra: list[str]) -> st.SearchStrategy[str]:
    pieces = st.sampled_from(extra + ESCAPES + RTL) | st.text(
        alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
        max_size=12)
    return st.lists(pieces, max_size=5).map("".join)


def long_args() -> st.SearchStrategy[str]:
    return st.sampled_from(["a", "7", "\u0627", "\x1b[2J", " tag:x", "@"]).flatmap(
        lambda s: st.integers(1000, 100_000).map(lambda n: (s * n)[:100_000]))


@st.composite
def ids(draw, real: list[str]) -> str:
    kind = draw(st.sampled_from(["prefix", "full", "hex", "junk", "long"]))
    if kind in ("prefix", "full") and real:
        aid = draw(st.sampled_from(real))
        base = aid if kind == "full" else aid[: draw(st.integers(0, len(aid)))]
    elif kind == "hex":
        base = draw(st.text("0123456789abcdefABCDEF", max_size=16))
    elif kind == "long":
        base = draw(long_args())
    else:
        base = draw(texts(["/nonexistent/a.txt", "-", "--", "..", "."]))
    if draw(st.booleans()):
        at = draw(st.sampled_from(["1", "2", "-1", "0", "99", "x", "", "-0", "+1",
                                   "99999999999999999999"]))
        base += "@" + at
    return base


DATES = st.sampled_from(["2022", "2022-10", "2022-10-11", "2022-13-45", "2022-02-30",
                         "11/10/2022", "13/10/2022", "Oct 11, 2022", "notadate", "",
                         "0000-00-00", "9999-12-31", "2022-10-11T09:00:00+09:00",
                         "99999999", "1 Smarch 2022"]) | st.from_regex(
    r"\A\d{1,5}([-/.]\d{1,3}([-/.]\d{1,3})?)?\Z") | texts([])

QUERY_TERMS = st.sampled_from([
    "tag:", "tag:x", "tag:a,b", "-tag:done", "+starred", "-starred", "unread", "read",
    "archived", "-archived", "source:", "source:reuters", "lang:ar", "story:", "story:ab",
    'after:"11 Oct 2022"', '"', '"unclosed', "\\", "-", "+", ":", "after:", "before:",
    "-source:x", "tag:\"new york\"", "japan", "canada"])


@st.composite
def queries(draw) -> str:
    parts = draw(st.lists(QUERY_TERMS | DATES.map(lambda d: f"after:{d}") | texts([]),
                          max_size=5))
    if draw(st.integers(0, 20)) == 0:
        parts.append(draw(long_args()))
    return " ".join(parts)


@st.composite
def commands(draw, real: list[str]) -> list[str]:
    i = lambda: draw(ids(real))  # noqa: E731
    cmd = draw(st.sampled_from([
        "stories", "show", "diff", "export", "tag", "untag", "star", "unstar", "read",
        "unread", "note", "merge", "split", "move", "archive", "clean", "garbage", "feeds",
        "ingest"]))
    opt = lambda *xs: draw(st.sampled_from([[], *[list(x) for x in xs]]))  # noqa: E731
    if cmd == "stories":
        return ["stories", *opt(["--json"], ["--explain"], ["--archived"]),
                *opt(["--filter", draw(queries())])]
    if cmd == "show":
        return ["show", i(), *opt(["--json"], ["--raw"], ["--no-pager"]),
                *opt(["--version", draw(st.sampled_from(["1", "2", "-1", "0", "x"]))])]
    if cmd == "diff":
        return ["diff", i(), i(), *opt(["--json"], ["--width", str(draw(st.integers(-5, 300)))])]
    if cmd == "export":
        return ["export", *[i() for _ in range(draw(st.integers(0, 2)))],
                *opt(["--from", draw(DATES)]), *opt(["--to", draw(DATES)]),
                *opt(["-q", draw(queries())]), *opt(["--tag", draw(texts(["x"]))]),
                *opt(["--story", i()]), *opt(["--all"], ["--starred"]),
                *opt(*[["--format", f] for f in ("md", "json", "toml", "csv", "csl-json",
                                                  "html", "docx")])]
    if cmd in ("tag", "untag"):
        return [cmd, i(), draw(texts(["x", "", " "])) or "x"]
    if cmd in ("star", "unstar", "read", "unread"):
        return [cmd, *[i() for _ in range(draw(st.integers(1, 3)))]]
    if cmd == "note":
        return ["note", i(), draw(texts(["a note", ""]) | long_args())]
    if cmd in ("merge", "split"):
        return ["story", cmd, i(), i()]
    if cmd == "archive":
        return ["story", draw(st.sampled_from(["archive", "unarchive"])), i()]
    if cmd == "move":
        return ["move", i(), i()]
    if cmd == "clean":
        return ["clean", *opt(["--json"]), draw(texts(["/nonexistent/x.jsonl", "/dev/null"]))]
    if cmd == "feeds":
        return ["feeds", *opt(["list"], ["list", "--json"], ["remove", draw(texts(["x"]))])]
    if cmd == "ingest":  # only missing files: no network, nothing read from stdin
        return ["ingest", "/nonexistent/" + draw(texts(["a.txt"])).replace("/", "_")]
    # Garbage after a command word (known or not): without one, `wiredesk` opens the app.
    first = draw(st.sampled_from(["stories", "show", "diff", "export", "story", "feeds",
                                  "clean", "tag", "no-such-command", "\x1b[2J", "اتفقت"]))
    tokens = st.lists(texts(["--json", "-w", "--workspace", "--keymap", "show", "--", "-h"])
                      | long_args(), max_size=4)
    return [first, *draw(tokens)]


def check(r, args, elapsed: float, slowest: list) -> None:
    shown = [a if len(a) < 80 else a[:40] + f"...({len(a)} chars)" for a in args]
    assert r.code in (0, 1, 2), (shown, r.code, r.err[:500])
    assert "Traceback" not in r.all and "internal error" not in r.err, (shown, r.err[:2000])
    # CSV ends its records with CRLF (RFC 4180): a line end, not a control byte.
    def visible(s: str) -> str:
        return s.replace("\r\n", "").replace("\n", "").replace("\t", "")

    bad = UNSAFE.search(visible(r.out)) or UNSAFE.search(visible(r.err))
    assert bad is None, (shown, repr(bad.group()), r.all[:500])
    slowest.append((elapsed, shown))


def fuzz(capsys, tmp_path, ws, n: int) -> list:
    real = [a["id"] for s in json.loads(call(capsys, "-w", ws, "stories", "--json").out)
            for a in s["articles"]]
    real += [s["id"] for s in json.loads(call(capsys, "-w", ws, "stories", "--json").out)]
    missing = tmp_path / "missing" / "ws"
    slowest: list = []

    @settings(max_examples=n, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(commands(real), st.booleans())
    def one(args, on_missing):
        root = missing if on_missing else ws
        t = time.perf_counter()
        r = call(capsys, "-w", root, *args)
        check(r, args, time.perf_counter() - t, slowest)
        if on_missing and args[0] not in CREATING:
            assert not missing.parent.exists(), args
        shutil.rmtree(missing.parent, ignore_errors=True)  # made by ingest: gone for the next

    one()
    return sorted(slowest, key=lambda x: x[0], reverse=True)[:3]


@pytest.fixture
def fuzz_env(monkeypatch):
    for name in ("WIREDESK_BIDI", "WIREDESK_PAGER", "WIREDESK_DEBUG", "WIREDESK_WORKSPACE",
                 "EDITOR", "VISUAL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("WIREDESK_LOCK_TIMEOUT", "1")


def test_cli_fuzz(capsys, tmp_path, ws, fuzz_env):
    fuzz(capsys, tmp_path, ws, 300)


@pytest.mark.slow
def test_cli_fuzz_3000(capsys, tmp_path, ws, fuzz_env):
    slowest = fuzz(capsys, tmp_path, ws, 3000)
    with capsys.disabled():
        print("\nslowest calls:", [(round(t, 2), a) for t, a in slowest])
