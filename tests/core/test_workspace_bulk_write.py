"""The bulk writer's cheaper paths write what the general ones write: an article record as
``tomli_w`` writes ``toml_doc`` (straight from the article, or through the general walk for
unusual values), the file status ``write_atomic`` returns is the file's, an article's meta as
``Cleaned.as_dict`` gives it."""

from __future__ import annotations

import os

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.model import Article, Cleaned, Triage, Version
from tui.core.workspace import adding, atomic, records, toml_write

TEXT = st.text(st.characters(max_codepoint=0x2FF) | st.sampled_from(
    ["\x7f", "\u2028", "\ufeff", "\U0001f600", "\n", "\r", '"', "\\"]), max_size=40)
ODD = st.integers() | st.booleans() | st.none() | st.dates()  # (hand-edited records)
PATH = st.sampled_from(["raw/01/x.txt", "texts/01/x.txt",
                        "texts/0a/0a1b2c3d4e5f-0123456789.txt"]) | TEXT


@st.composite
def articles(draw):
    def some(strategy):
        return draw(st.one_of(st.none(), strategy))

    versions = [Version(hash=draw(TEXT), ingested=draw(TEXT), raw_file=draw(PATH),
                        body_file=draw(PATH), body_hash=some(TEXT))
                for _ in range(draw(st.integers(0, 3)))]
    meta = {k: draw(TEXT | ODD if draw(st.integers(0, 9)) == 0 else TEXT)
            for k in draw(st.lists(st.sampled_from(records.META_FIELDS), unique=True))}
    odd = draw(st.integers(0, 9)) == 0
    triage = Triage(tags=draw(st.lists(TEXT, max_size=3)),
                    starred=draw(st.integers(0, 1) if odd else st.booleans()),
                    read=draw(st.booleans()), note=draw(TEXT),
                    note_version=some(TEXT | st.integers() if odd else TEXT),
                    note_updated=some(TEXT))
    return Article(id=draw(TEXT), origin=draw(TEXT), kind="record", meta=meta,
                   versions=versions, triage=triage, story=some(TEXT),
                   copy_of=some(TEXT), added=draw(TEXT))


@settings(max_examples=500, deadline=None)
@given(articles())
def test_article_records_as_tomli_w_writes_them(a):
    assert records.article_to_toml(a) == tomli_w.dumps(records.toml_doc(a),
                                                       multiline_strings=True)


def test_the_direct_writer_takes_the_usual_records_and_leaves_the_odd_ones():
    a = Article(id="0a1b2c3d4e5f", origin="https://x.example/1", kind="record",
                meta={"title": 'A "quoted"\ntitle', "lang": "en"},
                versions=[Version(hash="h" * 16, ingested="2026-01-01T00:00:00Z",
                                  raw_file="raw/0a/0a1b2c3d4e5f-hhhhhhhhhh.txt",
                                  body_file="texts/0a/0a1b2c3d4e5f-hhhhhhhhhh.txt",
                                  body_hash="b" * 16)],
                triage=Triage(tags=["b", "a", "b"]), story="0a1b2c3d4e5f")
    def doc(meta, triage):
        return {"id": a.id, "meta": meta, "triage": triage, "versions": []}

    assert toml_write.article(doc({"title": "x"}, {"tags": ["a"]})) is not None
    assert toml_write.article(doc({"date": 2021}, {})) is None  # (not a string)
    assert toml_write.article(doc({}, {"tags": [1]})) is None
    text = records.article_to_toml(a)
    assert text == tomli_w.dumps(records.toml_doc(a), multiline_strings=True)
    assert "[[versions]]" in text and 'tags = [\n    "a",\n    "b",\n]' in text
    assert records.article_from_dict(__import__("tomllib").loads(text)) == a.__class__(
        **{**{f: getattr(a, f) for f in a.__slots__}, "triage": Triage(tags=["a", "b"]),
           "meta": {k: a.meta.get(k) for k in records.META_FIELDS}})


def test_write_atomic_gives_the_status_a_stat_gives(tmp_path):
    for n, sync in enumerate((True, False, None)):
        path = tmp_path / "d" / f"f{n}.txt"
        st = atomic.write_atomic(str(path), "x" * (n + 5), sync=sync)
        after = path.stat()
        assert (st.st_mtime_ns, st.st_size, st.st_ino) == (
            after.st_mtime_ns, after.st_size, after.st_ino)
    path.chmod(0o640)
    st = atomic.write_atomic(path, b"longer text")
    assert (st.st_mode & 0o777, st.st_size) == (0o640, 11) == (
        path.stat().st_mode & 0o777, path.stat().st_size)
    atomic.sync_dirs([])
    assert sorted(os.listdir(tmp_path / "d")) == ["f0.txt", "f1.txt", "f2.txt"]


@given(st.builds(Cleaned, body=TEXT, title=st.none() | TEXT, author=st.none() | TEXT,
                 date=st.none() | TEXT, lang=st.none() | TEXT))
def test_an_articles_meta_is_what_as_dict_gives(cleaned):
    meta = {k: v for k, v in cleaned.as_dict().items() if k != "body"}
    assert {k: getattr(cleaned, k) for k in adding._META} == meta
    assert list(adding._META) == list(meta)
