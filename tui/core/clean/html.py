"""HTML: the main text (trafilatura, with readability-lxml's long paragraphs added when
trafilatura's result looks weak: see combine.py) and the metadata the page declares (Open
Graph, meta tags, JSON-LD, <html lang>, the title from the best evidence: html_meta.py).

Parsing happens once, as trafilatura parses; trafilatura works on that tree with its default
settings and comments off (its best figure on pages of every kind), its own fallback (its
readability fork and jusText) asked only where it is likely to change the extraction
(``fallback_needed``). Readability runs when trafilatura kept far less prose than the
page's paragraphs hold, or when the page holds sentences trafilatura's text lacks
(``html_agree.worth_asking``: about a quarter of pages); its sentences inside the article both
kept are added (``html_agree.top_up``), and the blocks of the article's own box that
trafilatura skipped between lines it kept (lists, subheadings: ``html_inside.fill_inside``).
Anything unparsable (binary junk, absurd nesting, a page of megabytes) falls back to a tag
stripper; nothing here raises.
"""

from __future__ import annotations

import copy
import html as htmllib
import re
import threading
from collections.abc import Callable
from typing import Any

from tui.core.clean.combine import add_missed
from tui.core.clean.html_agree import top_up, worth_asking
from tui.core.clean.html_anchors import drop_anchor_signs
from tui.core.clean.html_bare import wrap_bare_text
from tui.core.clean.html_blocks import redraw
from tui.core.clean.html_inside import fill_inside
from tui.core.clean.html_meta import read_meta
from tui.core.clean.html_pre import part_flavours
from tui.core.clean.html_readable import (
    _BLOCKS,  # noqa: F401
    blank_controls,
    block_text,
    readability_text,
)
from tui.core.clean.html_records import add_records
from tui.core.clean.html_trim import trim
from tui.core.clean.html_whole import whole_items

_MAX_HTML = 3_000_000  # characters; longer pages are cut (no article is that long)
FAST = False
PRECISION = False
WEAK = 0.6  # trafilatura kept less than this share of the paragraphs' words: ask readability
BETTER = 1.4  # readability's text wins when this many times longer
_TAG = re.compile(r"<[^<>]{0,2000}>")
_HEAVY = re.compile(r"<(script|style|svg|template)\b.*?</\1\s*>", re.S | re.I)
_DROP = re.compile(r"<(script|style|noscript|template|svg|head)\b.*?</\1\s*>", re.S | re.I)
_BLOCK_END = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|blockquote|section|article|pre|ul|ol|"
                        r"table|header|footer|figure|figcaption)\b[^>]*>", re.I)
_HIDDEN = ("script", "style", "noscript", "template", "svg", "head")
# A character reference to a character XML forbids (a control, "&#12;", a form feed; or the
# non-characters U+FFFE and U+FFFF): the parsed page holds the character, and trafilatura,
# which builds an XML tree, then finds no text at all. HTML reads a form feed as white space;
# the others are no text: each is read as a space (as written raw, the parser drops them or
# they do no harm). Tab, line feed and carriage return are XML's, surrogates become U+FFFD.
_CONTROL_REF = re.compile(
    r"&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|6553[45])(?![0-9])"
    r"|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F]));?"
)


def extract(html: str, origin: str = "") -> tuple[str, dict, bool, Callable[[], str]]:
    """(text, metadata, extracted, visible). ``extracted`` is True when an extractor chose the
    text (paragraphs per line); False when the text is the whole page with tags stripped.
    ``visible()`` computes the whole page's visible text, one block per line (call it last:
    it strips the parsed page of its scripts and styles)."""
    html = lighten(html or "")[:_MAX_HTML]
    if "&#" in html:
        html = _CONTROL_REF.sub(" ", html)
    tree = _parse(html)
    if getattr(_LOCAL, "cut", False):  # lxml stopped at a lone surrogate (a cut emoji
        html, cut = _SURROGATE.subn("\ufffd", html)  # pair in a record): read it whole
        tree = _parse(html) if cut else tree
    if tree is None:
        text = strip_tags(html)
        return text, {}, False, lambda: text
    _safe(wrap_bare_text, tree)  # prose straight in <body>: blocks of their own (html_bare)
    _safe(drop_anchor_signs, tree)  # "Path#", "Installation¶": a heading's link to itself
    _safe(part_flavours, tree)  # a <pre>'s two <code> flavours side by side: two blocks
    meta = _safe(read_meta, tree) or {}
    prose = _safe(_prose_words, tree) or 0
    text = _safe(_trafilatura, tree, origin, prose) or ""
    n = len(text.split())
    alt = ""
    own = tree if getattr(_LOCAL, "copyable", None) is tree else None  # _readability_tree
    _LOCAL.copyable = None  # the page's tree is not held after this call
    if n < WEAK * prose or n < 30:
        alt = _safe(_readability, html, own) or ""
        if n < 30 and len(alt.split()) >= max(BETTER * n, 30):
            text = alt  # trafilatura found next to nothing: readability's text
        elif alt:
            text = add_missed(text, alt)  # what trafilatura kept, and the prose it missed
    elif _safe(worth_asking, tree, text):  # the page holds sentences the text lacks
        alt = _safe(_readability, html, own) or ""
    if text.strip():  # a listing's records trafilatura dropped as links (html_records.py)
        text = _safe(add_records, tree, text) or text
        text = _safe(trim, tree, text) or text  # dialogs, links after the article (html_trim)
        text = _safe(whole_items, tree, text) or text  # list items cut to their ends
    if alt:  # readability's sentences inside the article both kept (html_agree.py); after
        # the trim, which would otherwise read an added sentence as the article's last line
        text = _safe(top_up, text, alt) or text
    if text.strip():  # blocks of the article's own box skipped between kept lines (html_inside)
        text = _safe(fill_inside, tree, text) or text

    def visible() -> str:
        return _safe(visible_text, tree) or ""

    if text.strip():  # paragraph lines where the page draws its blocks (html_blocks.py)
        return _safe(redraw, tree, text) or text, meta, True, visible
    return strip_tags(html), meta, False, visible


def lighten(html: str, limit: int = _MAX_HTML) -> str:
    """A page longer than ``limit`` without its scripts, styles and inline images: modern pages
    carry megabytes of them, and cutting the page at the limit would cut the article."""
    if len(html) <= limit:
        return html
    return _HEAVY.sub(" ", html)


def _safe(fn, *args):
    try:
        return fn(*args)
    except Exception:  # noqa: BLE001 - hostile pages: any failure means "no answer"
        return None


def _parse(html: str):
    """The page parsed as trafilatura parses it (its parser settings matter: handed a tree
    lxml.html built with its defaults, trafilatura keeps much less of some pages). The same
    steps as ``trafilatura.utils.load_html``, with a parser that picks element classes in C
    (``_parser``): every element trafilatura, readability's fork and the redraw touch is
    wrapped without a Python call, and each is an ``HtmlElement`` as before. Anything the
    quick path does not take (an encoding declaration, an empty or dubious tree) goes
    through ``load_html`` itself."""
    from trafilatura.utils import load_html

    _LOCAL.copyable = _LOCAL.cut = None
    if not html or html.isspace():
        return None
    try:
        tree = _quick_parse(html)
        if tree is None:
            tree = load_html(html)
        elif _too_deep(_parser()):  # lxml stops reading there: the whole page is kept instead
            _LOCAL.copyable = None
            return None
        elif _LOCAL.cut:  # extract reads the page again without its lone surrogates
            _LOCAL.copyable = None
    except Exception:  # noqa: BLE001 - lxml raises several kinds on broken input
        return None
    return _whole(tree) if tree is not None and hasattr(tree, "text_content") else None


def _whole(tree):
    """The page ``tree`` was cut from: lxml hands a fragment (a record's or a pasted page's
    markup, a page opening on a comment) as its ``<body>`` renamed ``<div>``, or as the body's
    one element, and trafilatura, handed that, drops the text before the first block ("Said
    <b>no</b>. <p>Next..."). Its ``<html>``, with the body named so again, loses nothing."""
    root = tree.getroottree().getroot()
    if tree is root or root.tag != "html":
        return tree
    if tree.getparent() is root and tree.tag in ("div", "span") and root.find("body") is None:
        tree.tag = "body"
    return root


def _too_deep(parser) -> bool:
    """Whether ``parser``'s last page nested deeper than lxml reads (2,048 elements with
    ``huge_tree``; unclosed tags on old pages nest that deep): everything after that point is
    missing from its tree. Notes in ``_LOCAL.cut`` whether it stopped at a character it
    cannot encode (a lone surrogate): the rest of the page is missing then too."""
    deep = False
    for e in parser.error_log:
        deep = deep or "Excessive depth" in e.message
        if e.type_name == "ERR_INVALID_ENCODING":
            _LOCAL.cut = True
    return deep


def _quick_parse(html: str):
    """``load_html``'s first pass with ``_parser``; None where load_html would go on."""
    import lxml.html
    from trafilatura.utils import is_dubious_html

    beginning = html[:50].lower()
    repaired = _repaired(html, beginning)
    try:
        tree = lxml.html.fromstring(repaired, parser=_parser())
    except Exception:  # noqa: BLE001 - load_html retries these as bytes
        return None
    if tree is None or len(tree) < 1 or (is_dubious_html(beginning) and len(tree) < 2):
        return None
    if repaired == html and tree.getparent() is None:  # the whole page, as it came
        _LOCAL.copyable = tree  # readability may read a copy of it (_readability_tree)
    return tree


_SURROGATE = re.compile("[\ud800-\udfff]")
_INVALID = [chr(c) for c in (*range(9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF)]


def _repaired(html: str, beginning: str) -> str:
    """trafilatura's ``repair_faulty_html``, the same steps. Whether the page holds any of the
    characters it deletes (nearly no page does) is asked by one search per character (about
    0.4 ms a wcxb page) instead of its pattern's substitution (0.65 ms)."""
    from trafilatura import utils

    if any(c in html for c in _INVALID):
        return utils.repair_faulty_html(html, beginning)
    if "doctype" in beginning:
        end = html.find("\n")
        firstline = html[:end] if end >= 0 else html
        line = utils.DOCTYPE_TAG.sub("", firstline, count=1)
        if end < 0 or line != firstline:  # (the page is not copied where nothing changes)
            html = line + "\n" + html[end + 1:] if end >= 0 else line + "\n"
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            return utils.FAULTY_HTML.sub(r"\1>", html, count=1)
    return html


_LOCAL = threading.local()  # one parser per thread: lxml parsers are not to be shared
_SETTINGS: dict[str, dict[str, Any]] = {  # each library's own parser settings
    "trafilatura": {"collect_ids": False, "default_doctype": False, "encoding": "utf-8",
                    "remove_comments": True, "remove_pis": True},  # utils.HTML_PARSER
    "readability": {"encoding": "utf-8"},  # readability-lxml's htmls.utf8_parser
}
for _kind in _SETTINGS.values():  # nesting past 256 (lxml's default) kept up to 2,048: the
    _kind["huge_tree"] = True  # text after an old page's unclosed tags is not dropped


def _parser(kind: str = "trafilatura"):
    """The HTML parser ``kind`` uses (its settings) with a class lookup done in C:
    HtmlElement for every element (lxml.html's own lookup calls Python for each element it
    wraps)."""
    key = "parser_" + kind
    parser = getattr(_LOCAL, key, None)
    if parser is None:
        from lxml import etree
        from lxml.html import (
            HtmlComment,
            HtmlElement,
            HtmlEntity,
            HTMLParser,
            HtmlProcessingInstruction,
        )

        parser = HTMLParser(**_SETTINGS[kind])
        parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
            element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction,
            entity=HtmlEntity))
        setattr(_LOCAL, key, parser)
    return parser


def _prose_words(tree) -> int:
    """Words in the page's paragraphs long enough to be prose: what a good extraction keeps."""
    n = 0
    for p in tree.iter("p"):
        text = p.text_content()
        if len(text) >= 80:
            n += len(text.split())
    return n


def _trafilatura(tree, origin: str, prose: int = 0) -> str | None:
    """trafilatura's text of ``tree``, its own fallback (its readability fork and jusText)
    asked only where it is likely to change the extraction (``fallback_needed``)."""
    import trafilatura

    try:  # the thread's marks are always taken off again, whatever raises
        _LOCAL.prose = prose  # read by fallback_needed, inside this thread's call only
        _LOCAL.items = int(tree.xpath("count(//li[string-length(.) >= 80])"))
        _gate_installed()
        return trafilatura.extract(tree, url=origin if "://" in origin else None,
                                   favor_precision=PRECISION, include_comments=False,
                                   fast=FAST, include_tables=True, deduplicate=False)
    finally:
        _LOCAL.prose, _LOCAL.items = None, 0


SHORT = 250  # characters: trafilatura's MIN_EXTRACTED_SIZE, under which jusText is asked
LIST_ITEMS = 3  # list items of prose (80+ characters) on the page that readability may keep
FALLBACK_WEAK = 0.5  # extraction words under this share of the page's prose: ask the fallback
_UNCLEAN = ("aside", "audio", "button", "fencedframe", "fieldset", "figure", "footer",
            "iframe", "input", "label", "link", "nav", "noindex", "noscript", "object",
            "option", "select", "source", "svg", "time")  # trafilatura's SANITIZED_XPATH


def fallback_needed(body, text: str, prose: int) -> bool:
    """Whether trafilatura's comparison with its fallback extractors is likely to change its main
    extraction ``body``/``text``: it is short (jusText and readability are asked), it holds
    tags its sanitiser distrusts (jusText), it has no paragraph text or more tables than
    paragraphs (readability preferred when longer), it kept under ``FALLBACK_WEAK`` of the
    words the page's prose paragraphs hold, or under half of the page's ``LIST_ITEMS`` or
    more list items of prose (in both, readability could find twice as much). Skipping the
    comparison elsewhere changed 5 of 1,518 aeb and wcxb_dev pages (2 lost .01-.03 of words)."""
    if len(text) < SHORT or next(body.iter(*_UNCLEAN), None) is not None:
        return True
    if not body.xpath(".//p//text()") or len(body.findall(".//table")) > len(body.findall(".//p")):
        return True
    if len(text.split()) < FALLBACK_WEAK * prose:
        return True
    items = getattr(_LOCAL, "items", 0)
    return items >= LIST_ITEMS and len(body.findall(".//item")) < items / 2


def _gate_installed() -> None:
    """trafilatura's cascade step "main extractor, then the comparison" with the comparison
    gated by ``fallback_needed`` inside Wiredesk's calls (a thread-local says which); any
    other call of trafilatura runs it as before. Left alone where trafilatura's internals
    differ from the ones this was written for (then its comparison runs on every page)."""
    from trafilatura import core

    step = getattr(core, "_extract_and_compare", None)
    if step is None or getattr(step, "wiredesk", False):
        return
    if not all(hasattr(core, n) for n in ("extract_content", "compare_extraction", "copy")):
        return

    def gated(cleaned_tree, cleaned_tree_backup, tree, options):
        prose = getattr(_LOCAL, "prose", None)
        # as trafilatura does: outside Wiredesk's call, in fast mode, and in its recall retry
        # (it runs where little was kept, and compares on rules of its own)
        if prose is None or options.fast or getattr(options, "focus", "") == "recall":
            return step(cleaned_tree, cleaned_tree_backup, tree, options)
        body, text = core.extract_content(cleaned_tree, options)
        if fallback_needed(body, text, prose):
            body, text = core.compare_extraction(cleaned_tree_backup, core.copy(tree), body,
                                                 text, options)
        return body, text

    gated.wiredesk = True  # type: ignore[attr-defined]
    core._extract_and_compare = gated


def _readability(html: str, tree=None) -> str:
    blank = blank_controls(html)  # characters readability raises on (html_readable.py)
    if blank is not html:
        html, tree = blank, None  # (the page's tree holds them: read again without)
    return readability_text(_readability_tree(html, tree))  # (html_readable.py)


def _readability_tree(html: str, tree=None):
    """The page as readability-lxml's ``build_doc`` parses a str (UTF-8 bytes, its parser's
    settings), with element classes picked in C (``_parser``). Handed a tree, readability
    reads it again on a retry after dropping its hidden elements in place, which a second
    pass finds none of: the same tree as parsing the page anew, without the second parse.
    ``tree`` (the whole page as ``_parse`` read it unrepaired) is copied, not parsed again:
    the parsers differ in dropping comments and processing instructions, which readability's
    cleaner drops too (a copy: readability drops hidden elements in place)."""
    import lxml.html

    if tree is not None:
        return copy.deepcopy(tree)

    return lxml.html.document_fromstring(html.encode("utf-8", "replace"),
                                         parser=_parser("readability"))


def visible_text(tree) -> str:
    """Text of the whole page as a reader sees it, one line per block. Removes the page's
    scripts, styles and head from ``tree``."""
    from lxml import etree

    # In C, as lxml.html's drop_tree does it: each hidden element goes with what it holds,
    # its tail stays in place; ``tree`` itself stays even when it is hidden.
    etree.strip_elements(tree, *_HIDDEN, with_tail=False)
    return block_text(tree)


def strip_tags(html: str) -> str:
    """Whole-page text by regular expressions: the fallback when no parser copes."""
    text = _DROP.sub(" ", html)
    text = _BLOCK_END.sub("\n", text)
    text = _TAG.sub(" ", text)
    return htmllib.unescape(text)
