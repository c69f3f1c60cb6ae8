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
"""

from __future__ import annotations

import re

_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
           "section", "article", "ul", "ol", "table", "br", "figure", "header", "footer"}
# a scheme's last letter, then only what the cleaner takes out, then the colon
_SCHEME_END = re.compile(r"[ta][\s\x00-\x08\x0B\x0C\x0E-\x19+]*:", re.I)


def readability_text(doc) -> str:
    """readability-lxml's article of ``doc`` (a parsed page, which it changes), as text."""
    import lxml.html
    from readability import Document

    _check_installed()
    summary = Document(doc).summary(html_partial=True)
    return block_text(lxml.html.fragment_fromstring(summary, create_parent="div"))


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
    """readability's cleaner with ``_checked`` in front of its link check. Only that cleaner
    instance changes; it is left alone when the library's internals differ."""
    from readability import readability

    cleaner = getattr(readability, "html_cleaner", None)
    check = getattr(cleaner, "_remove_javascript_link", None)
    if check is None or getattr(check, "wiredesk", False):
        return
    cleaner._remove_javascript_link = _checked(check)  # type: ignore[union-attr]
