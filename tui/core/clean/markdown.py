"""Markdown to plain text: drop markup (headings, links, images, emphasis, code fences, tables)
but keep the shape of lists ("- ", "1. ") and quotations ("> "). A leading YAML front matter
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
    (re.compile(r"^\s{0,3}(?:```|~~~).*$", re.M), ""),  # fence markers (content stays)
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
    (re.compile(r"^\s{0,3}\[[^\]^][^\]]*\]:\s+\S+.*$", re.M), ""),
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.M), r"\1"),  # ATX headings
    (re.compile(r"^\s{0,3}(?:=+|-+)\s*$", re.M), ""),  # setext underlines, rules
    (re.compile(r"^\s{0,3}(?:\*\s*){3,}$|^\s{0,3}(?:_\s*){3,}$", re.M), ""),  # rules
    (re.compile(r"^\s{0,3}>\s?(?=\s*$)", re.M), ""),  # empty quote lines
    (re.compile(r"^\s{0,3}(?:>\s?)+", re.M), "> "),  # block quotes keep one marker
    (re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$", re.M), ""),  # table rules
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # emphasis
    (re.compile(r"~~(.+?)~~"), r"\1"),  # strike
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
]


_DEFINED = re.compile(r"^\s{0,3}\[([^\]^][^\]]*)\]:\s+\S", re.M)  # (footnotes: not "[^1]")
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
_ITEM = re.compile(r"^(\s{0,3})([-*+]|\d{1,9}[.)])\s+")
_QUOTE = re.compile(r"^\s{0,3}>\s?")


def join_paragraphs(text: str) -> str:
    """Markdown with each paragraph, list item and quoted paragraph on one line, as Markdown
    reads them: a line continues the block above unless a blank line, a heading, a list item,
    a quotation, a table row, a fence or a hard break (two trailing spaces or a backslash)
    comes between. Code in fences and indented code stay as they are."""
    out: list[str] = []
    fenced = False
    joinable = False  # the last output line is a paragraph, item or quote that may go on
    for line in text.split("\n"):
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


def front_matter(text: str) -> tuple[dict[str, str], str, list[str]]:
    """``(fields, rest, unused)``: the title, author, date, language, outlet and summary a
    leading YAML front matter block names ("---" lines around "key: value" lines, as Jekyll,
    Hugo, Obsidian and ``wiredesk export --split`` write it), the text after the block, and
    the entries it holds that give no field ("tags: [a, b]", "date: Spring 2023", a second
    title), as written, for the body to keep. A text without one, or whose block is not flat
    "key: value" lines, comes back as it is (its lines were read as the body's)."""
    if not text.startswith("---"):
        return {}, text, []
    lines = text.split("\n", _FM_LINES)
    if lines[0].rstrip() != "---":
        return {}, text, []
    end = next((i for i in range(1, min(len(lines), _FM_LINES))
                if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return {}, text, []
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
            return {}, text, []
        entries.append((m.group(1), (m.group(2) or "").strip(), []))
    if not any(k.lower() in _FM_FIELDS for k, _, _ in entries):
        return {}, text, []  # "---" rules around "Note: the vote moved." are no front matter
    fields: dict[str, str] = {}
    unused = []
    for key, value, nested in entries:
        field = _FM_FIELDS.get(key.lower())
        got = _usable(field, _scalar(value, nested)) if field else None
        if field and got and fields.setdefault(field, got) == got:
            continue  # read (or said again)
        shown = _scalar(value, nested) or _shown(value, nested)  # (unquoted when it reads)
        if shown not in _EMPTY:
            unused.append(f"{key}: {shown}")
    return fields, "\n".join(lines[end + 1:]), unused


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
