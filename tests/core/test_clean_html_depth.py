"""Pages nested deeper than lxml reads by default (unclosed tags on old pages) lose nothing:
the tree reads them up to 2,048 levels, and past that the whole page's text is kept."""

from tui.core.clean import html as H

PARAS = [f"Paragraph {i} of the article goes on with enough words to read as prose here."
         for i in range(24)]


def _page(depth: int) -> str:
    half = len(PARAS) // 2
    body = "".join(f"<p>{p}</p>" for p in PARAS[:half]) + "<font>" * depth
    body += "".join(f"<p>{p}</p>" for p in PARAS[half:])
    return (f"<html><head><title>Deep page</title></head><body><nav><a href='/'>Home</a>"
            f"</nav><article><h1>Deep page</h1>{body}</article></body></html>")


def test_text_after_300_unclosed_tags_is_extracted():
    text, _, extracted, _ = H.extract(_page(300))
    assert extracted and PARAS[-1] in text and PARAS[0] in text


def test_past_what_lxml_reads_the_whole_page_is_kept():
    text, _, extracted, _ = H.extract(_page(3000))
    assert not extracted  # said: the text is the page's, not an extraction
    assert PARAS[-1] in text and PARAS[0] in text


def test_a_shallow_page_is_extracted_as_before():
    text, _, extracted, _ = H.extract(_page(5))
    assert extracted and PARAS[-1] in text and "Home" not in text
