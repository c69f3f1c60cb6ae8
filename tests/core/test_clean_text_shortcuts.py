"""Shortcuts of the plain-text path that give the answers the longer way gave.

- ``api.single_spaced`` leaves a line as it is only where ``" ".join(line.split())`` would
  not change it (every other white space character, leading, trailing and double spaces);
- ``clean_doc`` does not scan a text or Markdown body for unsafe characters a second time:
  ``clean`` gives it sanitised, on its fallback path too, so the body is what the second scan
  gave (``safe_text`` of it);
- ``clean_cmd._resolved`` is ``str(Path(name).resolve())``, the origin ingest writes;
- ``wiredesk clean`` freezes what start-up made for the garbage collector while it runs, and
  gives the collector back as it was (a caller in the same process is not left frozen);
- ``lines._glued`` turns prose down at once (its second and third words in lower case);
- ``meta.words`` finds words of three characters or more with one pattern.
"""

from __future__ import annotations

import gc
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.cli import clean_cmd, main
from tui.core import cleaning
from tui.core.clean import api, lines, meta
from tui.core.model import RawDocument
from tui.core.safe_text import has_unsafe
from tui.core.textutil import safe_text

# White space str.split() splits on besides the space (tab, form feed, the separators,
# no-break spaces, the ideographic space...), and characters that merely look blank.
ODD_SPACES = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2007\u200a\u2028\u2029" \
    "\u202f\u205f\u3000"
LOOK_BLANK = "\u200b\u00ad\ufeff\u2060"


def _old_way(text: str) -> list[str]:
    return list(map(" ".join, map(str.split, text.split("\n"))))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab é“”\n  ") + list(ODD_SPACES + LOOK_BLANK)),
               max_size=60))
def test_single_spaced_equals_split_and_join(text: str) -> None:
    assert api.single_spaced(text) == _old_way(text)


@pytest.mark.parametrize("text", [
    "a  b", " a", "a ", "a\u00a0b", "a\tb", "a\u3000b", "a\u2028b", "a\x1cb", "\u00a0",
    "one line\nand  another\n\n  indented\ntrailing \n",
])
def test_single_spaced_mends_each_kind_of_space(text: str) -> None:
    assert api.single_spaced(text) == _old_way(text)
    assert api.single_spaced(text) != text.split("\n")  # (each case needs the join)


def test_single_spaced_keeps_clean_lines_as_they_are() -> None:
    text = "A headline\n\nThe first paragraph, “quoted”, ends here.\n– an item"
    assert api.single_spaced(text) == text.split("\n")


# Characters the sanitiser removes: escape sequences, C0 and C1 controls, bidi overrides...
UNSAFE_BITS = ["\x1b[31m", "\x1b]0;title\x07", "\x9b2J", "\x07", "\x00", "\x7f", "\x85",
               "\u202e", "\u2066", "\ufeff", "\r", "\x0b"]
WORDS = ["The", "minister", "said", "on", "Monday", "that", "the", "plan", "would", "go",
         "ahead.", "Share", "this", "article", "©", "2024", "-", "*", "A", "drop", "(AP)"]
PIECE = st.one_of(st.sampled_from(WORDS), st.sampled_from(UNSAFE_BITS),
                  st.sampled_from([" ", " ", "\n", "\n\n", "  "]))
TEXTS = st.lists(PIECE, max_size=120).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.sampled_from(["text", "md"]))
def test_text_and_markdown_bodies_come_sanitised(content: str, kind: str) -> None:
    doc = RawDocument("t.txt", content, kind)
    body = api.clean(doc).body
    assert not has_unsafe(body)
    assert cleaning.clean_doc(doc).body == safe_text(body)  # what the second scan gave


def test_fallback_body_is_sanitised(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc, furniture):
        raise RuntimeError("a cleaner bug")

    monkeypatch.setattr(api, "_clean", broken)
    content = "Hello \x1b[31mred\x1b[0m world \u202eevil\u202c and \x85 C1 \x07 bell\r\nnext"
    for kind in ("text", "md"):
        body = cleaning.clean_doc(RawDocument("t.txt", content, kind)).body
        assert not has_unsafe(body)
        assert "Hello" in body and "next" in body


def test_html_bodies_are_still_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    """An HTML page's text may hold what its entities decode to: clean_doc scans it."""
    monkeypatch.setattr(cleaning, "safe_text", lambda s: "scanned")
    assert cleaning.clean_doc(RawDocument("p.html", "<p>Hello &#8238; there</p>", "html")
                              ).body == "scanned"


def test_resolved_is_what_ingest_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "d").mkdir()
    page = tmp_path / "d" / "page.txt"
    page.write_text("x", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(page)
    monkeypatch.chdir(tmp_path)
    for name in ("d/page.txt", "./d/../d/page.txt", str(page), "link.txt", "missing.txt", "-",
                 "d//page.txt"):
        assert clean_cmd._resolved(name) == str(Path(name).resolve()), name
    assert clean_cmd._resolved("a\0b") == "a\0b"  # (a name no file can have)
    assert os.path.isabs(clean_cmd._resolved("d/page.txt"))


def test_clean_freezes_start_up_and_gives_the_collector_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("A headline\n\nThe minister said on Monday that the plan would go ahead "
                    "as it was written, and that nothing in it would change.\n", encoding="utf-8")
    seen: list[int] = []
    real = clean_cmd._clean_files

    def during(args) -> int:
        seen.append(gc.get_freeze_count())
        return real(args)

    monkeypatch.setattr(clean_cmd, "_clean_files", during)
    earlier = gc.get_freeze_count()  # another test (the app's pauses) may have frozen some
    gc.unfreeze()
    try:
        assert main(["clean", str(page), "--json"]) == 0
        assert seen and seen[0] > 0  # frozen while the files were cleaned...
        assert gc.get_freeze_count() == 0  # ...and given back
    finally:
        if earlier:
            gc.freeze()
    assert '"body": "The minister said' in capsys.readouterr().out


def test_clean_leaves_what_its_caller_froze_frozen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("A headline\n\nThe minister said on Monday that the plan would go ahead.\n",
                    encoding="utf-8")
    held = [object() for _ in range(10)]
    gc.freeze()  # the caller's own frozen objects
    try:
        before = gc.get_freeze_count()
        assert before > 0
        assert main(["clean", str(page), "--json"]) == 0
        assert gc.get_freeze_count() >= before  # not thawed by the command
    finally:
        gc.unfreeze()
    assert held and '"body": "The minister said' in capsys.readouterr().out


@pytest.mark.parametrize("line", [
    "Tape Gaffe Ends Title RunDenny Hamlin was fined for the call",
    "Say Cheese? Detroit's Top 3 Cheese ShopsWondering where to go this week",
    "The president said on Monday that the talks would go on",
    "A man walked into a bar and ordered a drink",
    "Über alles the rest Of It Goes on and on",
])
def test_glued_prose_shortcut(line: str) -> None:
    n = len(line.split())
    slow = lines._GLUED.match(line) is not None or (
        n <= lines.GLUED_WORDS and lines._glued_headline(line))
    assert lines._glued(line, n) == slow


def test_origins_are_what_resolving_each_name_gave(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A document read from the file as named shows the name; a record's, a feed item's and
    a folder's files show their own origin (as when every name was resolved to compare)."""
    import json

    from tui.core.ingest import collect
    from tui.core.model import typed_origin

    (tmp_path / "d").mkdir()
    text = "The minister said on Monday that the plan would go ahead as it was written.\n"
    (tmp_path / "d" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "d" / "b.md").write_text("# Title\n\n" + text, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "d" / "a.txt")
    (tmp_path / "r.jsonl").write_text(json.dumps({"text": text}) + "\n" + json.dumps(
        {"text": text, "url": "https://example.com/x"}) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    names = ["d/a.txt", "./d/a.txt", "d//b.md", "link.txt", "d", "r.jsonl",
             str(tmp_path / "d" / "a.txt")]
    want = []
    for name in names:
        resolved = str(Path(name).resolve())
        want += [name if doc.origin == resolved else typed_origin(doc) or doc.origin
                 for doc in collect([name]).docs]  # (a file's record: FILE:N as named)
    assert main(["clean", *names, "--json"]) == 0
    got = [json.loads(line)["origin"] for line in capsys.readouterr().out.splitlines()]
    assert got == want
    assert got[:4] == names[:4] and "https://example.com/x" in got


_ANY_WORDS = re.compile(r"[^\W_]+")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab_ é1-'’.,Üß \nİﬁ")), max_size=40))
def test_content_words_are_the_runs_of_three_or_more(text: str) -> None:
    """``meta.words``: one pattern for runs of three letters or digits or more, as filtering
    every run by its length gave."""
    assert meta.words(text) == {w for w in set(_ANY_WORDS.findall(text.lower())) if len(w) > 2}
