"""A `**` pattern names each file once (it matches the folders and the files in them)."""

from __future__ import annotations

from tui.core.ingest import Collected, collect, expand


def _tree(root):
    (root / "three" / "sub").mkdir(parents=True)
    for name in ("three/a.txt", "three/b.md", "three/sub/c.txt"):
        (root / name).write_text(f"Text of {name}, long enough to be read.\n", encoding="utf-8")
    (root / "three" / "sub" / "d.bin").write_bytes(b"\x00\x01")


def test_double_star_yields_each_file_once(tmp_path, monkeypatch):
    # Before: "three/**" walked three/ and three/sub/ and matched their files as well: each
    # file came two or three times ("5 duplicates" in the CLI).
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    for pattern in ("three/**", str(tmp_path / "three" / "**"), "**"):
        out = Collected()
        got = [p.name for p in expand(pattern, out)]
        assert sorted(got) == ["a.txt", "b.md", "c.txt"], (pattern, got)
        assert not out.failures
        # the file of no kind ingest reads is named once, as for the folder itself
        assert [w for w in out.warnings if "d.bin" in w[1]] == [out.warnings[0]], out.warnings
    got = collect(["three/**"])
    assert len(got.docs) == 3


def test_a_pattern_of_files_alone_is_as_before(tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    out = Collected()
    assert [str(p) for p in expand("three/**/*.txt", out)] == ["three/a.txt", "three/sub/c.txt"]
    # a file named by the pattern is read whatever its kind (as a file named alone)
    assert [str(p) for p in expand("three/sub/*", out)] == ["three/sub/c.txt", "three/sub/d.bin"]
