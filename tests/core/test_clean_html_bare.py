"""Prose written straight into a page's <body> (old hand-written pages: text, then an unclosed
<p> or a <pre>, no element around the text) is the article's, never silently dropped."""

from __future__ import annotations

from lxml import html as lxml_html

from tui.core.clean import clean
from tui.core.clean.html_bare import wrap_bare_text
from tui.core.model import RawDocument

INTRO = (
    "We often get questions about how the <tt>deflate()</tt> and <tt>inflate()</tt> functions "
    "should be used. Users wonder when they should provide more input and when they should "
    "use more output, so here is an annotated example."
)
HACK = (
    "This is an ugly hack required to avoid corruption of the input and output data on "
    "some systems, which would otherwise assume that the files are text."
)
PAGE = (
    "<html><head><title>zlib Usage Example</title></head><body>"
    "<h2>zlib Usage Example</h2>\n"
    f"{INTRO}\n<p>\nWithout further adieu, here is the program <a href='z.c'>zpipe.c</a>:\n"
    '<pre><b>#include &lt;stdio.h&gt;\n#include &lt;string.h&gt;\n#include "zlib.h"\n'
    "</b></pre>\n"
    f"{HACK}\n"
    + "".join(
        f"<pre><b>#define CHUNK{n} 16384\nint def{n}(FILE *source, FILE *dest, int level)\n{{\n"
        f"    int ret, flush;\n    unsigned have{n};\n    z_stream strm;\n}}\n</b></pre><!-- -->\n"
        f"Step {n} of the routine: the stream state is set up and the output buffer is "
        "filled until the deflate call has consumed all of the input it was given.\n"
        for n in range(1, 9)
    )
    + "</body></html>"
)


def test_prose_straight_in_the_body_is_kept():
    body = clean(RawDocument("z.html", PAGE, "html")).body
    assert "We often get questions about how the deflate() and inflate() functions" in body
    assert "This is an ugly hack required to avoid corruption" in body
    assert "#define CHUNK1 16384" in body
    assert "Step 5 of the routine: the stream state is set up" in body


def test_runs_are_wrapped_in_place_and_short_ones_left():
    tree = lxml_html.fromstring(
        "<html><body>one two<hr>Some words here that run on for more than eight in all."
        "<pre>x</pre>tail</body></html>"
    )
    wrap_bare_text(tree)
    body = tree.find(".//body")
    assert [k.tag for k in body] == ["hr", "p", "pre"]
    assert body.text == "one two" and body[2].tail == "tail"
    assert body[1].text.startswith("Some words here")
