"""Days of the week as time evidence for undated articles."""

from __future__ import annotations

import pytest
from test_group import doc

from tui.core.group import Grouper, Params
from tui.core.group.placing import _scaled
from tui.core.group.weekdays import day_names, weekday_mask


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("President Trump on Monday slammed John Kerry", ["Monday"]),
        ("Monday's vote and Friday's deadline", ["Monday", "Friday"]),
        ("Die Kanzlerin sagte am Dienstag", ["Tuesday"]),
        ("Le président a déclaré mardi", ["Tuesday"]),
        ("El gobierno anunció el miércoles", ["Wednesday"]),
        ("Президент заявил в среду", ["Wednesday"]),
        ("Министр говорил о том, как окружающая среда меняется", []),  # "environment"
        ("Premier po raz czwarty", []),  # Polish "fourth", not Thursday
        ("قال الرئيس يوم الثلاثاء", ["Tuesday"]),
        ("特朗普周二表示", ["Tuesday"]),
        ("首相は火曜日に述べた", ["Tuesday"]),
        ("राष्ट्रपति ने मंगलवार को कहा", ["Tuesday"]),
        ("No day is named here, only 2024 and March.", []),
        ("Plácido Domingo cantó en Madrid", []),  # a name: Spanish writes days in lower case
        ("El domingo, Plácido Domingo cantó", ["Sunday"]),
        ("Domenica Rossi ha detto che", []),
        ("Президент заявив у п'ятницю, а в четвер мовчав", ["Thursday", "Friday"]),
        ("Міністр сказав у пʼятницю", ["Friday"]),  # the modifier-letter apostrophe
        ("On Sunday", ["Sunday"]),
    ],
)
def test_weekday_mask(text: str, days: list[str]) -> None:
    assert day_names(weekday_mask(text)) == days


SANCTIONS = ("The Treasury Department announced new sanctions against Iranian oil exports and "
             "shipping companies, officials said, tightening pressure on Tehran.")


def _pair(day_a: str, day_b: str) -> Grouper:
    g = Grouper(params=Params())
    g.add_many([
        doc(1, "US announces new Iran oil sanctions", SANCTIONS.replace(
            "announced", f"announced on {day_a}"), lang="en"),
        doc(2, "Treasury tightens Iran oil sanctions", SANCTIONS.replace(
            "announced", f"announced on {day_b}"), lang="en"),
        doc(3, "Lyon cycling budget", "The city council of Lyon voted a cycling budget.",
            lang="en"),
    ])
    return g


def test_a_shared_day_counts_for_and_different_days_against() -> None:
    g = _pair("Monday", "Monday")
    a, b = (g.book.docs[doc(i, "", "").id] for i in (1, 2))
    assert g.story_of(a.id) == g.story_of(b.id)
    # explained (on the one that joined; which founds the story is decided by content)
    assert "Monday" in g.placement(a.id).evidence + g.placement(b.id).evidence
    p = Params(weekday=0.05)
    a.near = b.near = 0.0
    base = _scaled(Params(weekday=0.0), 0.3, a, b)
    assert _scaled(p, 0.3, a, b) == pytest.approx(base + 0.05)  # both say Monday
    b.days = weekday_mask("on Friday")
    assert _scaled(p, 0.3, a, b) == pytest.approx(base - 0.05)  # Monday and Friday
    b.days = 0
    assert _scaled(p, 0.3, a, b) == pytest.approx(base)  # one names no day: no evidence
    assert "Friday" not in _pair("Monday", "Friday").placement(b.id).evidence


EN = ("Chancellor Olaf Scholz met Emmanuel Macron in Berlin on Monday to discuss aid of 50 "
      "billion euros for Ukraine, the chancellery said.")
DE = ("Bundeskanzler Olaf Scholz traf Emmanuel Macron am {day} in Berlin, um über Hilfen von "
      "50 Milliarden Euro für die Ukraine zu sprechen, teilte das Kanzleramt mit.")


@pytest.mark.parametrize(("day", "weight", "together"), [
    ("Montag", 0.02, True), ("Freitag", 0.02, True),  # a small weight: names still decide
    ("Montag", 1.0, True), ("Freitag", 1.0, False),  # an outsized one: the day decides
])
def test_weekdays_count_across_languages(day: str, weight: float, together: bool) -> None:
    g = Grouper(params=Params(cross_weekday=weight))
    g.add_many([doc(1, "Scholz and Macron discuss Ukraine aid", EN, lang="en"),
                doc(2, "Scholz und Macron beraten über Ukraine-Hilfe", DE.format(day=day),
                    lang="de")])
    assert (g.story_of(doc(1, "", "").id) == g.story_of(doc(2, "", "").id)) is together
