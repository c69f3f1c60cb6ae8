"""Session 34: the merged line of a change (the stacked layout, `l` in the comparison view)
puts no space before a comma or full stop that is a word op of its own ("Joly ," was shown)."""

from __future__ import annotations

from tui.core.diff import compare
from tui.render.layout import layout

A = "Hayashi met his counterpart, Melanie Joly, in Tokyo on Tuesday."
B = "Hayashi met his Canadian colleague, Melanie Jolie, after talks in Tokyo (Japan) on Tuesday."


def test_no_space_before_a_closing_mark_in_the_merged_line():
    c = compare(A, B)
    assert any(op.a == "," for op in c.changes[0].ops)  # the comma is an op of its own
    lines = layout(c, 100, inline=True).lines
    text = " ".join("".join(t for t, _ in ln.left.spans) for ln in lines)
    assert " ," not in text and "colleague, Melanie" in text and "Jolie, after" in text
    # every word of both sides is still there, in order
    words = text.replace(",", " ").split()
    for w in ("counterpart", "Canadian", "colleague", "Joly", "Jolie", "after", "(Japan)"):
        assert w in words


def _merged(a: str, b: str) -> str:
    c = compare(a, b)
    assert c.changes and c.changes[0].kind == "change"
    lines = layout(c, 200, inline=True).lines
    return " / ".join("".join(t for t, _ in ln.left.spans) for ln in lines)


def test_french_spacing_before_marks_is_kept_where_the_source_has_it():
    # A first version dropped the space before any closing mark: "déclaré: «", "demain!",
    # "reparti;" were shown, which neither version says.
    a = "Le ministre a dit : « Nous allons signer ! » Puis il est parti ; la presse attendait."
    b = (
        "Le ministre a déclaré : « Nous allons signer demain ! » Puis il est reparti ; la "
        "presse attendait."
    )
    text = _merged(a, b)
    assert "dit déclaré : « Nous" in text and "signer demain !" in text, text
    assert "parti reparti ; la presse" in text, text
    assert "déclaré:" not in text and "demain!" not in text and "reparti;" not in text


def test_the_merged_line_spaces_each_side_as_its_sentence_does():
    text = _merged("The talks ended, officials said.", "A round of talks ended; officials said.")
    assert text.startswith("The A round of talks ended"), text  # replaced at the start: spaced
    assert "ended,; officials" in text, text  # both marks unspaced, as in both sentences
