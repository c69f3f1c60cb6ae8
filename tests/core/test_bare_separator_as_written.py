"""A letter's signature separator written "--" (its trailing space lost) is read as one, but
the text is never rewritten: the body keeps "--" as its author wrote it; and a "--" in a
table or between a newsletter's paragraphs is no separator at all (its text as the base
cleaner gives it)."""

from __future__ import annotations

from tui.core.clean import clean
from tui.core.model import RawDocument

BODY = (
    "the meeting moved to Thursday at ten, in the big room on the third floor. Please bring "
    "the budget figures for the second quarter and the draft of the report."
)
LETTER = f"Hi Tom,\n\n{BODY}\n\nThanks\nAnna\n--\nAnna Lee\nHead of Finance, ACME Ltd\n"


def body(text: str) -> list[str]:
    return clean(RawDocument("m.txt", text, "text")).body.split("\n")


def test_the_letters_separator_is_kept_as_written() -> None:
    got = body(LETTER)
    assert "--" in got and "-- " not in got
    assert got[-1] == "Head of Finance, ACME Ltd" and got[0] == "Hi Tom,"


TABLE = (
    "The results of the vote in the council on the harbour plan were announced on Tuesday "
    "evening by the clerk.\n\nName\n--\nAnna Lee\nTom Baker\n"
)
NEWS = (
    "Dear readers,\n\nthis week the council approved the new harbour plan after a long debate "
    "about the cost of the quay and who should pay for it.\n\n--\n\nIn other news, the library "
    "will stay open until nine on Thursdays from next month, after readers asked for longer "
    "hours in a survey last year.\n\nThe market moves to the station square in April while the "
    "main square is paved again, traders were told at a meeting on Tuesday.\n\n"
    "Footer: Copyright 2025 Town Crier\n"
)


def test_a_tables_underline_stays_as_written() -> None:
    got = body(TABLE)
    assert "--" in got and "-- " not in got
    assert got[-3:] == ["Anna Lee", "", "Tom Baker"]


def test_a_newsletters_rule_is_no_signature() -> None:
    got = body(NEWS)
    assert "--" in got and "-- " not in got
    assert "Footer: Copyright 2025 Town Crier" not in got  # (a page's footer, as before)
