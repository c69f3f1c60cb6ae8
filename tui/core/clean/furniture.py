"""Learn an outlet's furniture: lines that recur on several of its pages (menus, footers, appeals).

A line counts as furniture for an outlet only once it has been seen on at least ``min_pages``
different pages of that outlet, so text that appears on one page only is never removed. A page
whose text is the same as one already observed (the same feed or article copied into another
file, under another name) is a copy, not another page: it counts once, so the copies' text is
never learnt as furniture (never a silent loss).
"""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


_HASH: list = []  # hashlib's blake2b once imported


def _blake2b(data: bytes, digest_size: int):
    """hashlib's blake2b, imported on first use: hashlib loads OpenSSL (3 ms), at every start of
    a command that imports the cleaner, and only ingest's furniture model hashes."""
    if not _HASH:
        from hashlib import blake2b

        _HASH.append(blake2b)
    return _HASH[0](data, digest_size=digest_size)


def _key(line: str) -> str:
    norm = _SPACE.sub(" ", line).strip().lower()
    return _blake2b(norm.encode("utf-8", "replace"), digest_size=8).hexdigest()


def _copy_key(text: str) -> str:
    """The key by which a page's text is known as a copy of another's, whichever form it is
    observed in: as taken in (``learn_furniture``, a rebuilt model: line ends "\\r\\n",
    escape sequences, a terminal link) or as the cleaner reads it (sanitised, the link as
    "text (URL)"): its words and marks, without white space, in lower case."""
    if any(c in text for c in "\x1b\x9b\x9d"):
        from tui.core.safe_text import sanitize, terminal_links

        text = sanitize(terminal_links(text), " ")
    norm = _SPACE.sub("", text).lower()
    return _blake2b(norm.encode("utf-8", "replace"), digest_size=8).hexdigest()


class FurnitureModel:
    """Per outlet: how many distinct pages each (normalised) line appeared on."""

    def __init__(self, min_pages: int = 3, max_lines: int = 20000) -> None:
        self.min_pages = max(2, int(min_pages))
        self.max_lines = max_lines
        self._lines: dict[str, dict[str, int]] = {}  # outlet -> line hash -> pages
        self._pages: dict[str, set[str]] = {}  # outlet -> hashes of pages already observed
        self._texts: dict[str, set[str]] = {}  # outlet -> hashes of their texts

    def observe(self, outlet_key: str, raw_text: str, page_key: str | None = None) -> None:
        """Count each distinct line of one page. A page observed again counts once: pages are
        told apart by ``page_key`` (its URL or path: new versions of one article are the same
        page) or, without one, by their content; a page whose text is one already observed is
        a copy of that page (it counts once)."""
        page = _blake2b((page_key or raw_text or "").encode("utf-8", "replace"),
                        digest_size=8).hexdigest()
        seen = self._pages.setdefault(outlet_key, set())
        if page in seen:
            return
        seen.add(page)
        text = _copy_key(raw_text or "")
        texts = self._texts.setdefault(outlet_key, set())
        if text in texts:
            return  # (a copy: its lines were counted with the page it copies)
        texts.add(text)
        counts = self._lines.setdefault(outlet_key, {})
        for key in {_key(ln) for ln in (raw_text or "").splitlines() if ln.strip()}:
            if key in counts or len(counts) < self.max_lines:
                counts[key] = counts.get(key, 0) + 1

    def is_furniture(self, outlet_key: str, line: str) -> bool:
        """True when ``line`` recurred on at least ``min_pages`` pages of this outlet."""
        return self._lines.get(outlet_key, {}).get(_key(line), 0) >= self.min_pages

    def pages(self, outlet_key: str) -> int:
        return len(self._pages.get(outlet_key, ()))

    def to_dict(self) -> dict:
        return {"min_pages": self.min_pages, "max_lines": self.max_lines,
                "outlets": {o: {"lines": dict(c), "pages": sorted(self._pages.get(o, ())),
                                "texts": sorted(self._texts.get(o, ()))}
                            for o, c in self._lines.items()}}

    @classmethod
    def from_dict(cls, data: dict) -> FurnitureModel:
        model = cls(data.get("min_pages", 3), data.get("max_lines", 20000))
        for outlet, entry in (data.get("outlets") or {}).items():
            model._lines[outlet] = {str(k): int(v) for k, v in entry.get("lines", {}).items()}
            model._pages[outlet] = set(entry.get("pages", []))
            model._texts[outlet] = set(entry.get("texts", []))  # (an older cache: none)
        return model
