"""Markdown to plain text: drop markup (headings, links, images, emphasis, code fences, a
table's rule row) but keep the shape of lists ("- ", "1. "), quotations ("> ") and a table's
rows ("| zstd | 2.887 |", one a line). A leading YAML front matter
block gives the metadata it names (``front_matter``)."""

from __future__ import annotations

import json
import re

from tui.core.clean.dates import parse_date
from tui.core.markup import PARTING_TAGS, lang_code

# Not <address> (in Markdown, more often a placeholder in code: `--debug=<address>:<port>`),
# nor yet <figure>, <figcaption> (never parted here: parting them is a change of its own).
NOT_PARTING = frozenset({"address", "figure", "figcaption"})
_PARTING = "|".join(sorted(PARTING_TAGS - NOT_PARTING))
_RULES = [
    (re.compile(r"^[ \t]{0,3}(?:```|~~~).*$", re.M), ""),  # fence markers (content stays)
    (re.compile(r"<!--.*?-->", re.S), ""),  # comments
    # a block's tag between two words parts them (as a browser shows "a</p>b" on two lines)
    (re.compile(rf"(?<=\S)</?(?:{_PARTING})\b[^<>]{{0,200}}>(?=\S)", re.I), " "),
    (re.compile(r"</?[A-Za-z][^<>]{0,200}>"), ""),  # inline HTML tags
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images go (alt text is a caption)
    (re.compile(r"!\[([^\]]*)\]\[[^\]]*\]"), ""),  # reference images ("![CI][badge]") too
    (re.compile(r"\[\s*\]\((?:[^()\s]|\([^()\s]*\))*\)|\[\s*\]\[[^\]]*\]"), ""),  # links
    # left with no text: a badge's image gone ("[![CI](badge.svg)](https://ci...)")
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    # link definitions; not a footnote's ("[^1]: The report..." is text: "[^" opens no label)
    (re.compile(r"^[ \t]{0,3}\[[^\]^][^\]]*\]:[ \t]+\S+.*$", re.M), ""),
    # ATX headings (closing hashes after a space: "## C#" keeps its "#")
    (re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*$", re.M), r"\1"),
    (re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$", re.M), ""),  # setext underlines, rules
    (re.compile(r"^[ \t]{0,3}(?:\*[ \t]*){3,}$|^[ \t]{0,3}(?:_[ \t]*){3,}$", re.M), ""),  # rules
    (re.compile(r"^[ \t]{0,3}>[ \t]?(?=[ \t]*$)", re.M), ""),  # empty quote lines
    (re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.M), "> "),  # block quotes keep one marker
    # table rules, line and all (a table's header row and its rows stay together)
    (re.compile(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*(?:\n|$)", re.M), ""),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # emphasis
    (re.compile(r"~~(.+?)~~"), r"\1"),  # strike
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
]


_DEFINED = re.compile(r"^[ \t]{0,3}\[([^\]^][^\]]*)\]:[ \t]+\S", re.M)  # (footnotes: not "[^1]")
_SHORTCUT = re.compile(r"\[([^\[\]\n]+)\](?:\[\])?")  # "[lzbench]", "[lzbench][]"


def strip_markdown(text: str) -> str:
    """Plain text of a Markdown document, paragraphs kept on their own lines. A shortcut
    reference link ("using [lzbench], ...", defined by "[lzbench]: URL") keeps its text."""
    defined = {m.group(1).casefold() for m in _DEFINED.finditer(text)} if "]:" in text else ()
    for pat, rep in _RULES:
        text = pat.sub(rep, text)
    if defined:
        text = _SHORTCUT.sub(lambda m: m.group(1) if m.group(1).casefold() in defined
                             else m.group(0), text)
    return text


_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_BLOCK_START = re.compile(r"^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|\||(?:=+|-+)\s*$|"
                          r"(?:\*\s*){3,}$|(?:_\s*){3,}$|<|\[[^\]]+\]:)")
_TABLE_RULE = re.compile(r"^\s{0,3}\|?(?:\s*:?-+:?\s*\|)+\s*(?::?-+:?)?\s*$")  # "--|--"
_ITEM = re.compile(r"^(\s{0,3})([-*+]|\d{1,9}[.)])\s+")
_QUOTE = re.compile(r"^\s{0,3}>\s?")


def read(text: str) -> tuple[str, set[int]]:
    """The plain text of a Markdown document, its paragraphs, items and quotations one a line
    (``join_paragraphs``, ``strip_markdown``), and the indices of its lines that are a table's
    rows, its header row among them: what Markdown reads as a table (a header row over a rule
    row, and the rows under it), and nothing else split by pipes (a menu, a footer's links)."""
    rows: set[int] = set()
    joined = join_paragraphs(text, rows).split("\n")
    for k in rows:  # (marked through the markup's removal, which may join or drop lines)
        joined[k] += _ROW
    lines = strip_markdown("\n".join(joined)).split("\n")
    found = {k for k, ln in enumerate(lines) if _ROW in ln}
    for k in list(found):
        lines[k] = lines[k].replace(_ROW, "")
        if not any(c.isalnum() for c in lines[k]):  # "| |": its images gone, nothing to say
            lines[k] = ""
            found.discard(k)
    return "\n".join(lines), found


_ROW = "\x00"  # a table row's mark in ``read`` (no text holds it: the text is sanitised)


def join_paragraphs(text: str, rows: set[int] | None = None) -> str:
    """Markdown with each paragraph, list item and quoted paragraph on one line, as Markdown
    reads them: a line continues the block above unless a blank line, a heading, a list item,
    a quotation, a table row, a fence or a hard break (two trailing spaces or a backslash)
    comes between. Code in fences and indented code stay as they are, and so do a table's
    lines (its header row over its rule row, its rows: with or without pipes around).
    ``rows``, when given, receives the indices of the result's lines that are a table's header
    row or rows (not its rule row)."""
    out: list[str] = []
    fenced = False
    joinable = False  # the last output line is a paragraph, item or quote that may go on
    table = False  # inside a table: below its rule row ("--|--"), up to a line without a pipe
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if "|" in line and not fenced and (
                table or _TABLE_RULE.match(line)
                or (k + 1 < len(lines) and _TABLE_RULE.match(lines[k + 1]))):
            rule = bool(_TABLE_RULE.match(line))
            if rows is not None and not rule:
                rows.add(len(out))
            out.append(line)  # a table's header, rule or row ("a | b" over "--|--"): a line
            joinable = False
            table = table or rule
            continue
        table = False
        if _FENCE.match(line):
            fenced = not fenced
            out.append(line)
            joinable = False
            continue
        if fenced or not line.strip():
            out.append(line)
            joinable = False
            continue
        quote = _QUOTE.match(line)
        if joinable and quote and out[-1].lstrip().startswith(">"):
            out[-1] = out[-1].rstrip() + " " + line[quote.end():].strip()  # quote goes on
        elif joinable and not _BLOCK_START.match(line) and (
                not line.startswith("    ") or _ITEM.match(out[-1])
                or out[-1].startswith("    ")):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
        last = out[-1]
        joinable = not (last.endswith(("  ", "\\"))
                        or re.match(r"^\s{0,3}#{1,6}\s", last) or last.lstrip().startswith("|")
                        or (last.startswith("    ") and not _ITEM.match(last)))
    return "\n".join(out)


_FM_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$")
_FM_FIELDS = {"title": "title", "author": "author", "date": "date", "lang": "lang",
              "language": "lang", "source": "source", "summary": "summary",
              "description": "summary"}
_FM_LINES = 200  # a longer block is no front matter
_EMPTY = ("", "null", "~", "Null", "NULL", "[]", "{}", '""', "''")  # values that say nothing


# Keys ``wiredesk export --split`` writes that no field holds: the article's id and origin, its
# story, tags and flags. A block holding all of ``_EXPORT_MARKS`` is such a file's, and these
# keys are then no text of the body: ingest names them (``export_keys``) as not applied.
EXPORT_KEYS = ("id", "origin", "story_id", "story_title", "tags", "starred", "read",
               "note_version_ingested")
_EXPORT_MARKS = frozenset({"id", "origin", "story_id", "starred", "read"})


def front_matter(text: str) -> tuple[dict[str, str], str, list[str]]:
    """``(fields, rest, unused)``: the title, author, date, language, outlet and summary a
    leading YAML front matter block names ("---" lines around "key: value" lines, as Jekyll,
    Hugo, Obsidian and ``wiredesk export --split`` write it), the text after the block, and
    the entries it holds that give no field ("tags: [a, b]", "date: Spring 2023", a second
    title), as written, for the body to keep (not a Wiredesk export's own keys: ingest names
    those, ``export_keys``). A text without one, or whose block is not flat "key: value"
    lines, comes back as it is (its lines were read as the body's)."""
    block = _block(text)
    if block is None:
        return {}, text, []
    entries, rest = block
    own = _exported(entries)
    fields: dict[str, str] = {}
    unused = []
    for key, value, nested in entries:
        field = _FM_FIELDS.get(key.lower())
        got = _usable(field, _scalar(value, nested)) if field else None
        if field and got and fields.setdefault(field, got) == got:
            continue  # read (or said again)
        if own and key in EXPORT_KEYS:
            continue  # (named by ingest)
        shown = _scalar(value, nested) or _shown(value, nested)  # (unquoted when it reads)
        if shown not in _EMPTY:
            unused.append(f"{key}: {shown}")
    return fields, rest, unused


def export_keys(text: str) -> list[str]:
    """The entries of a Wiredesk export's front matter (``wiredesk export --split``) that no
    field holds and that say something ("tags: a, b", "starred: true"; not "read: false"), as
    "key: value"; nothing for any other text."""
    block = _block(text) if text.startswith("---") else None
    if block is None or not _exported(block[0]):
        return []
    out = []
    for key, value, nested in block[0]:
        shown = _scalar(value, nested) or _shown(value, nested)
        if key in EXPORT_KEYS and shown not in (*_EMPTY, "false"):
            out.append(f"{key}: {shown}")
    return out


def _exported(entries: list[tuple[str, str, list[str]]]) -> bool:
    return _EXPORT_MARKS <= {k for k, _, _ in entries}


def _block(text: str) -> tuple[list[tuple[str, str, list[str]]], str] | None:
    """The entries of a leading front matter block (key, value, the lines nested under it)
    and the text after it; None when there is none (see ``front_matter``)."""
    if not text.startswith("---"):
        return None
    lines = text.split("\n", _FM_LINES)
    if lines[0].rstrip() != "---":
        return None
    end = next((i for i in range(1, min(len(lines), _FM_LINES))
                if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return None
    entries: list[tuple[str, str, list[str]]] = []  # key, value, the lines nested under it
    for line in lines[1:end]:
        if line[:1] in " \t-":
            if entries and line.strip():  # a list's item, a nested value, a block's line
                entries[-1][2].append(line.strip())
            continue
        if not line.strip() or line.startswith("#"):
            continue  # a comment
        m = _FM_KEY.match(line)
        if m is None:
            return None
        entries.append((m.group(1), (m.group(2) or "").strip(), []))
    if not any(k.lower() in _FM_FIELDS for k, _, _ in entries):
        return None  # "---" rules around "Note: the vote moved." are no front matter
    return entries, "\n".join(lines[end + 1:])


def _usable(field: str, value: str) -> str | None:
    """A field's value as Wiredesk keeps it: a date as ISO 8601, a language as its code."""
    if field == "date":
        return parse_date(value) if value else None
    if field == "lang":
        return lang_code(value)
    return value or None


def _shown(value: str, nested: list[str]) -> str:
    """An entry's value as written, on one line ("- a", "- b" under it: "a, b")."""
    if nested and all(n.startswith("-") for n in nested) and value in ("", "[]"):
        return ", ".join(_scalar(n[1:].strip(), []) or n[1:].strip() for n in nested)
    return " ".join([value, *nested]).strip()


def _scalar(value: str, nested: list[str]) -> str:
    """A YAML scalar's text: quotes taken off ("..." as JSON reads it), a folded (">") or
    literal ("|") block's lines joined; null, lists, maps and the rest give nothing."""
    if value[:1] in "|>" and re.fullmatch(r"[|>][-+]?\d?", value):
        return " ".join(" ".join(nested).split())
    if nested:
        return ""  # a list or a map under the key
    if value[:1] == '"':
        try:
            got = json.loads(value)
        except ValueError:
            got = value.strip('"')
        return got.strip() if isinstance(got, str) else ""
    if value[:1] == "'" and value[-1:] == "'" and len(value) > 1:
        return value[1:-1].replace("''", "'").strip()
    if value in _EMPTY or value[:1] in "[{|>&*!":
        return ""
    return value.split(" #", 1)[0].strip()
