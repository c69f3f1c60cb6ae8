"""The metadata an HTML page declares: Open Graph and other meta tags, JSON-LD, ``<html lang>``,
``<time>``, and the title from the best evidence (titles.py)."""

from __future__ import annotations

import json
import re

from tui.core.clean.dates import parse_date
from tui.core.clean.titles import page_title
from tui.core.markup import lang_code, title_key

_ARTICLE_TYPES = ("article", "newsarticle", "blogposting", "reportagenewsarticle", "report",
                  "analysisnewsarticle", "opinionnewsarticle", "webpage", "liveblogposting")


def read_meta(tree) -> dict:
    """Title, author, source, date, summary and lang as the page's own markup states them."""
    metas: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        value = (m.get("content") or "").strip()
        if key and value and key not in metas:
            metas[key] = value
    ld = _json_ld(tree)
    out: dict = {}
    out["source"] = (metas.get("og:site_name") or ld.get("publisher")
                     or metas.get("application-name"))
    out["title"] = page_title(tree, metas.get("og:title") or metas.get("twitter:title")
                              or ld.get("headline"), out["source"])
    author = (metas.get("author") or ld.get("author") or metas.get("article:author")
              or metas.get("byl") or metas.get("parsely-author") or metas.get("dc.creator"))
    if author and not author.startswith(("http://", "https://")):
        out["author"] = re.sub(r"^\s*by\s+", "", author, flags=re.I).strip()
    for key in ("article:published_time", "datepublished", "og:published_time",
                "parsely-pub-date", "pubdate", "publishdate", "date", "dc.date.issued",
                "dc.date", "sailthru.date", "article.published"):
        if metas.get(key):
            out["date"] = parse_date(metas[key])
            break
    if not out.get("date") and ld.get("datePublished"):
        out["date"] = parse_date(ld["datePublished"])
    if not out.get("date"):
        for t in tree.iter("time"):
            if t.get("datetime") and (t.get("pubdate") is not None
                                      or (t.get("itemprop") or "") == "datePublished"):
                out["date"] = parse_date(t.get("datetime"))
                break
    # a description that repeats the title summarises nothing: the next one is taken
    named = (out["title"], metas.get("og:title"), tree.findtext(".//title"))
    titles = {title_key(t) for t in named if t}
    said = (metas.get(k) for k in ("og:description", "description"))
    summary = next((d for d in said if d and title_key(d) not in titles), None)
    if summary:
        out["summary"] = summary
    out["lang"] = lang_code(tree.get("lang") or metas.get("og:locale"))
    return {k: " ".join(str(v).split()) for k, v in out.items() if v}


def _json_ld(tree) -> dict:
    """The first article-like JSON-LD object, flattened to headline/author/publisher/date."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for obj in _objects(data):
            kind = obj.get("@type")
            kinds = [k.lower() for k in (kind if isinstance(kind, list) else [kind])
                     if isinstance(k, str)]
            if any(k in _ARTICLE_TYPES for k in kinds):
                return {"headline": _name(obj.get("headline")), "author": _name(obj.get("author")),
                        "publisher": _name(obj.get("publisher")),
                        "datePublished": _name(obj.get("datePublished"))}
    return {}


def _objects(data, depth: int = 0):
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data[:50]:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _objects(data["@graph"], depth + 1)


def _name(value) -> str | None:
    """A JSON-LD value as text: a string, an object's name, or the names of a list."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value[:5]) if n]
        return ", ".join(names) or None
    return None
