"""The lines above and below a plain document's body that are its own by their shape: a
salutation or a heading over it (``own``), the short end of its last paragraph (``goes_on``),
a list, a closing line, a name and an e-mail's signature under it (``closing``). Used by
``plain.whole_document``."""

from __future__ import annotations

from tui.core.clean.meta import CLOSING_WORDS as NAME_WORDS  # (a name under a closing line)
from tui.core.clean.meta import SIGNATURE
from tui.core.clean.shaped import BULLETED

SIG_LINES = 4  # ...over at most this many lines (the netiquette's "McQuarrie limit")
_SENTENCE_ENDS = tuple(".!?")
_OWN_ENDS = (*_SENTENCE_ENDS, ";", ",", ":")  # a line outside the prose ending so is its own


def own(run: list[str], titled: bool) -> bool:
    """The lines of ``run`` (above a document's body, read upwards) are the document's own by
    their shape: each a list item (the text is plain: no menus), a line ending as a sentence
    or a phrase does ("Dear Tom,", "Steps to take:") or, between such lines, a line of figures
    without letters. The last of them may also be, when ``titled``, the title line on top."""
    for k, ln in enumerate(run):
        outer = k == len(run) - 1
        if not any(map(str.isalpha, ln)):
            if outer:
                return False  # (a page's counter or date at its edge: "42", "2025-03-04")
            continue  # (a line of figures: "2.4.0 (2024-05-01)")
        if not (BULLETED.match(ln) or ln.endswith(_OWN_ENDS)):
            return outer and titled
    return True


def goes_on(line: str, below: str) -> bool:
    """``below`` goes on with the sentence ``line`` leaves open: ``line`` stops mid-sentence
    (no punctuation at its end) and ``below`` opens in lower case."""
    return line[-1:].isalnum() and below[:1].islower()


def closing(run: list[str], announced: bool, letter: bool = False) -> bool:
    """The lines of ``run`` (below a document's body) are its own: a list (announced by the
    body's last line, "Changes:", or closed by a line ending a sentence, "Done."), then at
    most a closing line ("Thanks.", "Regards,") and a name under it (``NAME_WORDS``, no word
    in lower case: a signature). Anything more is a page's footer ("Labels: council,
    bridge." "Newer Post."). An e-mail's signature ("-- " as written: ``SIGNATURE``) under
    them is its own too: at most ``SIG_LINES`` lines, any number under a ``letter`` (opened
    by a salutation, "Hi Anna,"), where a closing line needs no punctuation ("Thanks")."""
    if SIGNATURE in run:
        k = run.index(SIGNATURE)
        return (letter or len(run) - k - 1 <= SIG_LINES) and closing(run[:k], announced, letter)
    k = 0
    while k < len(run) and BULLETED.match(run[k]):
        k += 1
    rest = run[k:]
    items = run[:k]
    if k and not (
        announced
        or (rest and rest[0].endswith(_SENTENCE_ENDS))
        or all(t.endswith(_SENTENCE_ENDS) for t in items)
    ):
        return False  # (a list of links: "Find us on:" over "* Facebook")
    if not rest:
        return True
    bare = letter and not k and len(rest[0].split()) <= NAME_WORDS  # ("Thanks", "Tom")
    if len(rest) > 2 or not (bare or rest[0].endswith(_OWN_ENDS)):
        return False
    if not any(map(str.isalpha, rest[0])):
        return False
    name = rest[1:]
    return not name or (
        len(name[0].split()) <= NAME_WORDS
        and not any(w[:1].islower() for w in name[0].split())  # ("Be the first": no name)
        and not name[0].endswith(_OWN_ENDS)
        and any(map(str.isalpha, name[0]))
    )
