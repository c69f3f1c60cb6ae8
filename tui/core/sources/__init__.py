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

import importlib

# Lazy exports (PEP 562): the command line builds its parser without paying for httpx and
# feedparser; they load when a source is actually fetched or parsed.
_EXPORTS = {
    "FeedError": "feeds",
    "FetchOptions": "fetch", "FetchResult": "fetch", "fetch_many": "fetch",
    "OpmlError": "opml",
    "FeedOutcome": "refresh", "RefreshReport": "refresh", "refresh": "refresh",
    "SourceError": "resolve", "documents_from_response": "resolve",
    "parse_feed_file": "resolve", "resolve_sources": "resolve",
    "looks_like_feed": "sniff",
    "Subscription": "subscriptions", "Subscriptions": "subscriptions",
    "SubscriptionsError": "subscriptions",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    mod = importlib.import_module(f"{__name__}.{module}")
    # Bind every name of that module now: the import just set ``refresh`` (the submodule) as
    # an attribute of this package, and the function of the same name must win.
    for export, where in _EXPORTS.items():
        if where == module:
            globals()[export] = getattr(mod, export)
    return globals()[name]
