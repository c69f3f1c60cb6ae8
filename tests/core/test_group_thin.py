"""Short texts (a title and a line) need more than one shared word unless it is a name or a
number: one common noun names a topic, not an event."""

from __future__ import annotations

from tui.core.clean import clean
from tui.core.group import GroupDoc, Grouper
from tui.core.group.placing import short_text_reason
from tui.core.group.scoring import thin_evidence
from tui.core.model import RawDocument

SUBJECTS = ["Markets", "Airline", "Museum", "Football club", "Hospital", "University", "Police",
            "Bakery", "Orchestra", "Library", "Farmers", "Court", "Zoo", "Festival", "Railway",
            "School", "Theatre", "Factory", "Ferry operator", "Weather service"]
EVENTS = ["posts record profit", "cancels flights", "opens new wing", "signs striker"]
BRIDGE = GroupDoc(
    id="bridge", title="Harbour bridge reopens after repairs",
    body="The harbour bridge reopened on Monday after six weeks of repairs, the city said.",
    lang="en")


def _filler() -> list[GroupDoc]:
    """Unrelated headlines, so that the workspace has frequencies to tell words apart."""
    pairs = [(s, e) for s in SUBJECTS for e in EVENTS[: 1 + len(s) % 4]]
    return [GroupDoc(id=f"f{i}", title=f"{s} {e}", body=f"{s} {e}", lang="en")
            for i, (s, e) in enumerate(pairs)]


def _report(n: int, place: str = "harbour") -> GroupDoc:
    return GroupDoc(
        id=f"r{n}", title=f"A new report {n}",
        body=f"The {place} council of town 0 met today ({n}) and voted on the works.", lang="en")


def _workspace(reports: list[GroupDoc]) -> Grouper:
    g = Grouper()
    g.add_many(_filler())
    g.add_many(reports)
    return g


def test_one_shared_common_word_does_not_join_a_story_of_short_items():
    g = _workspace([_report(n) for n in range(1, 16)])
    g.add_many([BRIDGE])
    reports = g.story_of("r3")
    assert len(g.book.stories[reports]) == 15  # the reports are still one story
    assert g.story_of("bridge") != reports


def test_the_same_in_one_batch():
    g = Grouper()
    g.add_many(_filler() + [_report(n) for n in range(1, 16)] + [BRIDGE])
    assert g.story_of("bridge") != g.story_of("r3")
    assert len({g.story_of(f"r{n}") for n in range(1, 16)}) == 1


def test_thin_evidence_reads_names_and_second_words():
    named = GroupDoc(id="named", title="Okonkwo speaks on bridge repairs",
                     body="Okonkwo said the bridge reopened on Monday after six weeks of "
                          "repairs, the city said.", lang="en")
    g = _workspace([_report(1), _report(2, "Okonkwo"),
                    GroupDoc(id="b2", title="Harbour bridge works delayed",
                             body="The harbour bridge works on the council road are delayed "
                                  "again, the engineers of the city said today.", lang="en")])
    g.add_many([BRIDGE, named])
    docs, short = g.book.docs, g.params.short_terms
    bridge = docs["bridge"]
    assert thin_evidence(bridge, docs["r1"], g.words, short)
    assert thin_evidence(docs["r1"], bridge, g.words, short)
    # a second informative word (bridge) is more than a topic
    assert not thin_evidence(bridge, docs["b2"], g.words, short)
    # one shared name is evidence by itself; the same texts without it share nothing
    assert not thin_evidence(docs["named"], docs["r2"], g.words, short)
    assert thin_evidence(docs["named"], docs["r1"], g.words, short)


def test_headlines_may_share_one_word():
    """Two headlines alone can have one word to share: the rule is for longer short texts."""
    g = _workspace([])
    g.add_many([GroupDoc(id="a", title="harbour closed", body="harbour closed", lang="en"),
                GroupDoc(id="b", title="harbour reopens", body="harbour reopens", lang="en")])
    docs = g.book.docs
    assert not thin_evidence(docs["a"], docs["b"], g.words, g.params.short_terms)


NOTE = """Plain note

Some text that is long enough to be a paragraph of prose, written by a person for another \
person.

Steps to take:

1. Open the valve slowly.
2. Wait ten minutes.
3. Close it again.

Thanks.
"""
RELEASE = """# Release notes

The new version of the tool brings three changes that matter to people who run it every day \
on large folders.

1. first
2. second
3. third
"""


def _cleaned(i: int, text: str, kind: str) -> GroupDoc:
    c = clean(RawDocument(f"f{i}", text, kind))
    return GroupDoc(id=f"d{i}", title=c.title or "", body=c.body, lang="en")


def test_two_unrelated_documents_alone_in_a_workspace_stay_apart():
    """With two articles every word weighs the same: function words ("that", "the"), a
    list's numbers and one shared word ("notes") made them one story (similarity 0.20)."""
    g = Grouper()
    g.add_many([_cleaned(0, NOTE, "text"), _cleaned(1, RELEASE, "md")])
    assert g.story_of("d0") != g.story_of("d1")
    docs = g.book.docs
    assert thin_evidence(docs["d0"], docs["d1"], g.words, g.params.short_terms)


def test_two_tellings_of_one_event_alone_in_a_workspace_still_join():
    g = Grouper()
    g.add_many([
        GroupDoc(id="a", title="Harbour bridge reopens after repairs", lang="en",
                 body="The harbour bridge reopened after six weeks of repairs, the city "
                      "council said, and traffic is flowing again across the river."),
        GroupDoc(id="b", title="Bridge over the harbour open again", lang="en",
                 body="After six weeks of repairs the bridge over the harbour is open again "
                      "and traffic crosses the river, the council said."),
    ])
    assert g.story_of("a") == g.story_of("b")


_PROSE = ("garden water river morning kitchen window winter summer yellow garage basket travel "
          "bicycle letter market forest mountain village teacher student coffee paper").split()


def _prose(k: int) -> list[GroupDoc]:
    """``k`` unrelated texts of prose (no names, no lists), so that the language group has
    frequencies: function words are common there, a list's "1 2 3" are not."""
    out = []
    for i in range(k):
        a, b, c, d = (_PROSE[(i * 7 + j * 5) % len(_PROSE)] for j in range(4))
        out.append(GroupDoc(
            id=f"x{i}", title=f"About the {a}", lang="en",
            body=f"The {a} and the {b} were in the {c} when it was time for the {d}. It is a "
                 f"thing of ours that we have to take with us every day, and it was good."))
    return out


def test_the_two_documents_stay_apart_in_a_larger_language_group_too():
    """From 20 articles on, a rule for small groups only let the list numbers "1 2 3" both
    documents hold join them again (similarity 0.18): a digit alone is never evidence."""
    for k in (20, 40):
        g = Grouper()
        g.add_many(_prose(k) + [_cleaned(0, NOTE, "text"), _cleaned(1, RELEASE, "md")])
        assert g.story_of("d0") != g.story_of("d1"), k
        docs = g.book.docs
        assert thin_evidence(docs["d0"], docs["d1"], g.words, g.params.short_terms)
        assert "similarity counts 0%" in " ".join(short_text_reason(
            g.params, docs["d0"], docs["d1"], g.words))



def test_untagged_latin_texts_read_english_function_words():
    """Texts with no language tag (short ones often have none detected) are grouped by their
    script ("script:0"), which has no stop-word list of its own: they joined on "would",
    "after", "which", "there", "their" and one shared word. English's list applies there, as
    it does wherever the language is unknown."""
    g = Grouper()
    g.add_many([
        GroupDoc(id="a", title="Garden notes", lang=None, body=(
            "we would water the garden after which there will be enough time for the "
            "evening, and their plants are glad of water when the leaves are cool.")),
        GroupDoc(id="b", title="Release notes", lang=None, body=(
            "this release would fix bugs after which there will be another one in the "
            "summer, and their tests are written when the changes are ready.")),
    ])
    a, b = g.book.docs["a"], g.book.docs["b"]
    assert a.group == "script:0"
    assert thin_evidence(a, b, g.words, g.params.short_terms)
    assert g.story_of("a") != g.story_of("b")
