"""A later batch compares its articles with earlier ones weighed as one batch weighs them:
with the word frequencies known now, not those of the day each came."""

from __future__ import annotations

import random

import pytest

from tui.core.group import GroupDoc, Grouper, Params, current

_SYLLABLES = "ba ko ri mu te lo sa vi ne du ga pe".split()
FIRST = "Zentrix harbour ferry strike halts crossings"
LATER = "Zentrix harbour ferry strike enters second day"


def _batches() -> list[list[GroupDoc]]:
    """The first report among texts that make "harbour" common; then many texts without it
    (it becomes rare); then a second report."""
    rng = random.Random(3)
    vocab = sorted({"".join(rng.sample(_SYLLABLES, 3)) for _ in range(500)})

    def doc(i: str, text: str) -> GroupDoc:
        return GroupDoc(id=i, title=text, body=text, lang="en")

    first = [doc("a", FIRST)] + [
        doc(f"h{i}", "harbour " + " ".join(rng.sample(vocab, 4))) for i in range(30)]
    filler = [doc(f"f{i}", " ".join(rng.sample(vocab, 6))) for i in range(200)]
    return [first, filler, [doc("b", LATER)]]


def _placed(batches: list[list[GroupDoc]]) -> Grouper:
    g = Grouper(params=Params(young=0))  # no young phase: earlier weights stay as they came
    for batch in batches:
        g.add_many(batch)
    return g


def test_a_later_batch_sees_the_similarity_one_batch_sees() -> None:
    batches = _batches()
    one = _placed([[d for batch in batches for d in batch]])
    three = _placed(batches)
    for g in (one, three):
        b = g.book.docs["b"]
        assert g.story_of("b") == g.story_of("a") and b.partner == "a"
    assert three.book.docs["b"].score == pytest.approx(one.book.docs["b"].score, abs=1e-9)
    # the earlier report itself still holds the weights it came with (nothing is rewritten)
    assert list(three.book.docs["a"].weights) != list(one.book.docs["a"].weights)


def test_an_article_without_kept_counts_is_read_as_it_came() -> None:
    g = _placed(_batches())
    a = g.book.docs["a"]
    a.counts = b""
    terms, weights = current.weighed_now(g, a, {})
    assert (list(terms), list(weights)) == (list(a.terms), list(a.weights))
