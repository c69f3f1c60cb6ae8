from __future__ import annotations
from ..model import Cleaned, RawDocument
from .lang import detect_lang, stopwords_for
from .text import select, paragraphs

def clean(doc: RawDocument, *, furniture=None) -> Cleaned:
    lines = doc.content.splitlines()
    lang = detect_lang(doc.content)
    keep = select(lines, stopwords_for(lang))
    return Cleaned(body=paragraphs(lines, keep), lang=lang)
