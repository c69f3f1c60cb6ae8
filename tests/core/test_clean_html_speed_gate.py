"""trafilatura's own fallback (its readability fork, jusText) asked only where it could change
its extraction (html.fallback_needed), inside Wiredesk's calls only (no Textual)."""

from __future__ import annotations

import pytest
from lxml.etree import Element, SubElement

from tui.core.clean import html as H

PROSE = ("The harbour board said on Tuesday that the new quay would open in May, after two "
         "years of work and a long argument about who would pay for the dredging. ")


def _body(paras: list[str], tables: int = 0, extra: str = ""):
    """A main extraction as trafilatura's extract_content returns it."""
    body = Element("body")
    for text in paras:
        SubElement(body, "p").text = text
    for _ in range(tables):
        SubElement(SubElement(SubElement(body, "table"), "row"), "cell").text = "1"
    if extra:
        SubElement(body, extra).text = "x"
    return body, " ".join(paras)


def test_a_strong_extraction_needs_no_fallback() -> None:
    body, text = _body([PROSE * 3, PROSE * 2])
    assert not H.fallback_needed(body, text, prose=len(text.split()))


@pytest.mark.parametrize("share, needed", [(0.45, True), (0.55, False), (1.0, False)])
def test_an_extraction_that_kept_little_of_the_prose_asks_it(share: float, needed: bool) -> None:
    """Under FALLBACK_WEAK (0.5) of the page's prose words: readability could win."""
    body, text = _body([PROSE * 4])
    prose = round(len(text.split()) / share)
    assert H.fallback_needed(body, text, prose) is needed


def test_a_short_extraction_asks_it() -> None:
    body, text = _body(["Only a line of text."])
    assert len(text) < H.SHORT
    assert H.fallback_needed(body, text, prose=0)


def test_an_extraction_without_paragraph_text_or_with_more_tables_asks_it() -> None:
    body, text = _body([PROSE * 3], tables=2)
    assert H.fallback_needed(body, text, prose=0)
    body, text = _body([PROSE * 3], tables=1)
    assert not H.fallback_needed(body, text, prose=0)
    body = Element("body")
    SubElement(body, "list").text = PROSE * 3
    assert H.fallback_needed(body, PROSE * 3, prose=0)


@pytest.mark.parametrize("tag", ["figure", "footer", "nav", "aside", "iframe"])
def test_tags_trafilatura_distrusts_ask_jusText(tag: str) -> None:
    body, text = _body([PROSE * 3], extra=tag)
    assert H.fallback_needed(body, text, prose=0)


@pytest.mark.parametrize("page_items, kept, needed", [(6, 2, True), (6, 3, False),
                                                      (2, 0, False), (0, 0, False)])
def test_prose_list_items_the_extraction_dropped_ask_it(monkeypatch, page_items: int,
                                                        kept: int, needed: bool) -> None:
    """LIST_ITEMS (3) or more list items of prose on the page, under half of them kept."""
    body, text = _body([PROSE * 3, PROSE * 2])
    listing = SubElement(body, "list")
    for _ in range(kept):
        SubElement(listing, "item").text = "A point."
    monkeypatch.setattr(H._LOCAL, "items", page_items, raising=False)
    assert H.fallback_needed(body, text, prose=0) is needed


def test_the_page_s_prose_list_items_are_counted_for_the_gate(monkeypatch) -> None:
    seen: list[int] = []
    monkeypatch.setattr(H, "fallback_needed",
                        lambda body, text, prose: seen.append(H._LOCAL.items) or False)
    items = f"<li>{PROSE}</li>" * 4 + "<li>Home</li>"
    H._trafilatura(H._parse(ARTICLE.replace("</article>", f"<ul>{items}</ul></article>")),
                   "", 10)
    assert seen and seen[0] == 4


def _count_compares(monkeypatch) -> list[int]:
    from trafilatura import core

    calls: list[int] = []
    original = core.compare_extraction

    def counted(*args):
        calls.append(1)
        return original(*args)

    monkeypatch.setattr(core, "compare_extraction", counted)
    return calls


ARTICLE = ("<html><head><title>T</title></head><body><nav><a href='/'>Home</a></nav>"
           "<article>" + f"<p>{PROSE * 2}</p>" * 6 + "</article><footer>(c)</footer></body></html>")


def test_inside_wiredesk_a_strong_page_skips_the_comparison(monkeypatch) -> None:
    calls = _count_compares(monkeypatch)
    tree = H._parse(ARTICLE)
    text = H._trafilatura(tree, "", H._prose_words(tree)) or ""
    assert "harbour board" in text
    assert calls == []


def test_inside_wiredesk_a_weak_page_still_asks_it(monkeypatch) -> None:
    calls = _count_compares(monkeypatch)
    page = "<html><body><div><span>Menu</span> <b>Log in</b></div><p>Short.</p></body></html>"
    H._trafilatura(H._parse(page), "", 0)
    assert calls


def test_outside_wiredesk_trafilatura_is_left_as_it_was(monkeypatch) -> None:
    import trafilatura

    H._trafilatura(H._parse(ARTICLE), "", 0)  # installs the gate
    calls = _count_compares(monkeypatch)
    assert "harbour board" in (trafilatura.extract(ARTICLE, include_comments=False) or "")
    assert calls  # the comparison ran: the gate only acts inside Wiredesk's calls
    assert H._LOCAL.prose is None and H._LOCAL.items == 0


def test_the_gated_text_is_trafilatura_s_where_the_gate_runs_the_comparison(monkeypatch) -> None:
    """With the gate always open, the text is exactly trafilatura's own on the same tree."""
    import trafilatura

    monkeypatch.setattr(H, "fallback_needed", lambda body, text, prose: True)
    for page in (ARTICLE, "<html><body><p>One short line.</p><table><tr><td>a</td></tr>"
                 "</table></body></html>"):
        alone = trafilatura.extract(H._parse(page), include_comments=False, include_tables=True,
                                    deduplicate=False)
        assert H._trafilatura(H._parse(page), "", 10**6) == alone


def test_the_gate_is_installed_once() -> None:
    from trafilatura import core

    H._gate_installed()
    step = core._extract_and_compare
    H._gate_installed()
    assert core._extract_and_compare is step
    assert getattr(step, "wiredesk", False)


def test_trafilatura_s_recall_retry_inside_wiredesk_keeps_its_comparison(monkeypatch) -> None:
    """The retry trafilatura makes where little was kept (recall focus) compares as it always
    did, even where the gate would skip the comparison."""
    from trafilatura import core
    from trafilatura.settings import Extractor

    H._gate_installed()
    calls = _count_compares(monkeypatch)
    tree = H._parse(ARTICLE)
    H._LOCAL.prose = H._prose_words(tree)  # inside Wiredesk's call, a strong page
    try:
        for recall in (False, True):
            options = Extractor(recall=recall, comments=False)
            core._extract_and_compare(core.copy(tree), core.copy(tree), tree, options)
            assert len(calls) == int(recall), recall
    finally:
        H._LOCAL.prose = None
