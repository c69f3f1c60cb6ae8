"""The grouper's cache form: columns (lists and flat arrays) instead of one object per article,
so a large workspace saves and loads as a few big blocks. Disposable: a bad state raises."""

from __future__ import annotations

import pickle
from array import array
from itertools import accumulate
from typing import TYPE_CHECKING

from .index import TermIndex
from .model import DocEntry, Placement

if TYPE_CHECKING:
    from .grouper import Grouper

_VERSION = 3  # 3: Snowball-stemmed terms
_NO_DAY = -(2**31)
_TEXT = ("id", "title", "lead", "source", "origin", "lang", "group", "date", "partner", "how")
_KEPT = ("corrections", "params", "_stories", "_spans", "_cohesion", "_origins", "_texts")


def _flat(parts: list[array], code: str) -> tuple[array, array]:
    """Concatenated values and each part's length."""
    values, lengths = array(code), array("i")
    for part in parts:
        values.extend(part)
        lengths.append(len(part))
    return values, lengths


def _cut(values: array, lengths: array) -> list[array]:
    ends = list(accumulate(lengths))
    return [values[a:b] for a, b in zip([0, *ends], ends)]


def _index_state(ix: TermIndex) -> dict:
    tids = sorted(ix.postings)
    return {
        "terms": ix.terms, "surfaces": ix.surfaces, "df": ix.df, "n_docs": ix.n_docs,
        "n_group": ix.n_group, "posted": array("i", tids),
        "postings": _flat([ix.postings[t] for t in tids], "i"),
    }


def _index_from(d: dict) -> TermIndex:
    ix = TermIndex()
    ix.terms, ix.surfaces, ix.df = d["terms"], d["surfaces"], d["df"]
    ix.ids = {t: i for i, t in enumerate(ix.terms)}
    ix.n_docs, ix.n_group = d["n_docs"], d["n_group"]
    ix.postings = dict(zip(d["posted"], _cut(*d["postings"])))
    return ix


def dump(g: Grouper) -> bytes:
    """The whole grouper as bytes."""
    docs = [e for e in g._slots if e is not None]
    cols: dict = {name: [getattr(e, name) for e in docs] for name in _TEXT}
    cols["slot"] = array("i", [e.slot for e in docs])
    cols["day"] = array("i", [_NO_DAY if e.day is None else e.day for e in docs])
    for name in ("score", "near"):
        cols[name] = array("d", [getattr(e, name) for e in docs])
    cols["norm"] = array("d", [x for e in docs for x in e.cross_norm])
    cols["text_key"] = array("Q", [e.text_key for e in docs])
    cols["size"] = array("q", [e.size for e in docs])
    cols["terms"] = _flat([e.terms for e in docs], "i")
    cols["weights"] = _flat([e.weights for e in docs], "f")[0]
    cols["cross"] = _flat([e.cross for e in docs], "i")
    cols["words_counted"] = _flat([e.counted[0] for e in docs], "i")
    cols["keys_counted"] = _flat([e.counted[1] for e in docs], "i")
    cols["placement"] = [(p.story, p.sameness, p.copy_of, p.evidence)
                         for p in (e.placement for e in docs)]
    state = {
        "version": _VERSION, "n_slots": len(g._slots), "docs": cols,
        "words": _index_state(g.words), "cross": _index_state(g.cross),
        **{name: getattr(g, name) for name in _KEPT},
    }
    return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)


def load(g: Grouper, data: bytes) -> None:
    """Fill a fresh grouper from ``dump``'s bytes (``TypeError`` if they are not such)."""
    state = pickle.loads(data)
    if not isinstance(state, dict) or state.get("version") != _VERSION:
        raise TypeError("not a Grouper state")
    for name in _KEPT:
        setattr(g, name, state[name])
    g.words, g.cross = _index_from(state["words"]), _index_from(state["cross"])
    c = state["docs"]
    terms, cross = _cut(*c["terms"]), _cut(*c["cross"])
    weights = _cut(c["weights"], c["terms"][1])
    counted = zip(_cut(*c["words_counted"]), _cut(*c["keys_counted"]))
    norms = c["norm"]
    g._slots = [None] * state["n_slots"]
    for i, (text, place, count) in enumerate(
        zip(zip(*(c[name] for name in _TEXT)), c["placement"], counted)
    ):
        row = dict(zip(_TEXT, text))
        day = c["day"][i]
        e = DocEntry(
            slot=c["slot"][i], day=None if day == _NO_DAY else day, terms=terms[i],
            weights=weights[i], cross=cross[i], cross_norm=(norms[2 * i], norms[2 * i + 1]),
            placement=Placement(place[0], place[1], place[2], place[3]), counted=count,
            score=c["score"][i], near=c["near"][i], text_key=c["text_key"][i],
            size=c["size"][i], **row,
        )
        g._slots[e.slot] = e
    g._docs = {e.id: e for e in g._slots if e is not None}
