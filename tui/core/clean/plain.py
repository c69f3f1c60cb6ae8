"""Plain documents: a text without page furniture keeps its lines.

The prose selection (``text.select``) is built for copies of web pages, where short lines are
menus, labels and footers. A plain document (a wire story, a text file, a memo, a letter, a
README, release notes, a manual page) has no such furniture: its short lines are its own (a
title, a list, a closing line, a signature), and dropping them is a silent loss. A text is
plain when nothing on it is evidence of page furniture (``plain_document``): no line of a
furniture kind (a long text may hold a few of its own: ``document_marks``), no line of links
split by pipes (a table's rows are not: ``tables.pipe_rows``), no line repeated (a long text
may repeat a few) and no run of bulleted lines that reads as a menu (``_menus``: short names,
neither announced by a colon nor set between paragraphs). A text laid out as a file
(``file_layout``: indented, as a page copied as text never is) is a document unless it holds a
page's own furniture (an advertisement, an appeal, a ticker): its lists, repeated lines ("* New
upstream release.") and notices (copyright lines, "Source:" fields) are its own.
``whole_document`` then gives it back its lines, less the underlines of its headings
(``underlines``).
"""

from __future__ import annotations

import re
from itertools import compress

from tui.core.clean.dates import parse_date
from tui.core.clean.lang import stopwords_for
from tui.core.clean.mail import head_end
from tui.core.clean.meta import SIGNATURE, TAIL_WORDS, byline, letter_end, salutation, signoff
from tui.core.clean.plain_edges import closing, goes_on, own
from tui.core.clean.shaped import BULLETED
from tui.core.clean.tables import pipe_rows, piped_line

PLAIN_SHARE = 0.85  # a plain document whose selection keeps less than this share of its words
# A document's own headings and notices that read like page furniture ("SEE ALSO", "AUTHOR",
# its copyright line): a few of these do not make a text a web page.
DOC_KINDS = frozenset({"related", "about", "copyright", "contact", "byline", "dated"})
DOC_LINES = 60  # ...in a long text (a manual page, a report): this many lines or more...
DOC_MARKS = 3  # ...at most this many of them, or DOC_SHARE of its lines
DOC_SHARE = 0.03  # (a long text may also repeat this share of its lines)
PLAIN_ITEM = 20  # a numbered or bulleted line this long is a paragraph, not a menu item
WORD_ITEM = 3  # ...nor is one of more words than this, in lower case ("- fix the crash on start")
_PHRASE_ENDS = tuple(".!?;,")  # a list item ending so is written as (part of) a sentence
PROSE_WORDS = 8  # a sentence this long around a bulleted run sets it inside a text
_SENTENCE_ENDS = tuple(".!?")
_QUOTE_ENDS = (*_SENTENCE_ENDS, ":")  # a quoted line ending so is a letter's, not a menu's
_QUOTE_SHAPE = re.compile(r"^>(?:\s*$|\s*>)")  # a quotation's bare ">" or nested "> >" line
_CODE = re.compile(r"<-|[=;{}]|\w\(")  # a session's line: "> x <- 1", "> print(y)"
HEADING_WORDS = 6  # a heading over a list ("Ingredients") is this short
TITLE_WORDS = 20  # a plain document's first line of at most this many words may be its title
_NOT_TITLE_ENDS = (".", ",", ";", ":")  # ...unless it ends as a sentence, a salutation, a lead-in
STAMP_WORDS = 8  # ...or is a date of at most this many words ("12 March 2025")
MENU_WORDS = 3  # ...or this many capitalized words or more and nothing else ("Home News Sport")
_FUNCTION_WORDS = stopwords_for(None)  # (a menu's names go without them; a title seldom does)
_PAGE_OF = re.compile(r"(?i)page \d+ (of|/) \d+$")
FILE_INDENT = 0.1  # a text of which this share of lines (and at least FILE_LINES) opens
FILE_LINES = 2  # ...indented, and at least this many not, is laid out as a file...
FILE_RUNS = 2  # ...its indented lines in this many places or more (not one quote, one code block)
PAGE_KINDS = frozenset({"ticker", "appeal", "ad"})  # furniture only a web page has
_UNDERLINE = re.compile(r"(?:={3,}|-{3,}|~{3,}|\^{3,})$")  # a heading's underline


def file_layout(text: str) -> bool:
    """``text`` (as written, before ``reflow``) is laid out as a file, not copied from a web
    page: indented (``FILE_INDENT`` of its lines or more open with spaces or tabs, and some do
    not: a list item's continuation, a field's value, a changelog's entries, wire copy's
    paragraphs), past the margin all its lines share. A page copied as text has its
    paragraphs on a line each, none indented, or all of them alike (a hard-wrapped text may
    be either: some pages wrap their articles)."""
    # (spaces and tabs only: a page's paragraphs may open with an ideographic space, "\u3000",
    # as Chinese pages set them, or a no-break space)
    if not text.startswith((" ", "\t")) and "\n " not in text and "\n\t" not in text:
        return False  # no line indented (a page copied as text: nearly every one, at once)
    rows = [ln.expandtabs(8) if ln.strip() else "" for ln in text.split("\n")]
    filled = [ln for ln in rows if ln]
    if not filled:
        return False
    margin = min(len(ln) - len(ln.lstrip(" ")) for ln in filled)  # (indented as a whole)
    indented = sum(1 for ln in filled if ln[margin : margin + 1] == " ")
    runs, before = 0, False  # runs of indented lines, parted by a blank or unindented line
    for ln in rows:
        now = ln[margin : margin + 1] == " "
        runs, before = runs + (now and not before), now
    return (
        indented >= max(FILE_LINES, FILE_INDENT * len(filled))
        and len(filled) - indented >= FILE_LINES
        and runs >= FILE_RUNS
    )


def underlines(lines: list[str], keep: list[int]) -> list[int]:
    """``keep`` without the lines that underline a heading ("=====", "-----" right under a
    line of words: a setext heading); they hold no words, and the heading stays."""
    return [
        i
        for i in keep
        if not (
            i > 0
            and _UNDERLINE.match(lines[i])
            and any(map(str.isalpha, lines[i - 1]))
            and not _UNDERLINE.match(lines[i - 1])
        )
    ]


def document_marks(kinds: list[str | None]) -> bool:
    """The furniture kinds of a text's lines allow it to be a plain document: none, or in a
    long text a few of the kinds a document has of its own."""
    marked = [k for k in kinds if k]
    if not marked:
        return True
    return (
        len(kinds) >= DOC_LINES
        and DOC_KINDS.issuperset(marked)
        and len(marked) <= max(DOC_MARKS, DOC_SHARE * len(kinds))
    )


def _item_name(line: str) -> bool:
    """A bulleted line that reads as a name, not a sentence, a phrase or a lower-case word."""
    item = _item(line)
    return item is not None and not (item.endswith(_PHRASE_ENDS) or item[:1].islower())


def _item(line: str) -> str | None:
    """The words of a bulleted line shorter than ``PLAIN_ITEM`` words (a menu's item, or a
    list's), else None."""
    mark = BULLETED.match(line)
    if mark is None or len(line.split()) >= PLAIN_ITEM:
        return None
    return line[mark.end() :].strip()


def _inside(texts: list[str], start: int, end: int, closed: bool = False) -> bool:
    """The run ``texts[start:end]`` of bulleted lines is a document's own list: announced by
    the line above ending in a colon, or between a sentence below it and one above it (under
    a heading of at most ``HEADING_WORDS``: "Ingredients" over "* Flour"). ``closed``: any
    line ending a sentence below it will do ("- milk" over "Done.")."""
    j = start - 1
    if j >= 0 and texts[j].endswith(":"):
        return True
    if j > 0 and not _prose(texts[j]) and len(texts[j].split()) <= HEADING_WORDS:
        j -= 1
    if not (j >= 0 and _prose(texts[j]) and end < len(texts)):
        return False
    below = texts[end]
    return _prose(below) or (closed and below.endswith(_SENTENCE_ENDS))


def _menus(texts: list[str]) -> bool:
    """Some run of bulleted lines in ``texts`` (non-blank lines) reads as a menu: it holds an
    item that is no sentence or phrase (a name: "* Home", "1. Tools and calculators /"; a
    word: "- home"), and it is not a document's own list (``_inside``). A document's lists
    are sentences and phrases ("1. Open the valve slowly."), or are announced ("Changes:"
    over "* Faster import"), or sit between its paragraphs (lower-case words: between a
    paragraph and a line closing a sentence, "- bread" over "Done.")."""
    k = 0
    while k < len(texts):
        if not BULLETED.match(texts[k]):
            k += 1
            continue
        end = k + 1
        while end < len(texts) and BULLETED.match(texts[end]):
            end += 1
        run = [_item(t) for t in texts[k:end]]
        if any(map(_item_name, texts[k:end])) and not _inside(texts, k, end):
            return True  # (names: "* Home")
        words = any(
            t is not None and not t.endswith(_PHRASE_ENDS) and len(t.split()) <= WORD_ITEM
            for t in run
        )
        if words and not _inside(texts, k, end, closed=True):
            return True  # (lower-case words: "- home", "- privacy")
        k = end
    return False


def _prose(line: str) -> bool:
    """A sentence of some length, not a list item."""
    return (
        len(line.split()) >= PROSE_WORDS
        and line.endswith(_SENTENCE_ENDS)
        and BULLETED.match(line) is None
    )


def plain_document(
    lines: list[str],
    kinds: dict[int, str | None],
    lists: bool = False,
    filed: bool = False,
    table: set[int] | None = None,
) -> bool:
    """``lines`` (stripped, single-spaced; ``kinds``: each line's furniture kind) are a plain
    document: no evidence of page furniture on them (see the module's docstring). ``lists``:
    bulleted lines are the author's lists (Markdown), never a menu; ``filed``: the text is
    laid out as a file (``file_layout``), whose lines are its own unless more than
    ``DOC_MARKS`` of them are of a ``PAGE_KINDS`` kind; ``table``: the lines that are a
    table's rows (the Markdown reader's; None: ``pipe_rows``). An e-mail is none (its header
    block is read by ``mail``)."""
    idx = list(compress(range(len(lines)), lines))  # the non-blank lines
    if not idx or head_end(lines):
        return False
    if filed:
        return sum(kinds.get(i) in PAGE_KINDS for i in idx) <= DOC_MARKS
    # (a line quoted as e-mail quotes it is the letter's own: "> On Monday, Bob wrote:", as
    # is the line introducing a quotation, "On Monday, Bob wrote:" over "> ...", a line of
    # figures, "2.4.0 (2024-05-01)", and a letter's signature under "-- ": "Tel. +49 ...")
    sig = len(idx)
    if salutation(lines[idx[0]]) and SIGNATURE in lines:
        sig = idx.index(lines.index(SIGNATURE))
    elif (end := letter_end(lines)) is not None:  # (a letter's signature with no "-- ")
        sig = idx.index(end)
    marks = [None if kind == "counter" else kind for kind in map(kinds.get, idx[:sig])]
    for k in [k for k, kind in enumerate(marks) if kind]:  # (the few lines with a kind)
        if lines[idx[k]][:1] == ">" or _attribution(lines, idx, k):
            marks[k] = None
    if not document_marks(marks):
        return False
    texts = [lines[i] for i in idx]
    piped = {i for i in idx if lines[i].count(" | ") >= 2}
    if piped and not piped <= (pipe_rows(lines) if table is None else table):
        return False  # (a table's rows are no menu's links)
    if len(texts) < 3:
        return True  # a line or two of text
    own = [t for t in texts if t[:1] != ">"]  # (a quotation's bare ">" lines repeat)
    repeats = len(own) - len(set(own))
    if repeats > (DOC_SHARE * len(texts) if len(texts) >= DOC_LINES else 0):
        return False
    if lists:
        return True
    return not _menus(_unquoted(texts))


def _unquoted(texts: list[str]) -> list[str]:
    """``texts`` without the lines opening with ">" that are quotations, not a menu's items:
    all of them when the block reads as a quotation (one line ends a sentence, one is bare
    or quoted twice, "> >") or as a session (most hold code: "> x <- 1", "> print(y)"); else
    only the lines holding code, each on its own (a menu's "> Comments(12)" leaves "> Home",
    "> News" a menu)."""
    quoted = [t for t in texts if t[:1] == ">"]
    code = [t for t in quoted if _CODE.search(t)]
    if len(code) * 2 > len(quoted) or any(
        t.endswith(_QUOTE_ENDS) or _QUOTE_SHAPE.match(t) for t in quoted
    ):
        return [t for t in texts if t[:1] != ">"]
    return [t for t in texts if t[:1] != ">" or not _CODE.search(t)]


def _attribution(lines: list[str], idx: list[int], k: int) -> bool:
    """The ``k``-th line that is not blank introduces an e-mail's quotation: it ends with a
    colon and the next such line is quoted ("On Mon, Anna wrote:" over "> Could you...")."""
    return lines[idx[k]].endswith(":") and k + 1 < len(idx) and lines[idx[k + 1]][:1] == ">"


def title_line(line: str) -> bool:
    """A plain document's first line reads as its title: a few words, not a sentence, a
    salutation ("Dear Tom,") or a line announcing what follows ("Steps to take:"), and not a
    page's furniture: a date, an address, "Page 1 of 2", a menu's names ("Home News Sport"),
    a table's row or a menu split by pipes ("| Index | Last |")."""
    return _title_shaped(line) and not _furniture_on_top(line) and not piped_line(line)


def _title_shaped(line: str) -> bool:
    return 0 < len(line.split()) <= TITLE_WORDS and not line.rstrip().endswith(_NOT_TITLE_ENDS)


def _furniture_on_top(line: str) -> bool:
    """A short line on top of a text that is a page's, not a title: a date, an address, "Page
    1 of 2", a menu's names ("Home News Sport")."""
    words = line.split()
    if "://" in line or line.lower().startswith("www.") or _PAGE_OF.match(line):
        return True
    if len(words) <= STAMP_WORDS and parse_date(line):
        return True
    if len(words) < MENU_WORDS or any(w.lower() in _FUNCTION_WORDS for w in words):
        return False  # (a title's words: "The Road Home")
    return all(w[:1].isupper() and w.isalpha() for w in words)


def whole_document(
    lines: list[str],
    keep: list[int],
    kinds: dict[int, str | None],
    lists: bool = False,
    plain: bool | None = None,
    filed: bool = False,
    table: set[int] | None = None,
) -> list[int]:
    """``keep``, or the lines of a plain document (``plain_document``) that ``keep`` drops.

    When the prose selection keeps less than ``PLAIN_SHARE`` of a plain document's words (its
    first line, which may be its title, not counted), the body is all of its lines but a wire
    story's sign-off (" Reuter": ``meta.signoff``); a text of a line or two is kept whole.
    When it keeps more, the body runs from the document's first to its last kept line (a
    list, a short line between paragraphs), and takes the lines above and below it too when
    they are the document's own by their shape (``plain_edges``: "Dear Tom," over a letter; a
    list, "Thanks." and a name under it; an e-mail's signature, whole when the body reaches
    into it). The title line is left to ``clean_text``. Other short
    lines above and below (a site's name, "Powered by ...") stay out, as the selection left
    them.
    ``lists``: bulleted lines are the author's lists (Markdown); ``plain``: what
    ``plain_document`` says of the text, when known; ``filed``: the text is laid out as a
    file (``file_layout``): all of its lines are its own, as when the selection keeps little;
    ``table``: as ``plain_document``'s."""
    if plain is None:
        plain = plain_document(lines, kinds, lists, filed, table)
    if not plain:
        return keep  # an e-mail's body (``select``), or a page with furniture
    idx = list(compress(range(len(lines)), lines))  # the non-blank lines
    if len(idx) < 3:  # a line or two of text: all of it
        return keep or idx
    body = idx[:-1] if signoff([lines[idx[-1]]]) else idx  # (" Reuter": the source)
    # The first line may be the title; a table's rows, which the selection takes whole, are
    # no evidence that it holds the document's prose.
    table = pipe_rows(lines) if table is None else table
    total = sum(len(lines[i].split()) for i in idx[1:] if i not in table)
    kept = sum(len(lines[i].split()) for i in keep if i != idx[0] and i not in table)
    if filed and keep and len(idx) > 1:  # (a byline under the title, "By Ann Lee": the
        # header reads it as the author; anywhere else it stays, read or not)
        body = [i for i in body if i != idx[1] or i >= keep[0] or not _byline(lines[i])]
    if filed or kept < PLAIN_SHARE * total:
        top = lines[idx[0]]
        if idx[0] not in keep and not filed and _title_shaped(top) and _furniture_on_top(top):
            body = body[1:]  # (a date, an address on top: the page's, as no title)
        return body
    first, last = (min(idx.index(i), len(body) - 1) for i in (keep[0], keep[-1]))
    texts = [lines[i] for i in body]
    if first > 0 and own(texts[:first][::-1], title_line(texts[0])):
        first = 0  # (a title line on top stays above the rest: clean_text reads it)
    while (
        last + 1 < len(body)
        and body[last + 1] == body[last] + 1
        and goes_on(texts[last], texts[last + 1])
    ):
        last += 1  # (the short end of its last paragraph: "by the" over "sales team")
    if (
        closing(texts[last + 1 :], texts[last].endswith(":"), salutation(texts[0]))
        or SIGNATURE in texts[first:last]  # (under "-- " all is the signature: a list's footer)
        or (  # (a letter's closing, name and signature with no "-- ": ``letter_end``)
            (end := letter_end(lines)) is not None and body[last] < end
            and all(len(t.split()) <= TAIL_WORDS for t in texts[last + 1 :])
        )
    ):
        last = len(body) - 1
    out = body[first : last + 1]
    return keep if out == keep else out


def _byline(line: str) -> bool:
    """A line of its own naming the author ("By Ann Lee, Reuters"), not a sentence going on
    ("written by Ann Lee")."""
    return line[:1].isupper() and byline(line)[0] is not None
