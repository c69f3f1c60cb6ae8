"""Search and filter dialogs: one line in the search syntax of ``tui.core.query``.

``/`` searches (free words, fuzzy, over titles, bodies, tags and notes) inside the active
filter; ``f`` edits the whole filter and lists the saved filters to pick from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.suggester import SuggestionReady
from textual.widgets import Input, Label, OptionList
from textual.widgets.input import Selection

from tui.core.query import QueryError, parse
from tui.core.textutil import safe_line
from tui.keys import binding
from tui.screens.dialog_base import Dialog
from tui.widgets.fields import LineInput
from tui.widgets.suggest import QuerySuggester

SYNTAX = (
    "tag:japan  +starred  unread  source:reuters  lang:ar  after:2022-10-01  "
    'before:2022-10-31  archived  free words "a phrase"'
)
# One search model, said the same way in both dialogs.
MODEL = (
    "One filter is in force at a time. / adds words to it (narrows what is shown); "
    "f edits the whole filter (replaces it); F clears it. Words are looked for in "
    'titles, outlets, tags, notes and texts, and forgive typos ("Japn Canda").'
)


WORD = re.compile(r'"[^"]*"|\S+')  # a search's words: a "quoted phrase" is one


def words_of(text: str) -> list[re.Match[str]]:
    """The words of a search as the field shows them (their places, to select some)."""
    return list(WORD.finditer(text))


def failed_hint(words: Sequence[str], found: Sequence[bool], selected: bool) -> str:
    """What a failed search's hint says: which words matched nothing, that the others find
    stories without them, and what to do ("Nothing matched zzqx; bridge alone finds stories:
    typing replaces zzqx (selected).")."""
    gone = _and([w for w, f in zip(words, found) if not f])
    kept = [w for w, f in zip(words, found) if f]
    it = "it" if len(words) - len(kept) == 1 else "them"
    finds = f"{kept[0]} alone finds" if len(kept) == 1 else f"{_and(kept)} each find"
    do = f"typing replaces {it} (selected)" if selected else f"delete {it} to search {_and(kept)}"
    return f"Nothing matched {gone}; {finds} stories without {it}: {do}."


def _and(words: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c": words named (a comma or a full stop typed after one: not
    part of it)."""
    named = [w if w.startswith('"') else w.rstrip(",;.") or w for w in words]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


# The field's placeholder, longest first: the longest that fits is shown.
FILTER_HINTS = (
    "tag:x  +starred  unread  source:x  lang:x  after:2022-10  (→ completes)",
    "tag:x +starred unread source:x ...  (→ completes)",
    "tag:x +starred ...  (→ completes)",
    "tag:x +starred ...",
)


class QueryDialog(Dialog[str | None]):
    """Returns the query text (validated), or None when cancelled."""

    BINDINGS = [
        binding("dialog.cancel", "cancel", "Cancel"),
        binding("dialog.complete", "complete", "Complete", show=False),
        binding("dialog.next", "next", "Next saved filter", show=False),
        binding("dialog.previous", "previous", "Previous saved filter", show=False),
    ]

    def __init__(
        self,
        title: str,
        value: str = "",
        saved: list[tuple[str, str]] = (),
        *,
        free_text: bool = False,
        words: Mapping[str, Sequence[str]] | None = None,
        failed: bool = False,
    ) -> None:
        """``words``: what the filter completes (tags, outlets, languages that exist; see
        :func:`tui.widgets.suggest.vocabulary`). ``failed``: ``value`` found nothing; it is
        shown selected, for the next word typed to replace it (→ or End keeps it)."""
        super().__init__()
        self.failed = failed
        self.title_text, self.value = title, value
        self.saved, self.free_text = list(saved), free_text
        self.words = words if words is not None else {}  # (maybe filled later)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="query-dialog"):
            yield Label(self.title_text, classes="dialog--title")
            yield LineInput(
                self.value,
                id="query-input",
                fitted=("words to find",) if self.free_text else FILTER_HINTS,
                suggester=None if self.free_text else QuerySuggester(self.words),
            )
            yield Label("", id="query-error", classes="dialog--warning")
            if self.failed:
                yield Label(
                    "Nothing matched these words: typing replaces them (→ or End keeps "
                    "them, to edit).",
                    id="query-failed",
                    classes="dialog--hint",
                )
            yield Label(MODEL, classes="dialog--hint")
            if self.free_text:
                yield Label(
                    "Enter searches; an empty search shows the whole filter again. Esc cancels.",
                    classes="dialog--hint",
                )
            else:
                yield Label(
                    SYNTAX + "  (→ completes tags, outlets, languages)", classes="dialog--hint"
                )
            if self.saved:
                yield Label("Saved filters (↓ to choose):", classes="dialog--hint")
                yield OptionList(
                    *[
                        Text.assemble((safe_line(n), "bold"), "  ", safe_line(q))
                        for n, q in self.saved
                    ],
                    id="saved-filters",
                )

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.focus()
        field.cursor_position = len(field.value)
        if self.failed:
            field.select_all()
        self.query_one("#query-error").display = False

    class WordsFound(Message):
        """Which words of a failed search find something alone (looked up in a worker)."""

        def __init__(self, text: str, found: Sequence[bool]) -> None:
            super().__init__()
            self.text, self.found = text, list(found)

    @on(WordsFound)
    def words_found(self, event: WordsFound) -> None:
        """Select only the words that found nothing, and name them: the word that matched
        stays (typing replaced "japan qwerty" whole, though "japan" found stories)."""
        field = self.query_one(Input)
        words = words_of(event.text)
        if field.value != event.text or len(words) != len(event.found) or all(event.found):
            return  # edited meanwhile (or each word finds something: together they do not)
        if field.selection != Selection(0, len(field.value)):
            return  # the user moved in the field meanwhile: the selection is theirs
        failed = [i for i, f in enumerate(event.found) if not f]
        if not any(event.found):  # all failed: all stay selected
            return
        together = failed == list(range(failed[0], failed[-1] + 1))
        if together:  # selected alone
            field.selection = Selection(words[failed[0]].start(), words[failed[-1]].end())
        hint = failed_hint([w.group() for w in words], event.found, together)
        self.query_one("#query-failed", Label).update(Text(hint))

    class WordsReady(Message):
        """The words to complete were read (in a worker, after the dialog opened)."""

    @on(WordsReady)
    async def words_ready(self) -> None:
        """Complete what was typed while the words were read (not only at the next key)."""
        field = self.query_one(Input)
        if field.suggester is not None and field.value:
            suggestion = await field.suggester.get_suggestion(field.value)
            if suggestion:
                field.post_message(SuggestionReady(field.value, suggestion))

    @on(Input.Changed)
    def check(self, event: Input.Changed) -> None:
        error = self.query_one("#query-error", Label)
        try:
            if not self.free_text:
                parse(event.value)
            error.display = False
        except QueryError as e:
            error.update(Text(str(e)))
            error.display = True

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        if self.free_text:
            self.dismiss(event.value.strip())
            return
        try:
            parse(event.value)
        except QueryError:
            return  # the error is on show; Enter does nothing until it is fixed
        self.dismiss(event.value.strip())

    @on(OptionList.OptionSelected)
    def chose(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.saved[event.option_index][1])

    def action_next(self) -> None:
        if self.saved:
            self.query_one(OptionList).focus()

    def action_previous(self) -> None:
        self.query_one(LineInput).refocus()

    def action_complete(self) -> None:
        """Tab completes in the field (as → does), and never leaves it for nowhere."""
        field = self.query_one(LineInput)
        if field.has_focus:
            field.complete()
        else:
            field.refocus()

    def action_cancel(self) -> None:
        self.dismiss(None)
