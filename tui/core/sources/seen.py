"""Which feed entries a refresh has already taken in, so an unchanged entry costs nothing.

A feed that changed (one new entry) still lists the old ones; fetching every old entry's page
again would be impolite and slow. Each entry is remembered by a fingerprint of what the feed
said about it; an entry whose fingerprint is unchanged is skipped. Kept in the disposable cache:
losing it only means one full refresh.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tui.core.model import RawDocument
from tui.core.workspace import cache

CACHE_NAME = "feed_entries.pickle"


def fingerprint(doc: RawDocument) -> str:
    """A hash of everything a feed says about one entry."""
    blob = json.dumps([doc.origin, doc.kind, doc.content, doc.hints], sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:20]


class SeenEntries:
    """feed URL -> {entry origin: fingerprint} of the entries last taken in."""

    def __init__(self, feeds: dict[str, dict[str, str]] | None = None) -> None:
        self.feeds = feeds or {}

    @classmethod
    def load(cls, root: Path) -> SeenEntries:
        data = cache.load(Path(root), CACHE_NAME)
        feeds = data.get("feeds") if data else None
        return cls(feeds if isinstance(feeds, dict) else {})

    def is_known(self, feed_url: str, origin: str, print_: str) -> bool:
        """Whether the entry ``origin`` had this ``fingerprint`` when last taken in."""
        return self.feeds.get(feed_url, {}).get(origin) == print_

    def remember(self, feed_url: str, prints: dict[str, str]) -> None:
        """The feed's current entries (origin -> fingerprint) replace what was remembered."""
        self.feeds[feed_url] = prints

    def save(self, root: Path) -> None:
        cache.save(Path(root), CACHE_NAME, {"feeds": self.feeds})
