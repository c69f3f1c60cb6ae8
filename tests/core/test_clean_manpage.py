"""A man page kept as text (``man ls | col -b``, ``man -P cat``): its running header and
footer are metadata, not body; the title is what its NAME section says; its sections keep
their text and its options lists their lines."""

from __future__ import annotations

from tui.core.clean import clean, manpage
from tui.core.model import RawDocument

LS = (
    "LS(1)\t\t\t\t User Commands\t\t\t\t LS(1)\n\nNAME\n       ls - list directory contents\n\n"
    "SYNOPSIS\n       ls [OPTION]... [FILE]...\n\nDESCRIPTION\n"
    "       List  information  about\t the FILEs (the current directory by default).\n"
    "       Sort entries alphabetically if none of -cftuvSUX nor --sort  is\tspeci\u2010\n"
    "       fied.\n\n"
    "       Mandatory  arguments  to\t long  options are mandatory for short options\n"
    "       too.\n\n"
    "       -a, --all\n\t      do not ignore entries starting with .\n\n"
    "       -A, --almost-all\n              do not list implied . and ..\n\n"
    "       --author\n              with -l, print the author of each file\n\n"
    "       --block-size=SIZE\n\t      with  -l,\t scale\tsizes  by  SIZE\t when  printing\t them;"
    "\t e.g.,\n\t      '--block-size=M'; see SIZE format below\n\n"
    "       -c     with -lt: sort by, and show, ctime (time of last modification of\n"
    "\t      file status information); with -l: show ctime and sort by\t name;\n"
    "\t      otherwise: sort by ctime, newest first\n\n"
    "       Using  color  to distinguish file types is disabled both by default and\n"
    "       with --color=never.  With --color=auto, ls emits color codes only  when\n"
    "       standard  output is connected to a terminal.  The LS_COLORS environment\n"
    "       variable can change the settings.  Use the dircolors(1) command to  set\n"
    "       it.\n\n"
    "SEE ALSO\n       dircolors(1)\n\n"
    "       Full documentation <https://www.gnu.org/software/coreutils/ls>\n"
    "       or available locally via: info '(coreutils) ls invocation'\n\n"
    "GNU coreutils 9.1\t\tSeptember 2022\t\t\t\t LS(1)\n"
)


def test_a_man_pages_header_and_footer_are_metadata_and_its_name_the_title() -> None:
    c = clean(RawDocument("ls.txt", LS, "text"))
    assert (c.title, c.date, c.source) == (
        "ls - list directory contents",
        "2022-09",
        "GNU coreutils 9.1",
    )
    paras = c.body.split("\n\n")
    assert paras[:4] == [
        "NAME",
        "ls - list directory contents",
        "SYNOPSIS",
        "ls [OPTION]... [FILE]...",
    ]
    assert (
        "List information about the FILEs (the current directory by default). Sort "
        "entries alphabetically if none of -cftuvSUX nor --sort is specified."
    ) in paras
    assert paras[paras.index("-a, --all") + 1] == "do not ignore entries starting with ."
    assert (
        "-c with -lt: sort by, and show, ctime (time of last modification of file status "
        "information); with -l: show ctime and sort by name; otherwise: sort by ctime, "
        "newest first"
    ) in paras
    assert "SEE ALSO" in paras and "dircolors(1)" in paras
    assert "LS(1)" not in c.body and "User Commands" not in c.body
    assert "September 2022" not in c.body


def test_a_paginated_man_page_loses_every_copy_of_its_running_header() -> None:
    head, foot = "TAR(1)    GNU TAR Manual    TAR(1)", "TAR    July 13, 2020    TAR(1)"
    page = (
        f"{head}\n\nNAME\n       tar - an archiving utility\n\nDESCRIPTION\n"
        f"       GNU tar is an archiving program.\n\n{foot}\n\f{head}\n\n"
        f"       It stores many files in one.\n\n{foot}\n"
    )
    text, found = manpage.read(page)
    assert head not in text and foot not in text and "It stores many files in one." in text
    assert found == {
        "title": "tar - an archiving utility",
        "date": "2020-07-13",
        "source": "GNU TAR Manual",
    }


def test_a_text_that_only_opens_like_a_man_page_is_left_alone() -> None:
    for text in (
        "LS(1) is a command.\n\nNAME\n  x - y\n",  # no running header
        "LS(1)    User Commands    LS(1)\n\nIt lists files.\n",
    ):  # no section below
        assert manpage.read(text) == (text, {})


def test_no_name_line_no_man_page() -> None:
    """Without the NAME section's "name - what it does" line nothing is taken: the header
    stays (a bare page, a wire story opening with something that looks like a header)."""
    bare = "FOO(1)      FOO(1)\n\nNAME\n       foo\n\nDESCRIPTION\n       Foo does things.\n"
    table = (
        "f(x)      Results table      f(x)\n\nWASHINGTON\n\n"
        "The committee said on Tuesday that the figures for the first quarter were\n"
        "better than expected, and that it would publish the full report next week.\n\n"
        "Reporting by Jane Doe    2024-03-02\n"
    )
    wire = (
        "REUTERS(1)    World News    REUTERS(1)\nLONDON\n"
        "British inflation fell to 3.2 percent - its lowest level in two years - the\n"
        "Office for National Statistics said on Wednesday.\n"
    )
    for text in (bare, table, wire):
        assert manpage.read(text) == (text, {})
    c = clean(RawDocument("bare.txt", bare, "text"))
    assert "FOO(1)" in f"{c.title} {c.body}" and "NAME" in c.body
    c = clean(RawDocument("fx.txt", table, "text"))
    assert "Reporting by Jane Doe" in c.body and c.source is None


def test_a_dated_last_line_that_is_no_footer_stays_in_the_body() -> None:
    """The footer is the last line only when it ends with the header's page name or has the
    same column at both ends: a dated body line ("Version 1.0  released 2019-05-01") stays."""
    head = "LS(1)\t\t\t\t User Commands\t\t\t\t LS(1)"
    text = (
        f"{head}\n\nNAME\n       ls - list directory contents\n\n"
        "HISTORY\n       Version 1.0    released 2019-05-01\n"
    )
    kept, found = manpage.read(text)
    assert "Version 1.0    released 2019-05-01" in kept and head not in kept
    assert found == {"title": "ls - list directory contents", "source": "User Commands"}
    body = clean(RawDocument("trunc.txt", text, "text")).body
    assert "Version 1.0 released 2019-05-01" in body


def test_every_footer_column_is_kept_in_the_metadata_or_the_footer_stays() -> None:
    """A footer of two columns ("systemd 252   JOURNALCTL(1)") gives its package as the
    source; a column that is neither the page name, the package nor only a date (columns run
    together at a narrow width) keeps the footer in the body."""
    two = LS.replace("GNU coreutils 9.1\t\tSeptember 2022\t\t\t\t LS(1)", "systemd 252\t\t\t LS(1)")
    c = clean(RawDocument("ls.txt", two, "text"))
    assert (c.source, c.date) == ("systemd 252", None) and "systemd 252" not in c.body
    merged = LS.replace(
        "GNU coreutils 9.1\t\tSeptember 2022\t\t\t\t LS(1)",
        "GNU coreutils 9.1 September 2022\t\t LS(1)",
    )
    c = clean(RawDocument("ls.txt", merged, "text"))
    assert c.title == "ls - list directory contents"
    assert "GNU coreutils 9.1 September 2022" in c.body
