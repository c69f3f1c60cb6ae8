"""Article bodies for the index's full text: read from their text files, an unreadable one
indexed as empty (the record still is)."""

from __future__ import annotations


class Bodies(dict):
    """The newest body of each article, read from its text file when asked for."""

    def __init__(self, ws) -> None:
        super().__init__()
        self.ws = ws

    def get(self, aid, default=None):
        a = self.ws.by_id.get(aid)
        try:
            return self.ws.body(a) if a else default
        except Exception:  # an unreadable body is indexed as empty, the record still is
            return ""


def read_bodies(ws, arts) -> dict[str, str]:
    out = {}
    for a in arts:
        try:
            out[a.id] = ws.body(a)
        except Exception:
            out[a.id] = ""
    return out
