"""``thin_evidence`` reads every pair the clustering links: its set-based form must decide as
the list-based one it replaced (kept here as the reference), day names, names, digits and
function words included."""

from __future__ import annotations

import dataclasses
import math

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.core.group import GroupDoc, Grouper
from tui.core.group.features import stop_language
from tui.core.group.linking import scaled
from tui.core.group.scoring import _COMMON, _FUNCTION, _KNOWN, _short, _stop, thin_evidence
from tui.core.group.weekdays import _EXACT, is_day_word, mask_of_words
from tui.core.stopwords import stopwords_for

WORDS = (
    "Monday Friday monday sunday Okonkwo Paris Acme bridge harbour council repairs "
    "reopened said the of after 1 2 2024 42 ABC tax vote weeks city Montag lundi "
    "minister budget river storm flood school union strike"
).split()


def reference(doc, other, words, headline: int) -> bool:
    """``thin_evidence`` as it was (one call of ``mask_of_words`` per shared word)."""
    if max(doc.mass, other.mass) <= headline:
        return False
    mine, spelled = set(doc.terms), words.surfaces
    shared = [t for t in other.terms if t in mine and not mask_of_words((str(spelled[t]).lower(),))]
    if any(t in doc.names or t in other.names for t in shared):
        return False
    n = words.n_group.get(doc.group, 0)
    df, most, function = words.df, _COMMON * n, _FUNCTION * n if n >= _KNOWN else math.inf
    stops = stopwords_for(stop_language(doc.group))
    return (
        sum(
            1
            for t in shared
            if not _stop((w := str(spelled[t])).lower(), stops)
            and (df[t] <= most and n >= _KNOWN or df[t] < function and not _short(w, 4))
        )
        <= 1
    )


def test_a_day_word_is_what_mask_of_words_reads_alone():
    for word in [*_EXACT, "feira", "segunda", "mon", "", "Monday", *WORDS]:
        assert is_day_word(word) == bool(mask_of_words((word,)))


texts = st.lists(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join), min_size=2, max_size=30
)


@settings(max_examples=60, deadline=None)
@given(texts, st.integers(0, 8))
def test_thin_evidence_decides_as_before(bodies, headline):
    g = Grouper()
    g.add_many(
        [GroupDoc(id=f"d{i}", title=b[:30], body=b, lang="en") for i, b in enumerate(bodies)]
    )
    docs = list(g.book.docs.values())
    for a in docs:
        for b in docs:
            assert thin_evidence(a, b, g.words, headline) == reference(a, b, g.words, headline)


@settings(max_examples=40, deadline=None)
@example(["Monday", "Montag"], [-0.125], 0.0, 0.05)  # a negative cosine: the full path
@given(
    texts,
    st.lists(st.floats(-0.2, 1.0), min_size=1, max_size=8),
    st.floats(0.0, 0.5),
    st.sampled_from([0.05, 0.1, 0.18]),
)
def test_a_link_under_the_floor_skips_the_evidence_and_no_other(bodies, sims, near, floor):
    """``linking.scaled`` with a ``floor`` reads ``thin_share`` only for links that reach the
    floor: every link is what it was, or under the floor with and without."""
    g = Grouper()
    g.add_many(
        [
            GroupDoc(id=f"d{i}", title=b[:30], body=b, lang="en", date="2024-03-04")
            for i, b in enumerate(bodies)
        ]
    )
    docs = list(g.book.docs.values())
    for i, a in enumerate(docs):
        a.near = near * (i % 3)
    for a in docs:
        for b in docs:
            for sim in sims:
                full = scaled(g.params, sim, a, b, g.words)
                fast = scaled(g.params, sim, a, b, g.words, floor)
                assert fast == full or (fast < floor and full < floor)


def test_a_time_boost_that_lowers_links_takes_the_full_path():
    """The floor's shortcut holds only while ``timed`` never lowers a link: a negative
    ``time_boost`` (a setting ``eval_group.py --set`` can give) must not change a link."""
    g = Grouper()
    g.params = dataclasses.replace(g.params, time_boost=-2.0)
    bodies = [  # two full texts sharing only a day name (a thin link a shared day lifts)
        "On Monday the regional council approved a budget for new libraries, parks and bicycle"
        " lanes after a long debate among councillors about taxes and spending priorities.",
        "Chemists reported on Monday that an unusual crystal grown in orbit showed remarkable"
        " optical behaviour, opening questions about lasers, sensors and future telescopes.",
        "Storm closes the harbour on Monday",
        "Ferries cancelled as storm hits harbour",
    ]
    g.add_many(
        [
            GroupDoc(
                id=f"d{i}",
                title=b,
                body=b,
                lang="en",
                date=f"2024-03-04T10:0{i}:00+00:00",
                source=f"outlet {i}",
            )
            for i, b in enumerate(bodies)
        ]
    )
    docs = list(g.book.docs.values())
    checked = 0
    for a in docs:
        for b in docs:
            if a is b:
                continue
            for sim in (0.06, 0.1, 0.2, 0.4, 0.8):
                full = scaled(g.params, sim, a, b, g.words)
                fast = scaled(g.params, sim, a, b, g.words, 0.05)
                assert fast == full or (fast < 0.05 and full < 0.05)
                checked += 1
    assert checked == 60
