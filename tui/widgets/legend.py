"""What every mark of the list means, and what the settings do: shown by ``?`` (the help
screen) and copied into the README, from this one place."""

from __future__ import annotations

from tui.widgets.keylabels import keys_label
from tui.widgets.rows import KIND_MARK, YIELD_ORDER

# (mark as drawn, meaning)
MARKS: tuple[tuple[str, str], ...] = (
    ("N", "unread (on a story: it has unread articles)"),
    ("*", "starred (on a story: it has starred articles)"),
    ("+", "marked with m: the next action applies to every marked article"),
    ("✎", "the article has a note (n edits it)"),
    ("[a,b]", "the article's tags; #2 when only their count fits"),
    ("(2/5)", "on a story: 2 unread of its 5 articles"),
    (" ", "(no mark) coverage: the outlet's own report of the story"),
    (KIND_MARK["copy"], "copy: nearly the same text as another article of the story"),
    (KIND_MARK["version"], "version: a later text of the same page (d compares versions)"),
    ("├ └", "the articles of the story under the cursor"),
    ("?", "in the language column: the language is not known"),
    ("a.txt", "in the outlet column, in italics: no outlet known, so where the article came "
              "from (a file, a record FILE:LINE, an address)"),
    ("/ =", "a saved filter (= when it is the one applied)"),
    ("▶", "the pane with the focus (its top line is heavy and in the accent colour)"),
)

YIELDING = {
    "lang": "the language", "year": "the date's year", "outlet_short": "the outlet's tail",
    "date": "the date", "outlet": "the outlet", "tag_names": "tag names (their count stays)",
}
COLUMNS_NOTE = ("On a narrow list, the columns of an article row give way to the title in "
                "this order: " + ", ".join(YIELDING[k] for k in YIELD_ORDER)
                + ". The title never does.")

RTL_HELP: tuple[tuple[str, str], ...] = (
    ("auto", ("right-to-left articles (Arabic, Hebrew, Persian...) are reordered for display "
              "and right-aligned, others left alone (the default); nothing is reordered in a "
              "terminal known to do it itself (mlterm, Konsole; WIREDESK_TERMINAL_BIDI=0/1 "
              "overrides the guess)")),
    ("on", "every article is laid out right to left"),
    ("off", ("nothing is reordered: for terminals that do their own bidi (mlterm, Konsole, "
             "GNOME Terminal with bidi enabled), which would otherwise reverse the text twice")),
)
RTL_NOTE = ("b cycles auto, on, off for this session; rtl_layout in config.toml sets the "
            "start. Letters keep their marks (tanween, shadda, vowel points) when reordered.")

SETTINGS: tuple[tuple[str, str], ...] = (
    ("keymap", "default, vim or emacs; keymap.toml beside config.toml changes single keys"),
    ("sort", "size, newest or unread: how stories start ordered (S cycles; remembered)"),
    ("rtl_layout", "auto, on or off (see above)"),
    ("theme", "a Textual theme name (an unknown one is an error that lists them)"),
    ("palette", "auto, truecolor, 256, 16 or mono; auto reads TERM and NO_COLOR"),
    ("mouse", "false lets the terminal select text (no mouse capture; useful over SSH)"),
    ("mark_read_on_open", "true: opening an article marks it read"),
)


def empty_guide(keys: dict[str, str], query: str, archived: int = 0,
                where: str = "") -> list[tuple[str, str]]:
    """What the list says when it has nothing to show: (key, what it does) lines.
    ``archived``: archived stories the list left out (then it is not "nothing to read");
    ``where``: `` -w DIR`` its shell commands need (none for the default workspace)."""
    def k(bid: str, fallback: str) -> str:
        return keys_label(keys.get(bid, fallback), 1)

    if archived:
        return [("", f"{archived} archived {'story' if archived == 1 else 'stories'} left out"),
                (k("main.filter", "f"), "then archived: show them"),
                (k("main.undo", "u"), "undo the last archive"),
                (k("main.clear_filter", "F"), "clear the filter") if query else
                (k("app.help", "question_mark"), "every key and every mark")]
    if query:
        return [("", "No article matches this filter."),
                (k("main.clear_filter", "F"), "clear the filter"),
                (k("main.filter", "f"), "edit it"),
                (k("main.search", "slash"), "search again (typos are forgiven)")]
    return [("", "Nothing to read yet. To start:"),
            (k("main.ingest", "i"), "ingest a file or a folder (HTML, text, JSON Lines...)"),
            ("wiredesk ingest PATH", "the same from a shell"),
            ("wiredesk feeds add URL", "follow a feed; " + k("main.refresh_feeds", "R")
             + " fetches it"),
            ("wiredesk demo", "try the app on five sample articles"),
            *([("", f"in a shell, add{where} (else they act on the default workspace)")]
              if where else []),
            (k("app.help", "question_mark"), "every key and every mark"),
            (k("main.quit", "q"), "quit")]
