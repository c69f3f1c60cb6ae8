"""A record date that is not a date is said; an e-mail's inline parts and forwarded messages
are read."""

from email.message import EmailMessage

from tui.core.clean.mail import split
from tui.core.ingest import collect


def test_a_record_date_that_is_not_a_date_is_said(tmp_path):  # record-date-warning.diff
    f = tmp_path / "d.jsonl"
    f.write_text(
        '{"title": "A", "text": "One.", "date": "yesterday"}\n'
        '{"title": "B", "text": "Two.", "date": "2022-10-11"}\n'
    )
    got = collect([str(f)])
    assert len(got.docs) == 2
    assert any("not a date" in w and "line 1)" in w for _, w in got.warnings)


def test_inline_text_parts_and_forwarded_messages_are_read(tmp_path):  # mail-inline-parts.diff
    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = "Dan <dan@example.net>", "x@y.z", "Two parts"
    m["Date"] = "Tue, 3 Dec 2026 10:00:00 +0000"
    m.set_content("First part.\n")
    m.add_attachment("Second inline part.\n", disposition="inline")
    fwd = EmailMessage()
    fwd["From"], fwd["Subject"] = "Eve <eve@example.com>", "Original"
    fwd.set_content("Forwarded body.\n")
    m.add_attachment(fwd)
    m.add_attachment(b"%PDF", maintype="application", subtype="pdf", filename="r.pdf")
    _, body = split(m.as_string())
    assert "Second inline part." in body and "Forwarded body." in body
    assert "Attachments: r.pdf" in body
