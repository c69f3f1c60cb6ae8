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


GERMAN = (
    "Japan und Kanada wollen Geheimdienstinformationen austauschen\n\nJapan und Kanada haben "
    "vereinbart, formell Gespräche über ein Abkommen zum Austausch militärischer "
    "Geheimdienstinformationen aufzunehmen. Die Außenminister Yoshimasa Hayashi und Melanie "
    "Joly stellten am Dienstag in Tokio einen Aktionsplan für eine freie und offene "
    "Indo-Pazifik-Region vor, angesichts der Lage in der Ukraine, Chinas und Nordkoreas.\n"
)


@pytest.mark.parametrize("through_state", [False, True])
@pytest.mark.parametrize("later", ["related", "unrelated"])
def test_a_story_in_three_languages_keeps_together(docs, later, through_state):
    """English + Arabic + German: the English articles placed again left two languages behind,
    which were not offered to join them, and the story came apart."""
    five, bakery = docs
    german = _doc("de_japan", GERMAN)
    first = [*five, german]
    if later == "related":  # another English report of the same event arrives last
        new, first = five[2], [d for d in first if d.id != five[2].id]
    else:
        new = bakery
    one = Grouper()
    one.add_many([*first, new])
    g = Grouper()
    g.add_many(first)
    assert len(g.stories()) == 1 and {d.lang for d in first} == {"en", "ar", "de"}
    if through_state:
        g = Grouper.from_state(g.to_state())
    story = g.story_of(five[0].id)
    changes = g.add_many([new])
    assert partition(g) == partition(one)
    assert g.story_of(five[0].id) == story  # the story keeps its id
    assert all(g.story_of(d.id) == story for d in first)
    assert all(s == story for a, s in changes.items() if a != "bakery")
