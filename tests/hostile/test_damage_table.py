"""The damage table: each file kind of a workspace truncated, overwritten with garbage, given
fields of a wrong type, deleted, replaced by a folder or by a file. For every case `doctor`
names the damaged path, `--repair` leaves a healthy workspace that opens, what it could not use
is in `.trash/`, and nothing it reports kept was lost: an article whose repair line does not
own up to a loss has all its tags, star and note, and every body reads as before."""

from __future__ import annotations

import os
import random
import re
import shutil
import tomllib
from pathlib import Path

import pytest
import tomli_w

from tui.core.model import RawDocument
from tui.core.workspace import Workspace
from tui.core.workspace.doctor import check, healthy, repair
from tui.core.workspace.paths import CORRECTIONS, SETTINGS, article_path, story_path


def _doc(n: int) -> RawDocument:
    rnd = random.Random(n)
    words = " ".join("".join(rnd.choice("bdklmnprstv") + rnd.choice("aeiou") for _ in range(3))
                     for _ in range(40))
    return RawDocument(origin=f"rec:{n}", content=f"{words.capitalize()}.", kind="record",
                       hints={"title": f"Story {n}"})


class Ws:
    """A workspace of three articles: A with tags, a star and a note; B starred; C plain."""

    def __init__(self, root):
        self.root = root
        ws = Workspace.open(root)
        ids = ws.ingest([_doc(i) for i in range(3)]).added
        self.a, self.b, self.c = ids
        ws.update_triage(self.a, add_tags=["keep"], starred=True, note="mine")
        ws.update_triage(self.b, starred=True)
        ws = Workspace.open(root)
        self.sid = ws.get(self.a).story or self.a
        ws.set_story_state(self.sid, archived=True)
        (root / CORRECTIONS).write_text(tomli_w.dumps({"pinned": {}}))
        ws = Workspace.open(root)
        self.triage = {x: ws.get(x).triage for x in ids}
        self.bodies = {x: ws.body(ws.get(x)) for x in ids}
        self.version = {x: ws.get(x).newest for x in ids}

    def rel(self, aid: str) -> str:
        return article_path(self.root, aid).relative_to(self.root).as_posix()


def _garbage(path) -> None:
    path.write_bytes(random.Random(7).randbytes(500))


def _truncate(path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 6 // 10])


def _to_folder(path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()
    path.mkdir()
    (path / "stray.txt").write_text("x")


def _to_file(path) -> None:
    shutil.rmtree(path)
    path.write_text("not a folder")


def _edit(path, change) -> None:
    data = tomllib.loads(path.read_text())
    change(data)
    path.write_text(tomli_w.dumps(data))


def _set(table: str, key: str, value):
    return lambda d: d.setdefault(table, {}).__setitem__(key, value)


def _stored(field: str, damage):
    """The case that damages A's newest stored file (``body_file`` or ``raw_file``)."""

    def case(w: Ws) -> tuple[str]:
        rel = getattr(w.version[w.a], field)
        damage(w.root / rel)
        return (rel,)

    return case


# name -> (damage(w) -> the path doctor must name, what the repair may lose)
CASES = {
    "article truncated": lambda w: (_truncate(article_path(w.root, w.a)), w.rel(w.a)),
    "article garbage": lambda w: (_garbage(article_path(w.root, w.a)), w.rel(w.a)),
    "article emptied": lambda w: (article_path(w.root, w.a).write_text(""), w.rel(w.a)),
    "article deleted": lambda w: (article_path(w.root, w.c).unlink(),
                                  f"raw/{w.c[:2]}/{w.c}"),
    "article replaced by a folder": lambda w: (_to_folder(article_path(w.root, w.a)), w.rel(w.a)),
    "article tags of a wrong type": lambda w: (
        _edit(article_path(w.root, w.a), _set("triage", "tags", "keep")), w.rel(w.a)),
    "article starred of a wrong type": lambda w: (
        _edit(article_path(w.root, w.b), _set("triage", "starred", "yes")), w.rel(w.b)),
    "article meta of a wrong type": lambda w: (
        _edit(article_path(w.root, w.a), _set("meta", "title", ["a", "list"])), w.rel(w.a)),
    "article versions of a wrong type": lambda w: (
        _edit(article_path(w.root, w.a), lambda d: d.__setitem__("versions", 3)), w.rel(w.a)),
    "article shard replaced by a file": lambda w: (
        _to_file(article_path(w.root, w.a).parent), f"articles/{w.a[:2]}"),
    "articles folder replaced by a file": lambda w: (_to_file(w.root / "articles"), "articles"),
    "body truncated": _stored("body_file", _truncate),
    "body garbage": _stored("body_file", _garbage),
    "body deleted": _stored("body_file", Path.unlink),
    "body replaced by a folder": _stored("body_file", _to_folder),
    "raw garbage": _stored("raw_file", _garbage),
    "raw deleted": _stored("raw_file", Path.unlink),
    "raw and body deleted": lambda w: ((w.root / w.version[w.c].raw_file).unlink(),
                                       (w.root / w.version[w.c].body_file).unlink(),
                                       w.version[w.c].body_file),
    "texts folder replaced by a file": lambda w: (_to_file(w.root / "texts"), "texts"),
    "raw shard replaced by a file": lambda w: (
        _to_file((w.root / w.version[w.a].raw_file).parent), f"raw/{w.a[:2]}"),
    "settings truncated": lambda w: ((w.root / SETTINGS).write_text("[workspace\nschema = 1\n"),
                                     SETTINGS),
    "settings garbage": lambda w: (_garbage(w.root / SETTINGS), SETTINGS),
    "settings of a wrong type": lambda w: (
        (w.root / SETTINGS).write_text('[workspace]\nschema = "1"\n'), SETTINGS),
    "settings deleted": lambda w: ((w.root / SETTINGS).unlink(), SETTINGS),
    "settings replaced by a folder": lambda w: (_to_folder(w.root / SETTINGS), SETTINGS),
    "story garbage": lambda w: (_garbage(story_path(w.root, w.sid)), f"stories/{w.sid}.toml"),
    "story of a wrong type": lambda w: (
        story_path(w.root, w.sid).write_text(f'id = "{w.sid}"\narchived = "yes"\n'),
        f"stories/{w.sid}.toml"),
    "story replaced by a folder": lambda w: (_to_folder(story_path(w.root, w.sid)),
                                             f"stories/{w.sid}.toml"),
    "stories folder replaced by a file": lambda w: (_to_file(w.root / "stories"), "stories"),
    "corrections garbage": lambda w: (
        (w.root / CORRECTIONS).write_text("pinned = [[\n"), CORRECTIONS),
    "corrections replaced by a folder": lambda w: (_to_folder(w.root / CORRECTIONS),
                                                   CORRECTIONS),
    "cache replaced by a file": lambda w: (_to_file(w.root / ".cache"), ".cache"),
    "trash replaced by a file, and an article garbage": lambda w: (
        (w.root / ".trash").write_text("in the way"), _garbage(article_path(w.root, w.b)),
        ".trash"),
    "article shard replaced by a symbolic link": lambda w: (
        (w.root / "articles" / "zz").symlink_to(w.root / "articles"), "articles/zz"),
}
_KEPT = re.compile(r"kept: ([a-z, ]+)")


@pytest.mark.parametrize("case", sorted(CASES))
def test_damage_is_named_and_repaired_honestly(tmp_path, case):
    w = Ws(tmp_path / "ws")
    named = CASES[case](w)[-1]
    found = check(w.root, tmp_age=0)
    assert any(p.path.startswith(named) or named in p.message for p in found), (named, found)
    done = repair(w.root, found)
    if not done:  # nothing to repair: then it was named as a harmless note, nothing lost to read
        assert healthy(found) and all(p.fix is None for p in found), found
        assert case in ("raw deleted", "article shard replaced by a symbolic link"), case
    after = check(w.root, tmp_age=0)
    assert healthy(after), (done, after)
    ws = Workspace.open(w.root)
    assert ws.problems == [], ws.problems
    assert [x for x in after if x.fix] == [], after  # nothing left that repair could do
    present = {a.id: a for a in ws.articles()}
    report = "\n".join(done)
    for aid in (w.a, w.b, w.c):
        if aid not in present:  # gone: repair said so, and kept it in .trash/
            assert re.search(r"moved .*" + aid, report), (aid, report)
            assert list((w.root / ".trash").rglob(f"{aid}*")), aid
            continue
        assert ws.body(present[aid]) == w.bodies[aid], aid
        lines = [line for line in done if aid in line]
        triage, old = present[aid].triage, w.triage[aid]
        if not lines:
            assert (triage.tags, triage.starred, triage.note) == (old.tags, old.starred, old.note)
        for line in lines:
            for label in (_KEPT.search(line).group(1).split(", ") if _KEPT.search(line) else []):
                got, want = {"tags": (triage.tags, old.tags), "star": (triage.starred, old.starred),
                             "note": (triage.note, old.note)}.get(label, (None, None))
                assert got == want, (label, line)
    if done and case not in ("article deleted", "settings deleted", "body deleted"):
        assert (w.root / ".trash").is_dir(), report  # what was changed or in the way is kept


def test_wrong_tags_keep_the_note_and_the_star(tmp_path):
    w = Ws(tmp_path / "ws")
    _edit(article_path(w.root, w.a), _set("triage", "tags", "x"))
    found = check(w.root)
    assert [str(p) for p in found if w.a in p.path] == [
        f"{w.rel(w.a)}:{_line(w, 'tags')}: wrong type: triage.tags is a string ('x'), expected "
        "a list of strings"]
    done = repair(w.root, found)
    assert "kept: tags, star, note" in done[0] and "LOST" not in done[0]
    t = Workspace.open(w.root).get(w.a).triage
    assert (t.tags, t.starred, t.note) == (["x"], True, "mine")


def test_starred_yes_is_a_wrong_type_not_healthy(tmp_path):
    w = Ws(tmp_path / "ws")
    _edit(article_path(w.root, w.b), _set("triage", "starred", "yes"))
    found = check(w.root)
    assert not healthy(found)
    assert "triage.starred is a string ('yes'), expected true or false" in str(found[0])


def test_garbage_body_is_noticed_by_its_hash(tmp_path):
    w = Ws(tmp_path / "ws")
    body = w.root / w.version[w.a].body_file
    body.write_text("Plausible text that is not what was cleaned.\n")  # text, not bytes
    found = check(w.root)
    assert any("does not match the hash kept with it" in p.message for p in found), found
    repair(w.root, found)
    assert body.read_text() == w.bodies[w.a]
    assert list((w.root / ".trash").rglob(body.name))[0].read_text().startswith("Plausible")


def test_settings_of_a_wrong_type_say_so(tmp_path):
    from tui.core.workspace import WorkspaceError

    w = Ws(tmp_path / "ws")
    (w.root / SETTINGS).write_text("[workspace]\nschema = [[1]]\n")
    with pytest.raises(WorkspaceError, match="wrong type") as e:
        Workspace.open(w.root)
    assert "newer" not in str(e.value)
    assert "expected a whole number" in str(check(w.root)[0])


def _line(w, key: str) -> int:
    lines = article_path(w.root, w.a).read_text().splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(f"{key} ="))


def test_the_table_has_every_kind_of_damage():
    assert len(CASES) >= 20
    for word in ("truncated", "garbage", "wrong type", "deleted", "replaced by a folder",
                 "replaced by a file"):
        assert sum(word in c for c in CASES) >= 2, word
    assert os.sep == "/"


def print_table() -> None:
    """``python tests/hostile/test_damage_table.py``: the table, as doctor and repair say it."""
    import tempfile

    print("| case | doctor names | --repair says | after |\n| --- | --- | --- | --- |")
    for case in sorted(CASES):
        w = Ws(Path(tempfile.mkdtemp()) / "ws")
        CASES[case](w)
        found = check(w.root, tmp_age=0)
        done = repair(w.root, found)
        names = {w.a: "A", w.b: "B", w.c: "C"}

        def short(s: str, names=names) -> str:
            for aid, letter in names.items():
                s = s.replace(aid, letter)
            return re.sub(r"\.trash/\d{8}T\d{6}Z", ".trash/T", s).replace("|", "/")

        said = "; ".join(short(("note: " if p.severity == "note" else "") + str(p))
                         for p in found if p.severity == "error" or p.fix or "missing" in p.message)
        state = "healthy" if healthy(check(w.root, tmp_age=0)) else "NOT healthy"
        print(f"| {case} | {said} | {'; '.join(short(x) for x in done) or '-'} | {state} |")


if __name__ == "__main__":
    print_table()
