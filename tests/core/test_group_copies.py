"""Copies (same body, any title) and evidence that names things, not function words."""

from __future__ import annotations

from tui.core.group import GroupDoc, Grouper

WIRE = "Japan and Canada agreed on Tuesday to start talks on an intelligence pact in Tokyo."
OTHER = "Wildfires forced thousands to flee their homes in northern California overnight."


def doc(i: int, title: str, body: str, **kw) -> GroupDoc:
    return GroupDoc(id=f"{i:012x}", title=title, body=body, origin=f"u:{i}", lang="en", **kw)


def test_same_short_body_under_another_title_is_a_copy_of_the_earliest():
    g = Grouper()
    g.add(doc(1, "wire:1", WIRE))
    g.add(doc(2, "Aggregator headline about talks", WIRE))
    g.add(doc(3, "Yet another title", " ".join(WIRE.upper().split())))
    for i in (2, 3):
        p = g.placement(f"{i:012x}")
        assert p.story == g.story_of(f"{1:012x}")
        assert p.sameness == "copy" and p.copy_of == f"{1:012x}"


def test_copies_in_one_batch_and_unrelated_text_stays_apart():
    g = Grouper()
    g.add_many([doc(1, "a", WIRE), doc(2, "b", OTHER), doc(3, "c", WIRE)])
    # which of two undated copies in one batch is the original is decided by content, not
    # by the order the batch listed them in
    one, three = g.placement(f"{1:012x}"), g.placement(f"{3:012x}")
    assert {one.copy_of, three.copy_of} == {None, f"{1:012x}" if three.copy_of else f"{3:012x}"}
    assert one.story == three.story
    assert g.story_of(f"{2:012x}") != g.story_of(f"{1:012x}")
    assert g.placement(f"{2:012x}").sameness == "coverage"


def test_in_one_batch_an_undated_copy_is_never_the_original_of_a_dated_one():
    # a page saved without its header (no date) beside the dated page it was copied from, in
    # either order and whatever their hashes: the dated page is the original the story shows
    for undated, dated in ((1, 2), (2, 1), (5, 9), (9, 5)):
        g = Grouper()
        g.add_many([doc(undated, "Japan and Canada agreed on Tuesday", WIRE),
                    doc(dated, "Japan, Canada to begin talks", WIRE, date="2022-10-11")])
        assert g.placement(f"{dated:012x}").copy_of is None
        assert g.placement(f"{undated:012x}").copy_of == f"{dated:012x}"


def test_a_copy_months_later_is_not_forced_into_the_old_story():
    g = Grouper()
    g.add(doc(1, "a", WIRE, date="2020-01-01"))
    g.add(doc(2, "b", WIRE, date="2020-09-01"))
    assert g.story_of(f"{2:012x}") != g.story_of(f"{1:012x}")


def test_shared_evidence_has_no_function_words():
    g = Grouper()
    g.add(doc(1, "Japan and Canada to start talks", WIRE))
    g.add(doc(2, "Canada and Japan open talks", "On Tuesday Japan and Canada agreed to begin "
              "the talks on an intelligence pact, officials in Tokyo said."))
    evidence = [w.lower() for w in g.placement(f"{2:012x}").evidence]
    assert "japan" in evidence and "canada" in evidence
    assert not {"the", "and", "to", "on", "an", "in", "as"} & set(evidence)
