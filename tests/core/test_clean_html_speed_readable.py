"""readability's cheaper inputs, each checked against what it replaces (no Textual): a copy of
the page's parsed tree instead of a second parse, and its cleaner's link check skipped on
links that cannot hold a script scheme (html.py, html_readable.py)."""

from __future__ import annotations

import copy

from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree
from readability import Document
from readability import readability as readability_module

from tui.core.clean import html as H
from tui.core.clean import html_readable as R

PIECES = ["<p>", "</p>", "<div>", "</div>", "<ul><li>item</li></ul>", "<br>", "text ",
          "<table><tr><td>cell</td></tr></table>", "<form><input></form>", "<h2>Head</h2>",
          "<script>var x = 1;</script>", "&amp;", "<!-- c -->", "<a href='/x'>link</a>",
          "<?pi x?>", "<div hidden>hidden box</div>", "<p style='display:none'>unseen</p>",
          "<style>p {}</style>", "<noscript>ns</noscript>", "<svg><title>t</title></svg>",
          "<a href=' javascript:go() '>js</a>", "<img src='data:image/svg+xml;base64,AA'>",
          "<!--[if IE]><p>old</p><![endif]-->", "<base href='http://example.com/a/'>",
          "caf\u00e9 \u2014 ", "<P>Upper</P>", " tail ", "<div style=\"background:url('x')\">"
          "styled</div>", "<p>The harbour board said on Tuesday that the new quay would open "
          "in May, after two years of work and a long argument about the dredging.</p>",
          "\ud800", "\U0001f600 "]  # a lone surrogate (lxml stops there) and an astral sign
BODIES = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
STARTS = st.sampled_from(["<html>", "<!DOCTYPE html>\n<html>", "<!doctype html><html lang='en'>",
                          "<!-- first -->\n<html>", "<?xml version='1.0'?><html>", "\ufeff<html>",
                          "  <html>", "<html/>\n", ""])


def _summary(doc) -> str:
    try:
        return Document(doc).summary(html_partial=True)
    except Exception:  # noqa: BLE001 - an empty document raises; extract() reads "no text"
        return "raised"


@settings(max_examples=120, deadline=None)
@given(STARTS, BODIES)
@example("<!DOCTYPE html>\n<html>", "<!-- c --><div hidden>a</div><p>x</p><?pi x?>")
@example("<html>", "<p>a\x01b</p>")
def test_readability_reads_a_copy_of_the_tree_as_it_reads_the_page(start: str, body: str) -> None:
    """Where _parse marks its tree as the whole page read unrepaired, readability's summary of
    a copy of it is the one its own parse of the page gives; the tree itself is unchanged."""
    page = f"{start}<head><title>T</title></head><body>{body}</body></html>"
    tree = H._parse(page)
    if tree is None or H._LOCAL.copyable is not tree:
        return
    before = etree.tostring(tree)
    assert _summary(H._readability_tree(page, tree)) == _summary(H._readability_tree(page))
    assert etree.tostring(tree) == before  # hidden elements dropped from the copy only


def test_only_the_whole_page_read_as_it_came_is_copied() -> None:
    """A page trafilatura's repair changed (control characters, a doctype on one line with
    a slash), a page read as a fragment (no <html> first) and one read from bytes (an
    encoding declaration) are parsed again for readability."""
    plain = "<html><body><p>A short note on the quay.</p><p>More.</p></body></html>"
    tree = H._parse(plain)
    assert tree is not None and H._LOCAL.copyable is tree
    for page in (plain.replace("short", "sh\x01ort"),
                 '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x.dtd"/>' + plain,
                 "<div><p>A short note.</p><p>More.</p></div>",
                 '<?xml version="1.0" encoding="utf-8"?>' + plain):
        tree = H._parse(page)
        assert tree is not None and H._LOCAL.copyable is None, page


def test_extract_hands_readability_the_copy_only_for_that_page(monkeypatch) -> None:
    given_trees: list[object] = []
    original = H._readability

    def spy(html: str, tree=None) -> str:
        given_trees.append(tree)
        return original(html, tree)

    monkeypatch.setattr(H, "_readability", spy)
    page = ("<html><body><nav>Home</nav><p>The harbour board said on Tuesday that the new "
            "quay would open in May.</p></body></html>")  # under 30 words: readability asked
    H.extract(page)
    H.extract(page.replace("harbour", "har\x01bour"))  # repaired: parsed again
    assert len(given_trees) == 2 and given_trees[0] is not None and given_trees[1] is None


LINK_PIECES = ["javascript", "JavaScript", "jscript", "vbscript", "data", "about", "mocha",
               "livescript", ":", ": ", "%3A", "%3a", "%20", "%", "+", " ", "\t", "\x01", "\x0b",
               "\x1c", "http", "https", "://", "www.example.com/", "image/svg", ";base64,",
               "a", "t", "o", "T", "A", "O", "\u017f", "\u0131", "\u0130", "\u212a", "\u00e9",
               "x", "#", "?q=1", "&", "/"]
LINKS = st.lists(st.sampled_from(LINK_PIECES), max_size=10).map("".join)


@settings(max_examples=400, deadline=None)
@given(LINKS)
@example("java+script:go()")
@example("data:image/svg+xml;base64,AA")
@example("https://example.com/a:b")
@example("jav\x01ascript\t:x")
@example("about\x1c:blank")
@example("javascript+:go()")
def test_links_passed_by_are_ones_the_cleaner_returns_as_they_came(link: str) -> None:
    cleaner = copy.copy(readability_module.html_cleaner)
    cleaner.__dict__.pop("_remove_javascript_link", None)  # the library's own check
    if not R.may_be_script(link):
        assert cleaner._remove_javascript_link(link) == link
    assert R._checked(cleaner._remove_javascript_link)(link) == \
        cleaner._remove_javascript_link(link)


def test_links_that_hold_a_script_scheme_still_go_to_the_check() -> None:
    for link in ("javascript:go()", "JAVA SCRIPT :x", "java+script:x", "javascript%3Ax",
                 "data:text/html,x", "about:blank", "mocha:x", "\u017fx:", "vbscript\x01:x",
                 "javascript+:x", "data +\t:x"):
        assert R.may_be_script(link), link
    for link in ("https://example.com/a", "/path?q=1#top", "tel:123", "ftp://x"):
        assert not R.may_be_script(link), link


@settings(max_examples=60, deadline=None)
@given(STARTS, BODIES)
def test_the_cleaner_with_the_check_skipped_cleans_as_before(start: str, body: str) -> None:
    page = f"{start}<head><title>T</title></head><body>{body}</body></html>"
    plain = copy.copy(readability_module.html_cleaner)
    plain.__dict__.pop("_remove_javascript_link", None)
    quick = copy.copy(plain)
    quick._remove_javascript_link = R._checked(plain._remove_javascript_link)
    try:
        doc = H._readability_tree(page)
    except etree.ParserError:
        return
    assert etree.tostring(quick.clean_html(doc)) == etree.tostring(plain.clean_html(doc))


def test_the_check_is_installed_once_on_readability_s_cleaner_only() -> None:
    from lxml_html_clean import Cleaner

    R.readability_text(H._readability_tree("<html><body><p>A note.</p></body></html>"))
    with R.ours():  # (in place only inside Wiredesk's call: html_readable.ours)
        installed = readability_module.html_cleaner._remove_javascript_link
        assert getattr(installed, "wiredesk", False)
    R._check_installed()
    with R.ours():
        assert readability_module.html_cleaner._remove_javascript_link is installed
    assert not getattr(readability_module.html_cleaner._remove_javascript_link, "wiredesk", 0)
    assert not getattr(Cleaner()._remove_javascript_link, "wiredesk", False)


def test_the_characters_the_repair_deletes_are_trafilatura_s() -> None:
    from trafilatura.utils import INVALID_XML_CHARS

    deleted = {chr(c) for c in range(0x110000) if INVALID_XML_CHARS.search(chr(c))}
    assert deleted == set(H._INVALID)


REPAIR_PIECES = ["<!DOCTYPE html>", "<!doctype html PUBLIC 'x' 'y'/>", "< ! DOCTYPE x/>", "\n",
                 "\r\n", "<html>", "<html lang='en'/>", "<html/>", " />", "<head>", "<p>a</p>",
                 "\x01", "\x0b", "\x1f", "\ufffe", "\uffff", "\t", "text", "\u00e9", "/>", "<"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(REPAIR_PIECES), max_size=12).map("".join))
@example("<!DOCTYPE html/>")
@example("<!doctype html>\n<html/>\n<body>x</body>")
@example("a" * 4093 + "<html/>\n<html/>")
def test_the_repair_is_trafilatura_s(page: str) -> None:
    from trafilatura.utils import repair_faulty_html

    beginning = page[:50].lower()
    assert H._repaired(page, beginning) == repair_faulty_html(page, beginning)


def test_a_lone_surrogate_does_not_cut_the_page() -> None:
    """lxml stops reading a page at a lone surrogate (a cut emoji pair in a JSON Lines record):
    the page is read again with U+FFFD in its place, by trafilatura and readability alike."""
    paras = [f"<p>Paragraph {i}: the council met on Tuesday to argue about the budget for many "
             "hours, and the members could not agree on the plan for the harbour.</p>"
             for i in range(5)]
    paras[1] = paras[1].replace("Tuesday", "Tuesday \ud800")
    page = ("<html><head><title>B</title></head><body><article>"
            f"{''.join(paras)}</article></body></html>")
    text, _, extracted, _ = H.extract(page)
    assert extracted and "Tuesday \ufffd to argue" in text
    assert all(f"Paragraph {i}:" in text for i in range(5))
