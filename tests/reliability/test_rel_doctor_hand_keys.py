"""`wiredesk doctor` on keys written by hand: one line per set of keys, however many files
carry it (a script that annotates every article must not give one line per article)."""

from __future__ import annotations

import json
import tomllib

from tui.core.workspace.paths import article_path


def test_the_same_hand_keys_in_many_files_are_one_line(make_ws, cli):
    root, ids = make_ws(5)
    for aid in ids:
        path = article_path(root, aid)
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("\n[meta]\n", '\n[meta]\nnewfield = "x"\n', 1), encoding="utf-8"
        )
    path = article_path(root, ids[0])
    path.write_text(path.read_text(encoding="utf-8") + "\n[mine]\nx = 1\n", encoding="utf-8")
    r = cli(root, "doctor")
    out = r.stdout.decode()
    assert r.returncode == 0, out
    lines = [ln for ln in out.splitlines() if "does not read" in ln]
    assert len(lines) == 2, out
    many, one = sorted(lines, key=lambda ln: "files (" not in ln)
    assert many.startswith("note: 4 files (articles/") and "and 1 more" in many, many
    assert many.endswith(
        "does not read: meta.newfield (kept as they are when Wiredesk saves the file)"
    )
    assert one.startswith(f"note: articles/{ids[0][:2]}/{ids[0]}.toml: ")
    assert "mine, meta.newfield" in one
    found = json.loads(cli(root, "doctor", "--json").stdout)["problems"]
    assert len([p for p in found if "does not read" in p["message"]]) == 5


def test_hand_keys_of_corrections_toml_are_named_and_kept_by_a_salvage(make_ws):
    from tui.core.group import Corrections
    from tui.core.workspace.doctor import check, repair
    from tui.core.workspace.doctor.checking import CORRECTION_KEYS

    assert tuple(Corrections().to_toml_dict()) == CORRECTION_KEYS
    root, _ = make_ws(1)
    path = root / "corrections.toml"
    path.write_text('mine = "keep"\nmust_link = []\n', encoding="utf-8")
    notes = [p for p in check(root) if "does not read" in p.message]
    assert [(p.path, p.severity) for p in notes] == [("corrections.toml", "note")]
    assert "read: mine (" in notes[0].message
    path.write_text('mine = "keep"\nmust_link = []\nthis is not toml\n', encoding="utf-8")
    repair(root, check(root))
    assert tomllib.loads(path.read_text(encoding="utf-8"))["mine"] == "keep"
