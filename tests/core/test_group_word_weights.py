"""How words weigh: a number is one word, and idf is flattened (``Params.idf_power``).

"255,000 jobs" and "943,000 jobs" once shared the word "000" (and "4.9%" and "5.9%" the word
"9"): every figure in thousands resembled every other. A number is now one word, shown as
written. And plain idf let a word no other article has (a typo, a rare turn of phrase) outweigh
the several words two tellings of one event share; idf to the power 0.8 keeps the order of the
words and narrows the gap.
"""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.term_rows import ROWS, weigh_input
from tui.core.group import GroupDoc, Grouper, Params
from tui.core.group.features import extract
from tui.core.group.scoring import dot


def test_a_number_with_separators_is_one_word_shown_as_written():
    f = extract("US adds 255,000 jobs", "Unemployment stays at 4.9 percent, 1.300 in Bonn.", "en")
    assert {"en|255000", "en|4_9", "en|1300"} <= set(f.words)
    assert not {"en|000", "en|255", "en|9", "en|300"} & set(f.words)
    assert {"en|255000", "en|4_9"} <= f.names  # numbers weigh as names do
    shown = f.spelled()
    assert shown["en|255000"] == "255,000" and shown["en|4_9"] == "4.9"
    assert "n:255000" in f.cross and "n:4.9" in f.cross  # across languages as before


def test_plain_numbers_and_words_are_as_before():
    f = extract("Vote in 2020", "Turnout was 61 percent in 12 states.", "en")
    assert {"en|2020", "en|61", "en|12", "en|vote"} <= set(f.words)


def test_reports_of_other_figures_share_no_number():
    docs = [GroupDoc(id="a", title="Employers add 255,000 jobs in July",
                     body="Employers added 255,000 jobs in July.", lang="en"),
            GroupDoc(id="b", title="Employers add 943,000 jobs in July",
                     body="Employers added 943,000 jobs in July.", lang="en"),
            GroupDoc(id="c", title="Payrolls rise by 255,000",
                     body="Payrolls rose by 255,000 last month.", lang="en")]
    g = Grouper()
    g.add_many(docs)
    surfaces = g.words.surfaces
    a, b, c = (g.book.docs[x] for x in "abc")
    shared_ab = {str(surfaces[t]) for t in set(a.terms) & set(b.terms)}
    shared_ac = {str(surfaces[t]) for t in set(a.terms) & set(c.terms)}
    assert not any(ch.isdigit() for w in shared_ab for ch in w)
    assert "255,000" in shared_ac


@given(ROWS, st.lists(st.integers(0, 80), min_size=31, max_size=31), st.integers(0, 12),
       st.integers(0, 60), st.sampled_from([0.5, 0.8, 1.0]))
def test_weights_are_sublinear_tf_times_idf_to_the_power(rows, dfs, keep, n, power):
    ix, tids, counts, boosted = weigh_input(rows, dfs, n)
    terms, weights = ix.weigh(tids, counts, boosted, keep, "en", 1.25, power)
    top = math.log(n + 1) + 1.0
    def idf(t: int) -> float:  # (below 0 only for a count not taken back: then it weighs 0)
        x = top - math.log(dfs[t] + 1)
        return x if power == 1.0 else max(0.0, x) ** power

    raw = {t: (1 + math.log(c)) * idf(t) * (1.25 if b else 1.0) for t, c, b in rows}
    kept = sorted(raw, key=lambda t: (-raw[t], t))[:keep] if len(set(tids)) == len(tids) else None
    if kept is not None:
        assert list(terms) == kept
        norm = math.sqrt(sum(raw[t] ** 2 for t in kept)) or 1.0
        assert all(abs(w - raw[t] / norm) < 1e-5 for t, w in zip(terms, weights))


def test_the_grouper_weighs_with_the_flatter_idf():
    assert Params().idf_power < 1.0
    docs = [GroupDoc(id=str(i), title=f"Council report {i}",
                     body=f"The council met about the budget {'zebra' if i == 0 else 'parks'}.",
                     lang="en") for i in range(12)]
    plain, flat = Grouper(params=Params(idf_power=1.0)), Grouper()
    plain.add_many(docs)
    flat.add_many(docs)

    def share(g: Grouper) -> float:  # the weight of "zebra" (one article) against "council"
        e = g.book.docs["0"]
        w = {str(g.words.surfaces[t]): x for t, x in zip(e.terms, e.weights)}
        return w["zebra"] / w["council"]

    assert share(flat) < share(plain)
    # and articles that differ only in a word no other has resemble each other more
    a, b = flat.book.docs["0"], flat.book.docs["1"]
    pa, pb = plain.book.docs["0"], plain.book.docs["1"]
    assert dot(dict(zip(a.terms, a.weights)), b) > dot(dict(zip(pa.terms, pa.weights)), pb)


def test_number_words_are_never_cut_so_figures_ten_times_apart_differ():
    f = extract("Sale of 1,250,000 shares", "Another 125,000 and 192.168.1.1, 04.03.2021.", "en")
    assert {"en|1250000", "en|125000", "en|192_16811", "en|4_032021"} <= set(f.words)
    assert {"en|1250000", "en|125000"} <= f.names
    shown = f.spelled()
    assert shown["en|1250000"] == "1,250,000" and shown["en|125000"] == "125,000"
    docs = [GroupDoc(id="a", title="Acme issues 1,250,000 shares", body="Acme issued 1,250,000.",
                     lang="en"),
            GroupDoc(id="b", title="Council hires 125,000 workers", body="It hired 125,000.",
                     lang="en")]
    g = Grouper()
    g.add_many(docs)
    a, b = g.book.docs["a"], g.book.docs["b"]
    assert not any(ch.isdigit() for t in set(a.terms) & set(b.terms)
                   for ch in str(g.words.surfaces[t]))


def test_a_number_with_letters_shows_as_written_and_weighs_as_a_number():
    f = extract("Acme in $2.5bn deal", "Shares rose by 12.30pm; £1.2m paid.", "en")
    shown = f.spelled()
    assert shown["en|2_5bn"] == "2.5bn" and shown["en|1_2m"] == "1.2m"
    assert shown["en|12_3pm"] == "12.30pm"
    assert {"en|2_5bn", "en|1_2m", "en|12_3pm"} <= f.names


def test_thousands_with_a_thin_or_no_break_space_are_one_number():
    for space in ("\u00a0", "\u202f", "\u2009"):
        f = extract("Emploi", f"Il y a 255{space}000 emplois et 4{space}12 autres.", "fr")
        assert "fr|255000" in f.words and "fr|000" not in f.words
        assert f.spelled()["fr|255000"] == f"255{space}000" and "n:255000" in f.cross
        assert {"fr|4", "fr|12"} <= set(f.words)  # not three digits: two numbers


def test_zero_written_with_decimals_is_the_word_0_not_an_empty_word():
    f = extract("Growth", "The economy grew 0.0 percent.", "en")
    assert "en|0" in f.words and "en|" not in f.words
    assert f.spelled()["en|0"] == "0.0"
