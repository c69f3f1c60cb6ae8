"""FurnitureModel: lines recurring on several pages of one outlet are furniture, never others."""

from __future__ import annotations

import json

from tui.core.clean import FurnitureModel, clean
from tui.core.model import RawDocument

FOOTER = "Marlowe Times is owned by the Valley Media Group of Upper Marlowe County"
PROMO = "Get the Marlowe morning briefing in your inbox every day of the week"


def article(n: int) -> str:
    paras = [f"Story {n}: the council met on day {n} and discussed item number {n} of the "
             f"agenda at length, with residents asking questions for more than an hour.",
             f"Officials said decision {n} would be published next week, after a final review "
             f"by the legal department and the finance committee of the town council.",
             f"Residents of district {n} said they were pleased that their concerns about the "
             f"traffic on the main road had finally been heard by the elected members."]
    return "\n\n".join([PROMO, *paras, FOOTER])


def test_learns_lines_seen_on_several_pages() -> None:
    model = FurnitureModel()
    for n in range(3):
        model.observe("marlowetimes.example", article(n))
    assert model.is_furniture("marlowetimes.example", FOOTER)
    assert model.is_furniture("marlowetimes.example", "  " + PROMO.upper() + " ")  # normalised
    assert not model.is_furniture("other.example", FOOTER)  # per outlet


def test_never_removes_a_line_seen_on_one_page() -> None:
    model = FurnitureModel(min_pages=1)  # even asked to, it needs two pages at least
    model.observe("o", article(1))
    assert not model.is_furniture("o", FOOTER)
    for _ in range(5):  # the same page again is still one page
        model.observe("o", article(1))
    assert not model.is_furniture("o", FOOTER)


def test_versions_of_one_article_are_one_page() -> None:
    model = FurnitureModel()
    for edit in range(4):
        model.observe("o", article(1) + f"\n\nCorrection {edit}.", page_key="https://o/a1")
    assert not model.is_furniture("o", FOOTER)


def test_clean_removes_learned_furniture_and_keeps_the_rest() -> None:
    model = FurnitureModel()
    docs = [RawDocument(f"https://marlowetimes.example/{n}", article(n), "text")
            for n in range(4)]
    first = clean(docs[0], furniture=model)  # seen once: nothing learned yet
    assert FOOTER in first.body or PROMO in first.body or "Story 0" in first.body
    for d in docs[1:]:
        clean(d, furniture=model)
    later = clean(docs[3], furniture=model)
    assert FOOTER not in later.body and PROMO not in later.body
    assert "Story 3:" in later.body and "district 3" in later.body


def test_round_trip_through_json() -> None:
    model = FurnitureModel(min_pages=2)
    for n in range(2):
        model.observe("o", article(n))
    again = FurnitureModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again.is_furniture("o", FOOTER)
    assert not again.is_furniture("o", "Story 1: the council met")
    assert again.pages("o") == 2
    assert FurnitureModel.from_dict({}).pages("o") == 0


def test_outlet_and_page_keys() -> None:
    from tui.core.model import outlet_key, page_key

    assert outlet_key("https://www.Example.COM:8080/a?b", {}) == "example.com"
    assert outlet_key("/tmp/a.txt", {"url": "http://news.example/x"}) == "news.example"
    assert outlet_key("/tmp/a.txt", {"source": " Reuters "}) == "reuters"
    assert outlet_key("http://[::1/broken", {"source": "Kyodo"}) == "kyodo"
    assert outlet_key("/tmp/a.txt", {}) is None and outlet_key("/tmp/a.txt", None) is None
    assert page_key("/tmp/a.txt", {"url": "https://o/1"}) == "https://o/1"
    assert page_key("/tmp/a.txt", "not a dict") == "/tmp/a.txt" and page_key("", {}) is None
    doc = RawDocument("https://o.example/1", "x", hints={"source": "Other"})
    assert (doc.outlet_key(), doc.page_key()) == ("o.example", "https://o.example/1")
