"""The cleaner remembers line measurements across pages: results must not depend on what it
has seen before, and learned furniture must stay with the page it was learned for."""

from __future__ import annotations

from tui.core.clean import FurnitureModel, clean
from tui.core.clean import lines as L
from tui.core.model import RawDocument

PROSE = ("The council voted on Monday to replace the old bridge over the river, ending a "
         "dispute that has divided the town for years and delayed the repairs to the road.")
PAGE = "\n".join(["Home", "News", "Share", "Subscribe to our newsletter", PROSE,
                  PROSE.replace("Monday", "Tuesday"), "Related", "© 2022 Example"])


def test_same_result_with_cold_and_warm_memory() -> None:
    L._MEMO.clear()
    cold = clean(RawDocument("a", PAGE, "text"))
    warm = clean(RawDocument("a", PAGE, "text"))
    assert cold == warm


def test_measurements_are_fresh_objects() -> None:
    stops = frozenset({"the", "of", "to"})
    first = L.measure_page(["Home", PROSE], stops)
    first[0].furniture = "learned"  # the cleaner marks lines in place
    again = L.measure_page(["Home", PROSE], stops)
    assert again[0].furniture != "learned"


def test_learned_furniture_does_not_leak_through_memory() -> None:
    model = FurnitureModel(min_pages=2)
    footer = "Our readers make this possible with small gifts every month of the year."
    for n in range(3):
        model.observe("example.org", f"Page {n}\n{footer}")
    page = f"{PROSE}\n{footer}"
    with_model = clean(RawDocument("https://example.org/x", page, "text"),
                       furniture=model)
    without = clean(RawDocument("p", page, "text"))
    assert footer not in with_model.body
    assert footer in without.body
