"""The quicker forms of the HTML steps' comparisons, each checked against the form it replaces
(no Textual): norm_line's ASCII path (combine.py), the kept lines found by one search, the
text's runs asked of one string (html_inside.py), the sentence gate read from each block's last sign
(html_agree.worth_asking); and the thread's marks of Wiredesk's call of trafilatura taken off
whatever raises (html._trafilatura)."""

from __future__ import annotations

import lxml.html
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.core.clean import combine
from tui.core.clean import html_agree as A
from tui.core.clean import html_inside as I
from tui.core.clean.combine import norm_line

CHARS = st.sampled_from(
    list("ab Z9_-.,'!?\t\n")
    + ["\u00e9", "\u2019", "\u00a0", "\u03a3", "\u0130", "\u00ad", "\u200b", "\ufeff"]
)
TEXTS = st.lists(CHARS, max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
@example("Hello,  World_2024!")
@example("ΟΔΟΣ caf\u00e9")
def test_norm_line_ascii_path_is_the_expression(text: str) -> None:
    assert norm_line(text) == combine._NORM.sub(" ", text.lower()).strip()


WORDS = st.sampled_from(["the", "quay", "opens", "in", "may", "5", "pros", "a"])
KEYS = st.lists(st.lists(WORDS, max_size=8).map(" ".join), max_size=6)


def _holding_by_runs(keys: list[str], key: str) -> list[int]:
    """The form replaced: an index of each line's runs of MATCH_WORDS words, then a look."""
    runs: dict[tuple, list[int]] = {}
    for i, k in enumerate(keys):
        w = k.split()
        for g in dict.fromkeys(zip(*(w[j:] for j in range(I.MATCH_WORDS)))):
            runs.setdefault(g, []).append(i)
    padded = f" {key} "
    return [
        i for i in runs.get(tuple(key.split()[: I.MATCH_WORDS]), ()) if padded in f" {keys[i]} "
    ]


SHORT_WORDS = st.sampled_from(["a", "b", "5", "the", "quay"])
MANY_KEYS = st.lists(st.lists(SHORT_WORDS, max_size=8).map(" ".join), max_size=40)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(KEYS, MANY_KEYS),
    st.lists(st.one_of(WORDS, SHORT_WORDS), min_size=I.MATCH_WORDS, max_size=8).map(" ".join),
)
@example(["the quay opens in may", "x", "the quay opens in may 5"], "the quay opens in")
@example(["x"] * 12 + ["b a a a a", "y"], "a a a a")  # far down: the lines' starts add up
def test_the_lines_holding_a_block_are_the_ones_the_run_index_found(keys, key) -> None:
    assert I._Lines(keys).holding(key) == _holding_by_runs(keys, key)


@settings(max_examples=200, deadline=None)
@given(MANY_KEYS, st.lists(SHORT_WORDS, min_size=I.MATCH_WORDS, max_size=5).map(" ".join))
def test_the_lines_holding_a_block_are_the_lines_it_is_in(keys, key) -> None:
    """Up to 40 lines: each line's start in the joined string counted right to the last."""
    want = [i for i, k in enumerate(keys) if f" {key} " in f" {k} "]
    assert I._Lines(keys).holding(key) == want


class _HeldBySets:
    """The form replaced: sets of the text's runs of 3 words, words, pairs, 4 characters."""

    def __init__(self, keys: list[str]) -> None:
        joined = " ".join(k for k in keys if k)
        w = joined.split()
        self.grams = set(zip(w, w[1:], w[2:]))
        self.short = set(w) | {f"{a} {b}" for a, b in zip(w, w[1:])} | {joined} | set(keys)
        flat = "".join(w)
        self.chars = {flat[j : j + 4] for j in range(len(flat) - 3)}

    def holds(self, key: str) -> bool:
        words = key.split()
        if len(words) >= 3:
            runs = list(zip(words, words[1:], words[2:]))
            if sum(g in self.grams for g in runs) > I.HELD * len(runs):
                return True
        elif key in self.short:
            return True
        flat = "".join(words)
        if len(words) >= 3 and len(flat) < 8 * len(words):
            return False
        quads = [flat[j : j + 4] for j in range(len(flat) - 3)]
        return len(quads) >= 4 and sum(q in self.chars for q in quads) >= I.CHAR_HELD * len(quads)


DENSE = st.lists(st.sampled_from(list("市议会周二开会讨论预算")), min_size=1, max_size=12)
DENSE = DENSE.map("".join)


@settings(max_examples=400, deadline=None)
@given(
    KEYS,
    st.one_of(st.lists(WORDS, min_size=1, max_size=12).map(" ".join), DENSE),
    st.lists(DENSE, max_size=3),
)
@example(["the quay opens", "in may"], "opens in may", [])
@example([], "市议会周二开会", ["市议会周二开会讨论"])
@example(["the quay opens"], "the quay opens in may 5 pros", [])  # 1 of 5 runs: HELD, not more
def test_what_the_text_holds_is_what_the_sets_said(keys, key, dense) -> None:
    keys = keys + dense
    assert I._Held(keys).holds(key) == _HeldBySets(keys).holds(key)


def test_a_block_with_exactly_held_of_its_runs_in_the_text_is_not_held() -> None:
    """More than ``HELD`` of a block's runs of 3 words make it held: exactly that is not."""
    key = "the quay opens in may 5 pros"  # 7 words, 5 runs, HELD of them: 1
    assert I.HELD * 5 == 1
    assert not I._Held(["the quay opens"]).holds(key)
    assert I._Held(["the quay opens in"]).holds(key)  # 2 of 5


@given(st.lists(st.booleans(), max_size=12), st.floats(0, 12), st.booleans())
def test_most_counts_as_a_sum_would(hits: list[bool], least: float, strict: bool) -> None:
    parts = ["y" if h else "n" for h in hits]
    found = sum(p in "y" for p in parts)
    assert I._most(parts, "y", least, strict) == (found > least if strict else found >= least)


def _container_by_walks(kept, mapped):
    """The form replaced: every kept block's ancestors walked one by one."""
    weight: dict = {}
    for el, key in kept:
        for node in el.iterancestors():
            weight[node] = weight.get(node, 0) + len(key.split())
    best, depth = None, -1
    for node, w in weight.items():
        if w >= I.MAIN * mapped and (d := sum(1 for _ in node.iterancestors())) > depth:
            best, depth = node, d
    return None if best is None or best.tag in ("html", "body") else best


BOXES = st.recursive(
    st.sampled_from(["<p>one two</p>", "<p>three four five</p>", "<li>six</li>"]),
    lambda inner: st.lists(inner, min_size=1, max_size=3).map(
        lambda xs: f"<div>{''.join(xs)}</div>"
    ),
    max_leaves=10,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(BOXES, min_size=1, max_size=3), st.data())
def test_the_container_is_the_one_the_walks_found(boxes, data) -> None:
    tree = lxml.html.document_fromstring(f"<html><body>{''.join(boxes)}</body></html>")
    blocks = list(tree.iter("p", "li"))
    kept = [(el, " ".join(el.text_content().split())) for el in blocks if data.draw(st.booleans())]
    mapped = sum(len(k.split()) for _, k in kept)
    if mapped:
        assert I._container(kept, mapped) is _container_by_walks(kept, mapped)


def _worth_asking_by_lines(tree, text: str) -> bool:
    """The form replaced: each block's text respaced, then is_sentence, then a search."""
    held = " \n ".join(norm_line(ln) for ln in text.split("\n"))
    size = len(held.split())
    if not size:
        return False
    missed = 0
    for block in tree.iter(*A._SENTENCE_BLOCKS):
        line = " ".join(block.text_content().split())
        if A.is_sentence(line) and norm_line(line) not in held:
            missed += len(line.split())
            if missed >= A.ASK * size:
                return True
    return False


SENTENCES = st.sampled_from(
    [
        "The harbour board said on Tuesday that the quay would open.",
        "Members could not agree on the plan for the harbour at all”",
        "A short line.",
        "Eight words here and no sign at the end",
        "  The   council met   on Tuesday to argue about the budget!  ",
        "Pros",
        "\u00a0",
        "The council met on Tuesday to argue about the budget (again)",
    ]
)
PAGE_BLOCKS = st.lists(
    st.tuples(st.sampled_from(["p", "li", "td", "blockquote", "div"]), SENTENCES), max_size=8
)


@settings(max_examples=200, deadline=None)
@given(PAGE_BLOCKS, st.lists(SENTENCES, max_size=4).map("\n".join))
def test_the_sentence_gate_asks_as_before(blocks, text: str) -> None:
    body = "".join(f"<{t}>{s}</{t}>" for t, s in blocks)
    tree = lxml.html.document_fromstring(
        f"<html><body><table><tr>{body}</tr></table></body></html>"
    )
    assert A.worth_asking(tree, text) == _worth_asking_by_lines(tree, text)


def test_a_sentence_ending_in_a_bracket_is_asked_for() -> None:
    line = "The council met on Tuesday to argue about the budget (again)"
    tree = lxml.html.document_fromstring(f"<html><body><p>{line}</p></body></html>")
    assert A.worth_asking(tree, "A short line that was kept.")


def test_the_threads_marks_are_taken_off_when_the_setup_raises(monkeypatch) -> None:
    """Wiredesk's call of trafilatura marks the thread (``_LOCAL.prose``, read by the gated
    comparison); an error anywhere in the call, its setup too, leaves it unmarked."""
    from tui.core.clean import html as H

    tree = lxml.html.document_fromstring("<html><body><p>A note on the quay.</p></body></html>")

    def boom() -> None:
        raise RuntimeError("setup")

    monkeypatch.setattr(H, "_gate_installed", boom)
    with pytest.raises(RuntimeError):
        H._trafilatura(tree, "http://example.com/a", prose=40)
    assert getattr(H._LOCAL, "prose", None) is None
    assert getattr(H._LOCAL, "items", 0) == 0


def test_the_threads_marks_are_taken_off_when_the_page_count_raises() -> None:
    from tui.core.clean import html as H

    class Broken:
        def xpath(self, path: str):
            raise ValueError(path)

    with pytest.raises(ValueError):
        H._trafilatura(Broken(), "", prose=40)
    assert getattr(H._LOCAL, "prose", None) is None
