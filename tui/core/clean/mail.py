"""E-mail messages pasted or saved as text (``.eml``): the header block is metadata.

A text is an e-mail when it opens with an RFC 5322 header block: lines ``Name: value`` (a
value may go on on lines that start with white space), closed by a blank line, naming the
sender (``From``) and a ``Subject`` or a ``Date``. An mbox separator line (``From addr
date``) may come first. The file name plays no part.

:func:`split` parses such a text with the standard ``email`` package: the subject, sender
and date, and the body, decoded from MIME when the message is encoded (quoted-printable,
base64, multipart: the plain-text part, else the HTML part as text). A body that is not MIME
encoded is kept exactly as written. :func:`render` writes the three headers the cleaner reads
(``From``, ``Subject``, ``Date``) as a block above the body; :func:`head_end` finds such a
block in a text's lines and :func:`fields` reads it (title, author, date). :func:`opens_like_mail`
is the quick test on a text's first line that ``split`` and ingest share.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"([A-Za-z][A-Za-z0-9-]{0,60}):(?:[ \t]|$)")
_MBOX = re.compile(r"From \S+")
_BLANK = re.compile(r"\s*")  # (the white space str.strip drops: the same characters)
NAMES = ("From", "Subject", "Date")  # the headers the cleaner reads, in the order written
MAX_HEAD = 500  # lines of headers (long Received: chains) searched for the blank line


_MAIL_ONLY = frozenset({"to", "cc", "sent", "message-id", "received", "mime-version",
                        "return-path", "reply-to", "in-reply-to", "references", "content-type"})


def head_end(lines: list[str]) -> int:
    """The index of the blank line that closes the header block ``lines`` open with (leading
    blank lines aside), or 0 when they do not open with an e-mail's headers."""
    k = 0
    while k < len(lines) and not lines[k].strip():
        k += 1
    if k == len(lines) or not may_open_headers(lines[k]):
        return 0  # (the common case, answered at once)
    if _MBOX.match(lines[k]) and not _HEADER.match(lines[k]):
        k += 1
    names: set[str] = set()
    start = k
    while k < len(lines) and k - start < MAX_HEAD:
        line = lines[k]
        if not line.strip():
            break
        m = _HEADER.match(line)
        if m:
            names.add(m[1].lower())
            if m[1].lower() == "from" and "@" in line:
                names.add("@")
        elif not (line[:1] in " \t" and names):
            return 0  # a line that is neither a header nor a header's continuation
        k += 1
    else:
        if k < len(lines):
            return 0
    # From with Subject or Date, and a sign no page heading gives: an address in From, or a
    # header only mail carries (a memo's "From: Staff reporter / Date:" is not enough)
    mailish = "@" in names or not names.isdisjoint(_MAIL_ONLY)
    if "from" in names and ("subject" in names or "date" in names) and mailish and k - start >= 2:
        return k
    return 0


def may_open_headers(line: str) -> bool:
    """``line`` may open an e-mail's header block (``head_end``'s first test, on a text's first
    line that is not blank)."""
    return bool(_HEADER.match(line) or _MBOX.match(line))


def opens_like_mail(text: str) -> bool:
    """``text``'s first line that is not blank (less its indent) may open an e-mail's header
    block. Where it may not, ``head_end`` of the text's lines is 0: a caller can skip
    splitting a long text into lines. (The line is cut at its end: a bare "Subject:" opens
    a header block as it does in ``head_end``.)"""
    lead = _BLANK.match(text)  # (always matches; a regex: a long text is not copied)
    start = lead.end() if lead else 0
    return may_open_headers(text[start : start + 80].split("\n", 1)[0])


def split(text: str) -> tuple[dict[str, str], str] | None:
    """({"From": ..., "Subject": ..., "Date": ...} as written, decoded, on one line; body)
    of an e-mail, or None when ``text`` is not one."""
    if not opens_like_mail(text):
        return None  # (without splitting a long text into lines)
    lines = text.split("\n")
    end = head_end(lines)
    if not end:
        return None
    import email
    import email.policy

    start = next(k for k, ln in enumerate(lines) if ln.strip())
    if _MBOX.match(lines[start]) and not _HEADER.match(lines[start]):
        start += 1
    raw_body = "\n".join(lines[end + 1 :])
    try:
        msg = email.message_from_string("\n".join(lines[start:]), policy=email.policy.default)
        heads = {}
        for name in NAMES:
            value = msg.get(name)
            if value is not None and str(value).strip():
                heads[name] = " ".join(str(value).split())
    except Exception:  # noqa: BLE001 - malformed headers are read as written
        msg, heads = None, {}
        for line in lines[start:end]:
            m = _HEADER.match(line)
            if m and m[1].title() in NAMES and m[1].title() not in heads:
                heads[m[1].title()] = " ".join(line[m.end() :].split())
    try:
        body = raw_body if msg is None else _body(msg, raw_body)
    except Exception:  # noqa: BLE001 - a malformed MIME body is read as written
        body = raw_body
    return heads, body


def _body(msg, raw_body: str) -> str:
    """The message's text: as written when it is not MIME encoded, else its plain-text part
    (or its HTML part as text), decoded."""
    if not (msg.is_multipart() or _cte(msg) in _ENCODED or msg.get_content_type() == "text/html"):
        return raw_body
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return raw_body
    text = _part_text(part)
    if part.get_content_type() == "text/html":
        from tui.core.clean.html import strip_tags

        text = strip_tags(text)
    if msg.is_multipart():  # never a silent loss: what the body part leaves out is named
        names = []
        for a in msg.iter_attachments():  # text a mail reader shows in place is read too
            inner = _attached_text(a)
            if inner and inner.strip():
                text = f"{text.rstrip()}\n\n{inner.strip()}"
            else:
                names.append(a.get_filename() or a.get_content_type())
        if names:
            text = f"{text.rstrip()}\n\nAttachments: {', '.join(names)}\n"
    return text


def _attached_text(part) -> str | None:
    """An attached part's text when a mail reader shows it in place: a forwarded message (its
    subject and sender, then its body) or plain text not marked as an attachment; else None."""
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload(0) if part.is_multipart() else None
        if inner is None:
            return None
        said = " - ".join(str(inner[h]) for h in ("Subject", "From") if inner[h])
        payload = inner.get_payload()
        body = _body(inner, payload if isinstance(payload, str) else "")
        return f"Forwarded: {said}\n\n{body}" if said else body
    if part.get_content_type() == "text/plain" and part.get_content_disposition() != "attachment":
        return _part_text(part)
    return None


def _part_text(part) -> str:
    if _cte(part) not in _ENCODED:
        payload = part.get_payload()
        return payload if isinstance(payload, str) else ""
    from tui.core.decode import DecodeError, decode_bytes

    data = part.get_payload(decode=True) or b""
    try:
        return decode_bytes(data, declared=part.get_content_charset())
    except DecodeError:
        return ""


_ENCODED = ("base64", "quoted-printable")


def _cte(part) -> str:
    return str(part.get("content-transfer-encoding", "")).strip().lower()


def render(heads: dict[str, str]) -> str:
    """The header block the cleaner reads: ``From``, ``Subject``, ``Date``, those known."""
    return "\n".join(f"{name}: {heads[name]}" for name in NAMES if name in heads)


def fields(header: list[str]) -> dict | None:
    """Title (the subject), author (the sender's name, else address) and date (ISO 8601) of
    an e-mail's header block ``header`` (its lines, no blank one), or None when it is none."""
    if not header or head_end([*header, ""]) != len(header):
        return None
    from email.utils import getaddresses, parsedate_to_datetime

    from tui.core.clean.dates import parse_date

    out: dict = {}
    for line in header:
        m = _HEADER.match(line)
        name, value = (m[1].lower(), line[m.end() :].strip()) if m else ("", "")
        if not value or name not in ("from", "subject", "date") or name in out:
            continue
        if name == "subject":
            out["subject"] = value
        elif name == "from":
            found = getaddresses([value])
            who, addr = found[0] if found else ("", "")
            who = who.strip().strip("\"'")
            out["from"] = who if who and "@" not in who else addr or value
        else:
            try:
                out["date"] = parsedate_to_datetime(value).isoformat()
            except (TypeError, ValueError, IndexError, OverflowError):
                out["date"] = parse_date(value)
    result = {"title": out.get("subject"), "author": out.get("from"), "date": out.get("date")}
    return {k: v for k, v in result.items() if v}
