"""A long bulk ingest holds no more than its working set: the report's names go to a temporary
file (every one still printed, every failed record named, in order), and once the run has
forgotten what it wrote it forgets each chunk after it. Placements are the same either way."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.test_workspace_bulk_stream import write_dump
from tui.cli import ingest_cmd
from tui.cli.output import print_json
from tui.core.ingest import stream
from tui.core.workspace import Workspace, adding, bulk, spill
from tui.core.workspace.adding import IngestReport
from tui.core.workspace.spill import SpilledReport


@pytest.fixture
def dump(tmp_path):
    path = tmp_path / "dump.jsonl"
    write_dump(path)
    return path


def placements(ws: Workspace):
    return sorted((a.origin, a.id, a.story, a.sameness, a.copy_of or "") for a in ws.articles())


# ---- the spilled report ---------------------------------------------------------------------
def test_a_spill_gives_back_every_item_in_order_holding_one_batch(monkeypatch):
    monkeypatch.setattr(spill, "BATCH", 4)
    rep = SpilledReport()
    s = rep.added
    for n in range(11):
        s.append(f"id{n}")
        assert len(s._held) < 4  # never more than a batch in memory
    s += ["x", "y"]
    assert list(s) == [f"id{n}" for n in range(11)] + ["x", "y"]
    assert len(s) == 13 and s and s == list(s) and s[-1] == "y"
    pairs = rep.failed
    pairs.extend([("f:1", "bad"), ("f:2", "worse")])
    assert list(pairs) == [("f:1", "bad"), ("f:2", "worse")]
    assert not rep.updated and rep.updated == []
    rep.close()


def test_a_spilled_report_lists_an_article_once_and_puts_the_sources_failures_first(
        monkeypatch):
    monkeypatch.setattr(spill, "BATCH", 2)
    rep = SpilledReport()
    rep.join(IngestReport(added=["a", "b"], failed=[("doc:3", "no article text found")]))
    rep.join(IngestReport(added=["c"], updated=["a", "d"], duplicates=[("u:1", "b")]))
    rep.join(IngestReport(updated=["d", "e"], failed=[("doc:9", "could not be cleaned")]))
    rep.move(["a", "z", "y"])
    rep.put_first([("f.jsonl:2", "not JSON"), ("f.jsonl:5", "no text")])
    assert rep.as_dict() == IngestReport(
        added=["a", "b", "c"], updated=["d", "e"], duplicates=[("u:1", "b")],
        failed=[("f.jsonl:2", "not JSON"), ("f.jsonl:5", "no text"),
                ("doc:3", "no article text found"), ("doc:9", "could not be cleaned")],
    ).as_dict()
    assert rep.n_listed == 5 and list(rep.listed()) == ["a", "b", "c", "d", "e"]
    assert rep.moved() == ["y", "z"] and rep.n_moved() == 2
    rep.close()


ids = st.text(alphabet="0123456789abcdef\x1b\u00e9\u202e\"\\\n", min_size=0, max_size=6)
pairs = st.tuples(ids, ids)


@settings(max_examples=60, deadline=None)
@given(st.lists(ids, max_size=5), st.lists(ids, max_size=3), st.lists(pairs, max_size=3),
       st.lists(pairs, max_size=3), st.lists(pairs, max_size=3))
def test_the_report_printed_a_piece_at_a_time_is_print_jsons(added, updated, dups, failed,
                                                             warned):
    rep = IngestReport(added=added, updated=updated, duplicates=dups, failed=failed)
    whole = io.StringIO()
    with redirect_stdout(whole):  # (the ingest's warnings last, shaped as its failures)
        print_json({**rep.as_dict(), "warnings": [{"source": s, "reason": r} for s, r in warned]})
    assert "".join(ingest_cmd.report_json(rep, warned)) == whole.getvalue()
    spilled = SpilledReport()
    spilled.added += added
    spilled.updated += updated
    spilled.duplicates += dups
    spilled.failed += failed
    assert "".join(ingest_cmd.report_json(spilled, warned)) == whole.getvalue()
    spilled.close()


# ---- a long run -----------------------------------------------------------------------------
def run(path, dump, **kw) -> tuple[Workspace, IngestReport]:
    ws = Workspace.open(path, **kw)
    got, docs = stream([str(dump)])
    return ws, ws.ingest(docs, failures=got.failures)


def test_a_long_run_names_every_failed_record_and_holds_a_batch_of_names(
        tmp_path, dump, monkeypatch):
    _, one = run(tmp_path / "one", dump)  # one batch: a plain report
    assert isinstance(one, IngestReport) and not isinstance(one, SpilledReport)
    monkeypatch.setattr(bulk, "CHUNK", 4)
    monkeypatch.setattr(spill, "BATCH", 3)
    _, rep = run(tmp_path / "long", dump)
    assert isinstance(rep, SpilledReport)
    assert rep.as_dict() == one.as_dict()
    assert [s for s, _ in rep.failed] == [f"{dump}:8", f"{dump}:18"]
    assert len(rep.added) == 23 and len(rep.added._held) < 3  # the rest is on disk


def distinct_dump(path, n: int = 30) -> None:
    """``n`` records that share no word: each its own story (grouping reads back little)."""
    words = [f"{a}{b}" for a in ("ka", "lo", "mu", "ne", "po", "ri") for b in ("x", "y", "z", "w",
                                                                           "q")]
    lines = [json.dumps({"url": f"d:{i}", "title": f"Vorb{i} {words[i % 30]}",
                         "text": " ".join(f"{w}{i}q" for w in words[:12]) + "."})
             for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_once_forgotten_each_chunk_is_forgotten_after_it(tmp_path, monkeypatch):
    from tui.core.group import young

    # (a language group under ``Params.young`` articles is placed again whole with every
    # chunk, which reads every article back: not what a long run does, so not here)
    monkeypatch.setattr(young, "reopen", lambda g, entries: ([], {}))
    distinct_dump(tmp_path / "d.jsonl")
    monkeypatch.setattr(bulk, "CHUNK", 4)
    kept_ws, _ = run(tmp_path / "kept", tmp_path / "d.jsonl")
    monkeypatch.setattr(bulk, "HELD_MAX", 10)
    held, real = [], adding.ingest
    monkeypatch.setattr(adding, "ingest", lambda ws, chunk, **kw: held.append(
        len(ws.records.arts) + len(ws.records.few)) or real(ws, chunk, **kw))
    ws, rep = run(tmp_path / "shed", tmp_path / "d.jsonl")
    # forgotten once more than 10 were held, then after every chunk (before: a lazy workspace
    # held what each chunk wrote and read until more than 10 again: 0, 4, 8, 0, 4, 8, 0, 4)
    assert held == [0, 4, 8, 0, 0, 0, 0, 0]
    assert len(rep.added) == 30
    assert placements(Workspace.open(tmp_path / "shed")) == placements(kept_ws)


def test_the_plain_report_of_a_run_that_forgot_reads_titles_from_the_index(
        tmp_path, dump, monkeypatch, capsys):
    monkeypatch.setattr(bulk, "CHUNK", 4)
    kept_ws, kept = run(tmp_path / "kept", dump)
    args = SimpleNamespace(json=False, quiet=False)

    def printed(ws, rep) -> str:
        ingest_cmd.print_report(args, ws, rep)
        return capsys.readouterr().out

    want = printed(kept_ws, kept)
    monkeypatch.setattr(bulk, "HELD_MAX", 5)
    monkeypatch.setattr(ingest_cmd, "LOOKUP", 7)
    ws, rep = run(tmp_path / "shed", dump, lazy=True)
    assert not ws.loaded
    from tui.core.workspace.loading import Records

    monkeypatch.setattr(Records, "one", lambda *a: pytest.fail("an article file read"))
    got = printed(ws, rep)
    assert got == want and got.count("\nadded ") == 22
    assert "23 added, 0 new versions, 1 duplicates, 2 failed" in got


def test_the_json_report_of_a_long_run_is_the_one_batch_report(tmp_path, dump, monkeypatch,
                                                                capsys):
    _, one = run(tmp_path / "one", dump)
    monkeypatch.setattr(bulk, "CHUNK", 5)
    _, rep = run(tmp_path / "long", dump)
    ingest_cmd.print_report(SimpleNamespace(json=True, quiet=False), None, rep)
    out = capsys.readouterr()
    assert json.loads(out.out) == {**one.as_dict(), "warnings": []}
    assert out.err.count("wiredesk: ") == 2  # each failed record on standard error


def test_a_chunk_read_is_let_go_of_before_it_is_grouped(tmp_path, dump, monkeypatch):
    import gc

    from tui.core.model import RawDocument
    from tui.core.workspace import grouping

    monkeypatch.setattr(bulk, "CHUNK", 4)
    live, real = [], grouping.place

    def held() -> int:  # documents alive now (other tests' garbage collected first)
        gc.collect()
        return sum(isinstance(o, RawDocument) for o in gc.get_objects())

    before = held()  # any another test still holds (not this run's)

    def place(ws, g, added, updated):
        live.append(held() - before)
        return real(ws, g, added, updated)

    monkeypatch.setattr(grouping, "place", place)
    _, rep = run(tmp_path / "ws", dump)
    # at most the one record read ahead to tell a long run from a short one (before: the
    # chunk in hand and the first chunk read ahead, held for the whole run)
    assert len(live) == 6 and max(live) <= 1 and len(rep.added) == 23


def test_a_long_report_reads_every_id_once_for_the_same_prefixes(tmp_path, dump, monkeypatch,
                                                                   capsys):
    """Past ``WHOLE`` listed ids, their unique prefixes come from every id read at once, not
    from six index queries an id: the same text."""
    from tui.core.workspace import index_near

    monkeypatch.setattr(bulk, "CHUNK", 4)
    monkeypatch.setattr(bulk, "HELD_MAX", 5)
    args = SimpleNamespace(json=False, quiet=False)
    ws, rep = run(tmp_path / "asked", dump, lazy=True)
    assert not ws.loaded
    ingest_cmd.print_report(args, ws, rep)  # (the report is closed once printed)
    want = capsys.readouterr().out
    ws, rep = run(tmp_path / "whole", dump, lazy=True)
    monkeypatch.setattr(ingest_cmd, "WHOLE", 3)
    monkeypatch.setattr(index_near, "neighbours", lambda *a: pytest.fail("asked per id"))
    ingest_cmd.print_report(args, ws, rep)
    got = capsys.readouterr().out
    assert got == want and got.count("\nadded ") == 22
