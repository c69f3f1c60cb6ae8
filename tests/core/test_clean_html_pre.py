"""A ``<pre>`` block stays its own block, line by line (html_pre.py): a documentation page's
code example does not run on into the paragraph after it, nor into the next example, and two
flavours of one example (Node's ES module and CommonJS ``<code>`` side by side) are two
lines; a closing "}" with no word of its own stays in the body."""

from __future__ import annotations

from tui.core.clean import clean
from tui.core.model import RawDocument

PAGE = (
    "<html><head><title>Addons | Node.js Documentation</title></head><body>"
    "\n"
    '<div id="apicontent"><h1>C++ addons</h1>\n'
    "<p>Addons are dynamically-linked shared objects written in C++. The re"
    "quire() function can load\n"
    "addons as ordinary Node.js modules. Addons provide an interface betwee"
    "n JavaScript and C/C++\n"
    "libraries.</p>\n"
    "<p>The following example shows a simple addon that returns the string "
    "world when called.</p>\n"
    '<pre><code class="language-cpp"><span class="hljs-meta">#include &lt;n'
    "ode.h&gt;</span>\n"
    "\n"
    '<span class="hljs-keyword">namespace</span> demo {\n'
    "\n"
    '<span class="hljs-function"><span class="hljs-type">void</span> <span '
    'class="hljs-title">Method</span>()</span> {\n'
    '  <span class="hljs-built_in">print</span>(<span class="hljs-string">"'
    'world"</span>);\n'
    "}\n"
    "\n"
    '}</code> <button class="copy-button">copy</button></pre>\n'
    "<p>All Node.js addons must export an initialization function following"
    " the pattern shown\n"
    "above, and there is no semi-colon after the macro as it is not a funct"
    "ion.</p>\n"
    "<p>To use strict assertion mode:</p>\n"
    '<pre class="with-47-chars"><input class="js-flavor-toggle" type="check'
    'box" checked><code class="language-js mjs"><span class="hljs-keyword">'
    'import</span> { strict <span class="hljs-keyword">as</span> assert } <'
    'span class="hljs-keyword">from</span> <span class="hljs-string">\'node:'
    'assert\'</span>;</code><code class="language-js cjs"><span class="hljs-'
    'keyword">const</span> assert = <span class="hljs-built_in">require</sp'
    'an>(<span class="hljs-string">\'node:assert\'</span>).<span class="hljs-'
    'property">strict</span>;</code><button class="copy-button">copy</butto'
    "n></pre>\n"
    '<pre class="with-45-chars"><input class="js-flavor-toggle" type="check'
    'box" checked><code class="language-js mjs"><span class="hljs-keyword">'
    'import</span> assert <span class="hljs-keyword">from</span> <span clas'
    's="hljs-string">\'node:assert/strict\'</span>;</code><code class="langua'
    'ge-js cjs"><span class="hljs-keyword">const</span> assert = <span clas'
    's="hljs-built_in">require</span>(<span class="hljs-string">\'node:asser'
    't/strict\'</span>);</code><button class="copy-button">copy</button></pr'
    "e>\n"
    "<p>Once the source code has been written, it must be compiled into the"
    " binary addon file\n"
    "before it can be loaded by the program that uses it.</p>\n"
    "</div></body></html>"
)


def test_a_code_block_is_apart_from_the_paragraph_after_it_and_from_the_next() -> None:
    body = clean(RawDocument("https://nodejs.org/api/addons.html", PAGE, "html")).body
    paras = body.split("\n\n")
    after = paras.index(
        "All Node.js addons must export an initialization function following "
        "the pattern shown above, and there is no semi-colon after the macro "
        "as it is not a function."
    )
    assert paras[after - 3 : after] == ['print("world");', "}", "}"]
    at = paras.index("To use strict assertion mode:")
    assert paras[at + 1 : at + 6] == [
        "import { strict as assert } from 'node:assert';",
        "const assert = require('node:assert').strict;",
        "import assert from 'node:assert/strict';",
        "const assert = require('node:assert/strict');",
        "Once the source code has been written, it must be compiled into the binary addon file "
        "before it can be loaded by the program that uses it.",
    ]


INTRO = (
    "<p>This is an introductory paragraph about the example below, with enough words to be"
    " kept as content by the extractor.</p>"
)
AFTER = "Paragraph after the code that explains the example to the reader in some detail."


def _body(pre: str) -> list[str]:
    page = f"<html><body><article><h1>Tokens</h1>{INTRO}{pre}<p>{AFTER}</p></article></body></html>"
    return clean(RawDocument("https://example.org/doc", page, "html")).body.split("\n\n")


def test_token_codes_stay_one_line_and_no_pre_line_is_dropped() -> None:
    """Highlighted tokens (``<code>`` side by side with classes of their own) are one line as
    the page shows them, and a ``<pre>`` line with no letter ("$", "+", "{", "// }") is kept."""
    shell = '<pre><code class="prompt">$</code> <code class="command">ls -la /tmp</code></pre>'
    assert _body(shell)[1:] == ["$ ls -la /tmp", AFTER]
    tokens = (
        '<pre><code class="kw">return</code> <code class="var">total</code> '
        '<code class="op">+</code> <code class="num">1</code>;\n'
        '<code class="kw">print</code><code class="p">(</code><code class="var">total'
        '</code><code class="p">)</code></pre>'
    )
    assert _body(tokens)[1:] == ["return total + 1;", "print(total)", AFTER]
    bare = "<pre>{\n  $\n  +\n  // }\n}</pre>"
    assert _body(bare)[1:] == ["{", "$", "+", "// }", "}", AFTER]
