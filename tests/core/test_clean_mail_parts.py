"""E-mails: an HTML-only part, attachments named (never dropped without a word), and an 8-bit
body in its declared charset."""

from email.message import EmailMessage

from tui.core.clean import clean
from tui.core.decode import decode_bytes
from tui.core.model import RawDocument


def cleaned(text: str):
    return clean(RawDocument("pasted", text, "text"))


def test_a_single_part_html_email_is_read_as_text() -> None:
    text = (
        "From: News <news@example.com>\nSubject: Weekly letter\n"
        "Date: Mon, 10 Oct 2022 09:15:00 +0200\n"
        "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>The council "
        "approved the new budget on Monday after a long debate.</p></body></html>\n"
    )
    body = cleaned(text).body
    assert "<p>" not in body and "The council approved the new budget" in body


def test_an_emails_attachments_are_named() -> None:
    m = EmailMessage()
    m["From"], m["Subject"] = "Alice <alice@example.com>", "Report"
    m.set_content("The report is attached, with the figures for March.\n")
    m.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="report.pdf")
    assert "report.pdf" in cleaned(m.as_string()).body


def test_an_8bit_email_is_decoded_in_its_declared_charset() -> None:
    data = (
        "From: Jan <jan@example.pl>\nSubject: Budzet\nMIME-Version: 1.0\nContent-Type: text/plain; "
        "charset=iso-8859-2\nContent-Transfer-Encoding: 8bit\n\nRząd przedstawił budżet.\n"
    ).encode("iso-8859-2")
    assert "Rząd przedstawił budżet." in decode_bytes(data)
