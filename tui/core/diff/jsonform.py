"""The JSON form of a comparison (``wiredesk diff --json``) and the patch it describes."""

from __future__ import annotations

from .model import Change, Comparison


def to_json(c: Comparison) -> dict:
    """Sentences of both sides, the aligned rows (sentence indices) and the changes.

    ``{"similarity": 0..1, "overlap": 0..1 | null, "method": "words" | "anchors",
    "sentences": {"left": [{"text", "paragraph"}...], "right": [...]},
    "rows": [{"kind", "left", "right", "change"}...],
    "changes": [{"kind", "left", "right", "left_text"?, "right_text"?,
    "words"?: [{"op": "equal" | "delete" | "insert" | "replace", "left", "right"}...]}...]}``.
    ``similarity`` is the share of words found in aligned sentences (versions of one text score
    high, two outlets' reports of one event near 0); ``overlap`` is the weighted Jaccard index
    of content words wherever they stand (null across two languages).
    Row kinds: same, change, replace, delete, insert, move, aligned (two languages); a row's
    ``left``/``right`` is a sentence index or null (a gap); ``change`` indexes ``changes``.
    A moved sentence is one change of kind move, shown by two rows.
    """
    return {
        "similarity": round(c.similarity, 4),
        "overlap": None if c.overlap is None else round(c.overlap, 4),
        "method": c.method,
        "sentences": {
            "left": [{"text": s.text, "paragraph": s.para} for s in c.a],
            "right": [{"text": s.text, "paragraph": s.para} for s in c.b],
        },
        "rows": [
            {"kind": r.kind, "left": r.left, "right": r.right, "change": r.change} for r in c.rows
        ],
        "changes": [_change(c, ch) for ch in c.changes],
    }


def _change(c: Comparison, ch: Change) -> dict:
    out: dict = {"kind": ch.kind, "left": ch.left, "right": ch.right}
    if ch.left is not None:
        out["left_text"] = c.a[ch.left].text
    if ch.right is not None:
        out["right_text"] = c.b[ch.right].text
    if ch.ops:
        out["words"] = [{"op": op.tag, "left": op.a, "right": op.b} for op in ch.ops]
    return out


def _produced(c: Comparison, ch: Change) -> str:
    if ch.ops:
        return " ".join(t for op in ch.ops for t in [op.a if op.tag == "equal" else op.b] if t)
    if ch.kind == "move" and ch.left is not None:
        return c.a[ch.left].text
    return c.b[ch.right].text if ch.right is not None else ""


def apply_changes(c: Comparison) -> list[str]:
    """B's sentences rebuilt from A's and the changes alone (equal sentences keep their order).

    Word edits are joined with single spaces, so the result equals B token for token (spacing
    next to punctuation may differ)."""
    removed = {ch.left for ch in c.changes if ch.left is not None}
    produced = {ch.right: _produced(c, ch) for ch in c.changes if ch.right is not None}
    kept = iter([s.text for k, s in enumerate(c.a) if k not in removed])
    n = len(c.a) - len(removed) + len(produced)
    return [produced[j] if j in produced else next(kept) for j in range(n)]
