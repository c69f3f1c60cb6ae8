"""The compact cache form: a restored grouper behaves exactly like the one saved."""

from __future__ import annotations

import pickle

from test_group import QUAKE, QUAKE_2, doc, sample

from tui.core.group import Grouper


def test_restored_grouper_places_and_explains_like_the_original():
    g = Grouper()
    g.add_many(sample())
    g.add(doc(5, "Copy under another title", QUAKE, date="2018-09-29", lang="en"))
    g.remove(sample()[3].id)  # leaves an empty slot
    g.split(g.story_of(sample()[0].id), [sample()[2].id])
    h = Grouper.from_state(g.to_state())
    assert h.stories() == g.stories()
    assert h.corrections.to_toml_dict() == g.corrections.to_toml_dict()
    for aid in g.book.docs:
        assert h.placement(aid) == g.placement(aid)
        assert h.explain(aid) == g.explain(aid)
    late = doc(6, "Palu toll rises again", QUAKE_2 + " More bodies were found.", date="2018-10-01",
               lang="en")
    assert h.add(late) == g.add(late)
    assert pickle.loads(h.to_state()) == pickle.loads(g.to_state())  # same content
