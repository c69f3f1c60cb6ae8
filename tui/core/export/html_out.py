"""HTML export: one self-contained page for sharing.

Every piece of text is HTML-escaped; no scripts, no external resources, and a
Content-Security-Policy that forbids both, so the page is safe to open whatever the articles
or notes say. Links are made only for http(s) origins.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from tui.core.export.items import ExportItem, group_by_story

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;
color:#1b1b1b;background:#fff}
h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2.5rem}
.id{color:#666;font-size:.8em;font-family:monospace}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0}
dt{color:#555}dd{margin:0;overflow-wrap:anywhere}
.tag{display:inline-block;background:#eef;border-radius:.3rem;padding:0 .4rem;margin-right:.3rem}
.note{white-space:pre-wrap;border-left:3px solid #88a;padding:.3rem .8rem;background:#f6f6fb}
@media (prefers-color-scheme:dark){body{color:#ddd;background:#161616}.tag{background:#334}
.note{background:#22222b}h2{border-color:#444}dt,.id{color:#aaa}}
""".strip()
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'"


def _e(text: str) -> str:
    return escape(text, quote=True)


def _origin(origin: str) -> str:
    if origin.startswith(("http://", "https://")):
        return f'<a href="{_e(origin)}" rel="noopener noreferrer">{_e(origin)}</a>'
    return _e(origin)


def _article(item: ExportItem) -> list[str]:
    rows = [("Outlet", item.source), ("Author", item.author), ("Date", item.date),
            ("Language", item.lang)]
    lang = f' lang="{_e(item.lang)}"' if item.lang else ""
    out = [f'<article id="a-{_e(item.id)}"{lang}>',
           f'<h3 dir="auto">{"&#9733; " if item.starred else ""}{_e(item.title)} '
           f'<span class="id">{_e(item.id)}</span></h3>', "<dl>"]
    out += [f'<dt>{k}</dt><dd dir="auto">{_e(v)}</dd>' for k, v in rows if v]
    out.append(f"<dt>Origin</dt><dd>{_origin(item.origin)}</dd>")
    if item.tags:
        tags = "".join(f'<span class="tag">{_e(t)}</span>' for t in item.tags)
        out.append(f"<dt>Tags</dt><dd>{tags}</dd>")
    out.append(f"<dt>Starred</dt><dd>{'yes' if item.starred else 'no'}</dd>")
    out.append(f"<dt>Read</dt><dd>{'yes' if item.read else 'no'}</dd>")
    if item.note_version_ingested:
        out.append(f"<dt>Note on version</dt><dd>{_e(item.note_version_ingested)}</dd>")
    out.append("</dl>")
    if item.note.strip():
        out.append(f'<div class="note" dir="auto">{_e(item.note.strip(chr(10)))}</div>')
    out.append("</article>")
    return out


def to_html(items: Sequence[ExportItem]) -> str:
    count = f"{len(items)} article{'s' if len(items) != 1 else ''}"
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           "<title>Wiredesk export</title>", f"<style>\n{_STYLE}\n</style>", "</head>",
           "<body>", "<h1>Wiredesk export</h1>", f"<p>{count}.</p>"]
    for story_id, story_title, group in group_by_story(items):
        if story_id:
            out.append(f'<section id="s-{_e(story_id)}">')
            out.append(f'<h2 dir="auto">{_e(story_title or "Story")} '
                       f'<span class="id">{_e(story_id)}</span></h2>')
        else:
            out += ["<section>", "<h2>Not in a story</h2>"]
        for item in group:
            out += _article(item)
        out.append("</section>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
