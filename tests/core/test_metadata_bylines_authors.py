"""Metadata from the best evidence, never a silent loss (#13): bylines (an agency is a source,
a degree, a credential or a role no outlet, several authors all kept, a sentence no byline),
a feed's author counted once, a man page's running header read as furniture."""

from __future__ import annotations

import pytest

from tui.core.clean import clean
from tui.core.clean.meta import byline
from tui.core.ingest import collect
from tui.core.model import RawDocument

LEAD = (
    "Markets rallied on Tuesday as rates fell sharply across the region, traders said, with "
    "the main index closing up two percent after a volatile session in which investors "
    "weighed new data."
)


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("By AP.", (None, "Associated Press")),  # an agency alone: a source, not "Ap"
        ("By Reuters", (None, "Reuters")),
        ("By Jane Doe, CNN.", ("Jane Doe", "CNN")),  # a sentence's stop is no outlet's
        ("By Jane Doe, Ph.D.", ("Jane Doe", None)),  # a degree is no outlet
        ("By Ann Lee, MD", ("Ann Lee", None)),
        ("By Ann Lee, PhD, Reuters", ("Ann Lee", "Reuters")),
        ("By John Roe, Jr.", ("John Roe Jr.", None)),  # a suffix stays with the name
        ("By Jane Doe and John Roe", ("Jane Doe, John Roe", None)),
        ("Von Anna Schmidt und Peter Müller", ("Anna Schmidt, Peter Müller", None)),
        ("Par Jean Dupont et Marie Curie", ("Jean Dupont, Marie Curie", None)),
        ("Por Ana García y Luis Pérez", ("Ana García, Luis Pérez", None)),
        ("By Jane Doe & John Roe", ("Jane Doe, John Roe", None)),
        ("By Jane Doe and John Roe, Reuters", ("Jane Doe, John Roe", "Reuters")),
        ("By Jane Doe, John Roe and Ann Lee", ("Jane Doe, John Roe, Ann Lee", None)),
    ],
)
def test_a_bylines_authors_and_source_are_read_apart(line, want) -> None:
    assert byline(line) == want


@pytest.mark.parametrize(
    ("line", "want"),
    [  # (as before: these were right and stay so)
        ("ByMARI YAMAGUCHI Associated Press", ("Mari Yamaguchi", "Associated Press")),
        ("By Jane Doe Reuters", ("Jane Doe", "Reuters")),
        ("By Jane Doe, Reuters", ("Jane Doe", "Reuters")),
        ("By Jane Doe | Reuters | Tokyo", ("Jane Doe", "Reuters")),
        ("By J. R. Smith", ("J. R. Smith", None)),
    ],
)
def test_bylines_read_right_before_still_are(line, want) -> None:
    assert byline(line) == want


@pytest.mark.parametrize(
    "line",
    [  # a sentence opening with "By" (a consent line) names nobody: "and" opens no author
        "By signing up you agree to our Terms of Use and Privacy Policy.",
        "By continuing you accept our Cookie Policy and Terms of Service",
        "By clicking Subscribe, you agree to our Terms and Conditions and Privacy Policy",
        "Par ailleurs le gouvernement et Marie Curie",
    ],
)
def test_a_sentence_opening_with_by_gives_no_author(line) -> None:
    assert byline(line)[0] is None


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("By The Associated Press", (None, "Associated Press")),  # "The" is no author
        ("By Reuters Staff", (None, "Reuters")),  # an agency's staff: the agency
        ("By Jane Doe, Staff Writer", ("Jane Doe", None)),  # a role is not an outlet
        ("By Jane Doe, Senior Correspondent", ("Jane Doe", None)),
        ("By Jane Doe, AP Business Writer", ("Jane Doe", "Associated Press")),
        ("By Jane Doe, IGN Staff", ("Jane Doe", "IGN")),  # the outlet before the title
        ("Written by Elise Mandl, BSc, APD", ("Elise Mandl", None)),  # credentials, no outlet
        ("By Mary Jane Brown, PhD, RD (UK)", ("Mary Jane Brown", None)),
    ],
)
def test_agencies_roles_and_credentials_after_a_name(line, want) -> None:
    assert byline(line) == want


def test_a_consent_line_gives_the_cleaned_article_no_author() -> None:
    text = (
        "Markets rally as rates fall sharply\n\n"
        f"By signing up you agree to our Terms of Use and Privacy Policy.\n\n{LEAD}\n"
    )
    assert clean(RawDocument("c.txt", text, "text")).author is None


def test_a_second_author_is_an_author_of_the_cleaned_article_not_its_source() -> None:
    text = f"Markets rally as rates fall sharply\n\nBy Jane Doe and John Roe\n\n{LEAD}\n"
    c = clean(RawDocument("a.txt", text, "text"))
    assert (c.author, c.source) == ("Jane Doe, John Roe", None)
    agency_only = clean(RawDocument("b.txt", text.replace("Jane Doe and John Roe", "AP."), "text"))
    assert (agency_only.author, agency_only.source) == (None, "Associated Press")


@pytest.mark.parametrize(
    ("line", "want"),
    [  # an outlet after "and" is the source, a person's name a second author
        ("By Jane Doe and The New York Times", ("Jane Doe", "The New York Times")),
        ("By Jane Doe and The Washington Post", ("Jane Doe", "The Washington Post")),
        ("By Jane Doe and Bloomberg News", ("Jane Doe", "Bloomberg News")),
        ("By Jane Doe & The Guardian", ("Jane Doe", "The Guardian")),
        ("Von Anna Schmidt und Deutsche Welle", ("Anna Schmidt", "Deutsche Welle")),
        ("By Jane Doe and the Associated Press", ("Jane Doe", "Associated Press")),
        ("By Jane Doe and Reuters", ("Jane Doe", "Reuters")),  # never "Jane Doe and"
        ("By Jane Doe and AP", ("Jane Doe", "Associated Press")),
        ("By Jane Doe and Mary Ann Smith", ("Jane Doe, Mary Ann Smith", None)),
        ("By Jane Doe and From Masculindians", ("Jane Doe", None)),
    ],
)
def test_an_outlet_after_and_is_the_source_not_a_second_author(line, want) -> None:
    assert byline(line) == want


def test_a_cleaned_article_keeps_the_outlet_named_after_and_as_its_source() -> None:
    text = f"Markets rally\n\nBy Jane Doe and The New York Times\n\n{LEAD}\n"
    c = clean(RawDocument("nyt.txt", text, "text"))
    assert (c.author, c.source) == ("Jane Doe", "The New York Times")


E = "\x1b[31m"


def _atom(entries: int) -> str:
    items = "".join(
        f"<entry><title>Story {i} about rates</title><id>urn:x:{i}</id>"
        f"<updated>2026-03-0{i}T10:00:00Z</updated><category term='economy'/>"
        f"<content type='text'>{LEAD} Day {i}.</content></entry>"
        for i in range(1, entries + 1)
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        "<title>Rates</title><id>urn:feed</id><updated>2026-03-03T10:00:00Z</updated>"
        f"<author><name>Jo {E}Smith</name></author>{items}</feed>"
    )


def test_an_atom_feeds_author_inherited_by_each_entry_is_counted_once(tmp_path) -> None:
    path = tmp_path / "a.atom"
    path.write_text(_atom(3))
    got = collect([str(path)])
    assert len(got.docs) == 3
    assert all(d.hints["author"] == f"Jo {E}Smith" for d in got.docs)
    assert (
        str(path),
        "1 terminal escape sequence removed (never obeyed) (1 in the feed author)",
    ) in got.warnings


def test_an_entrys_own_author_is_still_counted_as_its_own(tmp_path) -> None:
    path = tmp_path / "b.atom"
    path.write_text(
        _atom(2).replace(
            "<id>urn:x:2</id>", f"<id>urn:x:2</id><author><name>Al {E}Bo</name></author>"
        )
    )
    got = collect([str(path)])
    # (one item has sequences of its own, but the feed author's is not item 2's: the warning
    # names the feed, not the item)
    assert got.warnings[-1] == (
        str(path),
        "2 terminal escape sequences removed (never obeyed) (1 in the author, 1 in the feed "
        "author)",
    )


MAN = (
    "LS(1)                            User Commands                           LS(1)\n\n"
    "NAME\n       ls - list directory contents\n\nSYNOPSIS\n       ls [OPTION]... [FILE]...\n\n"
    "DESCRIPTION\n       List  information  about  the FILEs (the current directory by "
    "default).\n\n"
    "GNU coreutils 9.1               September 2022                          LS(1)\n"
)


def test_a_man_pages_running_header_is_furniture_its_manual_name_the_sections() -> None:
    """ "User Commands", the centre of the running header, names section 1 (the "(1)" the
    header repeats at both ends): furniture, read as the source only when no footer names
    the package (a source more precise than the section's name)."""
    c = clean(RawDocument("ls.txt", MAN, "text"))
    assert "User Commands" not in c.body and "LS(1)" not in c.body
    assert (c.title, c.source, c.date) == (
        "ls - list directory contents",
        "GNU coreutils 9.1",
        "2022-09",
    )
    bare = clean(RawDocument("ls.txt", MAN.rpartition("GNU coreutils")[0], "text"))
    assert bare.source == "User Commands"
