"""readability-lxml's text of a page, one line per block, and a cheaper form of one of its
steps that gives the same result.

readability-lxml cleans each page with lxml_html_clean's ``Cleaner(javascript=True)``. Every
link of the page (``href``, ``src``, CSS ``url()``...) goes through the cleaner's
``_remove_javascript_link``. That function unquotes the link, takes its spaces out and looks
for a script scheme (``javascript:``, ``data:``, ``about:``...). It blanks a link only when one
is there. This runs on every link, once per try, and takes about a fifth of readability's time.

A scheme can be there only in two cases. Either the link holds a ``%`` (an escaped colon), or
it holds a colon right after a ``t`` or an ``a`` (the last letter of every scheme the cleaner
looks for), with only spaces, control characters or ``+`` between the two (these are the
characters taken out; unquoting turns ``+`` into a space). Other ASCII links are returned
as they came, which is what the check returns for them. Links that could have a scheme go
through the cleaner's own check (``_checked``).

More of its steps are done with less work and the same result (``_readable``, measured on
the 52 pages of the speed benchmark's set that ask readability: 25.1 -> 20.6 ms a page): its
text lengths (``text_length``) take two passes of the text instead of three; the link density
of the paragraphs' containers measures each link's text once (nothing changes the page while
they are scored; a link inside two containers was measured twice); the search for unlikely
candidates looks only at the elements with a class or an id (it skips the others); the
names its debug messages give elements are not built while those messages are off.

These forms are put in readability-lxml's module and its cleaner while Wiredesk's own call
runs (``ours``), and the library's own put back after it (a swap, not a test on each call).
Any other caller in the process (the benchmarks' "readability-lxml alone") runs the
library's own steps; one running in another thread while a call of Wiredesk's is open
would run Wiredesk's forms, which give the same output. Each fails safe if the library's
internals change: a step is left alone when it is missing or a probe gives another answer
than the library's, and the search for unlikely candidates runs as the library wrote it
when the stand-in page it is handed does not serve.

readability raises on a page holding characters lxml will not set as text (control
characters other than tab and line ends, U+FFFE, U+FFFF: raw, or as character references),
when it moves text around, and its answer was lost. They are blanked before its parse
(``blank_controls``). Its logger gets a ``NullHandler``, as trafilatura's has: an error it
logs is not printed over the terminal app by logging's last-resort handler.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_BLOCKS = set(
    "p div li h1 h2 h3 h4 h5 h6 blockquote pre tr section article ul ol table br figure "
    "header footer".split()
)
# a scheme's last letter, then only what the cleaner takes out, then the colon
_SCHEME_END = re.compile(r"[ta][\s\x00-\x08\x0B\x0C\x0E-\x19+]*:", re.I)
# what lxml refuses to set as text (NUL aside: the parser makes it U+FFFD), raw or referred to
_UNSET = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_UNSET_REF = re.compile(
    r"&#(?:0*(?:[1-8]|1[124-9]|2\d|3[01]|6553[45])(?!\d)"
    r"|[xX]0*(?:[1-8bBcCeEfF]|1[\da-fA-F]|[fF]{3}[eEfF])(?![\da-fA-F]));?"
)

logging.getLogger("readability").addHandler(logging.NullHandler())  # (see the docstring)


_SWAPS: dict = {}  # (owner's id, name) -> (owner, name, Wiredesk's form, the library's own)
_GONE = object()  # (the library's own is the class's: the instance holds none)
_LOCK = threading.Lock()
_OPEN = [0]  # Wiredesk's calls of readability open, in all threads


def readability_text(doc) -> str:
    """readability-lxml's article of ``doc`` (a parsed page, which it changes), as text."""
    import lxml.html
    from readability import Document

    _check_installed()
    readable = _readable(Document)
    with ours():
        summary = readable(doc).summary(html_partial=True)
    return block_text(lxml.html.fragment_fromstring(summary, create_parent="div"))


@contextmanager
def ours() -> Iterator[None]:
    """Wiredesk's forms of readability's steps in the library for the block (while a call of
    Wiredesk's is open in any thread: the output is the same), the library's own after."""
    _swap(1)
    try:
        yield
    finally:
        _swap(-1)


def _swap(step: int) -> None:
    with _LOCK:
        was = _OPEN[0]
        _OPEN[0] += step
        if (was == 0) == (_OPEN[0] == 0):
            return
        for owner, name, mine, theirs in _SWAPS.values():
            value = mine if step > 0 else theirs
            if value is not _GONE:
                setattr(owner, name, value)
            elif name in vars(owner):
                delattr(owner, name)


def _register(owner, name: str, mine) -> None:
    """``mine`` put in place of ``owner.name`` inside Wiredesk's calls (``ours``), once."""
    with _LOCK:
        if (id(owner), name) in _SWAPS:
            return
        _SWAPS[id(owner), name] = (owner, name, mine, vars(owner).get(name, _GONE))
        if _OPEN[0]:
            setattr(owner, name, mine)


def blank_controls(html: str) -> str:
    """``html`` with the characters lxml refuses to set as text made spaces, raw or as
    character references (``&#12;``); ``html`` itself when it holds none."""
    if _UNSET.search(html) is not None:
        html = _UNSET.sub(" ", html)
    if "&#" in html and _UNSET_REF.search(html) is not None:
        html = _UNSET_REF.sub(" ", html)
    return html


def block_text(el) -> str:
    """Text of an element with one line per block (paragraph, heading, list item...)."""
    for node in el.iter(*_BLOCKS):  # the HTML parser lowers tag names; the filter is in C
        node.tail = "\n" + (node.tail or "")
    return "\n".join(" ".join(line.split()) for line in el.text_content().split("\n"))


def may_be_script(link: str) -> bool:
    """Whether the cleaner's check could blank ``link``: False only when it cannot."""
    return not link.isascii() or "%" in link or _SCHEME_END.search(link) is not None


def _checked(check):
    def run(link: str) -> str:
        return check(link) if may_be_script(link) else link

    run.wiredesk = True  # type: ignore[attr-defined]
    return run


def _check_installed() -> None:
    """readability's cleaner with ``_checked`` in front of its link check, inside Wiredesk's
    call. Only that cleaner instance changes; it is left alone when the library's internals
    differ."""
    from readability import readability

    cleaner = getattr(readability, "html_cleaner", None)
    check = getattr(cleaner, "_remove_javascript_link", None)
    if check is None or getattr(check, "wiredesk", False):
        return
    _register(cleaner, "_remove_javascript_link", _checked(check))


_RUNS = re.compile(r"\s{255,}|\s*\n\s*")  # readability's clean(), its first two steps
_SPACES = re.compile(r"\t|[ \t]{2,}")  # and its third


def text_length(el) -> int:
    """readability's ``text_length``: the length of its ``clean()`` of ``el``'s text, with
    two passes of the text instead of three. clean() makes a run of 255 or more white space
    characters 255 spaces, which its last step makes one; a run holding a line end one line
    end; then each tab, and each run of two or more spaces and tabs, one space; and strips
    the ends. A run of either first kind comes out as one character, so one pass replaces
    both (the length is the same), and the last pass is skipped when nothing is left for it."""
    text = _RUNS.sub("\n", el.text_content() or "")
    if "\t" in text or "  " in text:
        text = _SPACES.sub(" ", text)
    return len(text.strip())


class _Text:
    def __init__(self, text: str) -> None:
        self.text = text

    def text_content(self) -> str:
        return self.text


_PROBES = ("", "\t", " a \t b  c ", "x\r\n\n y\u3000z", "\xa0" * 300 + "q", "m \n" * 200)
_CLASSES: dict = {}  # readability's Document -> the cheaper one (made once)


def _readable(document):
    """readability's ``document`` class with the steps above done with less work."""
    made = _CLASSES.get(document)
    if made is not None:
        return made
    from readability import readability

    clean, theirs = getattr(readability, "clean", None), getattr(readability, "text_length", None)
    same = clean is not None and all(text_length(_Text(t)) == len(clean(t)) for t in _PROBES)
    if same and theirs is not None:
        _register(readability, "text_length", text_length)  # (the same lengths)
    _described(readability)

    class Readable(document):  # type: ignore[valid-type,misc]
        _lengths: dict | None = None
        only = True  # remove_unlikely_candidates hands the library's own step a stand-in

        def score_paragraphs(self):
            self._lengths = {} if same else None  # each link's text length (kept alive here)
            try:
                return super().score_paragraphs()
            finally:
                self._lengths = None

        def get_link_density(self, elem):
            lengths = self._lengths
            if lengths is None:  # (the cleaning later changes the page between calls)
                return super().get_link_density(elem)
            link_length = 0
            for link in elem.findall(".//a"):
                n = lengths.get(link)
                if n is None:
                    n = lengths[link] = text_length(link)
                link_length += n
            return float(link_length) / max(text_length(elem), 1)

        def remove_unlikely_candidates(self):
            html = self.html
            if not Readable.only:
                return super().remove_unlikely_candidates()
            try:
                self.html = _Only(html)  # an element without class or id is skipped there
                return super().remove_unlikely_candidates()
            except (AttributeError, TypeError):  # another readability uses the page otherwise
                self.html = html
                done = super().remove_unlikely_candidates()  # its own step (may raise too)
                Readable.only = False  # the stand-in did not serve: not handed again
                return done
            finally:
                self.html = html

    if same and not _densities_agree(Readable, document):
        Readable.score_paragraphs = document.score_paragraphs  # (its own link densities)
    _CLASSES[document] = Readable
    return Readable


def _densities_agree(readable, document) -> bool:
    """Whether the link densities ``readable`` measures with its lengths kept are the ones
    ``document`` measures, on a small page (another version of the library may differ)."""
    import lxml.html

    page = lxml.html.fromstring(
        "<div><p>Some words <a href='/a'>a link</a> more.</p><div><a href='/b'>b "
        "<b>bold</b></a> tail <p><a href='/c'> </a>x</p></div><span>none</span></div>"
    )
    try:
        mine, theirs = readable.__new__(readable), document.__new__(document)
        mine._lengths = {}
        with ours():
            return all(
                mine.get_link_density(el) == theirs.get_link_density(el) for el in page.iter()
            )
    except Exception:  # noqa: BLE001 - another signature: the library's own densities
        return False


class _Only:
    """A page whose ``findall(".//*")`` lists only its elements with a class or an id, in
    page order (readability's loop over the others does nothing). Anything else is the
    page's own (another version of readability may use the page otherwise)."""

    def __init__(self, root) -> None:
        self.root = root

    def findall(self, path: str, *args, **kwargs):
        if path != ".//*" or args or kwargs:  # (another version of readability: its search)
            return self.root.findall(path, *args, **kwargs)
        return self.root.xpath(".//*[@class or @id]")

    def __getattr__(self, name: str):
        return getattr(self.root, name)


def _described(module) -> None:
    """``module.describe`` (names of elements for debug messages, built even when those are
    off) returning "" inside Wiredesk's call while its logger's debug messages are off."""
    describe = getattr(module, "describe", None)
    log = getattr(module, "log", None)
    if describe is None or log is None or getattr(describe, "wiredesk", False):
        return

    def described(*args, **kwargs):
        return describe(*args, **kwargs) if log.isEnabledFor(logging.DEBUG) else ""

    described.wiredesk = True  # type: ignore[attr-defined]
    _register(module, "describe", described)
