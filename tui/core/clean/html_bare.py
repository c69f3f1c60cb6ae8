"""Text written straight into a page's ``<body>``, between its blocks (old hand-written pages:
"We often get questions..." then ``<p>`` or ``<pre>``, with no element around the prose).
Extractors read blocks; such text is no block's, and was dropped without a word. Each run of
it (the body's own text, the tails of its children, its inline elements between) of at least
``BARE_WORDS`` words is set in a ``<p>`` of its own, where it stood."""

from __future__ import annotations

from typing import Any

BARE_WORDS = 8  # a run shorter than this is left as it is (a label, a stray word)
_INLINE = frozenset(
    "a abbr b big br cite code em font i kbd q s samp small span strong sub sup tt u var".split()
)


def wrap_bare_text(tree: Any) -> None:
    """Runs of text directly in ``tree``'s ``<body>`` wrapped in ``<p>`` (in place)."""
    body = tree.find(".//body") if tree.tag != "body" else tree
    if body is None or not _has_bare(body):
        return  # (nearly every page: its text is all in blocks)
    if not _flat(tree, body):
        return  # (a modern page: its bare runs are furniture, "enable JavaScript", cookies)
    from lxml.html import Element

    out: list[Any] = []  # the body's new children, in order
    run: list[Any] = []  # inline elements of the current run
    text = body.text or ""  # the run's text before its first inline element
    body.text = None

    def flush() -> None:
        nonlocal text
        words = len(text.split()) + sum(_words(k) for k in run)
        if words >= BARE_WORDS:
            p = Element("p")
            p.text = text
            p.extend(run)
            out.append(p)
        else:  # (left where it was: the tail of the element before it, or the body's text)
            if out:
                out[-1].tail = (out[-1].tail or "") + text
            else:
                body.text = text
            out.extend(run)
        text = ""
        run.clear()

    for k in list(body):
        if isinstance(k.tag, str) and k.tag in _INLINE:
            run.append(k)
            continue
        flush()
        tail, k.tail = k.tail or "", None
        out.append(k)
        text = tail
    flush()
    for k in list(body):
        body.remove(k)
    body.extend(out)


def _words(el: Any) -> int:
    return len((el.text_content() or "").split()) + len((el.tail or "").split())


def _has_bare(body: Any) -> bool:
    """The body holds some text of its own (not inside a child element)."""
    return bool((body.text or "").strip()) or any((k.tail or "").strip() for k in body)


_BOXES = frozenset(
    "article aside center div footer form header main nav section table".split()
)  # elements that hold a modern page's blocks (its body is not flat)
_NOT_READ = frozenset(("script", "style", "noscript", "template"))


def _flat(tree: Any, body: Any) -> bool:
    """The body reads as an old hand-written page's: no ``<article>``, ``<main>`` or
    ``role=main``, and less than half its words inside boxes (``div``, ``table``, ``header``...)
    straight under it; its prose is the body's own text and blocks. A modern page's bare
    runs ("You need to enable JavaScript", a copyright line, a cookie notice) are its
    furniture, beside a body held in boxes: they are left as they were (unread)."""
    if tree.find(".//article") is not None or tree.find(".//main") is not None:
        return False
    if tree.xpath("boolean(//*[@role='main'])"):
        return False
    boxed = sum(_read_words(k) for k in body if isinstance(k.tag, str) and k.tag in _BOXES)
    return boxed * 2 < _read_words(body)


def _read_words(el: Any) -> int:
    """Words of ``el``'s text a reader sees (not its scripts' or styles')."""
    n = 0
    for k in el.iter():
        if not isinstance(k.tag, str) or k.tag in _NOT_READ:
            n += len((k.tail or "").split()) if k is not el else 0
            continue
        n += len((k.text or "").split()) + (len((k.tail or "").split()) if k is not el else 0)
    return n
