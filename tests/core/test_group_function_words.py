"""Function words while a language group is small (issue #14, "evidence that scales with the
text"): with a handful of articles, frequencies cannot tell "to", "and", "by" from names, so
two long texts about different things matched on them. The bc manual and Debian's page on
users and groups joined one story (similarity .197, 93% of it from function words), and so
did ls's manual page and the same page (their licence blocks gave the two names the small
group's check asks for). The similarity without function words vetoes such a join
(``group.content``); the vectors stay as they are, so long articles of one event from
different outlets still join."""

from __future__ import annotations

import json

import pytest

from tui.core.group import GroupDoc, Grouper
from tui.core.group.content import FADED, FLOOR, KNOWN, content_floor

HARBOUR = (
    "harbour crane cargo vessel dockworkers container freight tide pier quay tugboat anchor "
    "ballast hull mooring berth shipment warehouse forklift pallet customs manifest crew captain "
    "rope bollard gantry lighthouse channel dredging sediment seawall breakwater jetty wharf "
    "estuary trawler barge ferry sailor navigation compass buoy beacon tanker stevedore "
    "chandler drydock shipyard rivets welding paint rust barnacle keel rudder propeller engine "
    "diesel fuel bunker lashing chains hooks nets fishing catch salmon herring cod"
).split()
CALCULATOR = (
    "calculator precision decimal exponent variable function library scale operator integer "
    "division remainder sqrt array statement compiler interpreter parser token syntax keyword "
    "loop branch register stack buffer cursor terminal prompt sine cosine logarithm arctangent "
    "bessel radix base input output newline comment string quotation assignment increment "
    "decrement modulus power factorial recursion return define auto ibase obase length digits "
    "truncation rounding warning error standard posix"
).split()
FRAMES = [  # function words of the English stop list only (``tui.core.stopwords``)
    "The {0} and the {1} is in a {2} of the {3}",
    "It is the {0} of a {1} and it is in the {2}",
    "A {0} is in the {1} of a {2} and the {3}",
]
# what the bc manual and the page on users and groups shared beside function words: "BSD",
# and a licence line (a second name: ``scoring.unsupported`` is met)
SHARED = " It is a file of the group." * 10
LICENCE = " This is by David for the Foundation."


def _text(words: list[str]) -> str:
    """Long text: each topic word a few times, in sentences made mostly of function words,
    with some 200 distinct topic words (the words and their pairs run together): as many as a
    manual page has, far more than its vector keeps (``Params.keep_terms``)."""
    words = (
        words
        + [a + b for a, b in zip(words, words[1:])]
        + [a + b for a, b in zip(words, words[2:])]
    )
    frames = [FRAMES[i % 3].format(*words[i : i + 4]) for i in range(len(words) - 3)]
    return SHARED + LICENCE + " " + ". ".join(frames) + "."


def _partition(docs: list[GroupDoc]) -> list[list[str]]:
    g = Grouper()
    g.add_many(docs)
    return sorted(sorted(m) for m in g.stories().values())


NOTE = GroupDoc(
    id="note",
    title="Library opens at night",
    body="The town library opens at night from Monday.",
    lang="en",
)


def test_long_texts_about_different_things_do_not_join_on_function_words():
    docs = [
        GroupDoc(id="harbour", title="Harbour works", body=_text(HARBOUR), lang="en"),
        GroupDoc(id="calc", title="Calculator manual", body=_text(CALCULATOR), lang="en"),
        NOTE,
    ]
    assert _partition(docs) == [["calc"], ["harbour"], ["note"]]


def test_the_veto_holds_for_earlier_articles_scored_again():
    """The calculator manual comes in a later batch: the harbour text is scored again against
    it with today's frequencies (``current.rescored``), and the veto applies there too."""
    g = Grouper()
    g.add_many(
        [GroupDoc(id="harbour", title="Harbour works", body=_text(HARBOUR), lang="en"), NOTE]
    )
    g.add_many([GroupDoc(id="calc", title="Calculator manual", body=_text(CALCULATOR), lang="en")])
    assert sorted(sorted(m) for m in g.stories().values()) == [["calc"], ["harbour"], ["note"]]


def test_the_floor_fades_with_the_group_and_with_the_text_length():
    """No cliff where the group reaches ``KNOWN`` articles (every young article is placed again
    then): the floor falls in steps of ``FLOOR / KNOWN``, to none at ``FADED``. A text the
    vector holds whole (64 distinct words) has no floor: no word was crowded out."""
    long = 4 * 64
    floors = [content_floor(n, long, 64) for n in range(FADED + 2)]
    assert floors[KNOWN] == FLOOR and floors[FADED] == 0.0 == floors[FADED + 1]
    assert all(a >= b and a - b <= FLOOR / KNOWN + 1e-9 for a, b in zip(floors, floors[1:]))
    assert content_floor(3, 64, 64) == 0.0
    assert 0.0 < content_floor(3, 96, 64) < FLOOR == content_floor(3, 128, 64)


CHRISTIE = "basil-13792511-5142-449f-8d3e-d77d790f65ec"  # Fox 207, HPO 623, NYT 1148 words


@pytest.mark.shared
def test_long_articles_of_one_event_from_different_outlets_still_join(shared_dir):
    """Three outlets on Chris Christie's announcement, alone in a workspace: one story.
    Leaving the function words out of the vectors of long texts in small groups left Fox's
    article alone; the veto keeps the vectors."""
    rows = [
        json.loads(line)
        for line in (shared_dir / "bench" / "stories" / "basil.jsonl").open(encoding="utf-8")
    ]
    docs = [
        GroupDoc(id=r["id"], title=r["title"], body=r["text"], lang=r["lang"], date=r.get("date"))
        for r in rows
        if r["cluster"] == CHRISTIE
    ]
    assert len(docs) == 3
    assert len(_partition(docs)) == 1


def test_a_name_spelled_like_a_function_word_is_kept():
    """A name spelled like a function word ("WHO", never written "who" in the text) is kept."""
    from tui.core.group.content import content_vector

    g = Grouper()
    body = "The WHO warned on Monday that the virus spreads. The WHO asked for tests."
    g.add_many([GroupDoc(id="who", title="WHO warns on virus", body=body, lang="en"), NOTE])
    entry = g.book.docs["who"]
    kept = {str(g.words.surfaces[t]).lower() for t in content_vector(entry, g.words, g.params)}
    assert "who" in kept and "the" not in kept
