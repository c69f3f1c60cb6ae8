"""An unrelated article must never pull an article out of its story (issue #14).

The demo's five samples (four English articles and an Arabic translation) are one story in one
batch. Ingested first and followed by an unrelated English article, the English group is young,
so its articles are placed again with the new one; the Arabic member was left where it was and
the story came apart: the four English articles in one story, the Arabic one alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.cleaning import clean_doc
from tui.core.group import GroupDoc, Grouper
from tui.core.model import RawDocument

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "tui" / "samples").glob("0*.txt"))
BAKERY = (
    "Local bakery wins award\n\nThe small bakery on Main Street won a regional award for "
    "its sourdough bread on Tuesday, its owner said, after ten years of baking.\n"
)


def _doc(name: str, text: str) -> GroupDoc:
    c = clean_doc(RawDocument(origin=name, content=text, kind="text", hints={"where": name}))
    return GroupDoc(
        id=name,
        title=c.title or "",
        body=c.body,
        lang=c.lang,
        date=c.date,
        source=c.source,
        origin=name,
    )


@pytest.fixture(scope="module")
def docs() -> tuple[list[GroupDoc], GroupDoc]:
    five = [_doc(p.stem, p.read_text(encoding="utf-8")) for p in SAMPLES[:5]]
    return five, _doc("bakery", BAKERY)


def partition(g: Grouper) -> list[list[str]]:
    return sorted(sorted(ids) for ids in g.stories().values())


def test_samples_are_one_story_across_languages(docs):
    five, _ = docs
    assert len(five) == 5 and {d.lang for d in five} == {"en", "ar"}
    g = Grouper()
    g.add_many(five)
    assert partition(g) == [sorted(d.id for d in five)]


@pytest.mark.parametrize("through_state", [False, True])
def test_unrelated_article_later_keeps_the_story(docs, through_state):
    five, bakery = docs
    one = Grouper()
    one.add_many([*five, bakery])
    g = Grouper()
    g.add_many(five)
    if through_state:  # one command per call: the grouper comes back from the cache
        g = Grouper.from_state(g.to_state())
    story = g.story_of(five[0].id)
    g.add_many([bakery])
    assert partition(one) == sorted([["bakery"], sorted(d.id for d in five)])
    assert partition(g) == partition(one)
    assert g.story_of(five[0].id) == story  # the story keeps its id
