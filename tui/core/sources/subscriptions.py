"""The feeds a workspace follows, kept in ``feeds.toml`` beside the rest of the workspace.

The file is deterministic and human-readable: one ``[[feed]]`` table per subscription, in the
order they were added, with the validators (ETag / Last-Modified) and the last check's outcome.
Writes are atomic and happen under the workspace's writer lock (:meth:`Subscriptions.modify`).
"""

from __future__ import annotations

import builtins
import contextlib
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, get_args
from urllib.parse import urlsplit

import tomli_w

from tui.core.model import one_of
from tui.core.sources.opml import read_opml, write_opml
from tui.core.sources.validator import Validator
from tui.core.workspace.atomic import write_atomic
from tui.core.workspace.lock import WriterLock

FILE_NAME = "feeds.toml"
# How a feed's last check went: its items read, not modified since (a 304), or failed (the
# error says why). feeds.toml and `feeds list --json` hold these strings.
FeedStatus = Literal["ok", "unchanged", "failed"]
FEED_STATUSES: tuple[FeedStatus, ...] = get_args(FeedStatus)
SCHEMA = 1
_HEADER = re.compile(r"^(\[\[?)", re.M)  # a table's header, as tomli_w writes it
HEADER = "# Wiredesk subscriptions: edit with care (`wiredesk feeds add|remove|import`).\n"


class SubscriptionsError(ValueError):
    """``feeds.toml`` is damaged or a URL is unusable; the message names the file or URL."""


@dataclass(slots=True)
class Subscription:
    """One feed followed: its URL, what we know of it, and how its last check went.

    ``validator`` is the one of its last good fetch (stored as ``etag`` and ``last_modified``).
    """

    url: str
    title: str | None = None
    added: str | None = None
    validator: Validator = Validator()
    last_checked: str | None = None
    last_status: FeedStatus | None = None
    last_error: str | None = None
    extra: dict = field(default_factory=dict)  # keys Wiredesk does not read, kept as they are

    def flat(self) -> dict:
        """Every field by the name ``feeds.toml`` gives it, in its order (the validator's two
        where it stands)."""
        out: dict = {}
        for name in (f.name for f in fields(self) if f.name != "extra"):
            value = getattr(self, name)
            out.update(value._asdict() if isinstance(value, Validator) else {name: value})
        return out

    def as_dict(self) -> dict:
        """Known fields (TOML has no null), then the keys Wiredesk does not read."""
        out = {k: v for k, v in self.flat().items() if v is not None}
        return {**out, **{k: v for k, v in self.extra.items() if k not in out}}


class Subscriptions:
    """The subscription list of one workspace folder."""

    def __init__(self, root: Path, feeds: list[Subscription] | None = None,
                 extra: dict | None = None) -> None:
        self.root = Path(root)
        self._feeds: dict[str, Subscription] = {f.url: f for f in feeds or []}
        self.extra = extra or {}  # top-level keys Wiredesk does not read, kept as they are

    @property
    def path(self) -> Path:
        return self.root / FILE_NAME

    @classmethod
    def load(cls, root: Path) -> Subscriptions:
        """Read ``feeds.toml`` (absent: no subscriptions); raises SubscriptionsError if damaged."""
        path = Path(root) / FILE_NAME
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(root)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SubscriptionsError(f"{path}: {exc}") from None
        known = set(Subscription("").flat())
        feeds = []
        for n, entry in enumerate(data.get("feed") or [], 1):
            if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
                raise SubscriptionsError(f"{path}: feed #{n} has no url")
            got = {k: _str(v) for k, v in entry.items() if k in known}
            feeds.append(Subscription(
                url=entry["url"], title=got.get("title"), added=got.get("added"),
                validator=Validator(got.get("etag"), got.get("last_modified")),
                last_checked=got.get("last_checked"), last_error=got.get("last_error"),
                last_status=one_of(got.get("last_status"), FEED_STATUSES, None),
                extra={k: v for k, v in entry.items() if k not in known}))
        return cls(root, feeds, {k: v for k, v in data.items() if k not in ("schema", "feed")})

    @classmethod
    @contextlib.contextmanager
    def modify(cls, root: Path, lock: WriterLock | None = None) -> Iterator[Subscriptions]:
        """Load, change and save under the workspace writer lock (nothing saved on error).

        Pass the workspace's own ``lock`` when the caller may already hold it (it is reentrant).
        """
        with lock or WriterLock(root):
            subs = cls.load(root)
            yield subs
            subs.write()

    def list(self) -> list[Subscription]:
        return list(self._feeds.values())

    def get(self, url: str) -> Subscription | None:
        return self._feeds.get(url)

    def __len__(self) -> int:
        return len(self._feeds)

    def add(self, url: str, title: str | None = None) -> bool:
        """Subscribe to ``url``; False when already subscribed. Raises on a non-http(s) URL."""
        url = normalize_url(url)
        if url in self._feeds:
            return False
        self._feeds[url] = Subscription(url=url, title=title or None, added=now_iso())
        return True

    def remove(self, url: str) -> bool:
        """Unsubscribe; False when ``url`` was not subscribed."""
        url = url.strip()
        with contextlib.suppress(SubscriptionsError):
            url = normalize_url(url)
        return self._feeds.pop(url, None) is not None

    def import_opml(self, text: str | bytes, refused: builtins.list[str] | None = None
                    ) -> builtins.list[str]:  # `list` here: the method
        """Subscribe to every feed of an OPML document; returns the URLs newly added. Why each
        outline that could not be subscribed to was refused (``x: not an http(s) URL``) is
        appended to ``refused`` when given: a skipped feed is said, never silently lost."""
        added = []
        for url, title in read_opml(text):
            try:
                if self.add(url, title):
                    added.append(normalize_url(url))
            except SubscriptionsError as e:
                if refused is not None:
                    refused.append(str(e))
        return added

    def export_opml(self) -> str:
        return write_opml([(f.url, f.title) for f in self._feeds.values()])

    def to_toml(self) -> str:
        """One ``[[feed]]`` block per feed (always block form, whatever the lengths); a table
        of a person's own in one is written as ``[feed.NAME]`` after its fields."""
        parts = [HEADER + tomli_w.dumps({"schema": SCHEMA, **self.extra})]
        parts += ["[[feed]]\n" + _HEADER.sub(r"\1feed.", tomli_w.dumps(f.as_dict()))
                  for f in self._feeds.values()]
        return "\n".join(parts)

    def save(self) -> None:
        """Write ``feeds.toml`` atomically under the writer lock."""
        with WriterLock(self.root):
            self.write()

    def write(self) -> None:
        """Write ``feeds.toml`` atomically; the caller holds the writer lock."""
        self.root.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, self.to_toml())


def normalize_url(url: str) -> str:
    """The URL as stored: trimmed, scheme and host lower-cased; raises on non-http(s) URLs."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise SubscriptionsError(f"{url}: not an http(s) URL")
    netloc = parts.netloc.lower() if "@" not in parts.netloc else parts.netloc
    return parts._replace(scheme=parts.scheme.lower(), netloc=netloc).geturl()


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _str(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
