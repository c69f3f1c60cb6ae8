"""What a `wiredesk clean` of a plain-text file loads: the cleaner, not the HTML extractors, the
terminal libraries or the workspace (each costs every run of the shipped scorer's loop)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TEXT = (
    "LONDON, May 3 (Reuters) - The council said on Tuesday it would open the bridge.\n\n"
    + (
        "The bridge, closed since March for repairs to its deck, carries 40,000 cars a day. "
        "Engineers said the work had gone faster than planned.\n\n"
    )
    * 3
)
_HEAVY = (
    "trafilatura",
    "lxml",
    "readability",
    "rich",
    "textual",
    "charset_normalizer",
    "dateparser",
    "tui.core.workspace",
    "tui.core.clean.html",
    "tui.cli.ingest_cmd",
)


def _run(code: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        check=False,
        timeout=120,
    )


def test_cleaning_a_text_file_loads_no_html_extractor_nor_terminal_library(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(TEXT, encoding="utf-8")
    code = (
        "import sys\nfrom tui.cli import main\nrc = main(['clean', sys.argv[1], '--json'])\n"
        "heavy = sys.argv[2].split(',')\n"
        "print(sorted(m for m in sys.modules if any(m == h or m.startswith(h + '.') "
        "for h in heavy)), file=sys.stderr)\nsys.exit(rc)"
    )
    p = _run(code, str(src), ",".join(_HEAVY))
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["body"].startswith("LONDON")
    assert p.stderr.strip().splitlines()[-1] == "[]"


_FOR_THEIR_PAGES = ("tui.core.clean.markdown", "tui.core.clean.combine", "tui.core.clean.titles")


def test_markdown_and_extracted_text_helpers_load_for_their_pages_only(tmp_path):
    """A plain-text page loads neither the Markdown reader nor the helpers of text an HTML
    extractor chose (each a module to compile at every start); a Markdown page loads its
    reader and is cleaned as before."""
    src = tmp_path / "story.txt"
    src.write_text(TEXT, encoding="utf-8")
    md = tmp_path / "notes.md"
    md.write_text("# The bridge\n\n" + TEXT.replace("council", "**council**"), encoding="utf-8")
    code = (
        "import sys\nfrom tui.cli import main\nrc = main(['clean', sys.argv[1], '--json'])\n"
        "print(sorted(m for m in sys.argv[2].split(',') if m in sys.modules), file=sys.stderr)\n"
        "sys.exit(rc)"
    )
    helpers = ",".join(_FOR_THEIR_PAGES)
    p = _run(code, str(src), helpers)
    assert p.returncode == 0, p.stderr
    assert p.stderr.strip().splitlines()[-1] == "[]"
    p = _run(code, str(md), helpers)
    assert p.returncode == 0, p.stderr
    assert p.stderr.strip().splitlines()[-1] == "['tui.core.clean.markdown']"
    assert "**" not in json.loads(p.stdout)["body"]

