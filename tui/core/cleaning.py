"""One document as ingest and ``wiredesk clean`` take it: cleaned, its text and fields made safe.

Kept out of the workspace and the cleaner packages: importing it loads neither (``wiredesk clean``
imports no workspace code; the cleaner loads on the first document).
"""

from __future__ import annotations

from tui.core.model import META_FIELDS, Cleaned, RawDocument
from tui.core.textutil import normalize_ws, safe_line, safe_text

_SANITISED = ("text", "md")  # kinds whose cleaned body ``clean`` gives already sanitised


def clean_doc(doc: RawDocument, furniture=None) -> Cleaned:
    """Cleaned text and metadata; JSON Lines records (kind "record") are taken as the body."""
    from tui.core.clean import clean, detect_lang  # trafilatura...: loaded on first ingest

    h = doc.hints
    if doc.kind == "record":
        body = normalize_ws(safe_text(doc.content))
        first = body.split("\n\n", 1)[0]
        return Cleaned(
            body=body, title=h.get("title") or _first_sentence(first), author=h.get("author"),
            source=h.get("source"), date=h.get("date"), dateline=h.get("dateline"),
            lang=h.get("lang") or detect_lang(body), summary=h.get("summary"))
    c = clean(doc, furniture=furniture)
    # A text or Markdown body is made of the sanitised page's own characters, spaces and
    # newlines (``clean`` sanitises such a page first, and its fallback too): no second scan.
    body = c.body if doc.kind in _SANITISED and isinstance(c.body, str) else safe_text(c.body)
    fields = {k: (safe_line(v) if isinstance(v, str) else v)  # (as_dict's, without its copy)
              for k, v in zip(META_FIELDS, map(c.__getattribute__, META_FIELDS))}
    return Cleaned(body=body, **fields)


def _first_sentence(text: str, limit: int = 120) -> str:
    for stop in (". ", "? ", "! ", "。"):
        i = text.find(stop)
        if 0 < i < limit:
            return text[: i + 1].strip()
    return text[:limit].rsplit(" ", 1)[0] if len(text) > limit else text
