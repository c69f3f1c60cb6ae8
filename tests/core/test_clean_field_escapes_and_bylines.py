"""Session 37: what cleaning and ingest dropped without a word. Escape sequences in a record's
or a feed item's title and author are named as the body's are; a plain text quoting an R
session keeps its quoted lines and the paragraph above them; a byline's initials are part of
the name, and its publishing phrase ("publiziert am", "publié le") is not."""

from __future__ import annotations

import json

import pytest

from tui.core.clean import clean
from tui.core.clean.meta import byline
from tui.core.ingest import collect, stream
from tui.core.model import RawDocument

BODY = "The council met on Tuesday and voted on the harbour plan after a long debate."


def _jsonl(tmp_path, *records: dict):
    path = tmp_path / "esc.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def test_escape_sequences_in_a_records_title_and_author_are_named(tmp_path):
    path = _jsonl(
        tmp_path, {"title": "Red \x1b[31mAlert\x1b[0m", "author": "Ann \x1b[1mLee", "text": BODY}
    )
    got = collect([str(path)])
    assert got.warnings == [
        (
            f"{path}:1",
            "3 terminal escape sequences removed (never obeyed) (2 in the title, 1 in the author)",
        )
    ]


def test_escape_sequences_of_several_records_are_named_once_for_the_file(tmp_path):
    path = _jsonl(
        tmp_path, {"title": "One \x1b[0m", "text": BODY}, {"title": "Two", "text": f"\x1b[1m{BODY}"}
    )
    out, docs = stream([str(path)])
    assert len(list(docs)) == 2
    assert out.warnings == [
        (
            str(path),
            "2 terminal escape sequences removed (never obeyed) from 2 records "
            "(1 in the body, 1 in the title)",
        )
    ]


def test_escape_sequences_in_a_feed_items_title_and_author_are_named(tmp_path):
    path = tmp_path / "odd.rss"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title>'
        "<item><title>Red \x1b[31mAlert\x1b[0m</title><link>http://example.org/1</link>"
        f"<description>{BODY}</description></item></channel></rss>"
    )
    got = collect([str(path)])
    assert [d.hints.get("title") for d in got.docs] == ["Red \x1b[31mAlert\x1b[0m"]
    assert got.warnings == [
        (f"{path} item 1", "2 terminal escape sequences removed (never obeyed) (2 in the title)")
    ]


R_SESSION = """Working with vectors in R

The following session shows how assignment works in R. We create a variable
and print it back to the console.

> x <- 1
> y <- x + 2
> print(y)
[1] 3

After the session above, the value of y is three. This paragraph explains why
the arrow operator is preferred by many R users over the equals sign.
"""


def test_a_plain_text_quoting_an_r_session_keeps_every_line():
    got = clean(RawDocument("r.txt", R_SESSION, "text"))
    assert got.title == "Working with vectors in R"
    paragraphs = got.body.split("\n\n")
    assert paragraphs[0].startswith("The following session shows")
    assert paragraphs[1:5] == ["> x <- 1", "> y <- x + 2", "> print(y)", "[1] 3"]


@pytest.mark.parametrize(
    "line, name",
    [
        ("By J. R. Smith", "J. R. Smith"),
        ("By J.R. Smith", "J.R. Smith"),
        ("By Mary-Jane O'Neil", "Mary-Jane O'Neil"),
        ("By Jean-Luc Picard", "Jean-Luc Picard"),
        ("By A. B. C. Dé", "A. B. C. Dé"),
    ],
)
def test_initials_and_hyphens_are_part_of_the_name(line, name):
    assert byline(line) == (name, None)


def test_initials_before_a_name_in_capitals_keep_the_source():
    assert byline("By J. R. SMITH Associated Press") == ("J. R. Smith", "Associated Press")


@pytest.mark.parametrize(
    "line, name",
    [
        ("By Moritz Bachmann publiziert am 3. Mai", "Moritz Bachmann"),
        ("By Moritz Bachmann publiziert am", "Moritz Bachmann"),
        ("Von Moritz Bachmann veröffentlicht am 3. Mai 2024", "Moritz Bachmann"),
        ("Par Jean Dupont publié le 3 mai", "Jean Dupont"),
        ("Di Mario Rossi pubblicato il 3 maggio", "Mario Rossi"),
        ("Por Ana García publicado el 3 de mayo", "Ana García"),
        ("Door Jan de Vries gepubliceerd op 3 mei", "Jan de Vries"),
        ("By Ann Lee published on May 3", "Ann Lee"),
        ("By Ann Lee Updated May 3, 2024", "Ann Lee"),
    ],
)
def test_a_publishing_phrase_after_the_name_is_not_part_of_it(line, name):
    assert byline(line)[0] == name


@pytest.mark.parametrize(
    "line, name",
    [
        ("By Jeff Cobb. Last Updated: May 3", "Jeff Cobb"),
        ("By Ann B.", "Ann B."),
        ("By John Smith Jr.", "John Smith Jr."),
        ("By Ann Lee Ph.D.", "Ann Lee Ph.D."),
    ],
)
def test_a_sentences_stop_after_the_name_is_not_part_of_it(line, name):
    assert byline(line)[0] == name


def test_initials_then_a_surname_then_page_words_keep_the_name():
    assert byline("By A. J. Neal View In Digital Edition") == ("A. J. Neal", None)
