"""An e-mail pasted without its header lines ("Hi Anna," ... "> quoted" ... "-- " and a
signature) keeps all of it: the line introducing the quotation ("On Mon, Anna wrote:") is the
letter's own, not a comment section's, and the closing, the name and the signature under the
last paragraph stay (never a silent loss), in any language and whatever the signature's
length; a quotation's bare ">" lines are no repeated page furniture (each is the gap between
its paragraphs, no paragraph ">" of its own); a short mail's closing
needs no punctuation, and the short end of its last paragraph stays with it; a hard-wrapped
one is reflowed as the same mail with its headers is."""

from __future__ import annotations

import pytest

from tui.core.clean import clean
from tui.core.model import RawDocument

QUOTED = (
    "Hi Anna,\n\n"
    "Thanks for sending the draft over. I read it on the train this morning and I think the "
    "second section needs a little more on the budget figures before it goes to the board.\n\n"
    "On Mon, 5 Sep 2022 at 10:14, Anna Berg <anna@example.com> wrote:\n"
    "> Could you have a look at the numbers in section two? I am not sure the totals add up "
    "after the last round of changes.\n>\n> Anna\n\n"
    "They do add up now, I checked them against the spreadsheet, but the table should say "
    "which year the figures are for.\n\n"
    "Best wishes,\nTom\n\n-- \nTom Baker | Finance desk\nNorthern Courier\n+44 20 7946 0000\n"
)


def said(text: str) -> list[str]:
    """``lines`` less a quotation's bare ">" lines: each is the gap between its paragraphs
    (the body's paragraph break), no paragraph of its own."""
    return [ln for ln in lines(text) if ln.strip("> ")]


def lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def test_a_pasted_mail_keeps_its_quotation_sign_off_and_signature() -> None:
    c = clean(RawDocument("mail.txt", QUOTED, "text"))
    assert lines(c.body) == said(QUOTED)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Anna,\n\nCan we move the meeting to Thursday? The printer is down until "
        "Wednesday\n\nThanks\nTom\n",
        "Hi Anna,\nThe meeting is moved to Thursday at ten in the small room upstairs\nTom\n",
        "Hi Anna,\nCan we move the meeting to Thursday? The printer is down until Wednesday,\n"
        "and the room upstairs is booked for the whole of Tuesday afternoon by the\n"
        "sales team\nThanks\nTom\n",
    ],
)
def test_a_short_mail_keeps_its_closing_lines_apart(text) -> None:
    body = clean(RawDocument("mail.txt", text, "text")).body
    assert " ".join(body.split()) == " ".join(text.split())  # nothing lost
    assert body.split("\n\n")[-1] == "Tom"  # (the name is not joined to the line before)


def test_under_a_page_the_lines_below_the_article_stay_out() -> None:
    # (no salutation on top: short lines without punctuation under the text are a page's)
    text = (
        "Can we move the meeting to Thursday? The printer is down until Wednesday, and the "
        "room upstairs is booked for the whole of Tuesday afternoon by the sales team.\n\n"
        "The board meets at ten in the small room, and the figures will be ready by then.\n\n"
        "Share\nNewer Post\n"
    )
    assert "Share" not in clean(RawDocument("page.txt", text, "text")).body


GERMAN = (
    "Hallo Anna,\n\n"
    "danke für den Entwurf. Ich habe ihn heute Morgen im Zug gelesen und finde, dass der "
    "zweite Abschnitt noch etwas mehr zu den Haushaltszahlen braucht, bevor er an den Vorstand "
    "geht.\n\n"
    "Am Mo., 5. Sept. 2022 um 10:14 Uhr schrieb Anna Berg <anna@example.com>:\n"
    "> Kannst du dir die Zahlen im zweiten Abschnitt ansehen? Ich bin nicht sicher, ob die "
    "Summen nach der letzten Runde noch stimmen.\n\n"
    "Sie stimmen jetzt, ich habe sie mit der Tabelle verglichen, aber die Tabelle sollte "
    "sagen, für welches Jahr die Zahlen gelten.\n\n"
    "Viele Grüße\nTom\n\n-- \nTom Baker | Finanzredaktion\nNordkurier\n"
)
CONTACT = "Tel. +49 395 1234\n"  # (a contact line: page furniture, but not in a signature)
LONG_SIGNATURE = "Marktplatz 1\n17033 Neubrandenburg\nwww.nordkurier.de\n"  # (5 lines)


@pytest.mark.parametrize(
    "text", [GERMAN, GERMAN + CONTACT, GERMAN + LONG_SIGNATURE], ids=["short", "contact", "long"]
)
def test_a_mail_in_any_language_keeps_its_closing_and_signature_of_any_length(text) -> None:
    # (the selection does not keep "Viele Grüße" as it keeps "Best wishes,": the "-- " rule
    # does; a signature's contact line, "Tel. ...", is the letter's own, not page furniture)
    assert lines(clean(RawDocument("mail.txt", text, "text")).body) == lines(text)


QUOTE_PARTS = (
    "On Mon, 5 Sep 2022 at 10:14, Anna Berg <anna@example.com> wrote:\n"
    "> Hi Tom,\n>\n> Can we move the meeting to Thursday? The printer is down until Wednesday "
    "and the room upstairs is booked.\n>\n> Anna\n"
)
TOP_POSTED = (
    "Hi Anna,\n\nYes, Thursday works for me. I will bring the printed copies of the budget and "
    "the notes from last week's meeting with the auditors.\n\nThanks,\nTom\n\n" + QUOTE_PARTS
)
BOTTOM_POSTED = (
    "Hi Anna,\n\nThanks for the note. I read it on the train this morning and I think the "
    "second section needs a little more on the budget figures.\n\n" + QUOTE_PARTS + "\n"
    "Thursday works, I will bring the printed copies of the budget with me.\n\n"
    "Best wishes,\nTom\n"
)


@pytest.mark.parametrize("text", [TOP_POSTED, BOTTOM_POSTED])
def test_a_quotation_with_its_own_greeting_and_name_keeps_every_line(text) -> None:
    # (its bare ">" separator lines repeat: no page's repeated furniture; each is a gap)
    body = clean(RawDocument("mail.txt", text, "text")).body
    assert lines(body) == said(text)
    assert "Hi Anna," in body and "> Anna" in body and "Tom" in body


WRAPPED = (
    "Hi Anna,\n\n"
    "Can we move the meeting to Thursday? The printer is down until Wednesday\n"
    "and the room upstairs is booked for the whole of Tuesday afternoon by the\n"
    "sales team.\n\n"
    "On Mon, 5 Sep 2022 at 10:14, Anna Berg <anna@example.com> wrote:\n"
    "> Could you have a look at the numbers in section two? I am not sure the\n"
    "> totals add up after the last round of changes.\n\n"
    "Thanks,\nTom\n\n-- \nTom Baker | Finance desk\nNorthern Courier\n"
)


def test_a_hard_wrapped_mail_without_headers_is_reflowed_as_one_with_headers() -> None:
    paras = clean(RawDocument("mail.txt", WRAPPED, "text")).body.split("\n\n")
    assert " ".join(WRAPPED.split("\n\n")[1].split()) in paras
    assert (
        "> Could you have a look at the numbers in section two? I am not sure the totals "
        "add up after the last round of changes." in paras
    )
    assert paras[-5:] == ["Thanks,", "Tom", "-- ", "Tom Baker | Finance desk", "Northern Courier"]
