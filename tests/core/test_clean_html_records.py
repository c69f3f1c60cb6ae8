"""A listing's records that trafilatura drops as link-heavy are added back (no Textual)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tui.core.clean import clean, html, html_records
from tui.core.clean.html import _parse
from tui.core.clean.html_records import add_records
from tui.core.model import RawDocument

INTRO = "Walking boots for every trail"
LEAD = "Our pick of boots this season, tested on wet rock and long days out."
MORE = "Every pair was worn for a month by two of our walkers, in the hills and on the coast."
NAMES = ["Ridge", "Summit", "Valley", "Harbour", "Moorland", "Canyon"]


def card(name: str, k: int) -> str:
    return (f'<li class="card"><a href="/b/{k}"><h3>{name} Trail Boot, waterproof leather</h3>'
            f'</a><p>A light boot with a stiff sole, for day walks. From {40 + k} pounds.</p>'
            f'<a href="/b/{k}#reviews">{k + 3} reviews</a></li>')


def page(cards: str, wrap: str = "div", cls: str = "results") -> str:
    return (f"<html><body><header><a href='/'>Shop</a></header><main><h1>{INTRO}</h1>"
            f"<p>{LEAD}</p><p>{MORE}</p><{wrap} class='{cls}'><ul class='grid'>{cards}</ul>"
            f"</{wrap}>"
            f"<p>Prices include tax.</p></main>"
            "<footer><p>Copyright the shop, all rights reserved.</p></footer></body></html>")


CARDS = "".join(card(n, k) for k, n in enumerate(NAMES))
KEPT = f"{INTRO}\n{LEAD}\n{MORE}\nPrices include tax."


def test_dropped_records_are_added_where_the_page_has_them() -> None:
    out = add_records(_parse(page(CARDS)), KEPT).split("\n")
    assert out[:3] == [INTRO, LEAD, MORE]
    assert out[3] == "Ridge Trail Boot, waterproof leather"
    assert "A light boot with a stiff sole, for day walks. From 45 pounds." in out
    assert out[-1] == "Prices include tax."  # after the records, as on the page
    assert not any("Copyright" in ln or ln == "Shop" for ln in out)


def test_an_article_is_left_to_trafilatura() -> None:
    prose = " ".join(["The boots were worn on long walks over wet rock and through mud."] * 4)
    text = f"{INTRO}\n{prose}\n{prose}"
    assert add_records(_parse(page(CARDS)), text) == text


def test_records_in_furniture_are_not_added() -> None:
    for wrap, cls in (("aside", "results"), ("div", "related-posts"), ("nav", "x"),
                      ("div", "sidebar"), ("footer", "x")):
        assert add_records(_parse(page(CARDS, wrap, cls)), KEPT) == KEPT, (wrap, cls)


def test_menus_and_short_runs_are_not_records() -> None:
    menu = "".join(f'<li class="card"><a href="/{n}">{n} boots</a></li>' for n in NAMES * 9)
    assert add_records(_parse(page(menu)), KEPT) == KEPT
    three = "".join(card(n, k) for k, n in enumerate(NAMES[:3]))
    assert add_records(_parse(page(three)), KEPT) == KEPT


def test_records_trafilatura_kept_are_not_added_again() -> None:
    tree = _parse(page(CARDS))
    cards = tree.findall(".//li")
    held = "\n".join(" ".join(html_records._record_lines([c])) for c in cards)  # own lines
    text = f"{KEPT}\n{held}"
    assert add_records(tree, text) == text
    part = "\n".join(" ".join(html_records._record_lines([c])) for c in cards[:1])
    assert add_records(tree, f"{KEPT}\n{part}") != f"{KEPT}\n{part}"  # a sixth kept: added


def test_records_that_are_few_words_beside_the_text_are_not_added(monkeypatch) -> None:
    long = "\n".join(f"Line {k} of the guide to boots and socks" for k in range(60))
    assert add_records(_parse(page(CARDS)), long) == long
    monkeypatch.setattr(html_records, "SHARE", 0.0)  # the rule off: they would be
    assert add_records(_parse(page(CARDS)), long) != long


def test_the_tree_is_not_touched() -> None:
    tree = _parse(page(CARDS))
    before = etree.tostring(tree)
    add_records(tree, KEPT)
    assert etree.tostring(tree) == before  # the redraw reads the page's line ends later


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(NAMES), min_size=0, max_size=9),
       st.lists(st.sampled_from([INTRO, LEAD, "Prices include tax.", "Ridge", "x"]),
                min_size=1, max_size=6))
def test_nothing_kept_is_removed_or_reordered(names: list[str], kept: list[str]) -> None:
    cards = "".join(card(n, k) for k, n in enumerate(names))
    text = "\n".join(kept)
    out = add_records(_parse(page(cards)), text).split("\n")
    it = iter(out)
    assert all(any(ln == o for o in it) for ln in kept)  # kept lines, in order


def test_clean_keeps_a_listing_s_cards(monkeypatch) -> None:
    # trafilatura keeps these simple cards; on real listings it drops such records as links
    monkeypatch.setattr(html, "_trafilatura", lambda tree, origin: KEPT)
    body = clean(RawDocument("https://shop.example/boots", page(CARDS), "html")).body
    assert LEAD in body
    for k, name in enumerate(NAMES):
        assert f"{name} Trail Boot" in body
        assert f"From {40 + k} pounds" in body


def test_the_boxes_around_main_are_layout_not_furniture() -> None:
    wrapped = page(CARDS).replace("<body>", "<body><div class='flex-wrap-footer'>")
    wrapped = wrapped.replace("</body>", "</div></body>")
    assert add_records(_parse(wrapped), KEPT) != KEPT  # inside <main>: the wrapper is layout
    outside = wrapped.replace("<main>", "<div>").replace("</main>", "</div>")
    assert add_records(_parse(outside), KEPT) == KEPT  # no <main>: the wrapper names a footer
    aside = page(CARDS, "aside").replace("<body>", "<body><div class='flex-wrap-footer'>")
    assert add_records(_parse(aside), KEPT) == KEPT  # furniture inside <main> stays furniture


def _deep_card(name: str, k: int, depth: int):
    """A card whose description sits ``depth`` spans deep (built in lxml: a parser would cut
    the nesting at its own limit)."""
    el = etree.fromstring(card(name, k), etree.HTMLParser()).find(".//li")
    inner = el.find("p")
    inner.text = None
    for _ in range(depth):
        inner = etree.SubElement(inner, "span")
    inner.text = f"A light boot with a stiff sole, for day walks. From {40 + k} pounds."
    return el


def test_records_nested_deeper_than_the_recursion_limit_are_added() -> None:
    import sys

    tree = _parse(page(""))
    grid = tree.find(".//ul")
    for k, name in enumerate(NAMES):
        grid.append(_deep_card(name, k, sys.getrecursionlimit() + 500))
    out = add_records(tree, KEPT).split("\n")  # a recursive walk raised RecursionError here
    assert "Ridge Trail Boot, waterproof leather" in out
    assert "A light boot with a stiff sole, for day walks. From 45 pounds." in out


def _reference_text(el) -> str:
    """The recursive reading the walk replaced (for shallow trees)."""
    out: list[str] = []

    def walk(node) -> None:
        if not isinstance(node.tag, str) or node.tag in html_records._HIDDEN:
            return
        block = node.tag in html_records._BLOCKS
        out.append("\n" if block else "")
        out.append(node.text or "")
        for child in node:
            walk(child)
            out.append(child.tail or "")
        out.append("\n" if block else "")

    walk(el)
    return "".join(out)


_TAGS = st.sampled_from(["div", "p", "span", "a", "li", "script", "br", "b", "form", "td"])
_MARKUP = st.recursive(
    st.text("ab .", max_size=4),
    lambda inner: st.builds(lambda t, kids, tail: f"<{t}>{''.join(kids)}</{t}>{tail}",
                            _TAGS, st.lists(inner, max_size=3), st.text("cd ", max_size=3)),
    max_leaves=12)


@settings(max_examples=80, deadline=None)
@given(st.lists(_MARKUP, max_size=4))
def test_the_walk_reads_as_the_recursive_reading(parts: list[str]) -> None:
    tree = _parse(f"<html><body><div>x<!-- note -->{''.join(parts)}</div></body></html>")
    box = tree.find(".//body")
    assert html_records.text_of(box) == _reference_text(box)
