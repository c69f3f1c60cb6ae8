"""Property tests with hostile Unicode: the cleaner, the workspace, the diff engine, exporters.

Each part is tested through its public functions and skipped when it is not there yet.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.decode import decode_bytes
from tui.core.model import Article, RawDocument, Triage, Version
from tui.core.textutil import safe_line, safe_text
from tui.core.workspace.records import article_from_dict, article_to_toml

# Any Unicode a file can hold (no lone surrogates), weighted towards the troublesome parts:
# controls, escapes, bidi controls, combining marks, right-to-left and wide scripts.
NASTY = st.sampled_from(list("\x00\x07\x1b\x9b\x9d\r\t\n\u202e\u2066\u200f\ufeff\u0301\u05d0"
                             "\u0627\u4e2d\U0001f600[]\\\"'#=<>&;/ ") + ["\x1b]52;c;", "\x1b[31m",
                                                                           "[bold]", "</p>", "<p>"])
TEXT = st.lists(st.one_of(st.characters(blacklist_categories=("Cs",)), NASTY),
                max_size=60).map("".join)
WORDS = ["the", "harbour", "vote", "Caf\u00e9", "\u0633\u0644\u0627\u0645", "\u6771\u4eac",
         "well-known", "2022"]
PROSE = st.lists(st.one_of(st.sampled_from(WORDS),
                           st.sampled_from([". ", ", ", "\n", "\n\n", " "]), NASTY),
                 max_size=80).map("".join)
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
EXAMPLES = int(os.environ.get("WIREDESK_PROP_EXAMPLES", "60"))  # raise it for a deep run
FAST = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold()))


def joinable(text: str) -> set[str]:
    """The words of ``text``, and the words that removing what separates them (a control
    character, a format character, a tag) may make; never across a space or punctuation."""
    parts = re.split(r"(\w+)", unicodedata.normalize("NFKC", text).casefold())
    found, seps = parts[1::2], parts[2:-1:2]
    out = set()
    for i, w in enumerate(found):
        out.add(w)
        for j in range(i + 1, min(i + 8, len(found))):
            if re.search(r"[\s.,;:!?\-]", seps[j - 1]):
                break
            w += found[j]
            out.add(w)
    return out


# ---- text safety ---------------------------------------------------------------------------
@FAST
@given(TEXT)
def test_safe_text_leaves_nothing_a_terminal_would_obey(s):
    out = safe_text(s)
    assert not UNSAFE.search(out.replace("\n", "").replace("\t", ""))
    assert safe_text(out) == out
    assert "\n" not in safe_line(s) and "\t" not in safe_line(s)


@FAST
@given(st.binary(max_size=300))
def test_decode_gives_text_or_a_clear_refusal(data):
    from tui.core.decode import DecodeError

    try:
        out = decode_bytes(data)
    except DecodeError as e:
        assert str(e)
    else:
        assert isinstance(out, str) and "\x00" not in out


# ---- the cleaner ---------------------------------------------------------------------------
@FAST
@given(PROSE, st.sampled_from(["text", "md", "html"]))
def test_cleaner_never_raises_and_invents_no_words(text, kind):
    clean = pytest.importorskip("tui.core.clean").clean
    content = f"<html><body><p>{text}</p></body></html>" if kind == "html" else text
    c = clean(RawDocument(origin="prop", content=content, kind=kind))
    assert isinstance(c.body, str)
    tags = re.sub(r"<[^>]*>", "\x00", content)  # a tag may end a paragraph, or join words
    unformatted = "".join(ch for ch in tags if unicodedata.category(ch) != "Cf")
    # the cleaner puts a space where it removes an escape sequence (words are never glued)
    allowed = set().union(*(joinable(x) for x in (content, tags, unformatted, safe_text(content),
                                                  safe_text(content, replace=" "))))
    assert words(c.body) <= allowed, c.body


# ---- the workspace -------------------------------------------------------------------------
def _article(title: str, tags: list[str], note: str, origin: str) -> Article:
    return Article(
        id="abcdef012345", origin=origin, kind="text",
        meta={"title": title or None, "author": None, "source": title[:5] or None, "date": None,
              "dateline": None, "lang": "en", "summary": None},
        versions=[Version("abcdef0123456789", "2026-01-01T00:00:00Z", "raw/ab/x.txt",
                          "texts/ab/x.txt")],
        triage=Triage(tags=sorted(set(tags)), starred=True, note=note,
                      note_version="abcdef0123456789" if note else None),
        story="s1", added="2026-01-01T00:00:00Z")


@FAST
@given(TEXT, st.lists(TEXT, max_size=4), TEXT, TEXT)
def test_article_record_round_trips_any_unicode(title, tags, note, origin):
    a = _article(*lf((title, tags, note, origin)))
    back = article_from_dict(tomllib.loads(article_to_toml(a)))
    assert back == a


def lf(value):
    """Line ends become LF (notes are saved so; tomli_w stores CRLF as LF): the one change."""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return type(value)(lf(v) for v in value)


@settings(max_examples=max(EXAMPLES // 3, 10), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(TEXT, min_size=1, max_size=3), TEXT)
def test_workspace_write_then_read_any_unicode(tmp_path_factory, tags, note):
    from tui.core.workspace import Workspace

    root = tmp_path_factory.mktemp("ws")
    ws = Workspace.open(root)
    aid = ws.ingest([RawDocument("u:1", "A harbour vote was held on Tuesday in the city.",
                                 "record", {"title": "Vote"})]).added[0]
    tags, note = lf(tags), lf(note)
    ws.update_triage(aid, add_tags=tags, note=note)
    for fresh in (Workspace.open(root), Workspace.open(root)):  # without, then with the cache
        t = fresh.get(aid).triage
        assert t.tags == sorted(set(tags)) and t.note == note


# ---- the diff engine -----------------------------------------------------------------------
@FAST
@given(PROSE, PROSE)
def test_diff_never_raises_and_a_equals_a(a, b):
    diff = pytest.importorskip("tui.core.diff")
    c = diff.compare(a, b)
    assert 0.0 <= c.similarity <= 1.0
    json.dumps(diff.to_json(c))
    same = diff.compare(a, a)
    assert not [ch for ch in same.changes if ch.kind != "move"]


# ---- exporters -----------------------------------------------------------------------------
@FAST
@given(st.lists(st.tuples(TEXT, st.lists(TEXT, max_size=3), TEXT), min_size=1, max_size=3))
def test_exporters_never_raise_and_emit_no_control_characters(rows):
    export = pytest.importorskip("tui.core.export")
    arts = []
    for n, (title, tags, note) in enumerate(rows):
        a = _article(title, tags, note or "n", f"https://example.org/{n}")
        a.id = f"{n:012x}"
        arts.append(a)
    items = export.items_from(arts)
    for fmt in export.FORMATS:
        out = export.render(items, fmt)
        assert not UNSAFE.search(out.replace("\n", "").replace("\t", "").replace("\r", "")), fmt
        if fmt in ("json", "csl-json"):
            json.loads(out)
        if fmt == "toml":
            tomllib.loads(out)
