"""The words of the full-text index (for the typo search), kept in a file beside the index.

The typo search compares each typed word with every word the index holds. Reading them from
SQLite (``fts5vocab``) walks the whole full-text index: 0.2-0.8 s at 100,000 articles, at the
start of every ``wiredesk stories --filter WORDS``. The file ``.cache/index-vocab.txt`` keeps
them with a stamp of the index's state: a hash of FTS5's structure record, which every change
of the full-text index rewrites (a new segment, a merge, a delete). A stamp that differs means
the words are read again and the file rewritten; the file is a cache, never the truth, and a
workspace that cannot be written just reads the words each time.

Reading them again walks the whole index: 1.7 s of CPU at 1,000,000 articles, paid by the
first search after every ingest, note or tag. So the index logs the articles whose row was
written (``vocab_log``, filled by triggers on ``articles``, which every writer of ``search``
writes first), and the file keeps the log's position beside the stamp: after a change, only the
texts of the articles logged since are split into words (by an FTS5 table in memory with the
same tokenizer), and their words are added to the file's. The words may then hold some no text
holds any more (a body replaced, an article removed): a typo's close words only widen the
index's query, and a word no text holds finds nothing, so the answers are the same as with a
walk. A log of another index (its ``meta`` key ``vocab_log``, random, is new with every index),
a position the log does not reach, or more than :data:`MOST_LOGGED` articles logged: the walk.

The log is kept short (:func:`trim`, by every writer once it holds :data:`TRIM_AT` rows, and by
``wiredesk doctor``): rows up to the file's position are dropped (the file holds their words),
or all but the newest :data:`MOST_LOGGED` when the file is further behind. The position below
which rows are gone is kept in ``meta`` (``vocab_log_floor``): a file whose position is under it
can no longer be caught up from the log and is walked, so a trim never loses a word.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from pathlib import Path

from tui.core.workspace.paths import CACHE

NAME = "index-vocab.txt"
HEAD = "wiredesk index words "
MIN_LEN = 3  # shorter words are never typo candidates (fuzzy.allowed_edits gives them none)
MOST_LOGGED = 20_000  # articles written since the file: more, and the walk is cheaper
TOKENIZE = "unicode61 remove_diacritics 2"  # ``index.SCHEMA``'s ``search``
TRIM_AT = 2 * MOST_LOGGED  # rows of the log past its floor that make a writer trim it
FLOOR = "vocab_log_floor"  # (``meta``) the log's rows at or under this position are gone

LOG_STATEMENTS = (
    "CREATE TABLE IF NOT EXISTS vocab_log(seq INTEGER PRIMARY KEY AUTOINCREMENT, rid INTEGER)",
    """CREATE TRIGGER IF NOT EXISTS vocab_log_add AFTER INSERT ON articles BEGIN
    INSERT INTO vocab_log(rid) VALUES(new.rid);
END""",
    """CREATE TRIGGER IF NOT EXISTS vocab_log_change AFTER UPDATE ON articles BEGIN
    INSERT INTO vocab_log(rid) VALUES(new.rid);
END""",
    "INSERT OR IGNORE INTO meta VALUES('vocab_log', lower(hex(randomblob(8))))",
)
LOG_SCHEMA = "".join(f"{st};\n" for st in LOG_STATEMENTS)


def path_of(root: Path) -> Path:
    return Path(root) / CACHE / NAME


def stamp(db) -> str:
    """The full-text index's state: a hash of its structure record ("" with none yet)."""
    row = db.execute("SELECT block FROM search_data WHERE id = 10").fetchone()
    return hashlib.blake2b(bytes(row[0]), digest_size=16).hexdigest() if row else ""


def words(idx) -> list[str]:
    """The indexed words of at least :data:`MIN_LEN` characters, from the file when it is of
    this state of the index, else from the index (and the file written again)."""
    path = path_of(idx.root)
    with idx.guard:
        db = idx.db
        own = not db.in_transaction
        if own:
            db.execute("BEGIN")  # one snapshot: the stamp and the words of the same state
        try:
            mark, log = stamp(db), log_of(db)
            kept = _read(path)
            found: list[str] | None
            if kept is not None and kept[0] == mark and mark:
                if kept[1] == log or not log:
                    return kept[2]
                found = kept[2]  # exact for this state: kept with the log's position now
            else:
                found = _since(db, kept, log)
            if found is None:
                db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab "
                           "USING fts5vocab(main, search, 'row')")
                found = [t for (t,) in db.execute("SELECT term FROM temp.vocab")
                         if len(t) >= MIN_LEN]
        finally:
            if own:
                db.execute("COMMIT")
    _write(path, mark, log, found)
    return found


def add_log(db) -> None:
    """Give an index made before the log its log (the caller holds the writer lock)."""
    for st in LOG_STATEMENTS:  # one by one: inside the caller's transaction
        db.execute(st)


def log_writes(db, on: bool = True) -> None:
    """Log the articles written from now on, or not (a new index's rows: its words are read
    whole the first time anyway). Only on an index with the log."""
    if not log_of(db):
        return
    for st in LOG_STATEMENTS[1:3]:
        name = st.split()[5]
        db.execute(st if on else f"DROP TRIGGER IF EXISTS {name}")


def log_of(db) -> str:
    """The log's name and position ("" for an index without one)."""
    try:
        gen = db.execute("SELECT value FROM meta WHERE key='vocab_log'").fetchone()
        seq = db.execute("SELECT seq FROM sqlite_sequence WHERE name='vocab_log'").fetchone()
    except sqlite3.Error:  # no log, or no sqlite_sequence yet
        gen = None
    return f"{gen[0]}:{seq[0] if seq else 0}" if gen else ""


def floor_of(db) -> int:
    """The log's position at or under which its rows were trimmed (0: none were)."""
    try:
        row = db.execute("SELECT value FROM meta WHERE key=?", (FLOOR,)).fetchone()
    except sqlite3.Error:
        return 0
    return int(row[0]) if row and str(row[0]).isdigit() else 0


def trim(db, root: Path, *, force: bool = False) -> int:
    """Drop the log's rows the words file no longer needs, inside the caller's write
    transaction: those up to the file's position, and past :data:`MOST_LOGGED` behind the end
    when the file is further behind (it would be walked anyway) or of another log (all).
    Unless ``force``, only once :data:`TRIM_AT` rows are past the floor. Returns the rows
    dropped."""
    log = log_of(db)
    if not log:
        return 0
    gen, _, end = log.partition(":")
    now, floor = int(end), floor_of(db)
    if now <= floor or (not force and now - floor < TRIM_AT):
        return 0
    fgen, _, at = _position(path_of(root)).partition(":")
    upto = int(at) if fgen == gen and at.isdigit() and floor <= int(at) <= now else now
    if not force:
        upto = max(upto, now - MOST_LOGGED)
    if upto <= floor:
        return 0
    gone = db.execute("DELETE FROM vocab_log WHERE seq <= ?", (upto,)).rowcount
    db.execute("INSERT OR REPLACE INTO meta VALUES(?, ?)", (FLOOR, str(upto)))
    return gone


def _since(db, kept: tuple[str, str, list[str]] | None, log: str) -> list[str] | None:
    """The file's words and the words of the articles logged since it was written, or None
    when the log cannot tell (see the module's note)."""
    if kept is None or not log or not kept[1]:
        return None
    gen, _, at = kept[1].partition(":")
    now_gen, _, now = log.partition(":")
    if gen != now_gen or not at.isdigit() or not floor_of(db) <= int(at) <= int(now):
        return None  # (under the floor: rows the file needs were trimmed)
    rids = [r for (r,) in db.execute(
        "SELECT DISTINCT rid FROM vocab_log WHERE seq > ? LIMIT ?", (int(at), MOST_LOGGED + 1))]
    if len(rids) > MOST_LOGGED:
        return None
    return sorted(set(kept[2]).union(_words_of(db, rids)))


def _words_of(db, rids: list[int]) -> set[str]:
    """The words FTS5 makes of these articles' indexed texts (split by its own tokenizer)."""
    mem = sqlite3.connect(":memory:")
    try:
        mem.execute(f"CREATE VIRTUAL TABLE t USING fts5(title, body, extra, tokenize='{TOKENIZE}')")
        for k in range(0, len(rids), 500):
            part = rids[k:k + 500]
            marks = ",".join("?" * len(part))
            mem.executemany("INSERT INTO t VALUES(?, ?, ?)", db.execute(
                f"SELECT title, body, extra FROM search WHERE rowid IN ({marks})", part
            ).fetchall())
        mem.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
        return {t for (t,) in mem.execute("SELECT term FROM v") if len(t) >= MIN_LEN}
    finally:
        mem.close()


def _position(path: Path) -> str:
    """The file's log position (its first line only; "" for none)."""
    try:
        with path.open(encoding="utf-8") as f:
            head = f.readline().rstrip("\n")
    except (OSError, UnicodeDecodeError):
        return ""
    return head[len(HEAD):].partition(" ")[2] if head.startswith(HEAD) else ""


def _read(path: Path) -> tuple[str, str, list[str]] | None:
    """The file's stamp, log position and words."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    head, _, rest = text.partition("\n")
    if not head.startswith(HEAD):
        return None
    mark, _, log = head[len(HEAD):].partition(" ")
    return mark, log, (rest.split("\n") if rest else [])


def _write(path: Path, mark: str, log: str, found: list[str]) -> None:
    if not mark:
        return
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with contextlib.suppress(OSError):  # a read-only workspace: the words are read each time
        tmp.write_text(HEAD + mark + (f" {log}" if log else "") + "\n" + "\n".join(found),
                       encoding="utf-8")
        os.replace(tmp, path)
    with contextlib.suppress(OSError):
        tmp.unlink()
