"""What the readers of HTML share: the cleaner's block reader (``clean/html_blocks``), the
feed reader (``sources/feeds``), the Markdown stripper and the page metadata reader: which
elements a browser sets apart, how a summary is compared with a title, and how a declared
language is read."""

from __future__ import annotations

import re

# Elements that start a block of their own in a browser's rendering.
BLOCK_TAGS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 blockquote pre tr section article ul ol dl dt dd table thead"
    " tbody tfoot header footer figure figcaption main aside nav form fieldset address details"
    " summary hr caption center menu hgroup body".split()
)
# Elements whose edges part the words on either side where a fragment is read as one run of
# text (a feed item's summary, HTML inside Markdown): the blocks, line breaks and table cells.
# (The block reader needs no ``br``, ``td``, ``th`` among its blocks: it reads a ``<br>`` as a
# line end and a row's cells as one line, ``clean/html_cells``.) Not yet the blocks below,
# which those readers never parted: parting them too is right ("searchSearch site" in a
# ``<nav>``), but it changes what they give, so it is a change of its own.
_NOT_PARTED_YET = frozenset(
    "thead tbody tfoot main aside nav form fieldset details summary caption center menu"
    " hgroup body".split()
)
PARTING_TAGS = (BLOCK_TAGS - _NOT_PARTED_YET) | {"br", "td", "th"}


def title_key(text: str) -> str:
    """``text`` as compared with a title: case and spacing dropped (a summary whose key is
    a title's summarises nothing)."""
    return " ".join(text.split()).casefold()


def lang_code(declared: str | None) -> str | None:
    """A declared language (``<html lang>``, ``og:locale``, front matter's ``lang``) as its
    2-letter code: ``en-US`` and ``en_GB`` -> ``en``; None when it is no code ("English")."""
    lang = (declared or "").strip().lower()
    return lang[:2] if re.fullmatch(r"[a-z]{2}(?:[-_][a-z0-9]+)?", lang) else None
