"""List items the extractor kept only the end of come back whole, and the items of the
same list it dropped whole come back in place (html_whole.whole_items; no Textual)."""

from __future__ import annotations

import lxml.html

from tui.core.clean import html as H
from tui.core.clean import html_whole
from tui.core.clean.html_whole import whole_items

P = (
    "Note that memory allocated by <code>ffi_closure_alloc</code> and freed by the library "
    "does not come from the same general pool of memory that the program uses.  The search "
    "follows this list, using the first that works:\n"
)
ITEMS = [
    "A anonymous mapping (i.e. not file-backed)",
    "A file created in <code>/tmp</code>.",
    "A file created in <code>/var/tmp</code>.",
    "A file created in the home directory (<code>$HOME</code>).",
]
END = "If security settings prohibit using any of these, the call will fail."


def manual(items: list[str] = ITEMS) -> str:
    """A page of a GNU manual's shape (texinfo): list items opening with their own words."""
    ul = "<ul>\n" + "".join(f"<li> {t}\n\n</li>" for t in items) + "</ul>\n"
    return (
        f"<html><head><title>Memory</title></head><body lang='en'><div class='chapter'>"
        f"<h2>3 Memory Usage</h2>\n<p>{P}</p>{ul}<p>{END}\n</p></div></body></html>"
    )


def words(text: str) -> list[str]:
    return " ".join(lxml.html.fromstring(f"<p>{text}</p>").text_content().split()).split()


NAV = (
    "<div class='header'>\n<p>\nNext: <a href='Missing.html' rel='next'>Missing Features</a>, "
    "Previous: <a href='Using.html' rel='prev'>Using it</a>, Up: <a href='index.html'>libffi</a>"
    " &nbsp; [<a href='Index.html'>Index</a>]</p>\n</div>\n<hr>\n"
)
P10 = (
    "Note that memory allocated by <code>ffi_closure_alloc</code> and freed by\n<code>"
    "ffi_closure_free</code> does not come from the same general pool of\nmemory that <code>"
    "malloc</code> and <code>free</code> use.  To meet security\nsettings, the library may "
    "take memory, for example, by mapping\ntemporary files into two places in the address "
    "space (once to\nwrite the code, a second to run it).  The search follows\nthis list, "
    "using the first that works:\n"
)
ITEMS10 = [
    "A anonymous mapping (i.e. not file-backed)",
    "<code>memfd_create()</code>, if the kernel supports it.",
    "A file created in the directory referenced by the environment variable\n"
    "<code>LIBFFI_TMPDIR</code>.",
    "Likewise for the environment variable <code>TMPDIR</code>.",
    *(f"A file created in <code>{d}</code>." for d in ("/tmp", "/var/tmp", "/dev/shm")),
    "A file created in the user&rsquo;s home directory (<code>$HOME</code>).",
    *(
        f"A file created in any directory listed in <code>{f}</code>."
        for f in ("/etc/mtab", "/proc/mounts")
    ),
]


def memory_page() -> str:
    """A whole manual page of libffi's "Memory Usage" shape (texinfo, own words): the
    extractor drops items of only their own words and keeps of the others their ends."""
    ul = "<ul>\n" + "".join(f"<li> {t}\n\n</li>" for t in ITEMS10) + "</ul>\n"
    return (
        "<html><head><title>Memory Usage</title></head><body lang='en'><div class='chapter'>"
        f"\n{NAV}<h2 class='chapter'>3 Memory Usage</h2>\n\n<p>{P10}</p>\n{ul}\n<p>If "
        "security settings prohibit using any of these,\n<code>ffi_closure_alloc</code> will"
        " fail.\n</p>\n</div>\n</body></html>"
    )


def test_a_manuals_list_items_keep_all_their_words_through_the_extraction():
    text = H.extract(memory_page(), "file:///usr/share/doc/m.html")[0]
    lines = [ln.strip() for ln in text.split("\n")]
    for item in ITEMS10[:1] + ITEMS10[2:]:  # each item whole, marked, on a line of its own, once
        assert lines.count(f"- {' '.join(words(item))}") == 1, (item, text)
    assert "/tmp." not in lines and "$HOME)." not in lines


def test_the_manual_shaped_pages_items_through_the_extraction():
    text = H.extract(manual(), "file:///usr/share/doc/m.html")[0]
    lines = [ln.strip() for ln in text.split("\n")]
    for item in ITEMS:  # each item whole, on a line of its own, once
        whole = " ".join(words(item))
        assert lines.count(whole) + lines.count(f"- {whole}") == 1, (item, text)
    assert "/tmp." not in lines and "$HOME)." not in lines


def tree_of(items: list[str]):
    return lxml.html.fromstring(manual(items))


def test_cut_ends_of_items_are_replaced_by_the_items_and_a_dropped_item_comes_back():
    text = f"{' '.join(words(P))}\n/tmp.\n/var/tmp.\n$HOME).\n{END}"
    assert whole_items(tree_of(ITEMS), text).split("\n") == [
        " ".join(words(P)),
        *("- " + " ".join(words(t)) for t in ITEMS),
        END,
    ]


def test_repaired_items_carry_the_list_mark_of_the_kept_items():
    text = f"/tmp.\n- /var/tmp.\n{END}"  # (marked or not by the extractor)
    assert whole_items(tree_of(ITEMS[1:3]), text).split("\n")[:2] == [
        "- A file created in /tmp.",
        "- A file created in /var/tmp.",
    ]


def test_one_cut_line_is_no_pattern():
    text = f"{' '.join(words(P))}\n/tmp.\n{END}"
    assert whole_items(tree_of(ITEMS[1:2]), text) == text


def test_an_item_split_in_two_lines_is_left_as_the_extractor_read_it():
    items = [
        "Step one<br><code>make</code> all",
        "Step two<br><code>make</code> install",
        "Then run <code>make</code> check",
    ]
    text = "Step one\nmake all\nStep two\nmake install\nmake check"  # (<br>: two blocks)
    assert whole_items(tree_of(items), text).split("\n") == [
        "Step one",
        "make all",
        "Step two",
        "make install",
        "make check",
    ]


def test_a_dropped_item_whose_words_are_kept_already_is_not_added_again():
    held = "See A anonymous mapping (i.e. not file-backed) first, then the files."
    text = f"{held}\n/tmp.\n/var/tmp.\n$HOME).\n{END}"
    out = whole_items(tree_of(ITEMS), text).split("\n")
    assert out[0] == held and out[1] == "- A file created in /tmp." and len(out) == 5


def test_an_end_whose_opening_words_are_kept_elsewhere_is_left():
    items = [
        "Made in <code>/tmp</code>.",
        "Kept in <code>/var/tmp</code>.",
        "Found in <code>/dev/shm</code>.",
    ]
    text = "Made in\n/tmp.\n/var/tmp.\n/dev/shm."
    assert whole_items(tree_of(items), text).split("\n") == [
        "Made in",
        "/tmp.",
        "- Kept in /var/tmp.",
        "- Found in /dev/shm.",
    ]


def test_words_not_at_the_items_opening_are_not_a_cut():
    items = [
        "<b>Bold</b> lead and then <code>/tmp</code>.",
        "<b>Bold</b> again and <code>/x</code>.",
    ]
    text = "/tmp.\n/x."  # what is missing is not the item's own opening text
    assert whole_items(tree_of(items), text) == text


def test_switched_off_nothing_changes(monkeypatch):
    monkeypatch.setattr(html_whole, "WHOLE", False)
    text = f"/tmp.\n/var/tmp.\n{END}"
    assert whole_items(tree_of(ITEMS[1:3]), text) == text


ARTICLE = "".join(
    f"<h2 id='s{i}'>{h}</h2><p>This part about {h.lower()} says enough words "
    f"for a paragraph an extractor keeps for the reader. Step {i} done.</p>"
    for i, h in enumerate(("Introduction", "Installation", "Configuration"))
)


def furniture_page(lst: str) -> str:
    return f"<html><body>{lst}<article><h1>The guide</h1>{ARTICLE}</article></body></html>"


NAMES = ("Introduction", "Installation", "Configuration")


def test_a_heading_is_no_cut_end_of_a_table_of_contents_item():
    toc = "".join(f"<li>Section {i} - <a href='#s{i}'>{h}</a></li>" for i, h in enumerate(NAMES))
    text = "The guide\nIntroduction\nThis part\nInstallation\nThis part\nConfiguration"
    page = furniture_page(f"<ol>{toc.replace('#s', 'p')}</ol>")  # the headings are blocks
    assert whole_items(lxml.html.fromstring(page), text) == text
    divs = ARTICLE.replace("<h2", "<div").replace("</h2>", "</div>")  # headings not blocks:
    plain = toc.replace("#s", "p")
    for lst in (
        f"<nav><ol>{plain}</ol></nav>",
        f"<ol class='toc'>{plain}</ol>",  # furniture
        f"<ol>{toc}</ol>",
        f"<aside><ol>{plain}</ol></aside>",
    ):  # links into the page
        page = f"<html><body>{lst}<article><h1>The guide</h1>{divs}</article></body></html>"
        assert whole_items(lxml.html.fromstring(page), text) == text, lst
    page = f"<html><body><ol>{plain}</ol><article><h1>The guide</h1>{divs}</article></body></html>"
    assert whole_items(lxml.html.fromstring(page), text) != text  # (the guards are needed)


def test_furniture_pages_come_out_as_without_the_step(monkeypatch):
    toc = "".join(f"<li>Section {i} - <a href='#s{i}'>{h}</a></li>" for i, h in enumerate(NAMES))
    quotes = "".join(f"<li>Quote: <em>{h}</em></li>" for h in ("Introduction", "Installation"))
    for lst in (f"<nav><ol class='toc'>{toc}</ol></nav>", f"<aside><ul>{quotes}</ul></aside>"):
        page = furniture_page(lst)
        on = H.extract(page, "https://example.org/guide")[0]
        monkeypatch.setattr(html_whole, "WHOLE", False)
        off = H.extract(page, "https://example.org/guide")[0]
        monkeypatch.setattr(html_whole, "WHOLE", True)
        assert on == off, lst
