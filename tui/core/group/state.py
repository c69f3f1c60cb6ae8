"""The grouper's cache form: columns (lists and flat arrays) instead of one object per article,
so a large workspace saves and loads as a few big blocks. Disposable: a bad state raises."""

from __future__ import annotations

import marshal
import pickle
from array import array
from collections.abc import Callable

from tui.core.gcpause import collector_paused

from .index import TermIndex
from .lazy import BackedMap, LazyDocs, LazyPostings, LazySlots, ends_of, held, part
from .model import DocEntry, GroupContext, Placement

_VERSION = 10  # 3: Snowball stems; 4: weekdays; 5: case-aware weekdays; 6: mass, sketch, young;
# 7: Params.open_stories, open_size, time_boost, time_hours; 8: names; 9: word counts;
# 10: postings in content order (``TermIndex.keys``). A state of 9 still loads: its postings
# are in slot order and stay so (as before), until the cache is rebuilt; saved again, it is
# labelled 9 (``_version``), so an older Wiredesk still reads it.
_KEYLESS = 9  # a state without keys has the version 9 shape
_READ = (_KEYLESS, _VERSION)
_NO_DAY = -(2**31)
_TEXT = ("id", "title", "lead", "source", "origin", "lang", "group", "date", "partner", "how")
_KEPT = ("corrections", "params")
_BOOK = ("stories", "spans", "cohesion", "origins", "texts", "young")


def _flat(parts: list[array], code: str) -> tuple[array, array]:
    """Concatenated values and each part's length."""
    values, lengths = array(code), array("i")
    for piece in parts:
        values.extend(piece)
        lengths.append(len(piece))
    return values, lengths


def _index_state(ix: TermIndex, slots: list | None = None) -> dict:
    """The index as columns; with ``slots``, also which slots each language posted (kept
    only for the cross-language index, whose look-ups skip by it: ``posted_groups``)."""
    tids = sorted(ix.postings)
    out = {
        "terms": ix.terms, "surfaces": ix.surfaces, "df": ix.df, "n_docs": ix.n_docs,
        "n_group": ix.n_group, "posted": array("i", tids),
        "postings": _flat([ix.postings[t] for t in tids], "i"),
    }
    groups = None if slots is None else ix.posted_groups(slots)
    if groups is not None:
        out["by_group"] = dict(groups)
    if ix.keys is not None:  # each posted slot's place in content order
        out["keys"] = (array("i", ix.keys), list(ix.keys.values()))
    return out


def _version(g: GroupContext) -> int:
    """The version a state is saved as: 10 with keys; without (a version 9 state read and
    saved again) the version 9 shape, labelled 9."""
    return _KEYLESS if g.words.keys is None else _VERSION


def _index_from(d: dict) -> TermIndex:
    ix = TermIndex()
    ix.terms, ix.surfaces, ix.df = d["terms"], d["surfaces"], d["df"]
    ix.ids = dict(zip(ix.terms, range(len(ix.terms))))
    ix.n_docs, ix.n_group = d["n_docs"], d["n_group"]
    ix.postings = LazyPostings(d["posted"], *d["postings"])
    # which slots each language posted, when saved (an older state: not known, every posting
    # is read); a superset of the loaded postings' slots, as it was when saved
    ix.by_group = d.get("by_group")
    keys = d.get("keys")  # (an older state: none, postings in slot order)
    ix.keys = None if keys is None else dict(zip(*keys))
    return ix


def dump(g: GroupContext) -> bytes:
    """The whole grouper as bytes."""
    docs = [e for e in g.book.slots if e is not None]
    cols: dict = {name: [getattr(e, name) for e in docs] for name in _TEXT}
    cols["slot"] = array("i", [e.slot for e in docs])
    cols["day"] = array("i", [_NO_DAY if e.day is None else e.day for e in docs])
    for name in ("score", "near"):
        cols[name] = array("d", [getattr(e, name) for e in docs])
    cols["norm"] = array("d", [x for e in docs for x in e.cross_norm])
    cols["text_key"] = array("Q", [e.text_key for e in docs])
    cols["size"] = array("q", [e.size for e in docs])
    cols["days"] = bytes(e.days for e in docs)
    cols["mass"] = array("i", [e.mass for e in docs])
    cols["sketch"] = _flat([e.sketch for e in docs], "I")
    cols["names"] = _flat([e.names for e in docs], "i")
    cols["counts"] = _flat([e.counts for e in docs], "B")
    cols["terms"] = _flat([e.terms for e in docs], "i")
    cols["weights"] = _flat([e.weights for e in docs], "f")[0]
    cols["cross"] = _flat([e.cross for e in docs], "i")
    cols["words_counted"] = _flat([e.counted[0] for e in docs], "i")
    cols["keys_counted"] = _flat([e.counted[1] for e in docs], "i")
    cols["placement"] = [(p.story, p.sameness, p.copy_of, p.evidence)
                         for p in (e.placement for e in docs)]
    state = {
        "version": _version(g), "n_slots": len(g.book.slots), "docs": cols,
        "words": _index_state(g.words), "cross": _index_state(g.cross, g.book.slots),
        **{name: getattr(g, name) for name in _KEPT},
        **{name: getattr(g.book, name) for name in _BOOK},
    }
    return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)


def load(g: GroupContext, data: bytes) -> None:
    """Fill a fresh grouper from ``dump``'s bytes (``TypeError`` if they are not such).

    Articles and postings are built when first read (``lazy``): adding one article to a large
    workspace reads only its candidates."""
    with collector_paused():
        state = pickle.loads(data)
    if not isinstance(state, dict) or state.get("version") not in _READ:
        raise TypeError("not a Grouper state")
    _fill(g, state, _BOOK)
    c = state["docs"]
    build = _builder(c)
    slot_col = c["slot"]
    cells: list = [None] * state["n_slots"]
    for row, slot in enumerate(slot_col):
        cells[slot] = row
    g.book.slots = LazySlots(cells, build)
    g.book.docs = LazyDocs(dict(zip(c["id"], slot_col)), g.book.slots)


def _builder(c: dict):
    """Row number -> DocEntry, from the loaded columns."""
    terms, term_ends = c["terms"][0], ends_of(c["terms"][1])
    weights = c["weights"]
    cross, cross_ends = c["cross"][0], ends_of(c["cross"][1])
    words_counted, wc_ends = c["words_counted"][0], ends_of(c["words_counted"][1])
    keys_counted, kc_ends = c["keys_counted"][0], ends_of(c["keys_counted"][1])
    norms, days, texts, places = c["norm"], c["day"], [c[name] for name in _TEXT], c["placement"]
    sketch, sketch_ends = c["sketch"][0], ends_of(c["sketch"][1])
    names, name_ends = c["names"][0], ends_of(c["names"][1])
    counts, count_ends = c["counts"][0], ends_of(c["counts"][1])

    def build(i: int) -> DocEntry:
        row = {name: col[i] for name, col in zip(_TEXT, texts)}
        place, day = places[i], days[i]
        return DocEntry(
            slot=c["slot"][i], day=None if day == _NO_DAY else day,
            terms=part(terms, term_ends, i), weights=part(weights, term_ends, i),
            cross=part(cross, cross_ends, i), cross_norm=(norms[2 * i], norms[2 * i + 1]),
            placement=Placement(place[0], place[1], place[2], list(place[3])),
            counted=(part(words_counted, wc_ends, i), part(keys_counted, kc_ends, i)),
            score=c["score"][i], near=c["near"][i], text_key=c["text_key"][i],
            size=c["size"][i], days=c["days"][i], mass=c["mass"][i],
            sketch=part(sketch, sketch_ends, i), names=part(names, name_ends, i),
            counts=part(counts, count_ends, i).tobytes(), **row,
        )

    return build


# ---- the lazily read form (one saved row per article, maps read by key) ----------------------
_FIELDS = DocEntry.__slots__
_PLACE = _FIELDS.index("placement")
MAPS = ("docs", "stories", "spans", "origins", "texts")  # the book's maps saved key by key
_HEAD = ("cohesion", "young")


_CODES = {"terms": "i", "weights": "f", "cross": "i", "sketch": "I", "names": "i"}  # as ``dump``
_AT = {name: _FIELDS.index(name) for name in (*_CODES, "counted", "cross_norm")}


def row_of(e: DocEntry) -> bytes:
    """One article's saved row (``entry_of`` gives it back as ``load`` builds it)."""
    vals = [getattr(e, name) for name in _FIELDS]
    for name, code in _CODES.items():
        vals[_AT[name]] = array(code, vals[_AT[name]]).tobytes()
    vals[_AT["counted"]] = tuple(array("i", c).tobytes() for c in e.counted)
    vals[_AT["cross_norm"]] = tuple(e.cross_norm)
    p = e.placement
    vals[_PLACE] = (p.story, p.sameness, p.copy_of, list(p.evidence))
    return marshal.dumps(tuple(vals))


def entry_of(row: bytes) -> DocEntry:
    vals = list(marshal.loads(row))
    for name, code in _CODES.items():
        vals[_AT[name]] = array(code, vals[_AT[name]])
    vals[_AT["counted"]] = tuple(array("i", c) for c in vals[_AT["counted"]])
    p = vals[_PLACE]
    vals[_PLACE] = Placement(p[0], p[1], p[2], list(p[3]))
    return DocEntry(*vals)


def head_of(g: GroupContext) -> dict:
    """What the lazily read form keeps whole: settings, corrections, the term indexes, the
    small maps, and which slots hold an article."""
    slots = g.book.slots
    present = array("i", held(slots))
    return {
        "version": _version(g), "rows": marshal.version, "n_slots": len(slots), "present": present,
        "words": _index_state(g.words), "cross": _index_state(g.cross, slots),
        **{name: getattr(g, name) for name in _KEPT},
        **{name: dict(getattr(g.book, name)) for name in _HEAD},
    }


def _fill(g: GroupContext, state: dict, book: tuple[str, ...]) -> None:
    """The parts ``load`` and ``load_head`` set alike: kept fields, the book's ``book``
    fields, and the two term indexes."""
    for name in _KEPT:
        setattr(g, name, state[name])
    for name in book:
        setattr(g.book, name, state[name])
    g.words, g.cross = _index_from(state["words"]), _index_from(state["cross"])


def load_head(g: GroupContext, head: dict, row: Callable[[int], bytes], maps: dict,
              stories: Callable[[list[int]], dict[int, str]] | None = None) -> None:
    """Fill a fresh grouper from ``head_of``'s dict: each article is built from ``row(slot)``
    when first read, and the book's maps (``MAPS``) are read through ``maps[name]`` (sources
    of ``lazy.BackedMap``) key by key; ``stories(slots)``: the saved stories of articles not
    built yet, read apart (to tell the open stories without building their articles)."""
    if not isinstance(head, dict) or head.get("version") not in _READ or head.get(
            "rows") != marshal.version:
        raise TypeError("not a Grouper state")
    _fill(g, head, _HEAD)
    cells: list = [None] * head["n_slots"]
    for slot in head["present"]:
        cells[slot] = slot
    g.book.slots = slots = LazySlots(cells, lambda slot: entry_of(row(slot)), stories)
    for name in MAPS:
        setattr(g.book, name, BackedMap(maps[name], slots.__getitem__ if name == "docs" else None))
