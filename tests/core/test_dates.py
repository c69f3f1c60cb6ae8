"""Publication dates: every written form we read, to ISO 8601; which date is the article's."""

from __future__ import annotations

import pytest

from tests.helpers.tables import table
from tui.core.clean import clean
from tui.core.clean.dates import find_dates, parse_date
from tui.core.model import RawDocument

test_formats = table(parse_date, [
    ("October 11, 2022, 9:05 AM", "2022-10-11"),  # a time without a zone: the date alone
    ("Oct 14, 2022, at 05:39 am", "2022-10-14"),
    ("11-10-2022 19:41 IST", "2022-10-11T19:41:00+05:30"),  # day-month, zone known
    ("Updated: 11-10-2022 19:41 IST", "2022-10-11T19:41:00+05:30"),
    ("Nov. 20, 2019", "2019-11-20"),
    ("Published 2:16 AM EST Nov 20, 2019", "2019-11-20T02:16:00-05:00"),  # time before date
    ("November 19, 2019 at 6:34 pm GMT", "2019-11-19T18:34:00+00:00"),
    ("Tuesday, 11 October 2022", "2022-10-11"),
    ("11th October 2022", "2022-10-11"),
    ("2022-10-11", "2022-10-11"),
    ("2022-10-11T09:05:00+09:00", "2022-10-11T09:05:00+09:00"),
    ("2022-10-11T00:05:00Z", "2022-10-11T00:05:00+00:00"),
    ("Tue, 11 Oct 2022 09:05:00 +0000", "2022-10-11T09:05:00+00:00"),  # RSS
    ("11/20/2019", "2019-11-20"),  # slash: month first, as in the US
    ("20/11/2019", "2019-11-20"),  # ...unless the first number cannot be a month
    ("20.11.2019 14:00 CET", "2019-11-20T14:00:00+01:00"),
    ("10 de março de 2018", "2018-03-10"),
    ("3. März 2021", "2021-03-03"),
    ("le 5 janvier 2020", "2020-01-05"),
    ("2022年10月11日 09:05", "2022-10-11"),
    ("2022년 10월 11일", "2022-10-11"),
])


@pytest.mark.parametrize("text", ["", "no date here", "February 30, 2022", "13/13/2020",
                                  "in 1999 and 2000", "3 hours ago"])
def test_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_all_dates_in_order() -> None:
    found = find_dates("Created: 11-10-2022 10:00 IST | Updated: 12-10-2022 11:00 IST")
    assert [iso[:10] for _, iso in found] == ["2022-10-11", "2022-10-12"]


BODY = ("MARLOWE -- The town council voted on Monday to replace the old river bridge, ending "
        "a dispute that has divided residents for almost a decade and delayed road repairs.\n\n"
        "Engineers told the council that the current structure, built in 1931, could no longer "
        "carry buses safely, and that closing it would add forty minutes to school journeys.\n\n"
        "The new bridge will cost about 14 million euros, most of it paid by the regional "
        "government, and work is expected to begin in the spring if the permits arrive.\n\n"
        "Residents who opposed the plan said they feared the construction would harm the "
        "wetland north of the river, where several rare birds nest between April and June.")


def date_of(text: str) -> str | None:
    return clean(RawDocument("t", text, "text")).date


def test_article_date_not_the_page_saved_date() -> None:
    page = ("February 20, 2026 11:51 pm (IST)\nFollow us:\n\nCouncil approves new bridge\n\n"
            "| @marlowetimes | Oct 14, 2022, at 05:39 am\n\n" + BODY)
    assert date_of(page) == "2022-10-14"


def test_date_in_caption_is_not_the_article_date() -> None:
    caption = ("The mayor (L) and the engineer (R) on the bridge on Oct. 11, 2022, in Marlowe. "
               "(Pool photo)(Kyodo)")
    paras = BODY.split("\n\n")
    page = "\n\n".join(paras[:2] + [caption] + paras[2:])
    assert date_of(page) is None


def test_published_wins_over_updated_on_one_line() -> None:
    page = ("Council approves new bridge\n\nMarlowe Times | Updated: 14-10-2022 10:00 IST | "
            "Published: 11-10-2022 09:00 IST\n\n" + BODY)
    assert date_of(page) == "2022-10-11T09:00:00+05:30"


def test_hint_date_wins_and_is_normalised() -> None:
    doc = RawDocument("t", "Oct 14, 2022\n\n" + BODY, "text",
                      hints={"date": "Tue, 11 Oct 2022 09:05:00 +0000"})
    assert clean(doc).date == "2022-10-11T09:05:00+00:00"


def test_unreadable_date_hint_does_not_replace_the_page_date() -> None:
    doc = RawDocument("t", "Council approves bridge\n\nOct 14, 2022\n\n" + BODY, "text",
                      hints={"date": "yesterday"})
    assert clean(doc).date == "2022-10-14"
