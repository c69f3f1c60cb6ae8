"""Free words found inside other words at once: trigram indexes of the folded short fields.

A free word is looked for by the index in two ways (``index_sql.to_sql``): as a word or a
word's beginning (the full-text index ``search``), and as a substring of the folded short
fields (title and note, ``short_f``; outlet, author and tags, ``long_f``) and of the story's
folded title. The second was a scan of every article and every story: 0.5 s of CPU at
1,000,000 articles, before the first result of a word no early story holds.

Two FTS5 tables with the trigram tokenizer answer it from an index: ``grams`` over each
article's ``short_f`` and ``long_f`` (row id: the article's ``rid``), ``story_grams`` over
each story's ``title_f`` (row id: the story's number in ``story_keys``). A phrase of three
characters or more matches exactly the texts that hold it (checked against ``instr`` in
``tests/core/test_workspace_search_grams.py``). Triggers keep them in step with every write of
``articles`` and ``stories``, so no writer has to know about them. The tokenizer reads a text
only up to a NUL: the rows whose texts hold one are listed (``grams_nul``, ``story_nul``) and
compared by ``instr``; a word holding a NUL is looked for by the scan.

An index made before these tables has none: the scan answers there, as before, until the
index is rebuilt (``wiredesk doctor --reindex``) or :func:`add` is run on it (about 25 s of
CPU at 1,000,000 articles, read from the index itself).
"""

from __future__ import annotations

SCHEMA = """
CREATE VIRTUAL TABLE grams USING fts5(short_f, long_f, content='',
    tokenize='trigram case_sensitive 1');
CREATE TABLE grams_nul(rid INTEGER PRIMARY KEY);
CREATE TABLE story_keys(n INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL);
CREATE VIRTUAL TABLE story_grams USING fts5(title_f, content='',
    tokenize='trigram case_sensitive 1');
CREATE TABLE story_nul(id TEXT PRIMARY KEY);
CREATE TRIGGER grams_add AFTER INSERT ON articles BEGIN
    INSERT INTO grams(rowid, short_f, long_f) VALUES(new.rid, new.short_f, new.long_f);
    INSERT INTO grams_nul SELECT new.rid WHERE {new_article_nul};
END;
CREATE TRIGGER grams_drop AFTER DELETE ON articles BEGIN
    INSERT INTO grams(grams, rowid, short_f, long_f)
        VALUES('delete', old.rid, old.short_f, old.long_f);
    DELETE FROM grams_nul WHERE rid = old.rid;
END;
CREATE TRIGGER grams_change AFTER UPDATE OF short_f, long_f ON articles
    WHEN old.short_f IS NOT new.short_f OR old.long_f IS NOT new.long_f BEGIN
    INSERT INTO grams(grams, rowid, short_f, long_f)
        VALUES('delete', old.rid, old.short_f, old.long_f);
    INSERT INTO grams(rowid, short_f, long_f) VALUES(new.rid, new.short_f, new.long_f);
    DELETE FROM grams_nul WHERE rid = old.rid;
    INSERT INTO grams_nul SELECT new.rid WHERE {new_article_nul};
END;
CREATE TRIGGER story_grams_add AFTER INSERT ON stories BEGIN
    INSERT OR IGNORE INTO story_keys(id) VALUES(new.id);
    INSERT INTO story_grams(rowid, title_f) SELECT n, new.title_f FROM story_keys
        WHERE id = new.id;
    INSERT OR IGNORE INTO story_nul SELECT new.id WHERE {new_story_nul};
END;
CREATE TRIGGER story_grams_drop AFTER DELETE ON stories BEGIN
    INSERT INTO story_grams(story_grams, rowid, title_f)
        SELECT 'delete', n, old.title_f FROM story_keys WHERE id = old.id;
    DELETE FROM story_keys WHERE id = old.id;
    DELETE FROM story_nul WHERE id = old.id;
END;
CREATE TRIGGER story_grams_change AFTER UPDATE OF id, title_f ON stories BEGIN
    INSERT INTO story_grams(story_grams, rowid, title_f)
        SELECT 'delete', n, old.title_f FROM story_keys WHERE id = old.id;
    DELETE FROM story_keys WHERE id = old.id;
    DELETE FROM story_nul WHERE id = old.id;
    INSERT OR IGNORE INTO story_keys(id) VALUES(new.id);
    INSERT INTO story_grams(rowid, title_f) SELECT n, new.title_f FROM story_keys
        WHERE id = new.id;
    INSERT OR IGNORE INTO story_nul SELECT new.id WHERE {new_story_nul};
END;
"""
# The tokenizer reads a text up to a NUL (and SQL's replace() cannot change one): the rows
# whose texts hold one are listed, and looked for by instr.
_ARTICLE_NUL = "instr({0}short_f, char(0)) > 0 OR instr({0}long_f, char(0)) > 0"
_STORY_NUL = "instr({0}title_f, char(0)) > 0"
SCHEMA = SCHEMA.format(new_article_nul=_ARTICLE_NUL.format("new."),
                       new_story_nul=_STORY_NUL.format("new."))
MIN_LEN = 3  # the trigram tokenizer finds nothing shorter


def has(db) -> bool:
    """Whether this index holds the trigram tables (one made before them does not)."""
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = 'story_grams'").fetchone() \
        is not None


def add(db) -> None:
    """Give an index made before them the trigram tables, filled from its own rows (in the
    caller's write transaction, under the workspace's writer lock)."""
    if has(db):
        return
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                              "name LIKE '%grams%'").fetchall():
        db.execute(f"DROP TRIGGER {name}")  # left by a half-removed table
    for stmt in _statements(SCHEMA):
        db.execute(stmt)
    db.execute("INSERT INTO grams(rowid, short_f, long_f) SELECT rid, short_f, long_f "
               "FROM articles")
    db.execute(f"INSERT INTO grams_nul SELECT rid FROM articles WHERE "
               f"{_ARTICLE_NUL.format('')}")
    db.execute("INSERT INTO story_keys(id) SELECT id FROM stories")
    db.execute("INSERT INTO story_grams(rowid, title_f) SELECT k.n, s.title_f "
               "FROM story_keys k JOIN stories s ON s.id = k.id")
    db.execute(f"INSERT INTO story_nul SELECT id FROM stories WHERE {_STORY_NUL.format('')}")


def usable(term: str) -> bool:
    """Whether the trigram tables find ``term`` exactly as ``instr`` does."""
    return len(term) >= MIN_LEN and "\x00" not in term


def phrase(term: str) -> str:
    """The FTS5 query of the texts that hold ``term`` (a folded free word or phrase)."""
    return '"' + term.replace('"', '""') + '"'


def _statements(script: str) -> list[str]:
    """The statements of :data:`SCHEMA` (a trigger's body holds semicolons)."""
    out, part = [], ""
    for line in script.strip().splitlines(keepends=True):
        part += line
        if line.rstrip().endswith(";") and (not part.lstrip().startswith("CREATE TRIGGER")
                                           or line.strip() == "END;"):
            out.append(part.strip())
            part = ""
    return out


def term_rids(db, term: str, typo: str, cap: int) -> set[int] | None:
    """The row ids of the articles ``index_sql.to_sql`` keeps for one free word (``typo``:
    its typo query, or ""): the folded short fields or the story's title hold it, or the
    full-text index finds it. None when some part of them holds more than ``cap`` (the
    caller reads the list in order then, where such a word is found early)."""
    from tui.core.workspace.index_sql import fts_query

    found = holding(db, term, cap)
    if found is None:
        return None
    for q in (fts_query(term, quoted=True), typo):
        if q:
            rids = db.execute(f"SELECT rowid FROM search WHERE search MATCH ? LIMIT {cap + 1}",
                              (q,)).fetchall()
            if len(rids) > cap:
                return None
            found.update(r for (r,) in rids)
    sids = stories_holding(db, term, cap)
    if sids is None:
        return None
    if sids:
        ids = json_list(sids)
        rids = db.execute(
            f"SELECT rid FROM articles WHERE story IN (SELECT value FROM json_each(?)) UNION "
            f"SELECT rid FROM articles WHERE story IS NULL AND id IN (SELECT value FROM "
            f"json_each(?)) LIMIT {cap + 1}", (ids, ids)).fetchall()
        if len(rids) > cap:
            return None
        found.update(r for (r,) in rids)
    return found if len(found) <= cap else None


def holding(db, term: str, cap: int) -> set[int] | None:
    """The row ids of the articles whose ``short_f`` or ``long_f`` holds ``term``, as
    ``instr`` finds them; None when more than ``cap``."""
    rids = db.execute(f"SELECT rowid FROM grams WHERE grams MATCH ? LIMIT {cap + 1}",
                      (phrase(term),)).fetchall()
    rids += db.execute("SELECT a.rid FROM articles a WHERE a.rid IN (SELECT rid FROM grams_nul) "
                       "AND (instr(a.short_f, ?1) > 0 OR instr(a.long_f, ?1) > 0)",
                       (term,)).fetchall()  # (each query by its index: not a UNION's plan)
    found = {r for (r,) in rids}
    return None if len(found) > cap else found


def stories_holding(db, term: str, cap: int) -> list[str] | None:
    """The ids of the stories whose ``title_f`` holds ``term``; None when more than ``cap``."""
    sids = db.execute(f"SELECT k.id FROM story_grams g JOIN story_keys k ON k.n = g.rowid "
                      f"WHERE story_grams MATCH ? LIMIT {cap + 1}", (phrase(term),)).fetchall()
    sids += db.execute("SELECT s.id FROM stories s WHERE s.id IN (SELECT id FROM story_nul) "
                       "AND instr(s.title_f, ?) > 0", (term,)).fetchall()
    found = sorted({s for (s,) in sids})
    return None if len(found) > cap else found


def json_list(items) -> str:
    import json

    return json.dumps(list(items))
