"""``dedupe_lines(..., fields=True)`` (session 38): records' shared fields stay, and the path
costs one pass over them, not one per kept line (a 30k-line export took 20x the base's time
when the set of fields was rebuilt for every kept line). Counted, not timed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.clean import dedupe

FIELD_LINE = st.tuples(
    st.sampled_from(["Shelf", "Code", "Status", "Difficulty", "Note", "1x"]),
    st.sampled_from([": A", ": B", ": Beginner to Intermediate", ": closed.", " - none", ":"]),
).map("".join)
PROSE_LINE = st.sampled_from(
    [
        "The council voted to close the bridge for repairs this week.",
        "Then the council voted to close the bridge for repairs this week.",
        "Repairs start soon, the mayor said on Monday at the hall.",
        "* Status: A",
        "x",
    ]
)


def _reference(lines: list[str], keep: list[int]) -> list[int]:
    """The fields path as defined: the fields kept, the other lines de-duplicated alone."""
    if len(keep) < 2:
        return keep
    own = dedupe.record_fields(lines, keep)
    if not own:
        return dedupe.dedupe_lines(lines, keep)
    rest = dedupe.dedupe_lines(lines, [i for i in keep if i not in own])
    return sorted({*rest, *own})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FIELD_LINE, PROSE_LINE), min_size=1, max_size=14), st.data())
def test_fields_path_equals_its_definition(body: list[str], data) -> None:
    keep = sorted(data.draw(st.sets(st.sampled_from(list(range(len(body)))))))
    assert dedupe.dedupe_lines(body, keep, fields=True) == _reference(body, keep)


class _Counted(list):
    """The fields found, counting each pass over them."""

    passes = 0

    def __iter__(self):
        _Counted.passes += 1
        return super().__iter__()


def test_fields_are_gathered_once_not_per_kept_line(monkeypatch) -> None:
    real = dedupe.record_fields
    monkeypatch.setattr(dedupe, "record_fields", lambda *a: _Counted(real(*a)))
    body = []
    for n in range(2000):  # an export: a name and three fields per record, the fields shared
        body += [
            f"Item number {n} of the catalogue",
            f"Shelf: {n % 7}",
            f"Code: {n}",
            "Status: open",
        ]
    keep = list(range(len(body)))
    _Counted.passes = 0
    got = dedupe.dedupe_lines(body, keep, fields=True)
    assert got == keep  # (every record keeps its fields, shared or not)
    assert _Counted.passes <= 2, _Counted.passes  # (one per kept line: 8000)
