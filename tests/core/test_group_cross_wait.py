"""The cross-language pass visits language groups one after another; a new story of a group
not yet visited is not a target. An article whose only target is weak evidence (one shared
name) and whose clearly better match is such a story waits for the second sweep instead of
joining the weak one (in batches, the translation would already be a target and win)."""

from __future__ import annotations

import pytest

from tests.core.test_group_cross_own import DE, LONE
from tui.core.group import GroupDoc, Grouper
from tui.core.group.scoring import cross_score

FR = GroupDoc(
    id="fr1", lang="fr", title="Le volcan Kalvara entre en éruption près de Porto Vesk",
    body="Le volcan Kalvara est entré en éruption mardi près de Porto Vesk, 2 300 habitants "
         "ont dû quitter leurs maisons, la cendre a recouvert le port et l'aéroport a été "
         "fermé.")
MATE = GroupDoc(  # the English story holds two articles: it is not left alone at the end
    id="en6", lang="en", title="Brandt and Pike sign Tavora trade accord",
    body="Minister Ilse Brandt and Gordon Pike signed a trade accord in Tavora on Tuesday, "
         "cutting tariffs on grain and steel between their countries.")


@pytest.mark.parametrize("batches", [[[LONE, MATE, DE, FR]], [[LONE, MATE], [DE, FR]]])
def test_a_translation_not_yet_visited_beats_one_shared_name(batches):
    g = Grouper()
    for batch in batches:
        g.add_many(batch)
    assert g.story_of("de1") == g.story_of("fr1")
    assert g.story_of("de1") != g.story_of("en3")


def test_the_case_is_weak_evidence_against_a_clearly_better_translation():
    g = Grouper()
    g.add_many([LONE, MATE, DE, FR])
    docs, p = g.book.docs, g.params
    weak = cross_score(docs["de1"], docs["en3"], g.cross)
    assert p.cross_join <= weak < 2 * p.cross_join
    assert cross_score(docs["de1"], docs["fr1"], g.cross) >= p.cross_margin * weak
