"""Adding documents to a workspace: dedupe, version, clean, store, then group.

An exact duplicate (content already seen from the same origin) is skipped. The same origin
with new content becomes a new version of its article, unless cleaning gives the same body as
before (only the page furniture changed), which counts as unchanged. The same content from
another origin is another article (syndication): grouping marks it a copy of the earliest.
Files are written without a sync each, then made durable together before the command returns.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields

from tui.core.cleaning import clean_doc  # (also imported from here)
from tui.core.model import (
    Article,
    Cleaned,
    RawDocument,
    Version,
    outlet_key,
    page_key,
    resolved_origin,
    typed_origin,
)
from tui.core.workspace import cache, index_sync
from tui.core.workspace.atomic import sync_dirs, write_atomic
from tui.core.workspace.paths import ARTICLES, RAW, TEXTS, text_paths

Progress = Callable[[int, int, str], None]
_META = tuple(f.name for f in fields(Cleaned) if f.name != "body")  # an article's meta keys


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)  # article ids
    updated: list[str] = field(default_factory=list)  # article ids given a new version
    # (the article's origin, as `show --json` gives it: SPEC's "origin"; its id)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)

    def as_dict(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "duplicates": [{"origin": o, "id": i} for o, i in self.duplicates],
            "failed": [{"source": s, "reason": r} for s, r in self.failed],
        }


def content_hash(text: str) -> str:
    """Hash of a document's content, blind to line endings and trailing spaces."""
    norm = "\n".join(line.rstrip() for line in unicodedata.normalize("NFC", text).splitlines())
    return hashlib.sha256(norm.strip().encode("utf-8", "surrogatepass")).hexdigest()[:16]


def body_hash(text: str) -> str:
    """Hash of a body file's exact bytes (UTF-8), kept with its version: `doctor` checks it."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _named(doc: RawDocument) -> str:
    """Where a document came from, for a failure: its file (and line or feed item), and its
    origin when that says more (a record's or an item's URL)."""
    where = doc.hints.get("where") if isinstance(doc.hints, dict) else None
    if not where or where == doc.origin:
        return doc.origin
    return f"{where} ({doc.origin})" if doc.origin.startswith(("http://", "https://")) else where


def is_duplicate(ws, doc: RawDocument) -> bool:
    """Content already seen from the same origin."""
    return _existing(ws, doc, content_hash(doc.content))[1]


def known(ws, doc: RawDocument) -> Article | None:
    """The article of ``doc``'s origin; else, for a record or a feed item of a local file,
    the article of the origin it had before (the file as typed + ``:N`` or ``#ID``,
    :func:`typed_origin`): one more lookup, on a miss only, so an older workspace finds its
    records again rather than copying them; and for an origin written as a relative path (a
    record from ``clean --json``), the article of that file as ``ingest`` names it
    (:func:`resolved_origin`)."""
    a = ws.by_origin(doc.origin)
    if a is None and (old := typed_origin(doc)) is not None:
        a = ws.by_origin(old)
    if a is None and (full := resolved_origin(doc.origin)) is not None:
        a = ws.by_origin(full)  # (``clean --json``'s spelling of a file ingested here)
    return a


def learn_furniture(furniture, docs: list[RawDocument]) -> None:
    """Learn the whole batch's furniture first, so the first page of an outlet benefits from
    the others; clean() observes each page again under the same page key (HTML and Markdown
    after extraction), which counts once."""
    for d in docs:
        key = d.outlet_key()
        if d.kind == "text" and key:
            furniture.observe(key, d.content, page_key=d.page_key())


def _existing(ws, doc: RawDocument, h: str) -> tuple[Article | None, bool]:
    """The article of ``doc``'s origin, and whether it already has content hash ``h``."""
    existing = known(ws, doc)
    return existing, existing is not None and any(v.hash == h for v in existing.versions)


def ingest(
    ws,
    docs: Iterable[RawDocument],
    *,
    now: str,
    furniture=None,
    on_progress: Progress | None = None,
    ready=None,
) -> tuple[IngestReport, list[Article], dict[str, str]]:
    """Store ``docs`` in ``ws`` (the caller holds the lock). Returns the report, the new or
    changed articles, which the caller then groups, and their new bodies by id (for the
    full-text index: give them to :func:`finish`). ``ready(doc)``: a record's pure work done
    ahead by another process (``pipeline.Prep``), or None: then it is done here."""
    rep = IngestReport()
    docs = list(docs)
    touched: dict[str, Article] = {}
    bodies: dict[str, str] = {}
    if furniture is not None:
        learn_furniture(furniture, docs)
    root = str(ws.root)
    for n, doc in enumerate(docs, 1):
        if on_progress:
            on_progress(n, len(docs), doc.origin)
        p = ready(doc) if ready is not None else None
        h = p.hash if p is not None else content_hash(doc.content)
        existing, seen = _existing(ws, doc, h)
        if seen and existing is not None:
            rep.duplicates.append((existing.origin, existing.id))
            continue
        try:
            if p is not None and p.failed is not None:
                rep.failed.append((_named(doc), p.failed))
                continue
            cleaned = (
                p.cleaned if p is not None and p.cleaned is not None else clean_doc(doc, furniture)
            )
        except Exception as e:  # a cleaner bug must not lose the rest of the batch
            rep.failed.append((_named(doc), f"could not be cleaned ({type(e).__name__}: {e})"))
            continue
        if not cleaned.body.strip():
            rep.failed.append((_named(doc), "no article text found"))
            continue
        if existing is not None and ws.body(existing).strip() == cleaned.body.strip():
            rep.duplicates.append((existing.origin, existing.id))
            continue
        aid = existing.id if existing else _new_id(h, ws, touched, doc.origin)
        raw_rel, body_rel = text_paths(aid, h, doc.kind)
        text = cleaned.body + "\n"
        write_atomic(f"{root}/{raw_rel}", doc.content, sync=False)  # (strings: a Path
        write_atomic(f"{root}/{body_rel}", text, sync=False)  # costs more than the write)
        bodies[aid] = text
        if "\r" not in text and hasattr(ws, "fresh"):  # (read back as written: no newline
            ws.fresh[body_rel] = text  # translated) grouping takes it from here
        version = Version(
            hash=h,
            ingested=now,
            raw_file=raw_rel,
            body_file=body_rel,
            body_hash=p.body_hash if p is not None else body_hash(text),
        )
        if p is not None:
            p.offer()  # grouping takes its features instead of extracting them again
        meta = {k: getattr(cleaned, k) for k in _META}  # (as_dict copies deeply: slow)
        if existing:
            existing.versions.append(version)
            existing.meta = {k: meta.get(k) or existing.meta.get(k) for k in meta}
            a = existing
            if aid not in rep.added and aid not in rep.updated:
                rep.updated.append(aid)
        else:
            a = Article(
                id=aid, origin=doc.origin, kind=doc.kind, meta=meta, versions=[version], added=now
            )
            rep.added.append(aid)
        touched[aid] = a
        ws.register(a)
    return rep, list(touched.values()), bodies


ID_LEN = 12  # every new article id has this length (older workspaces may hold 13-16)


def _new_id(h: str, ws, touched, origin: str = "") -> str:
    """``h``'s first ID_LEN characters; when taken (the same content from another origin, or
    a prefix collision), a hash of origin and content, still ID_LEN long: never an error."""
    aid = h[:ID_LEN]
    n = 0
    while aid in touched or ws.has_id(aid):  # a stat, not a read of every article
        seed = f"{origin}\0{h}\0{n}".encode("utf-8", "surrogatepass")
        aid = hashlib.sha256(seed).hexdigest()[:ID_LEN]
        n += 1
    return aid


def finish(ws, articles: list[Article], bodies: dict[str, str] | None = None) -> None:
    """Write the article records and make everything durable, then put them in the index
    (``bodies``: the new ones by id, as :func:`ingest` gives them; others are read)."""
    before = index_sync.folders_before(ws, [a.id for a in articles])
    written = [ws.write_article(a, sync=False, log=False) for a in articles]  # as the files say
    sync_dirs([ws.root / ARTICLES, ws.root / TEXTS, ws.root / RAW])
    index_sync.after_write(ws, written, bodies=bodies, before=before)
    ws.log_changes([f"a:{a.id}" for a in articles])
    if hasattr(ws, "fresh"):
        ws.fresh.clear()


def furniture_model(ws):
    """The outlet furniture learned so far: from the cache, else rebuilt from the raw pages."""
    from tui.core.clean import FurnitureModel  # trafilatura...: loaded on first ingest

    data = cache.load(ws.root, "furniture.pickle")
    if data:
        try:
            return FurnitureModel.from_dict(data["model"])
        except Exception:  # rebuilt below from the raw pages
            pass
    from tui.core.clean.markdown import strip_markdown  # (as above)

    # Observed as cleaning observes them: text as it is, Markdown stripped, one count per page.
    # HTML pages are left out: cleaning learns from their extracted text, and extracting every
    # page again would make a lost cache cost minutes; their extractor drops most furniture.
    model = FurnitureModel()
    for a in ws.by_id.values():
        key = outlet_key(a.origin, a.meta)
        if a.kind in ("text", "md") and key:
            raw = ws.raw(a, 0)
            model.observe(
                key,
                strip_markdown(raw) if a.kind == "md" else raw,
                page_key=page_key(a.origin, a.meta),
            )
    return model
