"""Filters and the search-string syntax (tui.core.query)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.model import Article, Triage, Version
from tui.core.query import Filter, QueryError, combine, fold, parse, split_terms


@dataclass
class Story:
    id: str
    title: str
    archived: bool = False


def art(aid="a1", *, tags=(), starred=False, read=False, note="", story="ab12cd",
        title="Quake strikes Japan coast", source="Reuters", lang="en", date="2022-10-11",
        author="Jane Doe") -> Article:
    meta = {"title": title, "source": source, "lang": lang, "date": date, "author": author}
    return Article(id=aid, origin=f"/tmp/{aid}.txt", kind="text", meta=meta,
                   versions=[Version("h1", "2022-10-11T00:00:00Z", "r", "b")],
                   triage=Triage(tags=list(tags), starred=starred, read=read, note=note),
                   story=story)


def test_example_string_parses_into_every_field():
    f = parse("tag:japan -tag:done +starred unread lang:ar source:reuters "
              "after:2022-10-01 before:2022-10-31 story:ab12 free words")
    assert f == Filter(tags_all=("japan",), tags_none=("done",), starred=True, read=False,
                       lang="ar", source="reuters", date_from="2022-10-01",
                       date_to="2022-10-31", story="ab12", text="free words")


@pytest.mark.parametrize("query", [
    "", "tag:a", "tag:a,b", 'tag:"new york" tag:"a,b",c', "-tag:x +y -z", "starred -starred",
    "read", "-read", "unread", "archived", "-archived", "unstarred",
    "outlet:AP from:2022 to:2023-01",
    '"tag:literal" "unread" -- word', 'source:"the times" lang:pt-BR', 'a "b c" \\d',
    'tag:"quo\\"te" "back\\\\slash"', "https://x.org/a?b=c", "+starred tag:a,b tag:c",
])
def test_to_string_round_trips(query):
    f = parse(query)
    assert parse(f.to_string()) == f
    assert parse(f.to_string()).to_string() == f.to_string()


def test_tag_forms():
    assert parse("tag:a,b").tags_any == ("a", "b")
    assert parse("tag:a tag:b").tags_all == ("a", "b")
    assert parse("+a -b") == Filter(tags_all=("a",), tags_none=("b",))
    assert parse('tag:"a,b"').tags_all == ("a,b",)
    assert parse('tag:"new york",paris').tags_any == ("new york", "paris")
    assert Filter(tags_any=("x",)) == Filter(tags_all=("x",))  # any of one is "has it"
    assert Filter(tags_all=("A", "a", " ")).tags_all == ("A",)


def test_quoted_words_are_text_not_keywords():
    f = parse('"unread" "tag:x"')
    assert f.read is None and not f.tags_all
    assert split_terms(f.text) == ["unread", "tag:x"]


def test_bad_values_raise():
    with pytest.raises(QueryError):
        parse("after:yesterday")
    with pytest.raises(QueryError):
        parse("tag:")
    with pytest.raises(QueryError):
        Filter(date_to="2022/13/01")  # 2022/10/01 is a date (a common form); month 13 is not
    with pytest.raises(QueryError):
        parse("-source:x")


def test_matches_tags_case_insensitively():
    a = art(tags=["Japan", "quake"])
    assert parse("tag:japan").matches(a)
    assert parse("tag:japan,nope").matches(a)
    assert not parse("tag:japan tag:nope").matches(a)
    assert not parse("-tag:QUAKE").matches(a)
    assert not parse("tag:nope,other").matches(a)


def test_matches_flags_story_and_archive():
    a = art(starred=True, read=False)
    assert parse("+starred unread").matches(a)
    assert not parse("-starred").matches(a)
    assert not parse("read").matches(a)
    assert parse("story:AB1").matches(a) and not parse("story:ff").matches(a)
    assert parse("archived").matches(a, Story("ab12cd", "t", archived=True))
    assert not parse("-archived").matches(a, Story("ab12cd", "t", archived=True))
    assert parse("-archived").matches(a)  # no story known: not archived


def test_matches_source_lang_dates():
    a = art(source="Agence France-Presse", lang="en-GB", date="2022-10-11T09:00:00+09:00")
    assert parse("source:france").matches(a)
    assert parse("lang:en").matches(a) and parse("lang:en-gb").matches(a)
    assert not parse("lang:e").matches(a)
    assert parse("after:2022-10-11 before:2022-10-11").matches(a)
    assert parse("after:2022-10 before:2022").matches(a)
    assert not parse("after:2022-10-12").matches(a)
    assert not parse("before:2022-10-10").matches(a)
    assert not parse("after:2000").matches(art(date=None))
    assert parse("source:cafe").matches(art(source="Café Times"))


def test_free_text_over_fields_and_body():
    a = art(tags=["energy"], note="Check the ministry figures")
    assert parse("quake japan").matches(a)
    assert parse("ministry").matches(a)
    assert parse("energy").matches(a)
    assert parse("reuters doe").matches(a)
    assert not parse("tsunami").matches(a)
    assert parse("tsunami").matches(a, body="A tsunami warning was issued.")
    assert parse('"japan coast"').matches(a) and not parse('"coast japan"').matches(a)
    assert parse("earthquake").matches(a, Story("ab12cd", "Earthquake in Japan"))


def test_free_text_tolerates_a_typo_in_long_words_only():
    a = art(title="Earthquake strikes Japan")
    assert parse("earthqake").matches(a)
    assert parse("jpan").matches(a)  # one edit is forgiven from four letters on
    assert not parse("jpn").matches(a)  # shorter words must be exact


def test_needs_body_and_empty():
    assert parse("word").needs_body and not parse("tag:a").needs_body
    assert Filter().is_empty and not parse("unread").is_empty


def test_combine():
    c = combine(parse("tag:a unread word"), parse("tag:b +starred other"))
    assert c == parse("tag:a tag:b unread +starred word other")
    with pytest.raises(QueryError):
        combine(parse("tag:a,b"), parse("tag:c,d"))


def test_fold():
    assert fold("Café ÅNGSTRÖM") == "cafe angstrom"


_tag = st.text(min_size=1, max_size=12).filter(lambda s: s.strip())
_value = st.text(min_size=1, max_size=12).filter(lambda s: s.strip() == s and s)
_filters = st.builds(
    Filter,
    tags_any=st.lists(_tag, max_size=3).map(tuple),
    tags_all=st.lists(_tag, max_size=3).map(tuple),
    tags_none=st.lists(_tag, max_size=3).map(tuple),
    starred=st.sampled_from([None, True, False]),
    read=st.sampled_from([None, True, False]),
    archived=st.sampled_from([None, True, False]),
    story=st.none() | _value, source=st.none() | _value, lang=st.none() | _value,
    date_from=st.none() | st.sampled_from(["2022", "2022-10", "2022-10-01"]),
)


@given(_filters)
def test_any_filter_round_trips(f):
    assert parse(f.to_string()) == f


@given(st.text(max_size=60))
def test_parse_never_raises_unexpectedly_and_is_stable(text):
    try:
        f = parse(text)
    except QueryError:
        return
    assert parse(f.to_string()) == f
