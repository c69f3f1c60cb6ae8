"""A second process for a large JSON Lines ingest: it reads the file and does each record's
pure work (content hash, cleaning, language, body hash, the grouping features) while this
process groups and writes what came before.

The worker never writes to the workspace: it hands each record and what it worked out back
through a bounded queue, in file order, with the failures and warnings the reading met. This
process stays the only writer and does everything that depends on the workspace (duplicates,
ids, files, grouping, index), in the same order as without the worker, with the worker's
results in place of its own: what is written, the report and the order of failures are the
same (``tests/core/test_workspace_pipeline.py`` checks it byte for byte).

A worker that stops (killed, out of memory) loses nothing: the records not yet handed back are
read and cleaned here (the file read again, the records already had skipped), and a warning
names what happened. Ctrl-C stops this process as without the worker, which is then ended.
Small files, one usable CPU, or ``WIREDESK_PIPELINE=0``: no worker (``=1`` forces one).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import pickle
import queue
import resource
import signal
import threading
import time
import zlib
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from pathlib import Path

from tui.core.ingest import Collected
from tui.core.model import Cleaned, RawDocument

BATCH = 256  # records a message carries
AHEAD = 420  # messages the worker may be ahead of this process: a chunk (``bulk.CHUNK``,
# 50,000 records) of records and one of their work, so it cleans the next chunk while this one
# is grouped. That bounds its memory: about 100,000 records, half with their work.
MIN_BYTES = 2_000_000  # smaller sources (about 3,000 records) are read in this process
ENV = "WIREDESK_PIPELINE"  # "0": never a worker, "1": always (tests, benchmarks)
LAST: dict = {}  # the last stream's ``stats``, once closed (read by a benchmark)


@dataclass(slots=True)
class Prep:
    """One record's pure work, as ``adding.ingest`` would do it."""

    hash: str  # content_hash(doc.content)
    failed: str | None = None  # the reason cleaning failed, as the report words it
    cleaned: Cleaned | None = None
    body_hash: str = ""  # body_hash(cleaned.body + "\n")
    key: bytes = b""  # features.ahead_key of what grouping will extract
    features: bytes = b""  # those features, pickled and compressed

    def offer(self) -> None:
        """Let grouping take these features instead of extracting them again."""
        offer(self)


def wanted(sources: list[str]) -> bool:
    """Whether a stream of these (JSON Lines) sources is worth a second process."""
    env = os.environ.get(ENV, "")
    if env in ("0", "1"):
        return env == "1"
    try:
        if len(os.sched_getaffinity(0)) < 2:
            return False
    except (AttributeError, OSError):
        if (os.cpu_count() or 1) < 2:
            return False
    size = 0
    for s in sources:
        with contextlib.suppress(OSError):
            size += Path(os.path.expanduser(s)).stat().st_size
    return size >= MIN_BYTES


def prepare(doc: RawDocument) -> Prep | None:
    """A record's pure work (other kinds depend on the furniture learned so far: None)."""
    from tui.core.group.features import ahead_key, extract
    from tui.core.workspace.adding import body_hash, clean_doc, content_hash

    if doc.kind != "record":
        return None
    h = content_hash(doc.content)
    try:
        cleaned = clean_doc(doc)
    except Exception as e:  # as adding.ingest words it
        return Prep(h, failed=f"could not be cleaned ({type(e).__name__}: {e})")
    text = cleaned.body + "\n"
    p = Prep(h, cleaned=cleaned, body_hash=body_hash(text))
    if cleaned.body.strip():
        title, lang = cleaned.title or "", cleaned.lang
        f = extract(title, text, lang)
        p.key = ahead_key(title, text, lang)
        fields = {k.name: getattr(f, k.name) for k in dataclasses.fields(f)}
        fields["spelled"] = f.spelled()  # (a function: its result, which is pure)
        p.features = zlib.compress(pickle.dumps(fields, 5), 1)
    return p


def features_of(blob: bytes):
    """The features ``prepare`` packed (a new object at each call, as extract gives)."""
    from tui.core.group.features import Features

    fields = pickle.loads(zlib.decompress(blob))
    spelled = fields.pop("spelled")
    return Features(**fields, spelled=lambda: dict(spelled))


def offer(p: Prep) -> None:
    """Let grouping take ``p``'s features instead of extracting them again."""
    from functools import partial

    from tui.core.group import features

    if p.features:
        features.OFFERED[p.key] = partial(features_of, p.features)


def forget() -> None:
    """Drop the features offered (after a grouping: those left were not asked for)."""
    from tui.core.group import features

    features.OFFERED.clear()


def _put(out, msg, parent: int) -> None:
    """Send ``msg``, pickled here: the messages waiting in the queue (up to ``AHEAD``, while
    the ingest groups a chunk) are held as bytes, not objects (a record: about 630 bytes
    pickled against 1,150 held)."""
    data = pickle.dumps(msg, pickle.HIGHEST_PROTOCOL)
    while True:
        try:
            out.put(data, timeout=1.0)
            return
        except queue.Full:
            if os.getppid() != parent:  # the ingest is gone: nobody reads
                os._exit(0)


def _cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def _run(sources: list[str], out, parent: int, size: int = BATCH, lead: int = 0) -> None:
    """The worker process: :func:`_work`, watched. Its ingest gone (killed: no clean-up), the
    worker ends within a second wherever it waits: also on its way out, where it waits for
    the queue's messages to go into the pipe, which nobody reads any more (it would wait
    forever, an orphan holding a chunk of records)."""
    threading.Thread(target=_watch, args=(parent,), daemon=True,
                     name="wiredesk-ingest-watch").start()
    _work(sources, out, parent, size, lead)


def _watch(parent: int, every: float = 1.0) -> None:
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(0)


def _work(sources: list[str], out, parent: int, size: int = BATCH, lead: int = 0) -> None:
    """The worker: read the sources and hand on their records at once, up to ``lead`` ahead
    of their pure work, which follows in the same order (so the ingest can write the first
    records while the later ones are cleaned, and group a chunk while the next is cleaned)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the ingest, which ends us
    try:
        from tui.core.ingest import stream

        got, docs = stream(sources)
        it = iter(docs)
        lead = max(lead, size + 1)
        pending: deque[RawDocument] = deque()  # handed on, not yet worked out
        batch: list[RawDocument] = []
        nf = nw = 0
        eof = False
        while True:
            while not eof and len(pending) + len(batch) < lead:
                doc = next(it, None)
                eof = doc is None
                if doc is not None:
                    batch.append(doc)
                if eof or len(batch) >= size:
                    _put(out, ("end" if eof else "docs", batch, got.failures[nf:],
                               got.warnings[nw:]), parent)
                    nf, nw = len(got.failures), len(got.warnings)
                    pending.extend(batch)
                    batch = []
            if not pending:
                break
            if os.getppid() != parent:  # the ingest is gone (killed): stop now, not once
                os._exit(0)  # the queue is full
            made = [prepare(pending.popleft()) for _ in range(min(size, len(pending)))]
            _put(out, ("preps", made, _cpu()), parent)
        _put(out, ("cpu", _cpu(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss), parent)
    except BaseException as e:  # named by the reader, which reads the rest itself
        _put(out, ("stopped", f"{type(e).__name__}: {e}"), parent)


class Stream:
    """As ``ingest.stream(sources)``: ``got`` (failures and warnings, complete once ``docs``
    is spent) and ``docs``, read by a worker; ``ready(doc)`` gives a record's pure work
    (waiting for it), ``ready(doc, wait=False)`` lets it go."""

    def __init__(self, sources: list[str], *, chunk: int, batch: int = BATCH, lead: int = 0):
        """``chunk``: the records the ingest groups at once (``bulk.CHUNK``); the worker hands
        on records up to ``lead`` (by default a chunk) ahead of their work."""
        import multiprocessing

        self.sources = list(sources)
        self.got = Collected()
        self._queue: deque[RawDocument] = deque()  # records had, not yet handed on
        self._seq: dict[int, tuple[RawDocument, int]] = {}  # id(record) -> it, its number
        self._preps: dict[int, Prep | None] = {}  # number -> its work, had, not yet asked
        self._unwanted: set[int] = set()  # numbers whose work is let go of when it comes
        self._n = self._p = self._nf = self._nw = 0  # records, work, failures, warnings had
        self._ended = self._dead = False
        self._last: tuple[str, str] | None = None  # the last record had: origin, content
        self._chunk = chunk
        # (for benchmarks) seconds this process waited for the worker; the CPU seconds of
        # both when the first chunk's work was all here (``bulk.CHUNK`` records, or all); the
        # worker's CPU seconds and peak KB
        self.stats = {"waited": 0.0, "main_first": 0.0, "worker_first": 0.0,
                      "worker_cpu": 0.0, "worker_kb": 0}
        ctx = multiprocessing.get_context("spawn")  # nothing of this process is inherited
        self._q = ctx.Queue(maxsize=AHEAD)
        self._proc: BaseProcess | None = ctx.Process(
            target=_run, args=(self.sources, self._q, os.getpid(), batch, lead or chunk + 1),
            name="wiredesk-ingest-worker", daemon=True)
        self._proc.start()
        self.docs: Iterator[RawDocument] = self._docs()

    def __enter__(self) -> Stream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ready(self, doc: RawDocument, wait: bool = True) -> Prep | None:
        got = self._seq.pop(id(doc), None)
        if got is None or got[0] is not doc:
            return None
        n = got[1]
        while wait and n >= self._p and self._pump():
            pass
        if n >= self._p and not self._dead:
            self._unwanted.add(n)
        return self._preps.pop(n, None)

    def close(self) -> None:
        """End the worker (at once if it is still working)."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if self._ended and self._p == self._n and not self._dead:  # all had: its last word
            with contextlib.suppress(Exception):
                msg = self._q.get(timeout=2.0)
                kind, cpu, kb = pickle.loads(msg) if isinstance(msg, bytes) else msg
                if kind == "cpu":
                    self.stats.update(worker_cpu=cpu, worker_kb=kb)
        LAST.clear()
        LAST.update(self.stats)
        proc.join(timeout=0.5)
        if proc.is_alive():
            proc.terminate()
            proc.join(timeout=5)
        self._q.close()
        self._q.cancel_join_thread()

    def _get(self):
        t = time.perf_counter()
        try:
            msg = self._wait()
            return pickle.loads(msg) if isinstance(msg, bytes) else msg  # (see _put)
        finally:
            self.stats["waited"] += time.perf_counter() - t

    def _wait(self):
        while True:
            try:
                return self._q.get(timeout=0.5)
            except queue.Empty:
                proc = self._proc
                if proc is None or not proc.is_alive():
                    try:
                        return self._q.get(timeout=0.5)  # its last message
                    except queue.Empty:
                        code = proc.exitcode if proc is not None else None
                        return ("stopped", f"the process ended, exit code {code}")

    def _pump(self) -> bool:
        """Take the worker's next message; False when no more will come."""
        if self._proc is None:
            return False
        msg = self._get()
        kind = msg[0]
        if kind == "stopped":
            self._dead = True
            self.close()
            self.got.warnings.append((", ".join(self.sources), (
                f"the second ingest process stopped ({msg[1]}); the records after the "
                f"first {self._n:,} were read and cleaned in this one")))
            return False
        if kind == "preps":
            for p in msg[1]:
                if self._p in self._unwanted:
                    self._unwanted.discard(self._p)
                else:
                    self._preps[self._p] = p
                self._p += 1
            if not self.stats["main_first"] and (
                    self._p >= self._chunk or (self._ended and self._p == self._n)):
                self.stats.update(main_first=_cpu(), worker_first=msg[2])
        elif kind == "cpu":  # (its last word, when all was had before the end)
            self.stats.update(worker_cpu=msg[1], worker_kb=msg[2])
            self.close()
        else:  # records ("docs", or the last ones: "end")
            _, batch, failures, warnings = msg
            self.got.failures.extend(failures)
            self.got.warnings.extend(warnings)
            self._nf += len(failures)
            self._nw += len(warnings)
            for doc in batch:
                self._seq[id(doc)] = (doc, self._n)
                self._n += 1
            if batch:  # (to tell, if the file is read again, that it is the same file)
                self._last = (batch[-1].origin, batch[-1].content)
            self._queue.extend(batch)
            self._ended = kind == "end"
        return True

    def _docs(self) -> Iterator[RawDocument]:
        while True:
            while self._queue:
                yield self._queue.popleft()
            if self._ended or not self._pump():
                break
        if self._dead:
            yield from self._rest()

    def _rest(self) -> Iterator[RawDocument]:
        """The records the worker did not hand on, read here (the file read again)."""
        from tui.core.ingest import stream

        got, docs = stream(self.sources)
        skip = self._n
        for doc in docs:
            if skip:
                skip -= 1
                if not skip and (doc.origin, doc.content) != self._last:
                    self._changed()
                continue
            yield doc
        if skip:  # (shorter now than what was had)
            self._changed()
        self.got.failures.extend(got.failures[self._nf:])
        self.got.warnings.extend(got.warnings[self._nw:])

    def _changed(self) -> None:
        self.got.warnings.append((", ".join(self.sources), (
            f"changed while it was ingested: record {self._n:,}, read again, is not the one "
            "read before, so records after it may be missed or taken twice")))
