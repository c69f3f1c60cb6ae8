"""Incremental story grouping: each new article joins a story or starts one."""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Collection

from . import neighbours, older, state, young
from .apart import held_apart
from .corrections import Corrections, Merge, Split, as_correction
from .describe import describe_recorded
from .features import extract, order_key, parse_day, sentence_sketch, text_key
from .index import TermIndex
from .model import Book, DocEntry, GroupDoc, Packed, Params, Placement, story_id_for
from .placing import place_batch, short_text_reason
from .timing import time_reason

_SPACE = re.compile(r"\s+")
_LEAD = 400  # characters of the body kept to compare openings (longer bodies get a sketch)


class Grouper:
    """Holds the candidate index, the stories and the reader's corrections."""

    def __init__(self, corrections: Corrections | None = None, params: Params | None = None):
        self.corrections = corrections or Corrections()
        self.params = params or Params()
        self.words = TermIndex()
        self.words.keys = {}  # postings in content order (see ``TermIndex.keys``)
        self.cross = TermIndex()
        self.book = Book()
        # While corrections are applied for an undoable action: what each pin moved, and from
        # where (see ``corrected`` and ``restore``).
        self._pin_log: list[tuple] | None = None

    # ----- adding -------------------------------------------------------------------------
    def add_many(
        self, docs: list[GroupDoc], known: dict[str, str | Placement] | None = None
    ) -> dict[str, str]:
        """Place articles (in order, decided together). ``known`` (article -> story or whole
        Placement, e.g. from the workspace files) replays earlier placements exactly instead of
        deciding again. Returns the story of every new article and of any that changed story."""
        changes: dict[str, str] = {}
        fresh: dict[str, GroupDoc] = {}
        for d in docs:
            if d.id in self.book.docs:
                changes.update(self.update(d))
            else:
                fresh[d.id] = d
        order = {i: _order_key(d) for i, d in fresh.items()}  # (``features.content_order``)
        if not known:  # the order a batch came in says nothing: decide in an order of content
            fresh = dict(sorted(fresh.items(), key=lambda kv: order[kv[0]]))
        # frequencies from the whole batch first: better weights early in the batch
        packed = {i: self._pack(d) for i, d in fresh.items()}
        keys = {i: text_key(d.body or d.title or "") for i, d in fresh.items()}
        same = Counter(keys.values())
        entries = []
        for i, d in fresh.items():
            twins = same[keys[i]] - 1 + (keys[i] in self.book.texts)
            entry = self._entry(d, packed[i], twins=twins)
            self.book.docs[i] = entry
            self.book.slots.append(entry)
            self._post(entry, order[i])
            if entry.origin and entry.origin not in self.book.origins:
                self.book.origins[entry.origin] = i
            self.book.texts.setdefault(entry.text_key, i)
            entries.append(entry)
        # a young language group: its earlier articles are placed again with these
        again, previous = ([], {}) if known else young.reopen(self, entries)
        # ... and the small stories these resemble are decided again with them
        looked: dict = {}
        near, before = ([], {}) if known else neighbours.reopen(self, entries, again, looked)
        previous.update(before)
        left = young.left_behind(self, previous)  # (in stories that stay: may move across)
        # older stories in other languages these match (may join the stories they make)
        far = [] if known else older.offered(self, entries, set(previous.values()))
        was = {e.id: e.placement.story for e in left + far}
        placed, stood = again + near + entries, set(self.book.stories)
        place_batch(self, placed, known or {}, previous, looked, left, far)
        young.keep_ids(self, placed + left + far, previous | was, stood, set(was.values()))
        changes.update({e.id: e.placement.story for e in left + far
                        if e.placement.story != was[e.id]})
        changes.update({e.id: e.placement.story for e in near
                        if e.placement.story != before[e.id]})
        young.keep(self, packed)
        changes.update({e.id: e.placement.story for e in again + entries})
        return changes

    def add(self, doc: GroupDoc) -> dict[str, str]:
        """Place one article; same return as ``add_many``."""
        return self.add_many([doc])

    def update(self, doc: GroupDoc) -> dict[str, str]:
        """A new version of an article already here: re-index it, keep its story."""
        old = self.book.docs.get(doc.id)
        if old is None:
            return self.add(doc)
        self._unindex(old)
        self._forget_text(old)
        pack = self._pack(doc)
        entry = self._entry(doc, pack, slot=old.slot)
        if doc.id in self.book.young:
            self.book.young[doc.id] = pack
        self.book.texts.setdefault(entry.text_key, doc.id)
        entry.placement, entry.partner, entry.score, entry.how, entry.near = (
            old.placement, old.partner, old.score, old.how, old.near)
        self.book.docs[doc.id] = entry
        self.book.slots[entry.slot] = entry
        self._post(entry, _order_key(doc))  # (its content moved it in content order)
        self.book.widen(entry.placement.story, entry.day)
        return {}

    def remove(self, article_id: str) -> None:
        """Forget an article (and the corrections that name it)."""
        entry = self.book.docs.pop(article_id, None)
        if entry is None:
            return
        self._unindex(entry)
        self._forget_text(entry)
        self.book.young.pop(article_id, None)
        self.book.slots[entry.slot] = None
        self.book.leave(entry)
        self.corrections.forget(article_id)
        if self.book.origins.get(entry.origin) == article_id:
            del self.book.origins[entry.origin]

    # ----- reading ------------------------------------------------------------------------
    def placement(self, article_id: str) -> Placement:
        return self.book.docs[article_id].placement

    def stories(self) -> dict[str, list[str]]:
        """Story id -> article ids, in the order they joined."""
        return {sid: list(ids) for sid, ids in self.book.stories.items()}

    def story_of(self, article_id: str) -> str:
        return self.book.docs[article_id].placement.story

    def explain(self, article_id: str) -> list[str]:
        """Human lines: why this article is in its story."""
        entry = self.book.docs[article_id]
        if entry.how == "recorded":
            describe_recorded(self, entry)
        p = entry.placement
        size = len(self.book.stories.get(p.story, []))
        lines = [f"story {p.story} ({size} article{'s' if size != 1 else ''})"]
        if entry.how == "correction":
            lines.append("placed here by a correction (merge, split or move)")
        elif entry.how == "founded":
            lines.append("started this story: no earlier article was close enough")
            lines += held_apart(self, entry)
        elif entry.how == "version":
            lines.append(f"same origin as {p.copy_of}: another version of that article")
        elif entry.partner is None:
            lines.append("grouped with the story's articles as a whole")
        else:
            kind = "same-language" if entry.how == "same-language" else "cross-language"
            lines.append(f"closest article {entry.partner} ({kind} similarity {entry.score:.2f})")
            partner = self.book.docs.get(entry.partner)
            if kind == "same-language" and partner is not None:
                lines += short_text_reason(self.params, entry, partner, self.words)
                lines += time_reason(self.params, entry, partner)
        if p.sameness == "copy":
            lines.append(f"near-identical text: a copy of {p.copy_of}")
        if p.evidence:
            lines.append("shared: " + ", ".join(p.evidence))
        return lines

    # ----- corrections --------------------------------------------------------------------
    def merge(self, story_ids: list[str]) -> dict[str, str]:
        """Join stories into the first one; every member is pinned there."""
        ids = [s for s in story_ids if s in self.book.stories]
        if len(ids) < 2:
            return {}
        target, changes = ids[0], {}
        heads = [self.book.stories[s][0] for s in ids]
        for head in heads[1:]:
            self.corrections.link(heads[0], head)
        for sid in ids:
            for aid in list(self.book.stories[sid]):
                changes.update(self._pin(aid, target))
        return changes

    def split(self, story_id: str, article_ids: list[str]) -> dict[str, str]:
        """The given articles leave ``story_id`` into a new story of their own."""
        members = self.book.stories.get(story_id, [])
        leaving = [a for a in members if a in set(article_ids)]
        staying = [a for a in members if a not in set(leaving)]
        if not leaving or not staying:
            return {}
        new = story_id_for("split:" + ",".join(sorted(leaving)), self.book.stories)
        self.corrections.separate(leaving[0], staying[0])
        changes: dict[str, str] = {}
        for aid in staying:
            changes.update(self._pin(aid, story_id))
        for aid in leaving:
            changes.update(self._pin(aid, new))
        return changes

    def move(
        self, article_id: str, story_id: str, together: Collection[str] = ()
    ) -> dict[str, str]:
        """Put one article in another story, for good. ``together``: articles moved with it
        (it is kept apart from an article that stays behind, never from those)."""
        entry = self.book.docs[article_id]
        for other in self.book.stories.get(entry.placement.story, []):
            if other != article_id and other not in together:
                self.corrections.separate(article_id, other)
                break
        return self._pin(article_id, story_id)

    def corrected(self, steps: list) -> tuple[dict[str, str], tuple]:
        """Apply corrections (``Merge``, ``Split``, ``Move``, or their older tuple form) in
        order. Returns the changes and a record that :meth:`restore` takes to put back the
        grouping and the corrections as they were."""
        before = self.corrections.to_toml_dict()
        todo = [as_correction(step) for step in steps]  # ValueError before anything changes
        self._pin_log, changes = [], {}
        try:
            for step in todo:
                if isinstance(step, Merge):
                    changes.update(self.merge(list(step.stories)))
                elif isinstance(step, Split):
                    changes.update(self.split(step.story, list(step.articles)))
                else:
                    changes.update(self.move(step.article, step.story, step.together))
            return changes, (before, tuple(self._pin_log), self.corrections.to_toml_dict())
        finally:
            self._pin_log = None

    def restore(self, record: tuple) -> dict[str, str]:
        """Undo what :meth:`corrected` did. ``ValueError`` (and nothing changed) when an article
        it moved has since moved again or gone, or other corrections were made since."""
        before, log, after = record
        if self.corrections.to_toml_dict() != after:
            raise ValueError("other corrections were made since")
        for aid, _old, _how, new_story in log:
            entry = self.book.docs.get(aid)
            if entry is None or entry.placement.story != new_story:
                raise ValueError(f"article {aid[:8]} has changed story since")
        self.corrections = Corrections.from_toml_dict(before)
        changes: dict[str, str] = {}
        for aid, old, how, _new in reversed(log):
            entry = self.book.docs[aid]
            self._reseat(entry, old.story)
            entry.placement, (entry.how, entry.partner, entry.score) = old, how
            changes[aid] = old.story
        return changes

    def relocate(self, article_id: str, placement: Placement) -> None:
        """Put an article where it was recorded (a correction or a merge made elsewhere and
        kept in the files): no decision, and no new correction."""
        entry = self.book.docs.get(article_id)
        if entry is None:
            return
        if entry.placement.story != placement.story:
            self._reseat(entry, placement.story)
        entry.placement = placement
        pinned = self.corrections.pinned.get(article_id) == placement.story
        entry.how, entry.partner, entry.score = ("correction" if pinned else "recorded"), None, 0.0

    # ----- cache --------------------------------------------------------------------------
    def to_state(self) -> bytes:
        """Compact bytes for the disposable cache (see ``state``)."""
        return state.dump(self)

    @classmethod
    def from_state(cls, data: bytes) -> Grouper:
        """A grouper from ``to_state``'s bytes; ``TypeError`` if they are not such."""
        g = cls()
        state.load(g, data)
        return g

    # ----- internals ----------------------------------------------------------------------
    def _pack(self, doc: GroupDoc) -> Packed:
        """Extract one article's evidence and count it into the frequencies."""
        f = extract(doc.title or "", doc.body or "", doc.lang)
        return Packed(
            group=f.group,
            tids=self.words.count(f.words, f.group, f.spelled),
            counts=array("i", f.words.values()),
            boosted=bytes(t in f.names for t in f.words),
            keys=self.cross.count(f.cross, f.group, f.cross),
            days=f.days,
            mass=len(f.words),
        )

    def weigh(
        self, f: Packed, twins: int = 0
    ) -> tuple[array, array, array, tuple[float, float]]:
        """An article's kept terms and weights, cross-language keys and their idf mass, with
        the frequencies known now. ``twins``: other articles with the same text, whose keys are
        all the same (a key only a copy shares says nothing across languages)."""
        p = self.params
        terms, weights = self.words.weigh(
            f.tids, f.counts, f.boosted, p.keep_terms, f.group, p.name_boost, p.idf_power)
        cap, df, names = self.params.cross_keys, self.cross.df, self.cross.terms
        han = sorted(k for k in f.keys if names[k].startswith("h:"))
        other = sorted(k for k in f.keys if not names[k].startswith("h:"))
        kept = []  # per kind, the rarest keys that some other article shares
        for ids in (other, han):
            kept += sorted(ids, key=lambda k: (df[k] - twins < 2, df[k], k))[:cap]
        cross = array("i", sorted(kept))
        norm = sum(self.cross.idf(k) for k in kept[: min(cap, len(other))])
        han_norm = sum(self.cross.idf(k) for k in kept[min(cap, len(other)):])
        return terms, weights, cross, (norm or 1.0, han_norm)

    def _entry(
        self, doc: GroupDoc, f: Packed, slot: int | None = None, twins: int = 0
    ) -> DocEntry:
        terms, weights, cross, cross_norm = self.weigh(f, twins)
        lead = _SPACE.sub(" ", (doc.body or "")[:_LEAD]).strip().lower()
        return DocEntry(
            id=doc.id, slot=len(self.book.slots) if slot is None else slot, title=doc.title or "",
            lead=lead, source=doc.source, origin=doc.origin or "", lang=doc.lang,
            group=f.group, day=parse_day(doc.date), date=doc.date, terms=terms,
            weights=weights, cross=cross, cross_norm=cross_norm,
            placement=Placement(story=""), counted=(f.tids, f.keys),
            text_key=text_key(doc.body or doc.title or ""), size=len(doc.body or ""),
            days=f.days, mass=f.mass, names=array("i", [t for t, b in zip(f.tids, f.boosted) if b]),
            counts=bytes(min(c, 255) for c in f.counts),
            sketch=sentence_sketch(doc.body) if len(doc.body or "") > _LEAD else array("I"),
        )

    def _forget_text(self, entry: DocEntry) -> None:
        if self.book.texts.get(entry.text_key) == entry.id:
            del self.book.texts[entry.text_key]

    def _post(self, entry: DocEntry, key: bytes) -> None:
        if self.words.keys is not None:  # (None: a grouper read from an older state)
            self.words.keys[entry.slot] = key
        n = self.params.query_terms
        self.words.post(entry.slot, entry.terms[:n])
        self.cross.post(entry.slot, entry.cross)

    def _unindex(self, entry: DocEntry) -> None:
        self.words.unpost(entry.slot, entry.terms[: self.params.query_terms])
        self.cross.unpost(entry.slot, entry.cross)
        self.words.uncount(entry.counted[0], entry.group)
        self.cross.uncount(entry.counted[1], entry.group)
        if self.words.keys is not None:
            self.words.keys.pop(entry.slot, None)

    def _pin(self, article_id: str, story_id: str) -> dict[str, str]:
        self.corrections.pin(article_id, story_id)
        entry = self.book.docs.get(article_id)
        if entry is None or entry.placement.story == story_id:
            return {}
        if self._pin_log is not None:
            self._pin_log.append((article_id, entry.placement,
                                  (entry.how, entry.partner, entry.score), story_id))
        self._reseat(entry, story_id)
        entry.placement = Placement(story=story_id)
        entry.how, entry.partner, entry.score = "correction", None, 0.0
        return {article_id: story_id}

    def _reseat(self, entry: DocEntry, sid: str) -> None:
        """Take an article out of its story and into ``sid`` (its placement is the caller's)."""
        self.book.leave(entry)
        self.book.join(entry, sid)
        self.book.cohesion.pop(sid, None)


def _order_key(d: GroupDoc) -> bytes:
    """Where an article stands in content order (as ``features.order_key``)."""
    return order_key(d.title or "", d.body or "", d.date, d.lang, d.source, d.origin, d.id)
