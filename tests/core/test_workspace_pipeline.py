"""A JSON Lines ingest whose records are read and cleaned by a second process (``pipeline``)
writes the same files, byte for byte, and the same report (failures in the same order) as the
ingest done in one process; a worker that stops loses no record."""

from __future__ import annotations

import json
import os
import pickle
import signal
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.group import features
from tui.core.ingest import stream
from tui.core.model import RawDocument
from tui.core.workspace import adding, bulk, pipeline, regrouping

TOPICS = [
    "Japan and Canada agreed on Tuesday to start talks on an intelligence pact in Tokyo.",
    "Wildfires forced thousands to flee their homes in northern California overnight.",
    "The central bank of Brazil raised its benchmark rate by half a point in Brasilia.",
    "Kestrel Dynamics recalled 4,200 drones after a battery fault in Oslo on Friday.",
]
NOW = "2026-01-02T03:04:05+00:00"


def write_dump(path: Path) -> None:
    lines = []
    for n in range(70):
        t = TOPICS[n % 4]
        lines.append(json.dumps({"url": f"u:{n}", "title": t[:30 + n % 9],
                                 "text": f"{t} Outlet{n % 11} said so. Day {n % 5} of it.",
                                 "date": f"2021-03-{1 + n % 27:02d}", "source": f"O{n % 7}"}))
        if n == 9:
            lines.append("{not json")
        if n == 33:
            lines.append(json.dumps({"url": "u:none", "text": ["not", "text"]}))
        if n == 40:  # the same text from another origin: a copy
            lines.append(lines[3].replace('"u:3"', '"u:copy"'))
        if n == 50:  # a new version of an earlier record
            lines.append(json.dumps({"url": "u:5", "title": "Brazil again",
                                     "text": TOPICS[2] + " It rose again.", "odd": 1}))
    lines.append(lines[4])  # an exact duplicate
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for top in ("articles", "texts", "raw")
            for p in sorted((root / top).rglob("*")) if p.is_file()}


def run(tmp_path, capsys, monkeypatch, dump, name: str, mode: str):
    monkeypatch.setenv(pipeline.ENV, mode)
    monkeypatch.setattr(regrouping, "now_iso", lambda: NOW)
    monkeypatch.setattr(bulk, "now_iso", lambda: NOW)
    code = main(["ingest", str(dump), "--workspace", str(tmp_path / name), "--json"])
    out = capsys.readouterr()
    return code, out.out, out.err, files(tmp_path / name)


@pytest.fixture
def dump(tmp_path):
    path = tmp_path / "dump.jsonl"
    write_dump(path)
    return path


@pytest.mark.parametrize("chunk", [None, 16])  # one batch, and chunks (the bulk path)
def test_pipeline_writes_what_one_process_writes(tmp_path, capsys, monkeypatch, dump, chunk):
    if chunk:
        monkeypatch.setattr(bulk, "CHUNK", chunk)
    offered = []
    real = pipeline.offer
    monkeypatch.setattr(pipeline, "offer", lambda p: (offered.append(p), real(p)))
    serial = run(tmp_path, capsys, monkeypatch, dump, "serial", "0")
    assert offered == []
    piped = run(tmp_path, capsys, monkeypatch, dump, "piped", "1")
    assert len(offered) == 72  # every version written had its work done by the worker
    assert features.OFFERED == {}  # (let go of after grouping)
    code, out, err, written = serial
    assert piped[0] == code == 1  # two bad records
    assert piped[1] == out and json.loads(out)["failed"][0]["source"].endswith(":11")
    assert piped[2] == err and err.count("wiredesk: ") == 3  # (and a warning)
    assert piped[3].keys() == written.keys() and len(written) == 3 * 71 + 2
    assert [k for k in written if piped[3][k] != written[k]] == []
    assert b'story = "' in written[next(k for k in written if k.startswith("articles"))]


def test_a_stopped_worker_loses_no_record(dump):
    whole_got, whole = stream([str(dump)])
    want = [(d.origin, d.content, d.hints) for d in whole]
    with pipeline.Stream([str(dump)], chunk=50, batch=5, lead=10) as s:
        docs = s.docs
        first = [next(docs) for _ in range(7)]
        assert [s.ready(d) is not None for d in first] == [True] * 7
        assert s._proc is not None
        os.kill(s._proc.pid, signal.SIGKILL)
        got = first + list(docs)
        assert s._n < len(want)  # (the rest was read here)
    assert [(d.origin, d.content, d.hints) for d in got] == want
    assert s.got.failures == whole_got.failures and len(s.got.failures) == 2
    stopped = [w for w in s.got.warnings if "second ingest process stopped" in w[1]]
    assert len(stopped) == 1 and "exit code -9" in stopped[0][1]
    assert [w for w in s.got.warnings if w not in stopped] == whole_got.warnings


def test_the_worker_hands_on_every_record_in_order(dump):
    whole_got, whole = stream([str(dump)])
    want = [(d.origin, d.content) for d in whole]
    with pipeline.Stream([str(dump)], chunk=50, batch=7, lead=20) as s:
        got = list(s.docs)
        work = [s.ready(d) for d in got]
    assert [(d.origin, d.content) for d in got] == want
    assert [p.hash if p else None for p in work] == [adding.content_hash(d.content) for d in got]
    assert (s.got.failures, s.got.warnings) == (whole_got.failures, whole_got.warnings)
    assert s._proc is None  # ended


def test_prepared_work_equals_the_work_done_here():
    doc = RawDocument(origin="u:1", content=TOPICS[3] + " Ólafur Ragnarsson, 12.5%.",
                      kind="record", hints={"title": "Drones recalled", "date": "2021-03-01"})
    p = pipeline.prepare(doc)
    assert p is not None and p.cleaned == adding.clean_doc(doc)
    assert p.hash == adding.content_hash(doc.content)
    text = p.cleaned.body + "\n"
    assert p.body_hash == adding.body_hash(text)
    f, g = pipeline.features_of(p.features), features.extract("Drones recalled", text, "en")
    assert (f.words, f.cross, f.group, f.names, f.spelled(), f.days) == (
        g.words, g.cross, g.group, g.names, g.spelled(), g.days)
    assert list(f.words) == list(g.words) and list(f.cross) == list(g.cross)  # (order too)
    assert pipeline.prepare(RawDocument(origin="a.txt", content="x", kind="text")) is None


def test_a_cleaning_failure_is_named_as_here(monkeypatch):
    def broken(doc, furniture=None):
        raise ValueError("bad bytes")

    monkeypatch.setattr(adding, "clean_doc", broken)
    p = pipeline.prepare(RawDocument(origin="u:1", content="text", kind="record"))
    assert p is not None and p.failed == "could not be cleaned (ValueError: bad bytes)"


def test_extract_takes_features_offered_ahead():
    p = pipeline.prepare(RawDocument(origin="u:1", content=TOPICS[0], kind="record"))
    assert p is not None and p.cleaned is not None
    calls = []
    features.OFFERED[p.key] = lambda: calls.append(1) or pipeline.features_of(p.features)
    try:
        title, text = p.cleaned.title or "", p.cleaned.body + "\n"
        features.extract(title, text, p.cleaned.lang)
        features.extract(title, text + " ", p.cleaned.lang)  # another text: worked out here
        assert calls == [1]
    finally:
        pipeline.forget()
    assert features.OFFERED == {}


def test_a_worker_only_when_it_pays(tmp_path, dump, monkeypatch):
    monkeypatch.delenv(pipeline.ENV, raising=False)
    assert not pipeline.wanted([str(dump)])  # small
    monkeypatch.setattr(pipeline, "MIN_BYTES", 10)
    assert pipeline.wanted([str(dump)])
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert not pipeline.wanted([str(dump)])  # one usable CPU
    monkeypatch.setenv(pipeline.ENV, "1")
    assert pipeline.wanted([str(dump)])
    monkeypatch.setenv(pipeline.ENV, "0")
    assert not pipeline.wanted([str(dump)])


def test_a_failed_grouping_keeps_no_work_done_ahead(tmp_path, monkeypatch):
    """Features offered ahead and bodies kept for grouping do not outlive a failed ingest."""
    from tui.core.workspace import Workspace, grouping

    ws = Workspace.open(tmp_path / "ws")
    features.OFFERED[b"offered"] = lambda: None  # type: ignore[assignment,return-value]

    def broken(*args, **kwargs):
        raise RuntimeError("grouping failed")

    monkeypatch.setattr(grouping, "place", broken)
    doc = RawDocument(origin="a.txt", content="Bridge reopens\n\nThe bridge reopened today.")
    with pytest.raises(RuntimeError):
        regrouping.ingest(ws, [doc])
    assert features.OFFERED == {} and ws.fresh == {}


def test_a_file_changed_before_it_is_read_again_is_said(dump):
    """The worker stopped and the file changed meanwhile: reading it again by count is said to
    be unsure, by name."""
    with pipeline.Stream([str(dump)], chunk=50, batch=5, lead=10) as s:
        docs = s.docs
        first = [next(docs) for _ in range(7)]
        assert s._proc is not None
        os.kill(s._proc.pid, signal.SIGKILL)
        lines = dump.read_text(encoding="utf-8").splitlines(keepends=True)
        dump.write_text("".join([lines[0], *lines]), encoding="utf-8")  # all one line on
        rest = list(docs)
    assert first and rest
    said = [w for w in s.got.warnings if "changed while it was ingested" in w[1]]
    assert len(said) == 1 and said[0][0] == str(dump)



def test_a_worker_whose_ingest_is_gone_stops_at_once(dump, monkeypatch):
    """Its ingest killed (SIGKILL: no clean-up), the worker stops before its next batch of
    work, not once its queue is full (up to a chunk of work wasted)."""
    sent = []

    class Out:  # (a queue never full: the worker would go on to the end)
        def put(self, data, timeout=None):
            sent.append(pickle.loads(data)[0])

    def exit_(code):
        raise SystemExit(code)

    monkeypatch.setattr(pipeline.os, "_exit", exit_)
    handler = signal.getsignal(signal.SIGINT)
    try:
        pipeline._work([str(dump)], Out(), os.getppid() + 10_000_000, 5, 6)
    finally:
        signal.signal(signal.SIGINT, handler)
    assert sent == ["docs", "stopped"]  # (the records read ahead; no work done)


def test_the_workers_last_word_is_read_at_close(dump):
    """All had before its end, the worker's last message (its CPU seconds and peak memory, a
    pickled one as all its messages) is read by ``close``."""
    with pipeline.Stream([str(dump)], chunk=50, batch=7, lead=20) as s:
        for d in list(s.docs):
            s.ready(d)
    assert s.stats["worker_kb"] > 0 and s.stats["worker_cpu"] > 0
    assert pipeline.LAST["worker_kb"] == s.stats["worker_kb"]
