"""The record rules each pinned by an input that needs it (pure unit tests, synthetic pages):
a listing pasted with no menu (``text.select`` asks ``record_items`` when a line repeats), an
article's own date over dated teasers (``records._aligned``), a selection that already reads
the records (``records._read``)."""

from __future__ import annotations

from tui.core.clean import clean, records
from tui.core.clean.lines import measure_page
from tui.core.model import RawDocument

PLACES = ["Chicago , Illinois", "Toronto , Canada", "Austin , Texas", "Vancouver , Canada"]


def _paras(text: str) -> list[str]:
    return clean(RawDocument("t", text, "text")).body.split("\n\n")


def test_a_listing_pasted_with_no_menu_keeps_its_records() -> None:
    # no menu, no footer: only its repeated entries (an event listed twice) mark it a listing
    events = [
        ("Mar 10-12 26", "Data Saturday 2026"),
        ("Mar 11-13 26", "HackGDL 2026"),
        ("Mar 11-13 26", "HackGDL 2026"),
        ("Mar 13-15 26", "FABCON 2026"),
        ("Mar 14-16 26", "PyCascades 2026"),
        ("Mar 14-16 26", "PyCascades 2026"),
        ("Mar 16-18 26", "JavaOne 2026"),
        ("Mar 17-19 26", "QonfX 2026"),
    ]
    lines = ["Tech conferences in Americas 2026", ""]
    for k, (day, name) in enumerate(events):
        place = PLACES[k % len(PLACES)]
        lines += [day, "", name, "", f"Tech conference in {place} , North America", ""]
    lines += ["Show more", "showing 30 out of 438 conferences"]
    paras = _paras("\n".join(lines) + "\n")
    assert "Tech conferences in Americas 2026" in paras
    for day, name in events[:-1]:  # each record's date and name (not the one line left alone)
        assert day in paras
        assert name in paras


TEASERS = [
    ("Publications", "A white paper on connected objects", "08/12/2021"),
    ("Startup Studio", "A driving coach for automated vehicles", "08/04/2025"),
    ("IT and Telecom", "Malicious objects betrayed by their radio waves", "19/02/2025"),
    ("Europe", "OpenSwarm: a project for the Internet of Things", "16/03/2023"),
    ("Publications", "The institute publishes its activity report", "11/07/2022"),
    ("Industry", "Proving time properties for connected objects", "25/02/2025"),
    ("Startups", "Cybi: intelligent security for predicting attacks", "31/05/2022"),
    ("Software", "For a better traceability of wine", "22/06/2021"),
]
PROSE = (
    "Connected objects and sensor networks capture, send and collect a wide range of data, "
    "which is used in a growing number of applications, from farming (part {k}) to logistics "
    "and smart cities. These applications face many challenges in terms of hardware and software."
)


def test_an_articles_own_date_over_dated_teasers_is_no_record() -> None:
    # "Updated on 09/10/2025" has the teasers' date shape, far above them: not their first record
    lines = [
        "Skip to main content",
        "* Menu",
        "* Our challenges",
        "* Search",
        "",
        "Internet of Things",
        "",
        "1. Home",
        "2. Research",
        "3. Internet of Things",
        "",
        "Updated on 09/10/2025",
        "",
    ]
    lines += [PROSE.format(k=k) for k in range(4)]
    for section, title, day in TEASERS:
        lines += ["", section, "", title, "", day]
    lines += ["", "All content about Internet of Things", "* Robotics", "* Software"]
    paras = _paras("\n".join(lines) + "\n")
    assert paras == [PROSE.format(k=k) for k in range(4)]  # the article, no teaser pulled in


STOPS = frozenset({"the", "and", "a", "of", "to", "for", "is", "our", "has", "on", "in", "she"})


def test_a_selection_that_reads_the_records_is_kept_as_it_is() -> None:
    places = ["rivers", "farms", "schools", "roads", "parks", "ports"]
    lines = ["Our team"]
    for k, p in enumerate(places):
        lines += [
            f"Worker {p.title()}",
            f"She has led our work on {p} for years and visits every site.",
            f"Address: {k + 10} High Street, Springfield, Illinois, United States",
            f"Phone: 555-010{k}",
            f"Hours: Monday to Friday, {k + 8} am to 5 pm",
            f"Office: Room {k + 20}, second floor, north wing, main building",
            f"Source: staff{k}.example.org/profile/page",
        ]
    info = measure_page(lines, STOPS)
    idx = list(range(len(lines)))
    said = [i for i, ln in enumerate(lines) if ln.startswith("She ")]
    # the selection holds a line of every record: it reads them, what it left is not theirs
    assert records.record_items(idx, info, said, frozenset()) == said
    # (a selection of the first record's line only: the records are brought in)
    first = records.record_items(idx, info, said[:1], frozenset())
    assert lines.index("Phone: 555-0105") in first
