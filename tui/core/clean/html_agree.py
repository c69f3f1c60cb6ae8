"""Sentences readability found inside the article trafilatura kept: where the two extractors
agree on the article, the list items and paragraphs that trafilatura dropped from the middle
of it.

trafilatura judges blocks one by one and drops some of an article's own blocks: the items of
a list of definitions ("Scalability: resources can be scaled..."), a run of testimonials, the
posts of a thread in boxes it distrusts. readability-lxml picks the article's container as a
whole. Where they agree, readability's extra sentences are the article's:

- **agreement**: readability's text holds at least ``COVERED`` of the words trafilatura kept
  between the first and the last line both kept (it read the same article; a menu or a
  footer trafilatura kept around it does not count against that), and is at least ``LONGER``
  times as long as all trafilatura kept (it kept more of it);
- **shape**: only sentences are taken: lines that end as a sentence does (``.``, ``!``,
  ``?``, a closing quote or bracket), that readability shows once (a caption, a teaser or a
  disclaimer repeated around the page is not the article), of ``MIN_WORDS`` words or more.
  Where readability holds ``WHOLE`` of all trafilatura kept (nothing of ours is outside its
  reading), any line it shows once of ``ALL_MIN`` words or more is taken too: the items of
  a list of features or prices, subheadings, cells;
- **position**: only between the first and the last such line that trafilatura kept too,
  where readability places them (a teaser grid or a sign-up note after the article, a
  headline block before it, are left out).

Nothing trafilatura kept is removed, nor added again: a line of readability's that runs two
kept lines together, or is a kept paragraph with a few words more or fewer (an inline
``<time>`` one of them drops), only places the sentences around it. readability is asked
only where the page holds sentences trafilatura's text lacks (``worth_asking``: at least
``ASK`` of its words, in paragraphs, list items, quotations and cells), so most pages do not
pay for it.

It runs after html_records and html_trim: a sentence added before the trim moves the
article's last prose line, and the trim then takes the link lines before it.
Chosen on the even half of wcxb_dev and aeb (simulated on the final bodies); measured with
both halves in one process, the rule and combine's copy rule off and on (words F1, even /
odd): wcxb all +.0033 / +.0024, articles +.0032 / +.0027, aeb +.0007 / .0000, no kind
lower. The filters each cut losses seen on the even half (sentences anywhere on
readability's side: product pages -.0033; lines shown twice: aeb -.006). Cost: readability
runs on about a quarter of pages, 11-12 ms per page on average, and the gate 2 ms.
Agreement read inside the shared stretch, ``COVERED`` .9 -> .8 and the ``WHOLE`` step (session
27; chosen on the even half, same readability runs, no cost): wcxb all +.0025 / +.0007,
articles +.0025 / +.0001, forum +.011 / +.0025, product +.002 / .000, aeb unchanged; 17 pages
change on the even half (14 up; worst -.20, a catalogue-like page whose platform chips came
in), 10 on the odd (8 up, worst -.024).
"""

from __future__ import annotations

import re
from collections import Counter

from tui.core.clean.combine import add_missed
from tui.core.clean.combine import norm_line as norm

COVERED = 0.8  # readability holds this share of trafilatura's words (between the first and
# the last line both kept): the same article
LONGER = 1.2  # ...and this many times as many words: it kept more of it
MIN_WORDS = 8  # a sentence worth adding has this many words
WHOLE = 0.98  # readability holds this share of all trafilatura kept: any line of it is taken
ALL_MIN = 3  # words of a line taken that way (not a lone label: "Canada", "+9")
ASK = 0.3  # readability is asked when sentences missing from the text make this share of it
VARIANT = 0.6  # a kept line this share of a sentence's words, in its order: the same paragraph
_SENTENCE_END = re.compile(r"[.!?…;\"”’)]$")
_ENDS = frozenset(".!?…;\"”’)")  # the signs _SENTENCE_END ends on
_SENTENCE_BLOCKS = ("p", "li", "dd", "blockquote", "td")


def is_sentence(line: str) -> bool:
    """A line of ``MIN_WORDS`` words or more ending as a sentence ends."""
    return len(line.split()) >= MIN_WORDS and ends_as_sentence(line)


def ends_as_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.strip()))


def worth_asking(tree, text: str) -> bool:
    """Whether the page ``tree`` holds sentences (paragraphs, list items, quotations, cells)
    missing from ``text`` worth at least ``ASK`` of its words: only then can readability's
    reading add enough to count, so only then is it run."""
    keys = [norm(ln) for ln in text.split("\n")]
    lines, held = set(keys), " \n ".join(keys)
    size = len(held.split())
    if not size:
        return False
    missed = 0
    for block in tree.iter(*_SENTENCE_BLOCKS):
        raw = block.text_content()  # is_sentence of its words, the last sign read first
        if raw.rstrip()[-1:] not in _ENDS or (n := len(raw.split())) < MIN_WORDS:
            continue
        if (key := norm(raw)) not in lines and key not in held:  # (a whole line: no search)
            missed += n
            if missed >= ASK * size:
                return True
    return False


def top_up(text: str, other: str) -> str:
    """``text`` (trafilatura's, one paragraph per line) with the sentences of ``other``
    (readability's reading of the same page) that lie inside the article both kept; ``text``
    itself when the two do not agree or ``other`` adds nothing."""
    ours = text.split("\n")
    keys = [norm(ln) for ln in ours]
    total = sum(len(k.split()) for k in keys)
    lines = [ln.strip() for ln in other.split("\n") if ln.strip()]
    others = [norm(ln) for ln in lines]
    joined = " \n ".join(others)
    if not total or len(joined.split()) < LONGER * total:
        return text
    sizes = [len(k.split()) for k in keys]
    shared = [i for i, k in enumerate(keys) if k and k in joined]
    both_words = sum(sizes[i] for i in shared)
    # the same article: judged between our first and last line readability holds too, so
    # that a menu or a footer trafilatura kept around the article does not hide agreement
    if not shared or both_words < COVERED * sum(sizes[shared[0]:shared[-1] + 1]):
        return text
    count = Counter(others)
    held = {k for k in keys if k}
    shaped = [k for k, key in enumerate(others) if count[key] == 1 and ends_as_sentence(lines[k])]
    both = [k for k in shaped if others[k] in held]
    if not both:
        return text
    # the sentences to add, with every line both kept (a subheading too) as an anchor that
    # places each added sentence under the right one (add_missed never adds a held line)
    flat = " ".join(k for k in keys if k)
    grams: dict[tuple[str, ...], int] = {}  # each 4 words in a row the text holds -> its line
    for i, words in enumerate(k.split() for k in keys):
        for j in range(len(words) - 3):
            grams.setdefault(tuple(words[j:j + 4]), i)
    # readability holds all but a trace of our text: its other lines inside the article (list
    # items, table cells, subheadings) are the article's too, not only its sentences
    whole = both_words >= WHOLE * total
    take = {k for k, key in enumerate(others) if count[key] == 1} if whole else set(shaped)
    inside = []
    for k in range(both[0], both[-1] + 1):
        key = others[k]
        if count[key] == 1 and key not in held and key in flat:
            # lines the text holds in a row, run together (readability joins a blockquote's
            # or a list item's opening words to its first paragraph): an anchor, not added
            ends = [(len(h), ln) for ln, h in zip(ours, keys) if h and key.endswith(h)]
            inside.extend([max(ends)[1]] if ends else [])
        elif k in take and key not in held and (same := _variant(key, keys, grams)) is not None:
            inside.append(ours[same])  # a paragraph kept with a few words more or fewer (an
            # inline <time>, <button> or <label> one extractor drops): an anchor, not added
        elif k in take or (count[key] == 1 and key in held):
            inside.append(lines[k])
    return add_missed(text, "\n".join(inside), ALL_MIN if whole else MIN_WORDS)


def _variant(key: str, keys: list[str], grams: dict[tuple[str, ...], int]) -> int | None:
    """The line of ``keys`` that is the paragraph ``key`` with some words more or fewer: the
    line sharing most runs of 4 words with it, when the shorter of the two is the longer with
    words left out (in order) and holds ``VARIANT`` of its words; None when there is none."""
    words = key.split()
    hits = Counter(grams[g] for g in zip(words, words[1:], words[2:], words[3:]) if g in grams)
    if not hits:
        return None
    line = hits.most_common(1)[0][0]
    short, long = sorted((keys[line].split(), words), key=len)
    rest = iter(long)
    if len(short) >= VARIANT * len(long) and all(w in rest for w in short):
        return line
    return None
