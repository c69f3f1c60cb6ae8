"""Pages holding characters lxml will not set as text (control characters, U+FFFE): readability
still answers, and an error it logs is never printed over the terminal (html_readable.py)."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree
from readability import Document

from tui.core.clean import html as H
from tui.core.clean import html_readable as R

STORY = "".join(
    f"<p>Paragraph {i}: the council met on Tuesday to argue about the budget for many hours, "
    "and the members could not agree on the plan for the harbour.</p>"
    for i in range(4)
)
BAD = ["\x0c", "\x1c", "\x01", "\x0b", "\ufffe", "&#12;", "&#x1C;", "&#X0000c;", "&#11", "&#65535;"]


def _page(bad: str, story: str = STORY[:90] + "</p>") -> str:
    """A hidden element after text holding ``bad`` (readability moves that text); by default
    the page holds few words, so readability is asked."""
    return f"<html><body><nav>Home</nav>{story}<p>a{bad}b<span hidden>h</span>c</p></body></html>"


def test_a_page_with_control_characters_gets_readability_s_answer(monkeypatch) -> None:
    answers: list[str] = []
    original = H._readability

    def spy(html: str, tree=None) -> str:
        answers.append(original(html, tree))
        return answers[-1]

    monkeypatch.setattr(H, "_readability", spy)
    for bad in BAD:
        answers.clear()
        text = H.extract(_page(bad))[0]
        assert len(answers) == 1 and "Paragraph 0: the council" in answers[0], bad
        assert "a bc" in answers[0] and "Paragraph 0" in text, bad


PIECES = ["<p>", "</p>", "<span hidden>x</span>", "<a title='", "'>t</a>", "text ", "\t", "\n"]
PIECES += ["\x00", "\x0c", "\x1c", "\x7f", "\ufffe", "\uffff", "&#", "&#x", "&#X", "0", "1"]
PIECES += ["2", "9", "b", "c", "C", "f", "F", "e", ";", "655", "3", "4", "5", "d", "&amp;"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
@example("&#65534;x")
@example("&#x0000C;&#31&#xfffF&#0014;")
@example("&#123;&#x1cf;&#9;&#13;&#10;&#32;&#0;&#x0;")
def test_blanked_pages_hold_nothing_lxml_refuses(body: str) -> None:
    """After blank_controls, every text, tail and attribute of the parsed page can be set
    again (readability sets them when it moves text); a page that needs nothing is itself."""
    page = f"<html><body>{body}</body></html>"
    blank = R.blank_controls(page)
    tree = H._readability_tree(blank)
    for el in tree.iter():
        el.text, el.tail = el.text, el.tail
        for name, value in el.attrib.items():
            el.set(name, value)
    if not R._UNSET.search(page) and not R._UNSET_REF.search(page):
        assert blank is page
    try:
        tree = H._readability_tree(page)
        for el in tree.iter():
            el.text, el.tail = el.text, el.tail
            for name, value in el.attrib.items():
                el.set(name, value)
    except ValueError:  # the page as it came: lxml refuses it, so it had to be blanked
        assert blank is not page


def _raising(self) -> None:
    raise etree.ParserError("a readability error")


def test_readability_s_errors_are_not_printed_by_logging_s_last_resort(monkeypatch) -> None:
    """readability logs its errors with log.exception; with no handler on the way, logging's
    last-resort handler would print the traceback on stderr, over the terminal app."""
    printed: list[logging.LogRecord] = []
    resort = logging.Handler()
    resort.emit = printed.append  # type: ignore[method-assign]
    monkeypatch.setattr(logging, "lastResort", resort)
    monkeypatch.setattr(logging.getLogger("readability"), "propagate", False)  # (pytest's own)
    monkeypatch.setattr(Document, "transform_misused_divs_into_paragraphs", _raising)
    assert H.extract(_page(""))[0]  # readability failed inside: trafilatura's text stands
    assert printed == []
    quiet = logging.getLogger("readability").handlers
    monkeypatch.setattr(logging.getLogger("readability"), "handlers", [])
    H.extract(_page(""))
    assert len(printed) == 1  # (what the NullHandler keeps off the screen)
    assert any(isinstance(h, logging.NullHandler) for h in quiet)


def test_a_control_character_page_leaves_stderr_clean(tmp_path: Path) -> None:
    """As a user's process runs it: the page, and a readability that raises, print nothing."""
    page = tmp_path / "page.html"
    page.write_text(_page("\x0c"), encoding="utf-8")
    code = (
        "import sys\n"
        "from readability import Document\n"
        "from tui.core.clean import html as H\n"
        "page = open(sys.argv[1], encoding='utf-8').read()\n"
        "assert 'a bc' in H._readability(page)\n"
        "def fail(self): raise ValueError('x')\n"
        "Document.transform_misused_divs_into_paragraphs = fail\n"
        "print(len(H.extract(page)[0]) > 0)\n"
    )
    root = Path(H.__file__).resolve().parents[3]
    run = subprocess.run(
        [sys.executable, "-c", code, str(page)], capture_output=True, text=True, cwd=root
    )
    assert run.returncode == 0 and run.stdout == "True\n", run.stderr
    assert run.stderr == ""
