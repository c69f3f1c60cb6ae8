"""Headlines and short items, near-copies in one batch, copies against editions, typed
corrections, and the same stories whatever the order of arrival."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.group import GroupDoc, Grouper, Merge, Move, Params, Split
from tui.core.group.cluster import Node, average_link
from tui.core.group.corrections import as_correction
from tui.core.group.features import contained, sentence_sketch
from tui.core.group.placing import fullness

HEADLINES = [
    "Harbour bridge reopens after repairs",
    "Harbour bridge reopening delayed by storm damage",
    "Sydney harbour bridge to reopen Monday after repairs",
    "Storm damage delays harbour bridge reopening",
    "Apple unveils iOS 7.1 with CarPlay",
    "iOS 7.1 arrives: Apple adds CarPlay and fixes bugs",
    "Apple releases iOS 7.1 update with CarPlay support",
    "Titanfall launches on Xbox One to strong reviews",
    "Titanfall review: Respawn's Xbox One shooter delivers",
    "Respawn's Titanfall hits Xbox One and PC",
]
GOLD = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2]


def headline(i: int) -> GroupDoc:
    return GroupDoc(id=f"h{i:02d}", title=HEADLINES[i], body=HEADLINES[i], lang="en")


def partition(g: Grouper, ids: list[str]) -> set[frozenset[str]]:
    by: dict[str, set[str]] = {}
    for i in ids:
        by.setdefault(g.story_of(i), set()).add(i)
    return {frozenset(s) for s in by.values()}


GOLD_PARTITION = {frozenset(f"h{i:02d}" for i, c in enumerate(GOLD) if c == k) for k in range(3)}


def test_headlines_without_body_group_by_event():
    g = Grouper()
    g.add_many([headline(i) for i in range(len(HEADLINES))])
    assert partition(g, [f"h{i:02d}" for i in range(len(HEADLINES))]) == GOLD_PARTITION


def test_the_join_bar_follows_how_much_text_each_side_has():
    p = Params()
    assert fullness(p, 5) == 0.0 and fullness(p, p.short_terms) == 0.0
    assert 0.0 < fullness(p, (p.short_terms + p.long_terms) // 2) < 1.0
    assert fullness(p, p.long_terms) == 1.0 and fullness(p, 500) == 1.0


def test_explain_says_why_two_headlines_joined():
    g = Grouper()
    g.add_many([headline(i) for i in range(4)])
    text = " ".join(g.explain("h01"))
    assert "short texts" in text and "0.10" in text
    assert "harbour" in text.lower()


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(len(HEADLINES))), st.sampled_from([1, 3, len(HEADLINES)]))
def test_any_order_and_batching_gives_the_same_stories(order, batch):
    g = Grouper()
    docs = [headline(i) for i in order]
    for k in range(0, len(docs), batch):
        g.add_many(docs[k : k + batch])
    assert partition(g, [d.id for d in docs]) == GOLD_PARTITION


PARAGRAPHS = [
    f"Paragraph {i} of the harbour bridge report says the {w} crews worked through night "
    f"shift number {i} to finish the {w} repairs before the deadline."
    for i, w in enumerate("steel cable deck paint bolt rail lamp road sign tower".split() * 3)
]
BODY = "\n".join(PARAGRAPHS)


def test_a_near_copy_in_the_same_batch_joins_as_a_copy():
    page = "Menu\nHome\nNews\nShare this\n" + BODY + "\nCookie settings\nAbout us"
    g = Grouper()
    g.add_many([GroupDoc(id="gold", title="", body=BODY, lang="en"),
                GroupDoc(id="page", title="", body=page, lang="en")])
    assert g.story_of("gold") == g.story_of("page")
    assert {g.placement("gold").sameness, g.placement("page").sameness} == {"coverage", "copy"}


def test_two_editions_of_a_long_document_are_not_copies():
    edited = PARAGRAPHS[:]
    for i in range(4, len(edited), 3):  # a third of the paragraphs rewritten, opening kept
        edited[i] = f"In the new edition, section {i} describes a different procedure."
    g = Grouper()
    g.add_many([GroupDoc(id="v1", title="Bridge manual", body=BODY, lang="en")])
    g.add_many([GroupDoc(id="v2", title="Bridge manual", body="\n".join(edited), lang="en")])
    assert g.story_of("v1") == g.story_of("v2")
    assert g.placement("v2").sameness == "coverage"
    assert contained(sentence_sketch(BODY), sentence_sketch("\n".join(edited))) < 0.9
    assert contained(sentence_sketch(BODY), sentence_sketch("Intro.\n" + BODY)) > 0.9


def test_near_copies_merge_first_without_counting_as_cohesion():
    # two near-copy pairs, loosely related: as copies they are one text each and join
    nodes = {i: Node(groups=Counter({"en": 1}), full=1.0) for i in range(4)}
    edges = {(0, 1): 0.9, (2, 3): 0.9, (0, 2): 0.3, (1, 3): 0.3, (0, 3): 0.3, (1, 2): 0.3}
    apart = average_link(dict(nodes), edges, 0.2, lambda a, b: True, relative=0.9)
    assert apart[0] == apart[1] != apart[2] == apart[3]
    nodes = {i: Node(groups=Counter({"en": 1}), full=1.0) for i in range(4)}
    roots = average_link(nodes, edges, 0.2, lambda a, b: True, relative=0.9,
                         copies=[(0, 1), (2, 3)])
    assert len(set(roots.values())) == 1


def test_a_large_loose_story_grows_by_its_centre_for_short_texts():
    # a lone headline with weak ties to many members of a loose story of headlines
    def build(full: float) -> dict[int, int]:
        nodes = {i: Node(groups=Counter({"en": 1}), full=full) for i in range(9)}
        edges = {(i, j): 0.12 for i in range(8) for j in range(i + 1, 8) if (i + j) % 2}
        edges.update({(i, 8): 0.12 for i in range(0, 8, 2)})
        return average_link(nodes, edges, 0.18, lambda a, b: True, centroid=1.0,
                             threshold_short=0.1)
    assert len(set(build(0.0).values())) == 1  # headlines: joined by the centre
    assert len(set(build(1.0).values())) > 1  # full texts: average link stays strict


def test_corrections_are_typed_and_the_tuple_form_still_reads():
    assert as_correction(("merge", ["a", "b"])) == Merge(("a", "b"))
    assert as_correction(("split", "s", ["x"])) == Split("s", ("x",))
    assert as_correction(("move", "x", "s", ["y"])) == Move("x", "s", ("y",))
    with pytest.raises(ValueError):
        as_correction(("join", ["a"]))
    docs = [headline(i) for i in range(len(HEADLINES))]
    typed, old = Grouper(), Grouper()
    typed.add_many(docs)
    old.add_many(docs)
    a, b = typed.story_of("h00"), typed.story_of("h04")
    changes, _ = typed.corrected([Merge((a, b)), Move("h07", a)])
    assert changes == old.corrected([("merge", [a, b]), ("move", "h07", a)])[0]
    assert typed.corrections.to_toml_dict() == old.corrections.to_toml_dict()


def test_a_story_split_by_the_reader_is_not_merged_back():
    g = Grouper()
    g.add_many([headline(i) for i in range(4)])
    sid = g.story_of("h00")
    g.split(sid, ["h02", "h03"])
    apart = g.story_of("h02")
    assert apart != sid
    g.add_many([GroupDoc(id="late", title="Harbour bridge repairs: reopening delayed",
                         body="Harbour bridge repairs: reopening delayed", lang="en")])
    assert g.story_of("h00") == sid and g.story_of("h02") == apart != sid


def test_a_translation_with_its_own_copy_still_finds_the_original():
    # keys shared only with one's own copy say nothing across languages: the copy must not
    # crowd out the names the translation shares with the English report
    en = ("Foreign Minister Yoshimasa Hayashi and Canadian counterpart Melanie Joly agreed in "
          "Tokyo on Tuesday to begin talks on an intelligence sharing pact between Japan and "
          "Canada, citing Russia and China. The 2022 action plan covers 14 areas.")
    de = ("Außenminister Yoshimasa Hayashi und seine kanadische Amtskollegin Melanie Joly "
          "vereinbarten am Dienstag in Tokio Gespräche über ein Abkommen zum Austausch von "
          "Geheimdienstinformationen zwischen Japan und Kanada, mit Blick auf Russland und "
          "China. Der Aktionsplan 2022 umfasst 14 Bereiche.")
    filler = " ".join(f"Wort{i} Zeile{i}" for i in range(60))  # many keys only the copies share
    g = Grouper(params=Params(cross_keys=8))
    g.add_many([GroupDoc(id="en", title="Japan, Canada begin talks", body=en, lang="en"),
                GroupDoc(id="de1", title="", body=de + " " + filler, lang="de"),
                GroupDoc(id="de2", title="", body=de + " " + filler, lang="de")])
    assert g.story_of("de1") == g.story_of("en") == g.story_of("de2")
