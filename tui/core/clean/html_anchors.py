"""A heading's link to itself: documentation generators put a permalink sign after each
heading (Sphinx's "¶", Node's "#", "§", a link icon), a link to the heading's own anchor. Read
as text it sticks to the heading ("Path#", "Installation¶"); a reader shows it only on hover.
It goes before any extractor reads the page. Only a link to an anchor on the same page
(``href="#..."``) whose whole text is one such sign, inside a heading or a definition term
(Sphinx's API entries), is taken: "C#" in a heading, a footnote mark "[1]" and a "#" that links
elsewhere stay."""

from __future__ import annotations

SIGNS = frozenset({"#", "¶", "§", "🔗", "\uf0c1", "⚓", "⚓︎"})
_HEADS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "dt"})
_UP = 4  # levels searched above the link for its heading (Node: h2 > span > a)


def drop_anchor_signs(tree) -> int:
    """Remove the permalink signs of ``tree``'s headings (their tails stay); how many went."""
    gone = []
    for a in tree.iter("a"):
        if not (a.get("href") or "").startswith("#") or len(a) > 1:
            continue
        if a.text_content().strip() not in SIGNS:
            continue
        up, n = a.getparent(), 0
        while up is not None and n < _UP and up.tag not in _HEADS:
            up, n = up.getparent(), n + 1
        if up is not None and up.tag in _HEADS:
            gone.append(a)
    for a in gone:
        a.drop_tree()
    return len(gone)
