"""Weak evidence across languages does not overrule the article's own language: a story that
already holds articles in that language joins it on one shared name only if their words agree.
(A batch holding only part of a collection's translations otherwise joined an English article to
another event's story through one name its lone translation shared.)"""

from __future__ import annotations

import dataclasses

import pytest

from tui.core.group import GroupDoc, Grouper
from tui.core.group.scoring import cross_score

EN1 = GroupDoc(
    id="en1", lang="en", title="Volcano Kalvara erupts near Porto Vesk",
    body="The Kalvara volcano erupted on Tuesday near Porto Vesk, forcing 2,300 residents to "
         "leave their homes as ash covered the harbour and the airport closed.")
EN2 = GroupDoc(
    id="en2", lang="en", title="Ash from Kalvara eruption closes Porto Vesk airport",
    body="Residents of Porto Vesk left their homes after the Kalvara volcano erupted, covering "
         "the town in ash; 2,300 people were moved and the airport closed.")
DE = GroupDoc(
    id="de1", lang="de", title="Vulkan Kalvara bricht bei Porto Vesk aus",
    body="Der Vulkan Kalvara ist am Dienstag bei Porto Vesk ausgebrochen, 2.300 Bewohner "
         "mussten ihre Häuser verlassen, Asche bedeckte den Hafen und der Flughafen wurde "
         "geschlossen.")
LONE = GroupDoc(
    id="en3", lang="en", title="Minister Ilse Brandt meets Gordon Pike in Tavora",
    body="Minister Ilse Brandt met Gordon Pike in Tavora to sign a trade accord; Kalvara was "
         "mentioned once.")
# the same, where the own-language words somewhat agree ("residents left their homes")
NEAR = dataclasses.replace(LONE, id="en4", body=LONE.body.replace(
    "accord;", "accord after residents left their homes;"))


def batchings(other):
    return [[[EN1, EN2, DE, other]], [[EN1, EN2], [DE, other]], [[EN1, EN2, DE], [other]]]


# LONE: one shared name; NEAR: weak evidence where the own-language words somewhat agree
# (the same-language pass weighed it and put it elsewhere: that must not be overruled)
@pytest.mark.parametrize(("other", "batches"),
                         [(d, b) for d in (LONE, NEAR) for b in batchings(d)])
def test_one_shared_name_across_languages_does_not_overrule_own_language(other, batches):
    g = Grouper()
    for batch in batches:
        g.add_many(batch)
    # the translation joins its story (strong evidence across languages) ...
    assert g.story_of("de1") == g.story_of("en1") == g.story_of("en2")
    # ... the English article about another event does not, on "Kalvara" alone
    assert g.story_of(other.id) != g.story_of("en1")
    assert g.explain(other.id)[1].startswith("started this story")


@pytest.mark.parametrize("other", [LONE, NEAR])
def test_the_case_is_weak_cross_language_evidence(other):
    g = Grouper()
    g.add_many([EN1, EN2, DE, other])
    docs = g.book.docs
    score = cross_score(docs[other.id], docs["de1"], g.cross)
    # above the bar to join across languages, below twice it: the rule decides this case
    assert g.params.cross_join <= score < 2 * g.params.cross_join
