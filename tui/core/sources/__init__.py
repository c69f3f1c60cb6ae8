"""Sources: web pages and feeds over HTTP, feed files, subscriptions (``feeds.toml``), refresh.

The contract used by ingest, the command line and the app:

- :func:`fetch_many` - polite concurrent HTTP (limits per host, timeouts, retries, size cap,
  conditional requests); every URL gets a :class:`FetchResult`, failures carry a reason.
- :func:`documents_from_response`, :func:`resolve_sources` - responses -> ``RawDocument`` lists
  (feeds detected from content; teaser items get their page fetched).
- :func:`looks_like_feed`, :func:`parse_feed_file` - feeds on disk.
- :class:`Subscriptions` (``feeds.toml``, OPML) and :func:`refresh` - following feeds:
  conditional requests, entries unchanged since last time skipped, a per-feed report.
"""

from tui.core.sources.feeds import FeedError
from tui.core.sources.fetch import FetchOptions, FetchResult, fetch_many
from tui.core.sources.opml import OpmlError
from tui.core.sources.refresh import FeedOutcome, RefreshReport, refresh
from tui.core.sources.resolve import (
    SourceError,
    documents_from_response,
    parse_feed_file,
    resolve_sources,
)
from tui.core.sources.sniff import looks_like_feed
from tui.core.sources.subscriptions import Subscription, Subscriptions, SubscriptionsError

__all__ = [
    "FeedError",
    "FeedOutcome",
    "FetchOptions",
    "FetchResult",
    "OpmlError",
    "RefreshReport",
    "SourceError",
    "Subscription",
    "Subscriptions",
    "SubscriptionsError",
    "documents_from_response",
    "fetch_many",
    "looks_like_feed",
    "parse_feed_file",
    "refresh",
    "resolve_sources",
]
