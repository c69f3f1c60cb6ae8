"""A page's title from the best evidence it holds: what the page declares for sharing
(og:title, twitter:title, JSON-LD headline), a heading inside the content that the <title>
confirms, then <title> without the site's name. Never a site-wide heading of the page's
chrome (mdBook's ``h1.menu-title``, a logo in an <h1>); permalink signs removed."""

from __future__ import annotations

import re

# Signs documentation generators put after a heading as a link to it (Sphinx, MkDocs...).
PERMALINK = re.compile(r"\s*[¶§🔗\uf0c1]+\s*$|\s+#\s*$")
PERMALINK_ENDS = ("¶", "§", "🔗", "\uf0c1", "#")  # what PERMALINK can match at a line end
# Class or id words of a page's chrome: menus, navigation bars, logos, site names, sidebars.
_CHROME = ("menu", "nav", "logo", "brand", "site-title", "sitetitle", "site-name", "sitename",
           "sidebar", "toolbar", "masthead", "breadcrumb")
_SEPS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / ")
_NORM = re.compile(r"[\W_]+")


def tidy(title: str | None) -> str | None:
    """A title on one line, without a trailing permalink sign."""
    if not title:
        return None
    text = PERMALINK.sub("", " ".join(str(title).split())).strip()
    return text or None


def _norm(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


def _chrome(el) -> bool:
    """``el`` or an ancestor is navigation, a menu or a logo."""
    for node in (el, *el.iterancestors()):
        if not isinstance(node.tag, str):
            continue
        if node.tag.lower() == "nav":
            return True
        words = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if words.strip() and any(c in words for c in _CHROME):
            return True
    return False


def content_headings(tree, limit: int = 5) -> list[str]:
    """Texts of the page's first <h1> elements that are not part of its chrome."""
    out = []
    for el in tree.iter("h1"):
        text = tidy(el.text_content())
        if text and not _chrome(el):
            out.append(text)
            if len(out) >= limit:
                break
    return out


def strip_site(title: str, site: str | None) -> str:
    """'Headline | Site' -> 'Headline'."""
    if not site:
        return title
    for sep in _SEPS:
        head, _, tail = title.rpartition(sep)
        if head and tail.strip().lower() == site.strip().lower():
            return head.strip()
        tail2, _, rest = title.partition(sep)
        if rest and tail2.strip().lower() == site.strip().lower():
            return rest.strip()
    return title


def _segments(title: str) -> list[str]:
    parts = [title]
    for sep in _SEPS:
        parts = [p for part in parts for p in part.split(sep)]
    return [p.strip() for p in parts if p.strip()]


def page_title(tree, declared: str | None, site: str | None) -> str | None:
    """The page's title: ``declared`` (og:title and the like) when there is one, else a content
    heading that is the <title> or its first part, else the first content heading that is not
    the <title>'s last part (the site's name), else <title> without the site's name."""
    if declared:
        return tidy(strip_site(declared, site))
    tag = next((tidy(el.text_content()) for el in tree.iter("title")), None)
    heads = content_headings(tree)
    segs = [_norm(p) for p in _segments(tag)] if tag else []
    for h in heads:
        if segs and _norm(h) in (_norm(tag or ""), segs[0]):
            return h
    site_part = segs[-1] if len(segs) > 1 else None
    for h in heads:
        if _norm(h) != site_part:
            return h
    if not tag:
        return None
    stripped = strip_site(tag, site)
    if stripped == tag and len(segs) > 1 and len(segs[-1]) < len(segs[0]):
        stripped = _segments(tag)[0]  # "Headline - Site": the site is the short last part
    return tidy(stripped)
