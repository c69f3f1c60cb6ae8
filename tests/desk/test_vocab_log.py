"""The typo search's words kept up from the log of written articles (no Textual): after an
ingest the words are the walk's words without a walk; after a text is replaced they hold the
walk's words (and maybe some no text holds, which find nothing); a file of another index or an
index without the log is walked; ``doctor --rescan`` gives an older index the log."""

from __future__ import annotations

from tests.desk.synthetic import workspace_fixtures
from tui.core.model import RawDocument
from tui.core.query import parse_filter
from tui.core.workspace import Workspace, index_vocab, reindex
from tui.desk.select import select

root_template, root = workspace_fixtures(40, "root")


def walked(idx) -> list[str]:
    idx.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, search, row)")
    return [t for (t,) in idx.db.execute("SELECT term FROM temp.v") if len(t) >= 3]


class Counting:
    """The index's connection, counting walks of its words."""

    in_transaction = False

    def __init__(self, real) -> None:
        self.real, self.walks = real, 0

    def execute(self, sql, *args):
        self.walks += "fts5vocab(main" in sql
        return self.real.execute(sql, *args)


def words_counted(root, monkeypatch) -> tuple[list[str], int, object]:
    idx = Workspace.open(root, lazy=True).index.idx
    counting = Counting(idx.db)
    monkeypatch.setattr(idx, "db", counting)
    found = index_vocab.words(idx)
    monkeypatch.setattr(idx, "db", counting.real)
    return found, counting.walks, idx


def ingest(root, origin: str, text: str, title: str) -> None:
    Workspace.open(root).ingest(
        [RawDocument(origin=origin, kind="record", content=text, hints={"title": title})]
    )


def test_after_an_ingest_the_words_are_the_walks_without_a_walk(root, monkeypatch):
    first, walks, _ = words_counted(root, monkeypatch)
    assert walks == 1  # no file yet
    ingest(root, "new:1", "Quixotically zygomorphic harbour cranes arrived at Gdańsk.", "Cranes")
    found, walks, idx = words_counted(root, monkeypatch)
    assert walks == 0
    assert found == walked(idx)
    assert "zygomorphic" in found and "zygomorphic" not in first
    again, walks, _ = words_counted(root, monkeypatch)
    assert (again, walks) == (found, 0)  # the file serves
    hit = select(Workspace.open(root, lazy=True), parse_filter("zygomorphik"))
    assert hit.article_ids()


def test_a_replaced_text_leaves_only_words_no_text_holds(root, monkeypatch):
    ingest(root, "new:2", "The xylophonist played at the pier for the dockers.", "Pier music")
    words_counted(root, monkeypatch)
    ws = Workspace.open(root, lazy=True)
    aid = select(ws, parse_filter("xylophonist")).article_ids()[0]
    Workspace.open(root, lazy=True).update_triage(aid, add_tags=["quetzalcoatl"])
    found, walks, idx = words_counted(root, monkeypatch)
    assert walks == 0
    assert set(found) >= set(walked(idx))
    assert "quetzalcoatl" in found


def test_a_file_of_another_index_is_walked(root, monkeypatch):
    found, _, idx = words_counted(root, monkeypatch)
    path = index_vocab.path_of(root)
    head, _, rest = path.read_text(encoding="utf-8").partition("\n")
    mark = head[len(index_vocab.HEAD) :].split(" ")[0]
    path.write_text(
        f"{index_vocab.HEAD}{mark} 00ff00ff00ff00ff:0\n{rest}\nzzzstale", encoding="utf-8"
    )
    ingest(root, "new:3", "Ornithologists counted kittiwakes on the breakwater.", "Birds")
    found, walks, idx = words_counted(root, monkeypatch)
    assert walks == 1 and "zzzstale" not in found and found == walked(idx)


def test_too_many_logged_articles_are_walked(root, monkeypatch):
    words_counted(root, monkeypatch)
    monkeypatch.setattr(index_vocab, "MOST_LOGGED", 0)
    ingest(root, "new:4", "Glassblowers demonstrated their craft on the quay.", "Glass")
    found, walks, idx = words_counted(root, monkeypatch)
    assert walks == 1 and found == walked(idx)


def test_an_index_without_the_log_is_walked_until_a_rescan_adds_it(root, monkeypatch):
    idx = Workspace.open(root, lazy=True).index.idx
    with idx.writing() as db:
        for name in ("vocab_log_add", "vocab_log_change"):
            db.execute(f"DROP TRIGGER {name}")
        db.execute("DROP TABLE vocab_log")
        db.execute("DELETE FROM meta WHERE key='vocab_log'")
    words_counted(root, monkeypatch)
    ingest(root, "new:5", "Lamplighters returned to the old town's lanes.", "Lamps")
    found, walks, idx = words_counted(root, monkeypatch)
    assert walks == 1 and "lamplighters" in found  # walked: no log to read
    assert reindex.doctor(root).startswith("rescan:")
    assert index_vocab.log_of(Workspace.open(root, lazy=True).index.idx.db)
    words_counted(root, monkeypatch)
    ingest(root, "new:6", "Beekeepers moved hives onto the harbour roofs.", "Bees")
    found, walks, idx = words_counted(root, monkeypatch)
    assert walks == 0 and "beekeepers" in found and found == walked(idx)


def test_a_rebuilt_index_logs_later_writes_but_not_its_own_rows(root, monkeypatch):
    assert reindex.doctor(root, reindex=True).startswith("index rebuilt")
    db = Workspace.open(root, lazy=True).index.idx.db
    triggers = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert {"vocab_log_add", "vocab_log_change"} <= triggers
    assert db.execute("SELECT count(*) FROM vocab_log").fetchone()[0] == 0
    words_counted(root, monkeypatch)
    ingest(root, "new:7", "Cartographers redrew the estuary's sandbanks.", "Maps")
    found, walks, idx = words_counted(root, monkeypatch)
    assert walks == 0 and "cartographers" in found and found == walked(idx)
