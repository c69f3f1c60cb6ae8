"""Session 37, mend of clean37: each escape sequence is counted once where it stands in the
input (a feed's title once for the feed, a title or teaser the body repeats once), named by
the field the user wrote ("date", not an internal key), the body's share named too."""

from __future__ import annotations

import json

import pytest

from tui.core.ingest import collect

BODY = "The council met on Tuesday and voted on the harbour plan after a long debate."
ESC = "\x1b[31m"


def _escapes(warnings: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [w for w in warnings if "escape" in w[1]]


def _rss(tmp_path, channel_title: str, *items: str):
    path = tmp_path / "f.rss"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{channel_title}</title><link>http://f.example/</link><description>d</description>"
        + "".join(items)
        + "</channel></rss>"
    )
    return path


def _item(n: int, title: str = "Item", desc: str = BODY, extra: str = "") -> str:
    return (
        f"<item><title>{title} {n}</title><link>http://f.example/{n}</link>"
        f"<description>{desc}</description>{extra}<guid>{n}</guid></item>"
    )


def test_a_feed_items_teaser_is_counted_once(tmp_path):
    path = _rss(tmp_path, "Plain feed", _item(1, desc=f"Summary {ESC}bold text, short."))
    assert _escapes(collect([str(path)]).warnings) == [
        (f"{path} item 1", "1 terminal escape sequence removed (never obeyed)")
    ]


def test_an_html_items_title_and_date_are_counted_once_and_named_as_written(tmp_path):
    html = "&lt;p&gt;Some &lt;b&gt;html&lt;/b&gt; text. " + BODY + "&lt;/p&gt;"
    extra = f"<pubDate>someday {ESC} soon</pubDate>"
    path = _rss(tmp_path, "Plain feed", _item(1, title=f"Red {ESC}", desc=html, extra=extra))
    assert _escapes(collect([str(path)]).warnings) == [
        (
            f"{path} item 1",
            "2 terminal escape sequences removed (never obeyed) (1 in the title, 1 in the date)",
        )
    ]


def test_a_feeds_own_title_is_counted_once_for_the_feed(tmp_path):
    path = _rss(tmp_path, f"Feed {ESC}Red", _item(1), _item(2), _item(3))
    assert _escapes(collect([str(path)]).warnings) == [
        (str(path), "1 terminal escape sequence removed (never obeyed) (1 in the feed title)")
    ]


def test_a_title_taken_as_the_text_is_counted_once(tmp_path):
    path = tmp_path / "f.jsonl"
    records = [{"title": f"Bad {ESC}one", "text": ""}, {"title": "Good", "text": BODY}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    assert _escapes(collect([str(path)]).warnings) == [
        (f"{path}:1", "1 terminal escape sequence removed (never obeyed) (1 in the title)")
    ]


def test_the_bodies_share_is_named_beside_the_fields(tmp_path):
    path = tmp_path / "f.jsonl"
    rec = {"title": f"A {ESC}b", "author": f"Ann {ESC}Lee", "text": f"{ESC}{BODY}"}
    path.write_text((json.dumps(rec) + "\n") * 2)
    assert _escapes(collect([str(path)]).warnings) == [
        (
            str(path),
            "6 terminal escape sequences removed (never obeyed) from 2 records "
            "(2 in bodies, 2 in titles, 2 in authors)",
        )
    ]


# Bare text in <body> (html_bare): an old hand-written page's prose, never a modern page's
# furniture ("enable JavaScript", a copyright line, a cookie notice beside an <article>).
ARTICLE = "".join(
    f"<p>Paragraph {n} of the story: the city council approved a new budget on Tuesday after "
    "a long debate about the cost of road repairs and of public transport.</p>\n"
    for n in range(1, 5)
)
FURNITURE = (
    "You need to enable JavaScript to run this app and see all the features of this site.",
    "Copyright 2024 Example News Corporation. All rights reserved. Terms of use apply here.",
    "We use cookies to improve your experience on our website. By continuing you accept it.",
)


def _modern(inside: str) -> str:
    return (
        "<!doctype html><html><head><title>Council approves budget</title></head><body>\n"
        f"{FURNITURE[0]}\n<header><nav><a href='/'>Home</a> <a href='/n'>News</a></nav></header>\n"
        + " | ".join(f"<a href='/{w.lower()}'>{w}</a>" for w in "Home News Sport Weather".split())
        + f"\n{inside}\n{FURNITURE[1]}\n<footer>Contact</footer>\n<script>var x=1;</script>\n"
        f"{FURNITURE[2]}\n</body></html>"
    )


MODERN = (  # (the reviewer's page: with an <article>, bare runs before and after it)
    "<!doctype html><html><head><title>Council approves budget - Example News</title>"
    "</head><body>\nYou need to enable JavaScript to run this app and see all the feat"
    'ures of this site.\n<header><nav><a href="/">Home</a> <a href="/n">News</a></nav>'
    '</header>\n<a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Spo'
    'rt</a> | <a href="/weather">Weather</a> | <a href="/travel">Travel</a> | <a href'
    '="/about">About us</a>\n<main><article><h1>Council approves budget</h1>\n<p>The ci'
    "ty council approved a new budget on Tuesday after a long debate about the cost o"
    "f road repairs and the price of public transport in the region.</p><p>Council me"
    "mbers said the plan would raise spending on schools by four percent while keepin"
    "g taxes flat for most residents of the city.</p>\n<p>Critics argued that the budg"
    "et relied on optimistic forecasts of tax revenue and left too little in reserve "
    "for the coming winter months.</p>\n<p>The mayor is expected to sign the budget ne"
    "xt week, after a final review by the finance committee and the city's legal team"
    ".</p>\n</article></main>\nCopyright 2024 Example News Corporation. All rights rese"
    "rved. Terms of use and privacy policy apply to this site.\n<footer>Contact</foote"
    "r>\n<script>var x=1;</script>\nWe use cookies to improve your experience on our we"
    "bsite. By continuing you accept our cookie policy.\n</body></html>\n"
)


def test_a_modern_pages_bare_runs_stay_out_of_its_body():
    from tui.core.clean import clean
    from tui.core.model import RawDocument

    body = clean(RawDocument("m.html", MODERN, "html")).body
    assert body.startswith("The city council approved a new budget on Tuesday")
    assert body.endswith("the city's legal team.")
    assert not any(f[:30] in body for f in FURNITURE), body
    inside = f"<div id='content'><h1>Council approves budget</h1>\n{ARTICLE}</div>"
    body = clean(RawDocument("m.html", _modern(inside), "html")).body
    assert body.startswith("Paragraph 1 of the story") and "Paragraph 4 of the story" in body
    assert not any(f[:30] in body for f in FURNITURE), body


def test_bare_runs_are_wrapped_only_in_a_flat_body():
    from lxml import html as lxml_html

    from tui.core.clean.html_bare import wrap_bare_text

    run = "Some words here that run on for more than eight words in all."
    for page, wrapped in (
        (f"<html><body><h1>T</h1>{run}<p>More prose of the page, a block.</p></body></html>", 1),
        (f"<html><body>{run}<article>{ARTICLE}</article></body></html>", 0),
        (f"<html><body>{run}<div role='main'>{ARTICLE}</div></body></html>", 0),
        (f"<html><body>{run}<div>{ARTICLE}</div><p>x</p></body></html>", 0),
    ):
        tree = lxml_html.fromstring(page)
        wrap_bare_text(tree)
        got = [p for p in tree.iter("p") if (p.text or "").startswith("Some words")]
        assert len(got) == wrapped, page


# '>' lines in a plain text: a quoted block reads as a quotation or a session as a whole; a
# menu of '>' items stays furniture although one item looks like code.
NEWS = (
    "The city council approved a new budget on Tuesday after a long debate about the cost "
    "of road repairs and the price of public transport.\n\nCouncil members said the plan "
    "would raise spending on schools by four percent while keeping taxes flat for most "
    "residents.\n\nCritics argued that the budget relied on optimistic forecasts of tax revenue "
    "and left too little in reserve for the coming winter.\n"
)


def _plain(text: str) -> str:
    from tui.core.clean import clean
    from tui.core.model import RawDocument

    return clean(RawDocument("t.txt", text, "text")).body


def test_a_menu_of_quoted_items_stays_furniture_though_one_looks_like_code():
    for last in ("Comments(12)", "Login"):
        menu = "".join(f"> {w}\n" for w in ("Home", "News", "Sport", "Weather", last))
        body = _plain(f"City council approves new budget\n\n{menu}\n{NEWS}")
        assert body.startswith("The city council approved"), body
        assert "> Home" not in body and last not in body


def test_an_e_mail_reply_keeps_its_greeting_quote_and_sign_off():
    text = (
        "Hi Bob,\n\nThanks for the numbers, they look right to me and I will send them on to "
        "the board tomorrow morning.\n\nOn Mon, 3 May 2024, Bob Smith wrote:\n"
        "> Here are the figures\n> revenue up 4 percent\n> costs flat\n>\n> Bob\n\nBest,\nAnna\n"
    )
    body = _plain(text)
    for kept in ("Hi Bob,", "Bob Smith wrote:", "> Here are the figures", "> costs flat"):
        assert kept in body, (kept, body)
    assert "Best," in body and body.rstrip().endswith("Anna"), body


# Bylines: a sentence's full stop goes before the agency is looked for; an abbreviation's and
# an initial's stay; any number of initials opens a name.
@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("By Jo Li.", ("Jo Li", None)),
        ("By Sarah O'Connor.", ("Sarah O'Connor", None)),
        ("By A. Lee.", ("A. Lee", None)),
        ("By Smith.", ("Smith", None)),
        ("By Jane Doe Reuters.", ("Jane Doe", "Reuters")),
        ("By Jane Doe Associated Press.", ("Jane Doe", "Associated Press")),
        ("By John Smith Jr.", ("John Smith Jr.", None)),
        ("By Jane Doe Ph.D.", ("Jane Doe Ph.D.", None)),
        ("By J.R.R. Tolkien.", ("J.R.R. Tolkien", None)),
        ("By A. B. C. D. E. F. Gee", ("A. B. C. D. E. F. Gee", None)),
        ("By Jonathan Sayers Jan. 31, 2026 7:47 am EST", ("Jonathan Sayers", None)),
    ],
)
def test_a_bylines_stop_and_initials(line, want):
    from tui.core.clean.meta import byline

    assert byline(line) == want
