"""Story grouping: placements, kinds of sameness, time, corrections, state, explanations."""

from __future__ import annotations

import re
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.group import Corrections, GroupDoc, Grouper, Placement

QUAKE = (
    "A magnitude 7.4 earthquake struck off the coast of Sulawesi on Friday, Indonesia's "
    "disaster agency BNPB said, killing at least 384 people in the city of Palu. Agency "
    "spokesman Sutopo Purwo Nugroho said rescuers were searching collapsed hotels."
)
QUAKE_2 = (
    "Rescuers in Palu dug through collapsed hotels on Saturday after a 7.4 quake and tsunami "
    "hit Sulawesi. Sutopo Purwo Nugroho of the BNPB agency said 384 people had died and the "
    "toll in Indonesia was expected to rise."
)
BUDGET = (
    "The city council of Lyon approved a new cycling budget of 45 million euros on Tuesday, "
    "mayor Gregory Doucet said, doubling the length of protected bike lanes by 2026."
)
FOOTBALL = (
    "Arsenal beat Tottenham 3-1 at the Emirates on Sunday, with Bukayo Saka scoring twice "
    "as Mikel Arteta's side moved top of the Premier League table."
)


def doc(i: int, title: str, body: str, **kw) -> GroupDoc:
    return GroupDoc(id=f"{i:012x}", title=title, body=body, origin=kw.pop("origin", f"u:{i}"), **kw)


def sample() -> list[GroupDoc]:
    return [
        doc(1, "Quake and tsunami kill 384 in Indonesia", QUAKE, date="2018-09-29", lang="en"),
        doc(2, "Lyon doubles its cycling budget", BUDGET, date="2018-09-29", lang="en"),
        doc(3, "Indonesia quake toll rises in Palu", QUAKE_2, date="2018-09-30", lang="en"),
        doc(4, "Arsenal win the north London derby", FOOTBALL, date="2018-09-30", lang="en"),
    ]


def test_coverage_grouped_and_unrelated_apart():
    g = Grouper()
    changes = g.add_many(sample())
    assert set(changes) == {d.id for d in sample()}
    assert g.story_of(sample()[0].id) == g.story_of(sample()[2].id)
    assert len({g.story_of(d.id) for d in sample()}) == 3
    p = g.placement(sample()[2].id)
    assert isinstance(p, Placement) and p.sameness == "coverage" and p.copy_of is None


def test_story_ids_are_short_hex_and_deterministic():
    a, b = Grouper(), Grouper()
    assert a.add_many(sample()) == b.add_many(sample())
    for sid in a.stories():
        assert re.fullmatch(r"[0-9a-f]{12}", sid)


def test_one_at_a_time_matches_batch_here():
    g = Grouper()
    for d in sample():
        g.add(d)
    batch = Grouper()
    batch.add_many(sample())
    assert (sorted(map(sorted, g.stories().values()))
            == sorted(map(sorted, batch.stories().values())))


def test_same_topic_months_later_is_a_new_story():
    g = Grouper()
    g.add_many(sample())
    later = doc(9, "Indonesia quake toll rises in Palu", QUAKE_2, date="2019-03-30", lang="en")
    g.add(later)
    assert g.story_of(later.id) != g.story_of(sample()[0].id)


def test_copy_and_version():
    g = Grouper()
    g.add_many(sample())
    copy = doc(5, "Quake and tsunami kill 384 in Indonesia", QUAKE + " (AFP)", date="2018-09-29",
               lang="en")
    g.add(copy)
    p = g.placement(copy.id)
    assert p.sameness == "copy" and p.copy_of == sample()[0].id
    version = doc(6, "Quake kills 400", QUAKE.replace("384", "400"), origin="u:1", lang="en")
    g.add(version)
    p = g.placement(version.id)
    assert p.sameness == "version" and p.copy_of == sample()[0].id
    assert p.story == g.story_of(sample()[0].id)


def test_explain_names_shared_evidence():
    g = Grouper()
    g.add_many(sample())
    lines = g.explain(sample()[2].id)
    text = " ".join(lines)
    assert sample()[0].id in text
    assert "384" in text and ("Sulawesi" in text or "Sutopo" in text)
    assert "started" in " ".join(g.explain(sample()[1].id))


def test_cross_language_names_and_numbers():
    ru = doc(7, "Землетрясение в Индонезии",
             "Землетрясение магнитудой 7,4 произошло у острова Сулавеси, погибли 384 человека "
             "в городе Палу, сообщил Сутопо Пурво Нугрохо из агентства BNPB.", lang="ru",
             date="2018-09-30")
    g = Grouper()
    g.add_many(sample() + [ru])
    assert g.story_of(ru.id) == g.story_of(sample()[0].id)
    assert g.placement(ru.id).evidence


def test_merge_split_move_survive_rebuild():
    g = Grouper()
    g.add_many(sample())
    quake = g.story_of(sample()[0].id)
    lyon, football = g.story_of(sample()[1].id), g.story_of(sample()[3].id)
    changes = g.merge([lyon, football])
    assert changes == {sample()[3].id: lyon}
    moved = g.move(sample()[2].id, lyon)
    assert moved == {sample()[2].id: lyon}
    parts = g.split(lyon, [sample()[1].id])
    new = parts[sample()[1].id]
    assert new not in (lyon, quake) and g.story_of(sample()[1].id) == new
    data = g.corrections.to_toml_dict()
    assert data == Corrections.from_toml_dict(data).to_toml_dict()
    rebuilt = Grouper(Corrections.from_toml_dict(data))
    rebuilt.add_many(sample())
    assert {d.id: rebuilt.story_of(d.id) for d in sample()} == {
        d.id: g.story_of(d.id) for d in sample()}
    again = Grouper(Corrections.from_toml_dict(data))
    for d in sample():
        again.add(d)
    # (members in the order they joined: one by one, or in the order one batch decides in)
    assert {s: sorted(m) for s, m in again.stories().items()} == {
        s: sorted(m) for s, m in rebuilt.stories().items()}
    assert "correction" in " ".join(rebuilt.explain(sample()[2].id))


def test_corrections_are_undone_exactly():
    g = Grouper()
    g.add_many(sample())
    before = (g.stories(), {d.id: g.placement(d.id) for d in sample()},
              g.corrections.to_toml_dict(), [g.explain(d.id) for d in sample()])
    quake = g.story_of(sample()[0].id)
    lyon, football = g.story_of(sample()[1].id), g.story_of(sample()[3].id)
    changes, record = g.corrected([("merge", [lyon, football]), ("move", sample()[2].id, lyon),
                                   ("split", lyon, [sample()[1].id])])
    assert set(changes) == {sample()[1].id, sample()[2].id, sample()[3].id}
    assert g.story_of(sample()[0].id) == quake and len(g.stories()) == 3
    assert g.restore(record) == {i: before[1][i].story for i in changes}
    assert (g.stories(), {d.id: g.placement(d.id) for d in sample()},
            g.corrections.to_toml_dict(), [g.explain(d.id) for d in sample()]) == before
    with pytest.raises(ValueError, match="unknown correction"):
        g.corrected([("join", [lyon])])


def test_undo_refuses_when_an_article_moved_again():
    g = Grouper()
    g.add_many(sample())
    lyon, football = g.story_of(sample()[1].id), g.story_of(sample()[3].id)
    _, record = g.corrected([("move", sample()[3].id, lyon)])
    g.relocate(sample()[3].id, Placement(football))  # moved back since, corrections as they are
    stories = g.stories()
    with pytest.raises(ValueError, match="changed story since"):
        g.restore(record)
    assert g.stories() == stories  # nothing changed


def test_articles_moved_together_are_not_kept_apart():
    g = Grouper()
    g.add_many(sample())
    quake, lyon = g.story_of(sample()[0].id), g.story_of(sample()[1].id)
    pair = (sample()[0].id, sample()[2].id)  # the whole quake story
    assert g.story_of(pair[1]) == quake
    g.corrected([("move", a, lyon, pair) for a in pair])
    assert {g.story_of(a) for a in pair} == {lyon}
    assert not any(set(p) == set(pair) for p in g.corrections.cannot_link)


def test_undo_refuses_after_other_corrections():
    g = Grouper()
    g.add_many(sample())
    lyon, football = g.story_of(sample()[1].id), g.story_of(sample()[3].id)
    _, record = g.corrected([("move", sample()[3].id, lyon)])
    g.move(sample()[2].id, football)  # another correction since, of another article
    corrections = g.corrections.to_toml_dict()
    with pytest.raises(ValueError, match="other corrections"):
        g.restore(record)
    assert g.corrections.to_toml_dict() == corrections  # not overwritten


def test_corrections_toml_is_plain_and_sorted():
    c = Corrections()
    c.pin("bbb", "s2")
    c.pin("aaa", "s1")
    c.link("y", "x")
    c.separate("q", "p")
    data = c.to_toml_dict()
    assert list(data["pinned"]) == ["aaa", "bbb"]
    assert data["must_link"] == [["x", "y"]] and data["cannot_link"] == [["p", "q"]]
    import tomli_w

    assert tomllib.loads(tomli_w.dumps(data)) == data


def test_known_replays_recorded_stories():
    g = Grouper()
    known = {d.id: "abcdefabcdef" for d in sample()}
    g.add_many(sample(), known=known)
    assert g.stories() == {"abcdefabcdef": [d.id for d in sample()]}


def test_state_round_trip_update_remove():
    g = Grouper()
    g.add_many(sample())
    h = Grouper.from_state(g.to_state())
    assert h.stories() == g.stories()
    d = sample()[2]
    newer = GroupDoc(d.id, d.title, d.body + " More later.", d.lang, d.date, None, d.origin)
    assert h.update(newer) == {}
    assert h.story_of(d.id) == g.story_of(d.id)
    h.remove(sample()[1].id)
    assert sample()[1].id not in {a for ids in h.stories().values() for a in ids}
    with pytest.raises(TypeError):
        Grouper.from_state(b"\x80\x04N.")


def test_odd_input_never_raises():
    g = Grouper()
    odd = [doc(20, "", ""), doc(21, "\u202e\x00", "١٢٣ ٤٥٦ 東京 トランプ"),
           doc(22, "x", "x", date="bad")]
    g.add_many(odd)
    assert all(g.story_of(d.id) for d in odd)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=40), st.text(max_size=200),
                          st.sampled_from([None, "en", "ar", "zh", "en-GB"])), max_size=6))
def test_any_text_gets_a_story(items):
    docs = [doc(i, t, b, lang=lang) for i, (t, b, lang) in enumerate(items)]
    g = Grouper()
    changes = g.add_many(docs)
    assert set(changes) == {d.id for d in docs}
    assert sorted(a for ids in g.stories().values() for a in ids) == sorted(changes)
    for d in docs:
        g.explain(d.id)


def test_replayed_placements_still_explain_themselves():
    g = Grouper()
    g.add_many(sample())
    known = {d.id: g.placement(d.id) for d in sample()}
    known[sample()[1].id] = g.story_of(sample()[1].id)  # a bare story id is enough too
    again = Grouper()
    again.add_many(sample(), known=known)
    assert again.stories() == g.stories()
    assert {d.id: again.placement(d.id).sameness for d in sample()} == {
        d.id: g.placement(d.id).sameness for d in sample()}
    text = " ".join(again.explain(sample()[2].id))
    assert sample()[0].id in text and "384" in text
