"""``clean()``: one RawDocument (text, Markdown or HTML) to a Cleaned body and its metadata."""

from __future__ import annotations

import re

from tui.core.clean import manpage, meta
from tui.core.clean.dates import parse_date
from tui.core.clean.dedupe import dedupe_lines
from tui.core.clean.extracted import clean_extracted
from tui.core.clean.furniture import FurnitureModel
from tui.core.clean.glued import mend
from tui.core.clean.lang import detect_lang, stopwords_for
from tui.core.clean.mail import head_end
from tui.core.clean.plain import (
    file_layout,
    plain_document,
    title_line,
    underlines,
    whole_document,
)
from tui.core.clean.reflow import reflow
from tui.core.clean.tables import pipe_rows
from tui.core.clean.text import select
from tui.core.markup import title_key
from tui.core.model import META_FIELDS, Cleaned, RawDocument, outlet_key, page_key
from tui.core.safe_text import has_unsafe, terminal_links
from tui.core.textutil import normalize_ws, safe_text

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad "
_ZERO_WIDTH = _INVISIBLE[:-1]  # what a line of _INVISIBLE opens with (lines are stripped)
_DENSE_LANGS = {"zh", "ja", "th", "lo", "km", "my", "bo"}
# Languages a script settles by itself: the body cannot be in another one.
_ONE_SCRIPT = {"he", "el", "bn", "ta", "te", "gu", "pa", "kn", "ml", "si", "th", "lo", "bo",
               "my", "ka", "am", "km", "hy", "ko", "or"}
_ESCAPES = "\x1b\x9b\x9d\x90\x98\x9e\x9f"  # starters of terminal escape sequences
HEAD_LINES = 400  # lines of an HTML page's visible text searched for a byline and date
_MAX_CHARS = 4_000_000  # beyond this a "page" is not an article; the tail is ignored


def cut_note(doc: RawDocument) -> str | None:
    """What cleaning leaves out of a document too long to clean whole, said for the ingest
    report (never silently: the raw copy keeps every character, the body does not), or None.
    Cheap for every document of ordinary size (a length test)."""
    content = doc.content if isinstance(doc.content, str) else ""
    limit = _MAX_CHARS
    if doc.kind == "html":
        from tui.core.clean.html import _MAX_HTML, lighten

        limit = min(_MAX_CHARS, _MAX_HTML)
        if len(content) <= limit:
            return None
        content = lighten(content, limit)  # (its scripts and styles go first, as cleaning does)
    elif "\r" in content:  # (line ends are made Unix before a text is cut, as _safe does)
        content = content.replace("\r\n", "\n")
    if len(content) <= limit:
        return None
    return (f"too long to clean whole ({len(content):,} characters"
            f"{' without scripts and styles' if doc.kind == 'html' else ''}): the body is "
            f"cleaned from the first {limit:,}; the rest is left out of it (an ingested "
            "article keeps it in its original: `wiredesk show --raw`)")


def clean(doc: RawDocument, *, furniture: FurnitureModel | None = None) -> Cleaned:
    """Clean one document. Never raises: should anything fail, the body is the whole text
    (sanitised, tags stripped for HTML) in paragraphs. The body of a text or Markdown page is
    sanitised whatever happens (``clean_doc`` relies on it)."""
    try:
        return _clean(doc, furniture)
    except Exception:  # noqa: BLE001 - the contract is "never raises on any input"
        text = _safe(str(getattr(doc, "content", "") or "")[: _MAX_CHARS * 2])[:_MAX_CHARS]
        if getattr(doc, "kind", "") == "html":
            from tui.core.clean.html import strip_tags

            text = strip_tags(text)
        body = normalize_ws(text)
        return _with_hints(Cleaned(body=body), getattr(doc, "hints", None) or {})


def _clean(doc: RawDocument, furniture: FurnitureModel | None) -> Cleaned:
    raw = doc.content if isinstance(doc.content, str) else ""
    if doc.kind == "html" and len(raw) > _MAX_CHARS:
        from tui.core.clean.html import lighten

        raw = lighten(raw, _MAX_CHARS)
    # The parser drops control characters itself; a page without escape sequences is
    # sanitised after extraction, on the little text kept (the raw page is 100 times larger).
    late = doc.kind == "html" and not any(c in raw for c in _ESCAPES)
    if "\x1b]8;" in raw:  # (a terminal's link: "text (URL)", in a page's markup too)
        raw = terminal_links(raw, html=doc.kind == "html")
    content = raw[:_MAX_CHARS] if late else _safe(raw[: _MAX_CHARS * 2])[:_MAX_CHARS]
    hints = doc.hints if isinstance(doc.hints, dict) else {}
    outlet = outlet_key(doc.origin, hints)
    found: dict = {}
    unused: list[str] = []  # front matter no field holds
    extracted = False
    code: frozenset[str] = frozenset()  # a <pre>'s lines with no word ("}", "$"): kept
    if doc.kind == "html":
        from tui.core.clean.html import extract  # imported lazily: lxml and trafilatura are heavy
        from tui.core.clean.html_pre import bare_lines

        code = bare_lines(content)
        content, found, extracted, visible = extract(content, doc.origin)
    elif doc.kind == "md":  # (the Markdown reader, as the HTML one, loaded for its pages only)
        from tui.core.clean.markdown import front_matter, read, strip_markdown

        found, content, unused = front_matter(content)  # what it names beats guesses (below)
        markdown, content = content, strip_markdown(content)
    else:  # a man page's running header and footer are metadata (what it says beats guesses)
        content, found = manpage.read(content)
    man = doc.kind not in ("html", "md") and bool(found)  # a man page (``manpage``)
    if furniture is not None and outlet:  # observed as workspace/adding.py observes pages
        furniture.observe(outlet, content, page_key=page_key(doc.origin, hints))
        known = (lambda line: furniture.is_furniture(outlet, line))
    else:
        known = None
    bare = None  # (a letter's "--" that lost its space: read as "-- ", kept as written)
    if doc.kind == "text" and not man and (bare := meta.bare_signature(content)) is not None:
        content = _read_as_signature(content, bare)
    table = None  # the lines that are a table's rows, as the Markdown reader knows them
    if doc.kind == "md":  # paragraphs, items and quotations whole, as Markdown reads them
        content, table = read(markdown)
    filed = doc.kind == "text" and not extracted and file_layout(content)
    if doc.kind != "md" and not extracted:
        content = reflow(content, hanging=filed, manual=man)
    if extracted:
        fields = clean_extracted(content, known, found.get("title"), code)
        if not all(found.get(k) or hints.get(k) for k in ("author", "date")):
            # The markup names no author or date: read bylines and dates off the page's
            # visible text, as for a plain-text page.
            first = fields["body"].split("\n", 1)[0]
            last = fields["body"].rpartition("\n")[2]
            for k, v in _visible_fields(visible(), first, last).items():
                if v and not fields.get(k) and not found.get(k):
                    fields[k] = v
    else:
        fields = clean_text(content, known, authored=doc.kind == "md", filed=filed, table=table)
        if doc.kind == "md":
            fields["body"] = _with_front_matter(fields, found, unused)
        elif man and (shown := fields.get("title")) and shown not in fields["body"].split("\n\n"):
            fields["body"] = f"{shown}\n\n{fields['body']}"  # (its first heading: "NAME")
    if bare is not None:  # (the separator as its author wrote it: never rewritten)
        fields["body"] = "\n".join("--" if ln == meta.SIGNATURE else ln
                                   for ln in fields["body"].split("\n"))
    for k, v in found.items():  # what the HTML's own metadata says beats guesses from text
        if v and not (k == "lang" and fields.get("lang")):
            fields[k] = v
    if late:
        fields = {k: _late_safe(k, v) for k, v in fields.items()}
    return _with_hints(Cleaned(**fields), hints)


def _read_as_signature(text: str, k: int) -> str:
    """``text`` whose line ``k`` (a letter's "--": ``meta.bare_signature``) the cleaner reads
    as ``meta.SIGNATURE``, "-- " (the body gives it back as written)."""
    lines = text.split("\n")
    lines[k] = meta.SIGNATURE
    return "\n".join(lines)


def _with_front_matter(fields: dict, found: dict, unused: list[str]) -> str:
    """A Markdown body with what its front matter took from it: the heading taken as the
    title when the front matter names another (up to case and spacing, the same one), and
    the entries no field holds as its last paragraph (never silently gone)."""
    body, shown = fields["body"], fields.get("title")
    if found.get("title") and shown and title_key(shown) != title_key(found["title"]) and (
            shown.rstrip("…") not in body):
        body = f"{shown}\n\n{body}" if body else shown
    if unused:
        left = "Front matter not used: " + "; ".join(unused)
        body = f"{body}\n\n{left}" if body else left
    return body


def _late_safe(key: str, value):
    """A field of a page sanitised after extraction: the body keeps its lines and their
    indents, other fields are one line."""
    if not isinstance(value, str) or not has_unsafe(value):
        return value
    if key == "body":  # each character a space, as the early pass does: the lines stay
        return safe_text(value, replace=" ")
    return " ".join(safe_text(value, replace=" ").split())


def _visible_fields(text: str, first: str, last: str = "") -> dict:
    """Author and date as the plain-text reader finds them in a page's visible text: in the
    lines above the body's ``first`` paragraph when the page shows it, else above the body the
    plain-text cleaner finds in the page's top lines; and the author of a blog post's byline
    under its ``last`` paragraph ("Posted by Ann Lee at 10:42 AM", ``meta.signed``: read, the
    body goes without it as a page's header's)."""
    lines = [ln for ln in single_spaced(text) if ln]
    at = lines.index(first) if first and first in lines else -1
    if at < 0:
        fields = clean_text("\n".join(lines[:HEAD_LINES]))
    else:
        fields = meta.header_fields(lines[max(0, at - 40):at], first)
    if not fields.get("author") and last and last in lines:
        end = len(lines) - 1 - lines[::-1].index(last)
        for ln in lines[end + 1 : end + 1 + _SIGNED_UNDER]:
            if who := meta.signed(ln):
                fields["author"] = who
                break
    return {k: fields.get(k) for k in ("author", "date")}


_SIGNED_UNDER = 2  # ...on one of the lines right under its last paragraph


def _safe(text: str) -> str:
    """The text without escape sequences or unsafe characters (each becomes a space), with
    Unix line ends. Line ends are made Unix first (fast), so that a page whose only unusual
    characters are carriage returns skips the sanitiser's slower pass."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return safe_text(text, replace=" ")


def clean_text(text: str, known=None, authored: bool = False, filed: bool = False,
               table: set[int] | None = None) -> dict:
    """Body and metadata of a plain-text page, as a dict of Cleaned's fields. ``authored``:
    the text is a document its author wrote (Markdown), where lists are content, not menus;
    ``filed``: the text as written was laid out as a file (``plain.file_layout``); ``table``:
    its lines that are a table's rows (the Markdown reader's; None: rows split by pipes that
    are a table by their own marks, ``tables.pipe_rows``)."""
    lines = single_spaced(text)
    if any(c in text for c in _ZERO_WIDTH):  # (split() keeps them: they are no white space)
        for i, ln in enumerate(lines):
            if ln[:1] in _INVISIBLE and ln and not ln.strip(_INVISIBLE):
                lines[i] = ""  # zero-width characters only: a blank line
    lang = detect_lang(text)
    kinds: dict[int, str | None] = {}
    table = pipe_rows(lines) if table is None else table
    keep = select(lines, stopwords_for(lang), known, dense_script=lang in _DENSE_LANGS,
                  kinds=kinds, written=text, authored=authored, piped=table)
    keep = dedupe_lines(lines, keep, fields=True)  # (records may share a field)
    keep = _drop_lead_teaser(lines, keep)
    chosen = keep
    plain = plain_document(lines, kinds, lists=authored, filed=filed, table=table)
    keep = whole_document(lines, keep, kinds, lists=authored, plain=plain, filed=filed,
                          table=table)
    if plain:
        keep = underlines(lines, keep)  # (a heading's "=====": no paragraph of its own)
    if ">" in text and (gaps := _quote_gaps(lines)) and _mail_shaped(lines):
        keep = [i for i in keep if i not in gaps]
    headline = shown = None
    top = next((i for i, ln in enumerate(lines) if ln), 0)
    if keep and keep[0] == top and len(keep) > 1 and meta.headline_shape(lines[top]):
        headline, keep = lines[top], keep[1:]  # the text opens with a headline in capitals
    elif keep and top < keep[0] and meta.headline_shape(lines[top]):
        headline = lines[top]  # the title line above a text (its body starts below)
    elif keep and plain and title_line(lines[top]):
        # A plain document's first line is its title, unless the lines above its prose show
        # another one (a web page's copy without furniture: "Home Blog" over the headline).
        shown = None if filed else _shown_title(lines, chosen, kinds)  # (a file's: its own)
        if shown in (None, lines[top]) and keep[0] == top and len(keep) > 2:
            headline, keep = lines[top], keep[1:]
        elif shown is not None and shown != lines[top] and keep[0] == top not in chosen:
            # (no title: "Home Blog"; nor is the shown title a body line above the prose)
            keep = [i for i in keep[1:] if i >= chosen[0] or lines[i] != shown]
        elif shown is None and top < keep[0] and not any(lines[top + 1 : keep[0]]):
            headline = lines[top]  # (right above the body: no other line between)
    first = keep[0] if keep else min(len(lines), 40)  # no body: the top of the page
    head_at = [i for i in range(max(0, first - 40), first) if lines[i]]
    header = [lines[i] for i in head_at]
    body = mend("\n\n".join(lines[i] for i in keep))  # drop caps, glued elements mended
    body_head = " ".join(lines[i] for i in keep[:4])
    out = meta.header_fields(header, body_head, [kinds.get(i) for i in head_at])
    place, wire = meta.dateline(lines[keep[0]] if keep else "")
    if place:
        out["dateline"] = place
    if wire and "source" not in out:
        out["source"] = wire
    if headline or shown:
        out["title"] = headline or shown
    if "source" not in out:
        src = meta.signoff(lines) or meta.credit_source([ln for ln in lines if ln])
        if src:
            out["source"] = src
    if not out.get("title"):
        out["title"] = meta.lead_title(body)
    out["lang"] = lang if lang in _ONE_SCRIPT or len(body) > 2000 else detect_lang(body) or lang
    out["body"] = body
    return {k: out.get(k) for k in ("body", *META_FIELDS)}


def _shown_title(lines: list[str], chosen: list[int], kinds: dict[int, str | None]
                 ) -> str | None:
    """The title the lines above the prose selection ``chosen`` show (``header_fields``)."""
    if not chosen:
        return None
    head_at = [i for i in range(max(0, chosen[0] - 40), chosen[0]) if lines[i]]
    body_head = " ".join(lines[i] for i in chosen[:4])
    return meta.header_fields([lines[i] for i in head_at], body_head,
                              [kinds.get(i) for i in head_at]).get("title")


def single_spaced(text: str) -> list[str]:
    """``" ".join(ln.split())`` of each line of ``text``. A line is left as it is when that
    changes nothing: no white space but single spaces inside it (``isprintable`` is false
    for every other white space character, and for some others that only cost the join).
    An e-mail's signature separator ("-- ", its space part of the convention) stays as written."""
    return [ln if "  " not in ln and ln[:1] != " " and ln[-1:] != " " and ln.isprintable()
            or ln == "-- " else " ".join(ln.split()) for ln in text.split("\n")]


_MARKS_ONLY = re.compile(r">[> ]*")
_PROMPT = re.compile(r"(?<!>)>>>(?!>)")  # an interpreter's prompt (Python's ">>>"), bare
# The line introducing an e-mail's quotation ("On Mon, 3 Mar 2025, Tom Baker wrote:")
_WROTE = re.compile(r"\b(?:wrote|writes|a écrit|escribió|escreveu|scrisse|napisał|kirjoitti|"
                    r"написал[аи]?)\s*:$|\b(?:schrieb|schreef|skrev)\b.{0,80}:$", re.I)


_PROSE_QUOTED = re.compile(r">[> ]* (?:\S+ ){3,}\S*[.!?…]")  # "> ... free from ten."


def _mail_shaped(lines: list[str]) -> bool:
    """The text has an e-mail's shape, where a quotation's bare ">" is a gap (``_quote_gaps``):
    a header block, a signature separator ("-- "), a salutation opening it ("Hi Tom,"), a
    line introducing a quotation ("... wrote:") or quoted prose (a sentence quoted "> ").
    An interpreter's session (">>> c = Counter()" / ">>>", "> x <- 1" / ">") has none: its
    lines are kept as written."""
    if meta.SIGNATURE in lines or head_end(lines):
        return True
    if meta.salutation(next((ln for ln in lines if ln), "")):
        return True
    return any(ln[:1] == ">" and _PROSE_QUOTED.fullmatch(ln) or ln.endswith(":")
               and _WROTE.search(ln) for ln in lines)


def _quote_gaps(lines: list[str]) -> set[int]:
    """The quotation's bare ">" lines between two of its quoted lines: each is the gap between
    the quotation's paragraphs (the body's paragraph break), no paragraph ">" of its own. A bare
    prompt (">>>", "> >>>") is none: an interpreter's blank line (and an e-mail's third level
    of quoting, written so, is kept as written). Only in a text of an e-mail's shape
    (``_mail_shaped``, the caller's test)."""
    gaps: set[int] = set()
    run: list[int] = []  # bare ">" lines since the last line with words
    quoted = False  # that line was quoted
    for i, ln in enumerate(lines):
        if not ln:
            continue
        if _MARKS_ONLY.fullmatch(ln):
            if not _PROMPT.search(ln):
                run.append(i)
            continue
        if quoted and ln[:1] == ">":
            gaps.update(run)
        run, quoted = [], ln[:1] == ">"
    return gaps


def _drop_lead_teaser(lines: list[str], keep: list[int]) -> list[int]:
    """A standfirst sits above the byline/date; the article starts below them. When a byline
    or a short date line comes after the first one or two kept lines, those lines are header."""
    if len(keep) < 4:
        return keep
    for n in (1, 2):
        lo, hi = keep[n - 1], keep[n]
        between = [ln for ln in lines[lo + 1:hi] if ln]
        if any(_is_byline_or_date(ln) for ln in between):
            head_words = sum(len(lines[i].split()) for i in keep[:n])
            total = sum(len(lines[i].split()) for i in keep)
            if head_words <= 0.25 * total:
                return keep[n:]
    return keep


def _is_byline_or_date(line: str) -> bool:
    if len(line.split()) > 20:
        return False
    return bool(meta.byline(line) != (None, None) or parse_date(line))


def _with_hints(c: Cleaned, hints: dict) -> Cleaned:
    """Hints win field by field; a date hint only when it reads as a date (then as ISO 8601)."""
    fields = {k: getattr(c, k) for k in ("body", *META_FIELDS)}
    for k in META_FIELDS:
        v = hints.get(k)
        if v is None or not str(v).strip():
            continue
        if k == "date":
            fields[k] = parse_date(str(v)) or fields[k]
        else:
            fields[k] = " ".join(str(v).split())
    return Cleaned(**fields)
