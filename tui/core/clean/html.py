"""HTML: trafilatura's main text and metadata (placeholder, refined below)."""
from __future__ import annotations

def extract(html: str, origin: str) -> tuple[str, dict]:
    import trafilatura
    doc = trafilatura.bare_extraction(html, with_metadata=True, favor_precision=True)
    if not doc:
        return "", {}
    return doc.text or "", {}
