"""Picture captions in a page's text copy: a picture's caption is not article prose.

A page's text copy keeps a picture's caption and credit as a block of their own: the caption
line right over the credit ("Photo: Getty Images", "(Image credit: NASA)", a line the furniture
patterns read as a credit), the block set apart from the paragraphs by blank lines. The prose
selection keeps such a caption when it reads like a sentence; ``drop_captions`` takes it out
of the selection again. A credit-like line with more lines under it in its block is a line of
prose or code, not a credit ("yield tuple(pool[i] ...)"), and a line that is a list item, a
label of a few words, code or an address is no caption. A caption between a gallery counter
("Image 2 of 5") and a credit, each at most one blank line away, is one too.
"""

from __future__ import annotations

import re

from tui.core.clean.lines import Line

CAPTION_WORDS = (4, 60)  # a picture caption's words (fewer: a label; more: prose)
CAPTIONS = True  # the rule at all (tests turn it off)
GALLERY = True  # ...and its gallery case
_GALLERY = re.compile(r"(?i)(?:image|photo|picture|slide)s? \d+ (?:of|/) \d+$")  # a counter
_NOT_CAPTION = re.compile(r"[=;{}]|\w\(|://")  # code ("f(x) = 1;") or an address


def drop_captions(idx: list[int], info: list[Line], keep: list[int]) -> list[int]:
    """``keep`` (indices into the page's lines, ``idx`` the non-blank ones, measured as
    ``info``) less the captions of pictures (see the module's docstring)."""
    if not CAPTIONS:
        return keep
    where = {i: k for k, i in enumerate(idx)}
    drop = set()
    for i in keep:
        k = where[i]
        ln = info[k]
        if (
            ln.bullet
            or not CAPTION_WORDS[0] <= ln.words <= CAPTION_WORDS[1]
            or k + 1 >= len(info)
            or info[k + 1].furniture != "caption"
            or _NOT_CAPTION.search(ln.text)
        ):
            continue
        if idx[k + 1] == i + 1 and (k + 2 == len(info) or idx[k + 2] > i + 2):
            drop.add(i)  # the caption's block ends with its credit
        elif (
            GALLERY
            and idx[k + 1] - i <= 2
            and k > 0
            and i - idx[k - 1] <= 2
            and _GALLERY.match(info[k - 1].text)
        ):
            drop.add(i)  # "Image 2 of 5" above, its credit under it
    return [i for i in keep if i not in drop] if drop else keep
