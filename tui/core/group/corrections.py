"""The reader's grouping corrections, kept as constraints that later ingests respect."""

from __future__ import annotations

from dataclasses import dataclass, field


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


@dataclass
class Corrections:
    """Pinned placements (article -> story) and must-link / cannot-link article pairs.

    A pin is the strongest: a pinned article always goes to its story. Must-link pulls an
    article to its partner's story; cannot-link keeps it out of any story holding the partner.
    """

    pinned: dict[str, str] = field(default_factory=dict)
    must_link: set[tuple[str, str]] = field(default_factory=set)
    cannot_link: set[tuple[str, str]] = field(default_factory=set)

    def pin(self, article_id: str, story_id: str) -> None:
        self.pinned[article_id] = story_id

    def link(self, a: str, b: str) -> None:
        if a != b:
            pair = _pair(a, b)
            self.must_link.add(pair)
            self.cannot_link.discard(pair)

    def separate(self, a: str, b: str) -> None:
        if a != b:
            pair = _pair(a, b)
            self.cannot_link.add(pair)
            self.must_link.discard(pair)

    def partners(self, article_id: str) -> tuple[list[str], list[str]]:
        """(must-link partners, cannot-link partners) of one article, sorted."""
        if not self.must_link and not self.cannot_link:
            return [], []
        must = sorted(
            b if a == article_id else a for a, b in self.must_link if article_id in (a, b)
        )
        cannot = sorted(
            b if a == article_id else a for a, b in self.cannot_link if article_id in (a, b)
        )
        return must, cannot

    def forget(self, article_id: str) -> None:
        """Drop every constraint that names a removed article."""
        self.pinned.pop(article_id, None)
        self.must_link = {p for p in self.must_link if article_id not in p}
        self.cannot_link = {p for p in self.cannot_link if article_id not in p}

    def to_toml_dict(self) -> dict:
        """Plain, deterministically ordered data for ``corrections.toml``."""
        return {
            "pinned": {a: self.pinned[a] for a in sorted(self.pinned)},
            "must_link": [list(p) for p in sorted(self.must_link)],
            "cannot_link": [list(p) for p in sorted(self.cannot_link)],
        }

    @classmethod
    def from_toml_dict(cls, data: dict) -> Corrections:
        """Read what ``to_toml_dict`` wrote; missing keys mean no constraints."""
        return cls(
            pinned={str(a): str(s) for a, s in (data.get("pinned") or {}).items()},
            must_link={_pair(str(a), str(b)) for a, b in data.get("must_link") or []},
            cannot_link={_pair(str(a), str(b)) for a, b in data.get("cannot_link") or []},
        )


@dataclass(frozen=True, slots=True)
class Merge:
    """Join stories into the first one."""

    stories: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Split:
    """Move the given articles out of ``story`` into a new story of their own."""

    story: str
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Move:
    """Put one article in another story for good (``together``: articles moved with it)."""

    article: str
    story: str
    together: tuple[str, ...] = ()


Correction = Merge | Split | Move


def as_correction(step) -> Correction:
    """A correction from itself or from the older tuple form (``("merge", [story...])``,
    ``("split", story, [article...])``, ``("move", article, story[, together])``)."""
    if isinstance(step, (Merge, Split, Move)):
        return step
    op, *args = step
    if op == "merge":
        return Merge(tuple(args[0]))
    if op == "split":
        return Split(args[0], tuple(args[1]))
    if op == "move":
        return Move(args[0], args[1], tuple(args[2]) if len(args) > 2 else ())
    raise ValueError(f"unknown correction {op!r}")
