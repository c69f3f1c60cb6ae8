"""Pages laid out in tables: the blocks inside a table cell, and rows that hold running text.

A data table's row is one line of data ("| Top speed | 19.8 mph |") and stays one line. Some
pages (older sites, forums, newsletters) lay the whole page out in a table: trafilatura then
gives the article as one row "| | Title ... whole article |". A row with a cell of
LAYOUT_WORDS words or more is read as running text, cut where the cell's own blocks (its
``<p>``, ``<div>``, headings...) start. ``html_blocks.dom_blocks`` marks those places with
``INNER`` in a row's text; ``cell_words`` reads them into ``Blocks.inner``. Measured on the
tuning half (wcxb_dev and aeb, even pages): 30, 60 and 120 words give the same figures
within .0003; the pages with such rows gain up to .8 paragraphs F1.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.clean.html_page import Blocks

LAYOUT_WORDS = 60  # a table cell this long holds running text: its blocks are paragraphs
INNER = "\x01"  # a block starts or ends inside a table cell (the sanitised page holds none)
_BR = "\x00"  # html_blocks._BR: a <br> or a line end
_STRIP = re.compile(r"[^\w\s]|_")  # html_blocks._STRIP


def cell_words(out: Blocks, text: str, block: int) -> bool:
    """Add the words of ``text`` (a block's text holding INNER marks) to ``out`` as block
    ``block``, with its breaks and the words that open a block inside a cell; whether it
    held any word."""
    got = inner = False
    for segment in text.replace("\n", _BR).split(_BR):  # line ends and <br>: breaks
        first = True
        for n, part in enumerate(segment.split(INNER)):
            inner = inner or n > 0
            words = _STRIP.sub("", part.lower()).split()
            if words:
                if got and first:
                    out.breaks.add(len(out.words))
                if got and inner:
                    out.inner.add(len(out.words))
                first = inner = False
                out.words.extend(words)
                out.block.extend([block] * len(words))
                got = True
    return got


def layout_row(row: str) -> bool:
    """Table row ``row`` holds running text, not data: a cell of LAYOUT_WORDS words or more."""
    return LAYOUT_WORDS > 0 and max(len(c.split()) for c in row.split("|")) >= LAYOUT_WORDS
