"""The five seed articles (four English reports and an Arabic translation) form one story."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from tui.core.group import GroupDoc, Grouper


def seed_docs(seeds_dir: Path, derive_titles: bool) -> list[GroupDoc]:
    expected = tomllib.loads((seeds_dir / "expected.toml").read_text(encoding="utf-8"))
    docs = []
    for name in expected["stories"]["same_story"]:
        meta = expected["articles"][name]
        body = (seeds_dir / "gold" / f"{name}.txt").read_text(encoding="utf-8")
        first = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0]
        title = meta.get("title") or (first if derive_titles else "")
        date = str(meta["date"]) if "date" in meta else None
        docs.append(GroupDoc(id=name.split("_")[1][:12], title=title, body=body,
                             lang=meta.get("lang"), date=date, source=meta.get("source"),
                             origin=f"file:{name}"))
    return docs


@pytest.mark.shared
@pytest.mark.parametrize("derive_titles", [False, True])
def test_seeds_form_one_story(seeds_dir: Path, derive_titles: bool):
    docs = seed_docs(seeds_dir, derive_titles)
    batch = Grouper()
    batch.add_many(docs)
    assert len(batch.stories()) == 1
    single = Grouper()
    for d in docs:
        single.add(d)
    assert len(single.stories()) == 1
    arabic = docs[-1].id
    assert batch.placement(arabic).evidence
    assert "cross-language" in " ".join(batch.explain(arabic))
