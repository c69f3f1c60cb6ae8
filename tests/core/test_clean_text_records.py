"""Plain text whose content is records (the same labelled fields, entry after entry): the
records join the body, not only the listing's introduction (pure unit tests, synthetic pages)."""

from __future__ import annotations

from tui.core.clean import clean, records
from tui.core.clean.lines import measure_page
from tui.core.model import RawDocument

MENU = ["* Home", "* About", "* Trails", "* Events", "* Contact", "Become a member"]
INTRO = (
    "Our club is dedicated to advocating for, building, maintaining and riding the local "
    "off-road trails around the city."
)
TRAILS = [
    ("Anthills Park", "Intermediate to advanced", "5", "Dave Ruiz"),
    ("Burroughs Park", "Beginner", "5", "Ricardo Valdez"),
    ("Carl Barton", "Beginner", "3.5", "John Martin"),
    ("Cypress Creek", "Intermediate with beginner route", "10", "Scott Dammitt"),
    ("Double Lake", "Beginner to intermediate", "18", "Jim Mackey"),
    ("Jack Brooks", "Intermediate", "6.5", "Steve Booker"),
]
FOOTER = ["Contact Info", "© 2026 Trail Riders Club"]
STOPS = frozenset({"the", "and", "a", "of", "to", "for", "is", "our", "around", "with"})


def listing() -> str:
    lines = [*MENU, "", "Trails", "", INTRO, ""]
    for name, level, miles, steward in TRAILS:
        lines += [
            name,
            "",
            f"Difficulty: {level}",
            f"Length: {miles} miles",
            f"Trail Steward: {steward}",
            "View Trail Map",
            "",
        ]
    return "\n".join(lines + FOOTER)


def test_a_listing_of_records_keeps_its_records() -> None:
    body = clean(RawDocument("t", listing(), "text")).body
    paras = body.split("\n\n")
    assert INTRO in paras
    for name, level, miles, steward in TRAILS:  # every record's name and fields
        assert name in paras  # the first record's too ("Anthills Park"), not only 2..n
        assert f"Trail Steward: {steward}" in paras
        assert f"Length: {miles} miles" in paras
        assert f"Difficulty: {level}" in paras
    for furniture in MENU + FOOTER:  # outside the records: not kept
        assert furniture not in paras
    assert "View Trail Map" not in paras  # the same link in every record: a button


def test_records_are_runs_of_one_line_shape() -> None:
    lines = [ln for ln in listing().splitlines() if ln]
    info = measure_page(lines, STOPS)
    assert records.shape(info[lines.index("Length: 5 miles")]) == "length:"
    assert records.shape(info[lines.index("Length: 3.5 miles")]) == "length:"
    spans = records.record_spans(info)
    first = lines.index("Difficulty: Intermediate to advanced")
    assert (first, lines.index("Difficulty: Intermediate")) in spans
    assert all(first <= a and b < lines.index(FOOTER[0]) for a, b in spans)
    # Three records are not yet a listing's shape; nor are lines too far apart.
    assert records.record_spans(info[: first + 3 * 5 - 1]) == []


def test_records_step_aside_for_an_article_and_across_a_wall() -> None:
    lines = [ln for ln in listing().splitlines() if ln]
    info = measure_page(lines, STOPS)
    idx = list(range(len(lines)))
    walls = frozenset({"comments", "about", "copyright"})
    intro = [lines.index(INTRO)]
    assert len(records.record_items(idx, info, intro, walls)) > 6 * 4
    # A selection that outweighs the records (an article with a box of items) stands.
    many = list(range(len(lines)))[: lines.index("Difficulty: Beginner")]
    assert records.record_items(idx, info, many, walls) == many
    # Records past a wall after the selection are another section (readers' reviews).
    info[intro[0] + 1].furniture = "comments"
    assert records.record_items(idx, info, intro, walls) == intro


SHOES = [
    ("Acme Trail Runner 3", "4.5", "Lightweight trail shoe with a rock plate"),
    ("Acme Road Glide", "4.1", "Cushioned daily trainer for long runs"),
    ("Summit Hiker GTX", "4.7", "Waterproof hiker with a Vibram sole"),
    ("Urban Walk Lite", "3.9", "Everyday sneaker in recycled knit"),
    ("Peak Pro Boot", "4.4", "Insulated winter boot rated to -20"),
    ("Coastline Sandal", "4.0", "Quick-dry sandal with arch support"),
]
BUTTONS = ["Add to cart", "Compare", "Save to wishlist"]


def test_buttons_every_record_repeats_are_not_brought_in() -> None:
    lines = ["Shop › Men › Shoes", "Sign in | Cart (0)", "", "Men's Shoes", ""]
    lines += ["Find the right pair. Free returns.", ""]
    for name, stars, blurb in SHOES:
        lines += [name, f"{stars} out of 5 stars", blurb, *BUTTONS, ""]
    lines += ["Customer service", "Shipping & returns", "© 2026 Acme Outfitters."]
    paras = clean(RawDocument("t", "\n".join(lines), "text")).body.split("\n\n")
    for name, stars, blurb in SHOES:  # the records, the first one's name included
        assert name in paras and f"{stars} out of 5 stars" in paras and blurb in paras
    for button in BUTTONS:  # a short line the same in every record: furniture, not content
        assert button not in paras


def test_sign_offs_under_pasted_replies_are_not_brought_in() -> None:
    replies = ["Fine by me.", "Works for me too.", "OK, moved.", "Agreed, see you then.", "Sure."]
    names = ["Anna Liu", "Raj Patel", "Tom Becker", "Mia Wong", "Lee Park"]
    lines = ["Re: standup time", "", "Can we move the standup to 10?", ""]
    for reply, name in zip(replies, names):
        lines += [reply, "", "Best regards,", name, "Example Corp | www.example.com"]
        lines += ["Sent from my iPhone", ""]
    lines += ["Confidential: this message is for its addressees only. © 2026 Example Corp"]
    paras = clean(RawDocument("t", "\n".join(lines), "text")).body.split("\n\n")
    assert "Best regards," not in paras and "Sent from my iPhone" not in paras


NEWS = [
    "Council approves new budget for schools",
    "Storm warning issued for the weekend",
    "Local team wins the cup final",
    "School reopens after roof repairs",
    "Hospital opens a new children's wing",
    "Train fares to rise again in May",
    "Summer festival line-up announced",
    "Park gets a new playground",
] + [f"Regional roundup number {n} from the valley" for n in range(9, 21)]
ITEM = "The Elm Street bridge was closed on Tuesday after a lorry hit a railing."


def test_a_river_of_dated_stories_is_not_pulled_into_a_short_item() -> None:
    for dated in (["{n} hours ago", "{m} min read"], ["{m} min read"]):
        lines = ["The Daily Courier", "News | Sport | Business | Opinion", "", "Bridge closed", ""]
        lines += [ITEM, ""]
        for n, headline in enumerate(NEWS, 1):
            lines += [headline, *(d.format(n=n, m=n % 9 + 2) for d in dated), ""]
        lines += ["About us", "© 2026 The Daily Courier"]
        paras = clean(RawDocument("t", "\n".join(lines), "text")).body.split("\n\n")
        assert ITEM in paras
        assert not any(headline in paras for headline in NEWS[1:])  # the item, not the river


DOCTORS = [("Dr Anna Smith", "Cardiology"), ("Dr Ben Okoro", "Dermatology")]
DOCTORS += [("Dr Clara Weiss", "Neurology"), ("Dr David Lee", "Paediatrics")]
DOCTORS += [("Dr Eva Novak", "Oncology"), ("Dr Femi Ade", "Orthopaedics")]


def test_a_records_last_line_of_no_field_does_not_reach_above_the_first_record() -> None:
    # A phone number or an e-mail ends each record: no field of a run (contact lines).
    menu = ["Home | Our doctors | Appointments | Contact", "* Home", "* Our doctors"]
    lines = [*menu, "* Book online", ""]
    for n, (name, field) in enumerate(DOCTORS):
        lines += [name, f"Specialty: {field}", f"Phone: 0113 496 000{n}", ""]
    body = clean(RawDocument("t", "\n".join([*lines, "© 2026 Leeds Clinic"]), "text")).body
    assert body.split("\n\n")[0] == "Dr Anna Smith"  # not the menu's last item
    lines = ["Home | A | B", "* Home", "* About", ""]
    for n in range(1, 41):
        lines += [f"Name: Person {n}", f"Email: p{n}@example.com", f"Phone: 555-{n:04}", ""]
    body = clean(RawDocument("t", "\n".join(lines), "text")).body
    assert body.split("\n\n")[0] == "Name: Person 1"


BOOKS = [("Winter Tides", "Ann Lee"), ("The Glass Road", "Raj Patel"), ("Low Sun", "Tom Wu")]
BOOKS += [("North Water", "Mia Wong"), ("A Quiet Harbour", "Lee Park"), ("Salt", "Eva Novak")]


def test_a_price_inside_each_record_keeps_the_first_records_name() -> None:
    # rank, title, author, format, price, then the recurring field: the first record's
    # opening lines hold a count and a price as every other record's do.
    lines = ["Books", "Best Sellers in Books"]
    for n, (title, author) in enumerate(BOOKS, 1):
        form = ("Hardcover", "Paperback", "Kindle")[n % 3]  # (no field: too few alike)
        lines += [f"{n}. #{n}", title, author, form, f"${n + 12}.40"]
        lines += [f"{n % 3 + 2} formats available"]
    lines += ["© 2026 Example Books"]
    paras = clean(RawDocument("t", "\n".join(lines), "text")).body.split("\n\n")
    for title, author in BOOKS:
        assert title in paras and author in paras


def test_a_line_the_second_record_has_more_keeps_the_first_records_name() -> None:
    # name, price, "+ More": record 2 has one line more ("Save $100"), record 1 still opens
    # with its name and price (not the count of record 2's lines, nor none of them).
    desks = ["Craft Table", "Pneumatic Desk", "Clearance Desk", "Bistro Table", "Wall Desk"]
    lines = ["Shop | Desks | Tables | Sale", "All desks"]
    for n, name in enumerate(desks):
        lines += [f"UPLIFT {name}", f"${n + 4}49+"]
        lines += ["Save $100 Clearance"] * (n == 1) + ["+ More"]
    info = measure_page(lines, STOPS)
    (block,) = records._blocks(records.record_runs(info))
    assert block[0][0] == lines.index("$449+")  # (its price: a field every record gives)
    assert records._head(block, info) == 1  # (its name above it)
    # Read without the prices (lines of figures as no field), "+ More" opens the block.
    info = measure_page(lines, STOPS)
    for ln in info:
        if ln.furniture == records.FIGURES:
            ln.furniture = "ad"
    (block,) = records._blocks(records.record_runs(info))
    assert block[0][0] == lines.index("+ More")
    assert records._head(block, info) == 2
