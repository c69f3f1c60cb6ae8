"""Refresh every subscribed feed: conditional fetches, ingest, a per-feed report.

Feeds are fetched concurrently (politely: a limit per host), each with its stored ETag and
Last-Modified so an unchanged feed costs a 304. Items go to ``ingest_fn`` one feed at a time so
the report can say, per feed, how many articles were new, updated (a new version) or already
known. Entries unchanged since the last refresh are skipped (see :mod:`.seen`), so their pages
are not fetched again. Validators are recorded only once a feed's items have been ingested, so
a failed ingest is retried in full next time. A bad feed is reported with its reason; the others
carry on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tui.core.ingest_feed import DATE_RAW, undated_warning
from tui.core.model import RawDocument
from tui.core.sources.feeds import FeedError, FeedItem, parse_feed
from tui.core.sources.fetch import FetchResult, Progress, fetch_many
from tui.core.sources.resolve import expand_items
from tui.core.sources.seen import SeenEntries, fingerprint
from tui.core.sources.sniff import feed_links, kind_of
from tui.core.sources.subscriptions import FeedStatus, Subscriptions, now_iso
from tui.core.workspace.lock import WriterLock

IngestFn = Callable[[list[RawDocument]], object]


@dataclass(slots=True)
class FeedOutcome:
    """What refreshing one feed did."""

    url: str
    title: str | None
    status: FeedStatus
    items: int = 0
    new: int = 0
    updated: int = 0
    known: int = 0
    failed_items: int = 0
    error: str | None = None
    # new items whose date was not taken, each "ORIGIN: 'the date as written'" (named in line())
    undated: list[str] = field(default_factory=list)

    def line(self) -> str:
        name = self.title or self.url
        if self.status == "failed":
            return f"failed     {name}: {self.error}"
        if self.status == "unchanged":
            return f"unchanged  {name} (not modified)"
        parts = [f"{self.new} new", f"{self.updated} updated", f"{self.known} known"]
        if self.failed_items:
            parts.append(f"{self.failed_items} failed")
        items = f"{self.items} item" + ("" if self.items == 1 else "s")
        said = f"; {undated_warning(self.undated)}" if self.undated else ""
        return f"ok         {name}: {items}, {', '.join(parts)}{said}"


@dataclass(slots=True)
class RefreshReport:
    feeds: list[FeedOutcome] = field(default_factory=list)

    def count(self, status: FeedStatus) -> int:
        return sum(1 for f in self.feeds if f.status == status)

    def totals(self) -> dict[str, int]:
        return {
            "feeds": len(self.feeds),
            "ok": self.count("ok"),
            "unchanged": self.count("unchanged"),
            "failed": self.count("failed"),
            "new": sum(f.new for f in self.feeds),
            "updated": sum(f.updated for f in self.feeds),
        }

    def as_dict(self) -> dict:
        return {"feeds": [asdict(f) for f in self.feeds], "totals": self.totals()}

    def lines(self) -> list[str]:
        t = self.totals()
        feeds = f"{t['feeds']} feed" + ("" if t["feeds"] == 1 else "s")
        summary = (
            f"{feeds}: {t['ok']} fetched, {t['unchanged']} unchanged, "
            f"{t['failed']} failed; {t['new']} new articles, {t['updated']} updated"
        )
        return [f.line() for f in self.feeds] + [summary]


def refresh(
    root: Path,
    ingest_fn: IngestFn,
    on_progress: Progress | None = None,
    *,
    urls: Sequence[str] | None = None,
    fetch_pages: bool = True,
    full: bool = False,
    lock: WriterLock | None = None,
    **fetch_options,
) -> RefreshReport:
    """Fetch the subscribed feeds (or only ``urls`` among them), ingest, record, report.

    Entries unchanged since the last refresh are skipped (counted as known) unless ``full``,
    which also drops the conditional-request validators: every feed and page is fetched again.
    Safe to run on a worker thread (the app does). ``lock``: the workspace's writer lock, so
    ``feeds.toml`` is updated under the same (reentrant) lock the workspace uses.
    """
    subs = Subscriptions.load(root).list()
    if urls is not None:
        wanted = set(urls)
        subs = [s for s in subs if s.url in wanted]
    if not subs:
        return RefreshReport()
    validators = {} if full else {s.url: s.validator for s in subs}
    results = fetch_many(
        [s.url for s in subs], validators=validators, on_progress=on_progress, **fetch_options
    )
    seen = SeenEntries() if full else SeenEntries.load(root)
    outcomes: list[FeedOutcome] = []
    entries: list[dict[str, str]] = []  # what each feed lists now, remembered on success
    feed_items: list[list[FeedItem]] = []
    for sub, result in zip(subs, results):
        outcome, items = _interpret(sub.title, result)
        prints = [fingerprint(i.doc) for i in items]  # each entry hashed once
        fresh = [i for i, p in zip(items, prints)
                 if not seen.is_known(outcome.url, i.doc.origin, p)]
        outcome.known = len(items) - len(fresh)
        outcome.undated = [f"{i.doc.origin}: {i.doc.hints[DATE_RAW]!r}" for i in fresh
                           if i.doc.hints.get(DATE_RAW)]
        outcomes.append(outcome)
        entries.append({i.doc.origin: p for i, p in zip(items, prints)})
        feed_items.append(fresh)
    if fetch_pages:
        feed_items = _expand_all(feed_items, on_progress, fetch_options)
    for outcome, listed, items in zip(outcomes, entries, feed_items):
        if outcome.status == "ok" and items:
            _ingest(outcome, [i.doc for i in items], ingest_fn)
        if outcome.status == "ok":
            seen.remember(outcome.url, listed)
    _record(root, outcomes, results, lock, seen)
    return RefreshReport(outcomes)


def _interpret(title: str | None, result: FetchResult) -> tuple[FeedOutcome, list[FeedItem]]:
    outcome = FeedOutcome(url=result.url, title=title, status="ok")
    if result.error:
        outcome.status, outcome.error = "failed", result.error
        return outcome, []
    if result.not_modified:
        outcome.status = "unchanged"
        return outcome, []
    data = result.content or b""
    try:
        feed = parse_feed(data, result.url, result.content_type)
    except FeedError as exc:
        outcome.status, outcome.error = "failed", _not_a_feed(data, result, exc)
        return outcome, []
    outcome.title = title or feed.title
    outcome.items = len(feed.items)
    return outcome, feed.items


def _not_a_feed(data: bytes, result: FetchResult, exc: FeedError) -> str:
    if kind_of(data, result.content_type) != "html":
        return str(exc) if data.strip() else "empty response"
    links = feed_links(data, result.final_url)
    if links:
        return f"a web page, not a feed (its feed is {links[0]})"
    return "a web page, not a feed"


def _expand_all(
    feed_items: list[list[FeedItem]], on_progress: Progress | None, fetch_options: dict
) -> list[list[FeedItem]]:
    """Fetch every feed's teaser pages in one polite batch; split the result back per feed."""
    flat = [item for items in feed_items for item in items]
    expanded = iter(expand_items(flat, on_progress=on_progress, **fetch_options))
    return [[next(expanded) for _ in items] for items in feed_items]


def _ingest(outcome: FeedOutcome, docs: list[RawDocument], ingest_fn: IngestFn) -> None:
    try:
        summary = ingest_fn(docs)
    except Exception as exc:  # one feed's ingest failing must not stop the others
        outcome.status, outcome.error = "failed", f"ingest failed: {exc}"
        return
    outcome.new = _count(summary, "added", "new")
    outcome.updated = _count(summary, "updated")
    outcome.known += _count(summary, "skipped", "duplicates", "unchanged")
    outcome.failed_items = _count(summary, "failed")


def _count(summary: object, *names: str) -> int:
    """A count from an ingest summary: an int or a collection, as attribute or mapping key."""
    for name in names:
        value = summary.get(name) if isinstance(summary, dict) else getattr(summary, name, None)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int):
            return value
        try:
            return len(value)
        except TypeError:
            continue
    return 0


def _record(
    root: Path,
    outcomes: list[FeedOutcome],
    results: list[FetchResult],
    lock: WriterLock | None,
    seen: SeenEntries,
) -> None:
    """Store each feed's check time, status, error, title and (on success) its validators."""
    checked = now_iso()
    with Subscriptions.modify(root, lock) as subs:
        seen.save(root)
        for outcome, result in zip(outcomes, results):
            sub = subs.get(outcome.url)
            if sub is None:  # removed while we were fetching
                continue
            sub.last_checked = checked
            sub.last_status = outcome.status
            sub.last_error = outcome.error
            sub.title = sub.title or outcome.title
            if outcome.status == "ok":
                sub.validator = result.validator
            elif outcome.status == "unchanged":
                sub.validator = sub.validator.refreshed(result.validator)
