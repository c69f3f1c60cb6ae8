"""JSON Lines records: their metadata is read as every other kind's (one line, ISO dates)."""

from tui.core.cleaning import clean_doc
from tui.core.model import RawDocument


def _rec(**hints) -> RawDocument:
    return RawDocument(origin="x.jsonl:1", content="Body text about the harbour.",
                       kind="record", hints=hints)


def test_record_dates_are_iso_or_none():
    assert clean_doc(_rec(date="Oct 11, 2022")).date == "2022-10-11"
    assert clean_doc(_rec(date="Tue, 11 Oct 2022 09:00:00 +0900")).date == (
        "2022-10-11T09:00:00+09:00")
    assert clean_doc(_rec(date="2022-13-45")).date is None  # not a date: never compared as one
    assert clean_doc(_rec(date="20221011")).date == "2022-10-11"
    assert clean_doc(_rec(date="2021-11-00")).date == "2021-11"  # day unknown: the month kept
    assert clean_doc(_rec(date="2021-00-00")).date == "2021"
    assert clean_doc(_rec(date="0000-00-00")).date is None


def test_record_iso_dates_keep_their_time():
    # a headline's minute is grouping evidence: never cut to the day
    for iso in ("2014-03-10T16:52:50.698000", "2014-03-10 16:52:50", "2022-10-11T09:00:00Z",
                "2019-01-02", "2022", "2022-05"):
        assert clean_doc(_rec(date=iso)).date == iso


def test_record_titles_are_one_line():
    assert clean_doc(_rec(title="Title with\nnewline\n---")).title == "Title with newline ---"
