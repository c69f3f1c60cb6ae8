"""The cache validators of one URL: what a response said it was (``ETag``, ``Last-Modified``),
sent back in the next request so that an unchanged resource costs a 304 and no body."""

from __future__ import annotations

from typing import NamedTuple


class Validator(NamedTuple):
    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """The conditional-request headers that ask for the resource only if it changed."""
        out: dict[str, str] = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out

    def refreshed(self, newer: Validator) -> Validator:
        """After a 304: what the server sent again, else what we had (it may send neither)."""
        return Validator(newer.etag or self.etag, newer.last_modified or self.last_modified)
