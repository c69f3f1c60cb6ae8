"""A paginated man page (``groff -man -Tascii -rcR=0``, ``man -P cat`` with page breaks):
its footers, numbered ("GNU coreutils 9.1   September 2022   2"), are metadata and not body,
as a continuous copy's footer is; and a NAME section naming many pages is still a NAME line
(openssl-cmds(1): 393 characters)."""

from __future__ import annotations

import pytest

from tests.core.test_clean_manpage import LS
from tui.core.clean import clean
from tui.core.model import RawDocument

HEAD = "LS(1)\t\t\t\t User Commands\t\t\t\t LS(1)\n"
FOOT = "GNU coreutils 9.1\t\tSeptember 2022\t\t\t\t LS(1)\n"
BREAK = "       too.\n\n"  # the first page ends under this line


def paged(first_head: bool = True, feed: str = "") -> str:
    body = LS.removeprefix(HEAD).removesuffix(FOOT)
    one, _, two = body.partition(BREAK)
    lone = "\t" * 9 + "     1\n"  # (groff -rcR=0: the first page's footer, its number alone)
    foot1 = "GNU coreutils 9.1\t\tSeptember 2022\t\t\t\t     1\n" if first_head else lone
    return (
        (HEAD if first_head else "")
        + one
        + BREAK
        + "\n\n"
        + foot1
        + "\n\n"
        + feed
        + HEAD
        + "\n"
        + two
        + "\n"
        + "GNU coreutils 9.1\t\tSeptember 2022\t\t\t\t     2\n"
    )


@pytest.mark.parametrize(("first_head", "feed"), [(True, ""), (True, "\f"), (False, "")])
def test_a_paginated_copy_loses_its_numbered_footers_to_metadata(first_head, feed) -> None:
    whole = clean(RawDocument("ls.txt", LS, "text"))
    c = clean(RawDocument("ls.txt", paged(first_head, feed), "text"))
    assert (
        (c.title, c.date, c.source)
        == (whole.title, whole.date, whole.source)
        == ("ls - list directory contents", "2022-09", "GNU coreutils 9.1")
    )
    assert "September 2022" not in c.body and "LS(1)" not in c.body
    assert [p for p in c.body.split("\n\n") if p.strip().isdigit()] == []
    assert c.body == whole.body  # (every section's text kept, as the continuous copy's)


def test_a_page_number_in_the_text_stays() -> None:
    text = LS.replace("       too.\n", "       too.\n\n                    42\n")
    assert "42" in clean(RawDocument("ls.txt", text, "text")).body.split("\n\n")


NAMES = ", ".join(f"cmd{n}" for n in range(50))  # 390 characters of names
OPENSSL = (
    "OPENSSL-CMDS(1SSL)                  OpenSSL                 OPENSSL-CMDS(1SSL)\n\nNAME\n"
    + "".join(f"       {NAMES[k : k + 64].strip()}\n" for k in range(0, len(NAMES), 64))
    + "       - OpenSSL application commands\n\nSYNOPSIS\n"
    "       openssl cmd -help | [-option | -option arg] ... [arg] ...\n\nDESCRIPTION\n"
    "       Every cmd listed above is a (sub-)command of the openssl(1)\n"
    "       application.  It has its own detailed manual page at openssl-cmd(1).\n\n"
    "3.0.19                            2026-01-27                OPENSSL-CMDS(1SSL)\n"
)


def test_a_name_section_of_many_names_is_read() -> None:
    c = clean(RawDocument("openssl-cmds.txt", OPENSSL, "text"))
    assert c.title is not None and c.title.endswith("cmd49 - OpenSSL application commands")
    assert (c.date, c.source) == ("2026-01-27", "openssl-cmds 3.0.19")
    assert "OPENSSL-CMDS(1SSL)" not in c.body and "2026-01-27" not in c.body


def test_a_last_line_ending_in_a_number_is_no_footer_without_a_date_or_a_second_page() -> None:
    # (a copy cut short of its footer, "Zorro tally   2" its last line: the text's own)
    text = LS.removesuffix(FOOT) + "   Zorro tally     2\n"
    c = clean(RawDocument("ls.txt", text, "text"))
    assert "Zorro tally 2" in c.body.split("\n\n") and c.source == "User Commands"


def test_numbered_footers_without_a_date_closing_two_pages_are_footers() -> None:
    text = paged().replace(
        "GNU coreutils 9.1\t\tSeptember 2022\t\t\t\t ", "GNU coreutils 9.1\t\t\t "
    )
    c = clean(RawDocument("ls.txt", text, "text"))
    assert c.body == clean(RawDocument("ls.txt", LS, "text")).body
    assert c.source == "GNU coreutils 9.1" and c.date is None
