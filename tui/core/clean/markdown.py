"""Markdown to plain text: drop markup (headings, links, images, emphasis, code fences, tables)
but keep the shape of lists ("- ", "1. ") and quotations ("> ")."""

from __future__ import annotations

import re

_RULES = [
    (re.compile(r"^\s{0,3}(?:```|~~~).*$", re.M), ""),  # fence markers (content stays)
    (re.compile(r"<!--.*?-->", re.S), ""),  # comments
    # a block's tag between two words parts them (as a browser shows "a</p>b" on two lines)
    (re.compile(r"(?<=\S)</?(?:p|div|br|li|ul|ol|dl|dt|dd|h[1-6]|tr|td|th|table|blockquote|hr"
                r"|section|article|header|footer|pre)\b[^<>]{0,200}>(?=\S)", re.I), " "),
    (re.compile(r"</?[A-Za-z][^<>]{0,200}>"), ""),  # inline HTML tags
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images go (alt text is a caption)
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$", re.M), ""),  # link definitions
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


def strip_markdown(text: str) -> str:
    """Plain text of a Markdown document, paragraphs kept on their own lines."""
    for pat, rep in _RULES:
        text = pat.sub(rep, text)
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
