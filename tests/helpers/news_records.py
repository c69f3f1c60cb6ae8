"""Small made-up news records shared by the workspace tests: five topics, one record each."""

from __future__ import annotations

from tui.core.model import RawDocument

TOPICS = [
    "Japan and Canada agreed on Tuesday to start talks on an intelligence pact in Tokyo.",
    "Wildfires forced thousands to flee their homes in northern California overnight.",
    "The central bank of Brazil raised its benchmark rate by half a point in Brasilia.",
    "Floods in southern Germany closed the motorway between Munich and Salzburg again.",
    "A new vaccine against malaria was approved by regulators in Ghana and Nigeria.",
]

# A four-paragraph local article: prose a cleaner must keep whole.
ARTICLE = [
    "The city council voted on Tuesday to extend the summer opening hours of every public pool.",
    "The decision follows a long campaign by parents who said the pools closed too early for "
    "working families to use them at all.",
    "Council members said the extra hours would be paid for from the parks budget, which had "
    "a surplus after a mild winter.",
    "The new hours start next month and will be reviewed at the end of the season by the "
    "parks committee.",
]


def rec(n: int, topic: int, text: str | None = None, dated: bool = False) -> RawDocument:
    """Record ``n`` on ``TOPICS[topic]`` from its own outlet (``Outlet{n}``), dated over three
    days when ``dated``."""
    body = text or (f"{TOPICS[topic]} Outlet{n} reported the news in article number {n}, "
                    f"quoting officials who spoke on condition of anonymity.")
    hints = {"title": TOPICS[topic][:40], "source": f"Outlet{n}", "lang": "en"}
    if dated:
        hints["date"] = f"2024-05-0{1 + n % 3}"
    return RawDocument(origin=f"u:{n}", content=body, kind="record", hints=hints)
