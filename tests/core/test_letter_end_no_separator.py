"""A letter with no signature separator (greeting on top, a closing such as "Regards," and a
short signature with a "Tel." line under it) keeps its greeting, closing and signature:
``meta.letter_end`` tells the cleaner where the signature starts; the text is never
rewritten. Pages and long footers that only look a little like it keep what they gave."""

from __future__ import annotations

import pytest

from tui.core.clean import clean
from tui.core.clean.meta import letter_end
from tui.core.model import RawDocument

BODY = (
    "the meeting moved to Thursday at ten, in the big room on the third floor. Please bring "
    "the budget figures for the second quarter and the draft of the report."
)
NOSIG = (  # (as /tmp/s35/final-core/mail/m1_nosig.txt)
    f"Hi Tom,\n\n{BODY}\n\nAnna\nRegards,\nAnna Lee\nHead of Finance, ACME Ltd\n"
    "Tel. +49 30 1234567\n"
)


def lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def body(text: str) -> str:
    return clean(RawDocument("m.txt", text, "text")).body


def test_a_letter_without_separator_keeps_greeting_closing_and_signature() -> None:
    assert lines(body(NOSIG)) == lines(NOSIG)
    assert "-- " not in body(NOSIG).split("\n")  # (nothing written into the text)


@pytest.mark.parametrize("closing", ["Best regards,", "Viele Grüße", "Cheers", "Thanks,"])
def test_other_closings_end_a_letter(closing) -> None:
    text = f"Hi Tom,\n\n{BODY}\n\n{closing}\nAnna Lee\nHead of Finance, ACME Ltd\nTel. +49 30 1\n"
    assert lines(body(text)) == lines(text)


def test_where_the_signature_starts() -> None:
    split = NOSIG.split("\n")
    assert letter_end(split) == split.index("Head of Finance, ACME Ltd")


PAGE = (  # a page's furniture under a greeting: no closing
    f"Hello,\n\n{BODY}\n\nContact us\nTel. +49 30 1234567\nPrivacy | Terms\n"
)
FOOTER = (  # a letter whose closing has a long footer under it
    f"Hi Tom,\n\n{BODY}\n\nRegards,\nAnna Lee\nACME Ltd\nMain Street 1\n10115 Berlin\n"
    "Tel. +49 30 1234567\nFax +49 30 1234568\nwww.acme.example\nRegister HRB 12345\n"
)


@pytest.mark.parametrize("text", [PAGE, FOOTER, f"{BODY}\n\nRegards,\nAnna Lee\nTel. +49 1\n"])
def test_no_letters_end_where_the_shape_is_not_there(text) -> None:
    assert letter_end(text.split("\n")) is None
