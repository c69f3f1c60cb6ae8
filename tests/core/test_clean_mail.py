"""E-mail as text: headers are metadata, the body is kept whole; quoted replies are reflowed
apart; short legacy bytes decode as Latin; a manual page keeps its synopsis and short items."""

from __future__ import annotations

import base64

from tui.core.clean import clean, mail
from tui.core.clean.aside import step_aside
from tui.core.clean.lines import measure_page
from tui.core.clean.meta import lead_title
from tui.core.clean.plain import whole_document
from tui.core.clean.reflow import reflow
from tui.core.clean.text import prose_value
from tui.core.decode import decode_bytes
from tui.core.model import RawDocument

HEADERS = """From: Alice <alice@example.com>
To: Bob <bob@example.com>
Subject: Re: Flooding update
Date: Mon, 10 Oct 2022 09:15:00 +0200
Message-ID: <abc@example.com>
"""
BODY = (
    """Hi Bob,

The river crested at 5.2 metres overnight, the highest since 1998.

> On Sun, 9 Oct 2022, Bob wrote:
> Any news on the flooding?
>> Earlier quoted text here.

Thanks,
Alice
"""
    + "-- \nAlice Example\n"
)
WRAPPED = """Hi Bob,

The river crested at 5.2 metres overnight, the highest level since 1998, and the water is now
receding slowly across the lower town, according to the county emergency office.

Roads into the valley remain closed and the school will stay shut until Thursday at least,
the head teacher told parents in a letter sent on Sunday evening.

> On Sun, 9 Oct 2022, Bob wrote:
> Any news on the flooding?

Thanks,
Alice
"""
FIRST = (
    "The river crested at 5.2 metres overnight, the highest level since 1998, and the "
    "water is now receding slowly across the lower town, according to the county "
    "emergency office."
)


def cleaned(text: str):
    return clean(RawDocument("pasted", text, "text"))


def test_an_email_keeps_its_body_and_reads_its_headers_as_metadata() -> None:
    c = cleaned(HEADERS + "\n" + BODY)
    assert (c.title, c.author, c.date) == (
        "Re: Flooding update",
        "Alice",
        "2022-10-10T09:15:00+02:00",
    )
    paras = c.body.split("\n\n")
    for kept in (
        "Hi Bob,",
        "The river crested at 5.2 metres overnight, the highest since 1998.",
        "> On Sun, 9 Oct 2022, Bob wrote:",
        "> Any news on the flooding?",
        ">> Earlier quoted text here.",
        "Thanks,",
        "Alice",
        "Alice Example",
    ):
        assert kept in paras
    for header in ("From:", "To:", "Subject:", "Date:", "Message-ID", "alice@example.com"):
        assert header not in c.body
    assert c.dateline is None


def test_an_emails_hard_wrapped_body_is_reflowed() -> None:
    c = cleaned(HEADERS + "\n" + WRAPPED)
    assert FIRST in c.body.split("\n\n")
    assert "> Any news on the flooding?" in c.body.split("\n\n")


def test_a_mime_encoded_email_is_decoded() -> None:
    text = (
        "From: =?utf-8?q?Ren=C3=A9e_Holt?= <renee@example.org>\nSubject: =?utf-8?q?Caf"
        "=C3=A9_reopens?=\nDate: Tue, 11 Oct 2022 08:00:00 +0000\nMIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="XX"\n\n--XX\n'
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: "
        "quoted-printable\n\nThe caf=C3=A9 on the square reopened on Monday after a long=\n"
        " refit, its owner said.\n\n--XX\nContent-Type: text/html; charset=utf-8\n"
        "Content-Transfer-Encoding: base64\n\n"
        + base64.b64encode(b"<p>HTML part</p>").decode()
        + "\n--XX--\n"
    )
    c = cleaned(text)
    assert (c.title, c.author, c.date) == (
        "Café reopens",
        "Renée Holt",
        "2022-10-11T08:00:00+00:00",
    )
    assert c.body == "The café on the square reopened on Monday after a long refit, its owner said."


def test_a_header_block_is_recognised_by_its_shape_only() -> None:
    assert mail.head_end((HEADERS + "\nBody").split("\n")) == 5
    assert (
        mail.head_end(
            ("From alice@example.com Mon Oct 10 09:15:00 2022\n" + HEADERS + "\nBody").split("\n")
        )
        == 6
    )
    folded = "From: Alice <a@x.org>\nSubject: A long subject\n  folded here\n\nBody"
    assert mail.head_end(folded.split("\n")) == 3
    assert mail.split(folded) == (
        {"From": "Alice <a@x.org>", "Subject": "A long subject folded here"},
        "Body",
    )
    for text in (
        "Note: the office is closed.\nDate: Monday\n\nBody",  # no sender
        "From: Alice\nTo: Bob\n\nBody",  # no subject nor date
        "From: Alice\nSubject: Hi\nthe office is closed\n\nBody",  # not a header
        "From Monday on, the office is closed.\nSubject: x\n\nBody",
        # a page's byline block: no address, no header only mail carries
        "From: Staff reporter\nDate: 10 Oct 2022\n\nMenu\nThe council met.",
    ):
        assert mail.head_end(text.split("\n")) == 0
        assert mail.split(text) is None


def test_ingest_splits_a_text_into_lines_only_when_it_may_open_with_headers() -> None:
    """``opens_like_mail`` (a text's first line that is not blank) is false only where
    ``head_end`` finds no header block: e-mails behind blank or indented lines, a bare
    "Subject:", a long header name are still read as e-mails, not as HTML pages."""
    from tui.core.ingest import _looks_like_html

    page = "<p>x</p><body>"
    heads = (HEADERS + "\n", "From a@x Mon\n" + HEADERS + "\n", "Subject:\n" + HEADERS + "\n",
             "X" * 61 + ": y\n" + HEADERS + "\n", "  " + HEADERS + "\n", "Dear Bob,\n\n")
    for lead in ("", "\n\n", " \n\t\n", "\u2028", "\x0b\n"):
        for head in heads:
            text = lead + head + page
            found = mail.head_end(text.split("\n"))
            assert found == 0 or mail.opens_like_mail(text)
            assert _looks_like_html(text) == (not found)
            assert (mail.split(text) is not None) == bool(found)  # (the three read alike)
    assert mail.may_open_headers("From: a@x") and mail.may_open_headers("Subject:")
    assert not mail.may_open_headers("The river crested") and not mail.may_open_headers("")


def test_a_mail_opening_with_a_bare_subject_is_split_as_ingest_reads_it() -> None:
    """The first line is read alike by ``split`` and ingest (``opens_like_mail``): cut at its
    end, a bare "Subject:" opens a header block (it was read run on into the next line)."""
    text = "Subject:\nFrom: Ann <ann@x.org>\nDate: Mon, 1 Jan 2024 10:00:00 +0000\nTo: b@y.org"
    assert mail.head_end((text + "\n\nHello body.").split("\n")) == 4
    heads = {"From": "Ann <ann@x.org>", "Date": "Mon, 01 Jan 2024 10:00:00 +0000"}
    assert mail.split(text + "\n\nHello body.") == (heads, "Hello body.")
    assert reflow(text + "\n\nHello body.") == (
        "From: Ann <ann@x.org>\nDate: Mon, 01 Jan 2024 10:00:00 +0000\n\nHello body."
    )
    assert mail.opens_like_mail(" \n\t Subject:\nFrom: a@x") and mail.opens_like_mail("Subject:")
    assert not mail.opens_like_mail("Subject\n: x") and not mail.opens_like_mail("\n\n")


def test_a_letter_without_headers_reflows_around_its_quoted_lines() -> None:
    text = reflow(WRAPPED)
    assert FIRST in text.split("\n")
    c = cleaned(WRAPPED)
    paras = c.body.split("\n\n")
    for kept in (
        "Hi Bob,",
        FIRST,
        "> On Sun, 9 Oct 2022, Bob wrote:",
        "> Any news on the flooding?",
        "Thanks,",
        "Alice",
    ):
        assert kept in paras
    assert c.title != "Hi Bob,"


def test_quoted_lines_are_reflowed_among_themselves() -> None:
    quoted = "\n".join("> " + ln for ln in WRAPPED.split("\n")[2:7])
    text = reflow("A reply above a quotation.\n\n" + quoted + "\n")
    assert "> " + FIRST in text.split("\n")
    prompt = ">>> import os\n>>> os.getcwd()\n"  # a Python prompt is no quotation
    assert reflow(prompt) == prompt


def test_a_salutation_is_no_title_and_a_signature_name_is_kept() -> None:
    assert lead_title("Hi Bob,\nThe river crested overnight.") == "The river crested overnight"
    assert lead_title("Hello world") == "Hello world"
    lines = ["A title", "", "First paragraph of a letter.", "", "Thanks,", "Alice"]
    assert whole_document(lines, [], {}) == [0, 2, 4, 5]  # (the title: clean_text's)
    c = cleaned("\n".join(lines))
    assert (c.title, c.body) == ("A title", "First paragraph of a letter.\n\nThanks,\n\nAlice")
    lines[4] = "Second paragraph."
    assert whole_document(lines, [], {}) == [0, 2, 4, 5]  # a name alone is the letter's own
    lines[5] = " Reuter"
    assert whole_document(lines, [], {}) == [0, 2, 4]  # a wire story's sign-off: its source


def test_short_latin1_bytes_decode_as_latin() -> None:
    assert decode_bytes(b"arg caf\xe9") == "arg café"
    assert decode_bytes(b"Caf\xe9 ouvert\n") == "Café ouvert\n"
    assert decode_bytes("Größe «Été» naïve “quote”".encode("cp1252")) == "Größe «Été» naïve “quote”"
    russian = "Привет, как дела? Это обычный русский текст о погоде и новостях дня."
    assert decode_bytes(russian.encode("cp1251")) == russian  # runs of letters: not Latin
    assert cleaned(decode_bytes(b"Caf\xe9 ouvert\n")).body == "Café ouvert"


MAN = [
    "NAME",
    "frob - list frobnicated directory contents",
    "SYNOPSIS",
    "frob [OPTION]... [FILE]...",
    "DESCRIPTION",
    "List information about the frobnicated files in the current directory by default.",
    "-a, --all",
    "do not ignore the entries starting with a dot in their names.",
    "Exit status:",
    "0 if OK,",
    "1 if minor problems (e.g., cannot access subdirectory),",
    "2 if serious trouble (e.g., cannot access command-line argument).",
    "The SIZE argument is an integer and an optional unit of the size in the listing.",
]


def test_a_manual_page_keeps_its_synopsis_and_the_short_items_of_its_lists() -> None:
    info = measure_page(MAN, frozenset({"the", "a", "an", "in", "of", "by", "their", "and"}))
    raw = [prose_value(ln) for ln in info]
    idx = list(range(len(MAN)))
    assert raw[5] > 0 and raw[12] > 0 and info[9].bullet
    got = step_aside(idx, info, raw, [12], plain=True)
    assert got == list(range(2, 13))  # from SYNOPSIS (below the title) to the last prose
    page = step_aside(idx, info, raw, [12])  # a web page: its header and menu items stay out
    assert 9 not in page and 3 not in page and 10 in page


def test_a_short_mail_wrapped_by_its_client_is_joined() -> None:
    """Too few lines to learn a wrap column from: a long line stopping mid-sentence goes on
    in the next when it opens in lower case at the same quoting depth; short lines stay."""
    body = (
        "Hi all,\n\nThe council confirmed this morning that the harbour bridge will reopen\n"
        "to traffic on Monday after six weeks of repairs.\n\n"
        "> Do we know if buses will use it, and whether the cycle lane is open\n"
        "> again as well?\n> Tom\n\nThanks,\nAlice\n"
    )
    text = "From: Alice <alice@example.org>\nTo: desk@example.org\nSubject: Bridge\n\n" + body
    got = reflow(text).split("\n")
    assert (
        "The council confirmed this morning that the harbour bridge will reopen to traffic "
        "on Monday after six weeks of repairs." in got
    )
    assert (
        "> Do we know if buses will use it, and whether the cycle lane is open again as well?"
        in got
    )
    assert "> Tom" in got and "Thanks," in got and "Alice" in got  # short lines stay lines


def test_a_short_quotation_is_one_block_and_the_signature_separator_stays() -> None:
    """A run of quoted lines too short to learn a wrap column from is joined where its lines
    were wrapped (each quoted line no paragraph of its own), the author's own wrapped lines
    too though the quotation is reflowed apart; the "-- " line stays as written."""
    text = HEADERS + (
        "\nThanks, that is what I needed. The northern depot shipped twelve percent\n"
        "more parcels than last year.\n\nJane Holt wrote:\n"
        "> The northern depot shipped twelve percent more parcels\n"
        "> than in the first quarter, mostly because the new\n> sorting line came online.\n"
        ">\n> Jane\n\nGreat news.\n\n-- \nTom Reed\nNorthern Depot\n")
    for c in (cleaned(text), clean(RawDocument("stdin:1", text, "text"))):
        assert c.body.split("\n\n") == [
            "Thanks, that is what I needed. The northern depot shipped twelve percent more "
            "parcels than last year.", "Jane Holt wrote:",
            "> The northern depot shipped twelve percent more parcels than in the first "
            "quarter, mostly because the new sorting line came online.", "> Jane",
            "Great news.", "-- ", "Tom Reed", "Northern Depot"]


def test_short_mail_joins_only_wrapped_prose() -> None:
    """Lines of a short mail are joined only where they are clearly wrapped prose: a sign-off
    after a sentence, an address block, quoted commands and code, and a quoted header block
    ("-----Original Message-----", "From: ...") stay lines, as written (also on stdin, CRLF)."""
    thanks = HEADERS + (
        "\nThanks for sending the figures so quickly, they are exactly what we needed.\n"
        "Best regards,\nAlice Reed\nSenior Editor, The Daily\n"
    )
    assert cleaned(thanks).body.split("\n\n") == [
        "Thanks for sending the figures so quickly, they are exactly what we needed.",
        "Best regards,",
        "Alice Reed",
        "Senior Editor, The Daily",
    ]
    address = HEADERS + (
        "\nHi all, the meeting moves to the new office next week, please note it.\n"
        "Acme Corp\n12 High Street\nLondon EC1A 1BB\n"
    )
    assert cleaned(address).body.split("\n\n")[:2] == [
        "Hi all, the meeting moves to the new office next week, please note it.",
        "Acme Corp",
    ]
    quoted = [
        "Try this in the config file:",
        "export PATH=/opt/tool/bin:$PATH",
        "make clean",
        "make -j4 all",
        "Steps to check:",
        "- run the tests",
        "- look at the log",
        "--",
        "Bob Smith",
        "Build Team, Acme Corp",
        "-----Original Message-----",
        "From: Carol",
        "Sent: Monday, March 4, 2024",
        "To: Bob",
        "Subject: build fails",
    ]
    reply = HEADERS + "\nThanks, that fixed it.\n\nBob wrote:\n"
    reply += "".join(f"> {q}\n" for q in quoted)
    for c in (
        cleaned(reply),
        clean(RawDocument("stdin:1", reply, "text")),
        cleaned(reply.replace("\n", "\r\n")),
    ):
        assert [f"> {q}" for q in quoted] == c.body.split("\n\n")[2:], c.body
    code = HEADERS + (
        "\nAgreed.\n\n> Q1 revenue 12.1m\n> Total 37.4m\n>\n> > def total(rows):\n"
        ">>     return sum(r.value for r in rows)\n> > print(total(rows))\n"
    )
    assert cleaned(code).body.split("\n\n")[-2:] == [
        ">> return sum(r.value for r in rows)",
        ">> print(total(rows))",
    ]


def test_a_quotation_nested_past_any_mail_client_is_still_read_as_a_mail() -> None:
    """Each quotation level is one more call of the reflow: 600 levels deep (hostile input)
    must not run out of stack and fall back to the unreflowed text, headers and all."""
    from tui.core.clean import clean
    from tui.core.model import RawDocument

    deep = "".join(f"{'> ' * d}quoted text at level {d}\n" for d in range(600, 0, -1))
    mail = (
        "From: a@b.c\nSubject: deep\nDate: Mon, 1 Dec 2026 10:00:00 +0000\n\n"
        f"Hello Bob, here is my answer to your question about the bridge.\n\n{deep}\nAlice\n"
    )
    c = clean(RawDocument("deep.eml", mail, "text"))
    assert c.title == "deep" and not c.body.startswith("From:")
    assert c.body.startswith("Hello Bob, here is my answer")
