"""``wiredesk stories --json --filter`` printed as found (no Textual): the parts the index gives
(the matches among the first stories of the list, then the rest) joined are the selection,
story for story and article for article, wherever the first part ends; dates that begin other
dates ("2022", "2022-05") and undated stories sort the same in SQL and in ``story_order``; the
JSON written part by part is ``print_json``'s text; the typo search's words come from a file
beside the index while the index is unchanged, and are read again after a change."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from tests.desk.synthetic import workspace_fixtures
from tui.cli import read_cmd
from tui.cli.output import print_json
from tui.core.model import RawDocument
from tui.core.query import parse_filter
from tui.core.workspace import Workspace, index_vocab
from tui.core.workspace import index_query as iq
from tui.desk.select import select, select_parts

root_template, root = workspace_fixtures(90, "root")

QUERIES = [
    "harbour",
    "rail strike",
    "lisbon unread",
    "council +starred",
    "unread after:2022-06",
    "before:2021-03",
    "harbuor",  # a typo: found through the index's words
    "ferry -starred after:2021",
    "zzzqqq",
    "2022",
    "archived",
]


ODD = [  # (title, text, date): unlike each other, so that each is a story of its own
    ("Orchard growers fear frost", "Apple orchards near Nagano braced for frost.", "2022"),
    ("Quarry expansion vote", "Basalt quarry owners asked the county for land.", "2022-05"),
    ("Cobalt prices slide", "Traders saw cobalt fall as battery makers cut orders.", "2022-05-1"),
    ("Ferry timetable changes", "Island ferries will sail hourly from the spring.", ""),
    ("Blacksmith guild reopens", "An old forge in Ypres lit its fires for visitors.", ""),
    ("Harbour pilots strike", "Pilots guiding ships into the harbour walked out.", "2021-12"),
    ("Museum vault opened", "Curators found garnets in a sealed vault.", "2022-05-17"),
    ("Glacier retreat measured", "Surveyors logged the ice line moving uphill.", "2022-05-17"),
    ("Chess final drawn", "Both grandmasters agreed a draw after six hours.", "2022-05-17"),
]


def oddly_dated(root) -> None:
    """Stories dated by a beginning of another date ("2022", "2022-05": first in
    ``story_order``, last in SQL's DESC), dated alike, undated, and one story archived."""
    docs = []
    for k, (title, text, date) in enumerate(ODD):
        hints = {"title": title, "source": "AP", **({"date": date} if date else {})}
        docs.append(
            RawDocument(
                origin=f"odd:{k}", kind="record", hints=hints, content=text + " A bulletin."
            )
        )
    Workspace.open(root).ingest(docs)
    ws = Workspace.open(root)
    first = select(ws, None).stories[3]
    ws.set_story_state(first.id, archived=True)  # left out unless asked


def joined(parts) -> list[tuple[str, list[str]]]:
    return [(st.id, [a.id for a in arts]) for part in parts for st, arts in part]


def selected(ws, flt, archived: bool) -> list[tuple[str, list[str]]]:
    listing = select(ws, flt, include_archived=archived)
    return [(st.id, list(listing.members[st.id])) for st in listing.stories]


@pytest.mark.parametrize("head", [1, 2, 3, 7, 20, 1000])
def test_the_parts_joined_are_the_selection_wherever_the_first_ends(root, head, monkeypatch):
    oddly_dated(root)
    monkeypatch.setattr(iq, "HEAD", head)
    monkeypatch.setattr(iq, "NARROW", -1)  # dated filters too in two parts
    reference = Workspace.open(root, lazy=True)  # select's answer, all at once
    lazy = Workspace.open(root, lazy=True)
    for q in QUERIES:
        flt = parse_filter(q)
        for archived in (False, True):
            parts = list(select_parts(lazy, flt, include_archived=archived))
            assert joined(parts) == selected(reference, flt, archived), (q, archived)
            if head < 1000 and q != "archived":
                assert len(parts) == 2  # the first part came by itself
    assert not lazy.loaded


def test_the_first_part_holds_the_first_stories_of_the_answer(root):
    ws = Workspace.open(root, lazy=True)
    flt = parse_filter("council")
    first, rest = ws.index.stream(flt, head=10)
    order = [st.id for st in select(Workspace.open(root, lazy=True), flt).stories]
    assert first and rest
    assert [st.id for st, _ in first] == order[: len(first)]
    assert len(first) <= 10  # only stories from the first ten of the list


def test_a_head_cut_inside_dates_that_begin_others_keeps_the_order(root):
    oddly_dated(root)
    ws = Workspace.open(root, lazy=True)
    flt = parse_filter("bulletin")
    answer = [s.id for s in select(Workspace.open(root, lazy=True), flt).stories]
    assert len(answer) == len(ODD)
    everyone = select(Workspace.open(root), None).stories
    places = [i for i, s in enumerate(everyone) if s.id in answer]
    for head in range(1, places[-1] + 3):  # the first part ends before, on, after each
        parts = list(ws.index.stream(flt, head=head))
        assert [st.id for part in parts for st, _ in part] == answer, head


@pytest.mark.parametrize(
    "items",
    [[], [{"id": "a"}], [{"id": "a", "x": [1, {"é": "\n\t"}]}, {"id": "b", "articles": []}]],
)
def test_json_written_by_parts_is_print_json(items):
    whole, parts = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(whole):
        print_json(items)
    with contextlib.redirect_stdout(parts):
        read_cmd._print_json_parts([items[:1], [], items[1:]])
    assert parts.getvalue() == whole.getvalue()
    assert json.loads(parts.getvalue()) == items


def test_the_typo_words_come_from_a_file_until_the_index_changes(root, monkeypatch):
    ws = Workspace.open(root, lazy=True)
    idx = ws.index.idx
    idx.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, search, row)")
    truth = [t for (t,) in idx.db.execute("SELECT term FROM temp.v") if len(t) >= 3]
    assert index_vocab.words(idx) == truth
    assert index_vocab.path_of(root).is_file()
    reads = []
    real = idx.db

    class Counting:  # counts the reads of the index's words
        in_transaction = False

        def execute(self, sql, *args):
            if "fts5vocab" in sql:
                reads.append(sql)
            return real.execute(sql, *args)

    monkeypatch.setattr(idx, "db", Counting())
    assert index_vocab.words(idx) == truth and not reads  # from the file
    monkeypatch.setattr(idx, "db", real)
    Workspace.open(root).ingest(
        [
            RawDocument(
                origin="new:1",
                kind="record",
                content=("Quixotically zygomorphic harbour cranes arrived."),
                hints={"title": "Cranes"},
            )
        ]
    )
    ws = Workspace.open(root, lazy=True)
    assert "zygomorphic" in index_vocab.words(ws.index.idx)  # read again, file rewritten
    assert "zygomorphic" in index_vocab.path_of(root).read_text(encoding="utf-8")
    found = select(ws, parse_filter("zygomorphik"))  # a typo of the new word
    assert [a for s in found.stories for a in found.members[s.id]]


def test_a_damaged_words_file_is_read_again(root):
    ws = Workspace.open(root, lazy=True)
    words = index_vocab.words(ws.index.idx)
    index_vocab.path_of(root).write_bytes(b"\xff\xfe garbage")
    assert index_vocab.words(ws.index.idx) == words


def test_a_star_keeps_the_indexed_text_and_a_tag_renews_the_words(root):
    def state():
        ws = Workspace.open(root, lazy=True)
        return index_vocab.stamp(ws.index.idx.db), ws

    before, ws = state()
    words = index_vocab.words(ws.index.idx)
    aid = select(ws, parse_filter("harbour")).article_ids()[0]
    Workspace.open(root, lazy=True).update_triage(aid, starred=True, read=True)
    after_star, ws = state()
    assert after_star == before  # nothing of the text changed: the words file still serves
    assert Workspace.open(root, lazy=True).get(aid).triage.starred
    Workspace.open(root, lazy=True).update_triage(aid, add_tags=["quetzalcoatl"])
    after_tag, ws = state()
    assert after_tag != before
    assert set(index_vocab.words(ws.index.idx)) == set(words) | {"quetzalcoatl"}
    assert select(ws, parse_filter("quetzalcoatl")).article_ids() == [aid]


def test_a_command_looks_at_the_folders_at_every_query_the_app_on_its_poll(root, monkeypatch):
    from tui.core.workspace import index_sync
    from tui.desk import Desk

    ws = Workspace.open(root, lazy=True)
    looks = []
    real = index_sync.ready
    monkeypatch.setattr(index_sync, "ready", lambda w: looks.append(1) or real(w))
    for _ in range(3):
        ws.index.count_stories()
    assert len(looks) == 3  # a command sees a hand edit made a moment ago
    desk = Desk(ws)  # the app's keys query the index: a look holds a few seconds
    looks.clear()
    for _ in range(3):
        ws.index.count_stories()
    assert len(looks) == 1
    ws.index._fresh_until = 0.0  # it ran out: the poll looks again, off the keys' thread
    desk.check_disk()
    ws.index.count_stories()
    assert len(looks) == 2


def test_the_scan_of_every_article_leaves_the_shared_connection_free(root):
    import threading

    ws = Workspace.open(root, lazy=True)
    q = ws.index
    q.recheck = 60.0  # the folders looked at once, here
    q.count_stories()
    done: list[int] = []
    with q.idx.guard:  # the app's thread, in a query: the scan does not wait for it
        scan = threading.Thread(
            target=lambda: done.append(q._scan("SELECT count(*) FROM articles")[0][0])
        )
        scan.start()
        scan.join(10)
        assert done == [q.count_articles()] and done[0] > 0
