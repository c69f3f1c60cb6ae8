"""A page copied under another name (the same feed saved as a.xml, b.xml, c.xml) is a copy,
not another page of the outlet: its lines are counted once, so a third copy's text is never
learnt as furniture and its items are never lost as "no article text found"."""

from __future__ import annotations

from tui.core.clean.furniture import FurnitureModel
from tui.core.ingest import collect
from tui.core.workspace import Workspace

TEXT = (
    "The old bridge over the river will close for three weeks of repairs from Monday, the "
    "council said, and traffic will be sent through the town centre."
)


def test_copies_of_a_page_count_once():
    model = FurnitureModel()
    for name in ("a", "b", "c", "d"):
        model.observe("crier", TEXT, page_key=f"{name}.xml#1")
    assert not model.is_furniture("crier", TEXT)
    assert model.pages("crier") == 4  # (each named page is seen, its copy counted once)
    for name in ("a", "b", "c"):  # a line on three different pages is furniture, as before
        model.observe("crier", f"{TEXT}\nSubscribe to the Crier", page_key=f"{name}.html")
        model.observe("crier", f"Page {name}\nSubscribe to the Crier", page_key=f"p{name}")
    assert model.is_furniture("crier", "Subscribe to the Crier")


def test_the_copies_are_kept_across_a_saved_model():
    model = FurnitureModel()
    for name in ("a", "b"):
        model.observe("crier", TEXT, page_key=f"{name}.xml#1")
    again = FurnitureModel.from_dict(model.to_dict())
    again.observe("crier", TEXT, page_key="c.xml#1")
    assert not again.is_furniture("crier", TEXT)
    old = model.to_dict()
    for entry in old["outlets"].values():
        del entry["texts"]  # (a cache written before: no copies known, none lost)
    assert FurnitureModel.from_dict(old).pages("crier") == 2


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Town Crier</title>
<link>https://crier.example.org/</link><description>News</description>{items}
</channel></rss>"""
ITEM = (
    "<item><title>{t}</title><pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate>"
    "<description>{d}</description></item>"
)
STORIES = [
    ("Bridge closes", TEXT),
    (
        "Library opens late",
        "The town library will stay open until nine on Thursdays from "
        "next month, after readers asked for longer hours in a survey last year.",
    ),
    (
        "Market moves",
        "The weekly market will move to the station square in April while the "
        "main square is paved again, traders were told at a meeting on Tuesday.",
    ),
]


def test_a_third_copy_of_a_feed_is_added_as_the_second_was(tmp_path):
    feed = FEED.format(items="".join(ITEM.format(t=t, d=d) for t, d in STORIES))
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.xml").write_text(feed)
        rep = Workspace.open(tmp_path / "ws").ingest(collect([str(tmp_path / f"{name}.xml")]).docs)
        assert rep.failed == [] and len(rep.added) == 3, (name, rep.failed)
