"""An old story is linked to a new article as one batch links it: by the members the new
article's look-up finds, over all of the story's members. A large story whose newest members
share a word with a newcomer must not take it in a later batch when one batch keeps them
apart (its newest members compared in full used to stand for the whole story)."""

from __future__ import annotations

import random

from tui.core.group import GroupDoc, Grouper, Params

_WORDS = (
    "river orchard lantern copper meadow falcon harbor violet summit canyon ember glacier "
    "thistle marble willow quarry beacon prairie saffron tundra cobalt juniper bramble "
    "lagoon pewter citadel hollow fennel granite"
).split()
_SYLLABLES = "ba ko ri mu te lo sa vi ne du ga pe".split()
NEWCOMER = "Brontelli pizza chain bankruptcy lenders walk away"
OLDER, NEWER = 40, 30  # the event's reports in the first batch, and in the second


def _headlines(rng: random.Random, n: int, tail: str = "") -> list[str]:
    """Headlines of one event: the same three names and two other words each."""
    return [f"Kalvara exchange Dremmick {' '.join(rng.sample(_WORDS, 2))}{tail}"
            for _ in range(n)]


def _filler(rng: random.Random) -> list[str]:
    """Unrelated headlines in other words, so that word frequencies mean something."""
    vocab = sorted({"".join(rng.sample(_SYLLABLES, 3)) for _ in range(400)})
    return [" ".join(rng.sample(vocab, 6)) for _ in range(80)]


def _docs(texts: list[str], prefix: str) -> list[GroupDoc]:
    return [GroupDoc(id=f"{prefix}{i}", title=t, body=t, lang="en") for i, t in enumerate(texts)]


def _batches() -> list[list[GroupDoc]]:
    """The event's first 70 reports (with filler), its newest 30, which also say
    'bankruptcy', and a newcomer about another company that shares only that word."""
    rng = random.Random(7)
    older = _docs(_filler(rng), "f") + _docs(_headlines(rng, OLDER), "s")
    newer = _docs(_headlines(rng, NEWER, " bankruptcy"), "t")
    return [older, newer, [GroupDoc(id="x", title=NEWCOMER, body=NEWCOMER, lang="en")]]


def _placed(batches: list[list[GroupDoc]]) -> Grouper:
    # no young phase: earlier batches' stories stay as they were placed (what is tested is
    # how a new article links to them)
    g = Grouper(params=Params(young=0))
    for batch in batches:
        g.add_many(batch)
    return g


def _event(g: Grouper) -> str:
    story = g.story_of("s0")
    assert all(g.story_of(f"s{i}") == story for i in range(OLDER))
    assert all(g.story_of(f"t{i}") == story for i in range(NEWER))
    return story


def test_one_batch_keeps_the_newcomer_apart_from_the_large_story() -> None:
    batches = _batches()
    g = _placed([[d for batch in batches for d in batch]])
    assert g.story_of("x") != _event(g)


def test_a_later_batch_links_the_large_story_as_one_batch_does() -> None:
    g = _placed(_batches())
    assert g.story_of("x") != _event(g)
