"""Weak evidence across languages does not overrule the article's own language: a story that
already holds articles in that language joins it on one shared name only if their words agree.
(A batch holding only part of a collection's translations otherwise joined an English article to
another event's story through one name its lone translation shared.)"""

from __future__ import annotations

import pytest

from tui.core.group import GroupDoc, Grouper
from tui.core.group.scoring import cross_score, own_language_agrees

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


@pytest.mark.parametrize("batches", [[[EN1, EN2, DE, LONE]], [[EN1, EN2], [DE, LONE]],
                                     [[EN1, EN2, DE], [LONE]]])
def test_one_shared_name_across_languages_does_not_overrule_own_language(batches):
    g = Grouper()
    for batch in batches:
        g.add_many(batch)
    # the translation joins its story (strong evidence across languages) ...
    assert g.story_of("de1") == g.story_of("en1") == g.story_of("en2")
    # ... the English article about another event does not, on "Kalvara" alone
    assert g.story_of("en3") != g.story_of("en1")
    assert g.explain("en3")[1].startswith("started this story")


def test_the_case_is_weak_cross_language_evidence():
    g = Grouper()
    g.add_many([EN1, EN2, DE, LONE])
    docs = g.book.docs
    score = cross_score(docs["en3"], docs["de1"], g.cross)
    # above the bar to join across languages, below twice it: the rule decides this case
    assert g.params.cross_join <= score < 2 * g.params.cross_join
    assert not own_language_agrees(g, docs["en3"], g.story_of("en1"))


def test_a_story_without_articles_in_the_language_or_with_agreeing_ones_may_take_it():
    g = Grouper()
    g.add_many([EN1, DE])
    docs = g.book.docs
    # a German-only story has no English words to disagree
    g.add_many([GroupDoc(id="de2", lang="de", title="Erdbeben in Tavora",
                         body="Ein Erdbeben hat Tavora erschüttert.")])
    assert own_language_agrees(g, docs["en1"], g.story_of("de2"))
    # the story of the eruption holds en1, whose words agree with en2's
    g.add_many([EN2])
    assert own_language_agrees(g, docs["en2"], g.story_of("en1"))
