"""A small workspace (fewer articles in a language than its frequencies need to tell common
words) joins two texts only on evidence a reader would accept: shared names or numbers, a
headline word, a sentence of the same wording. General vocabulary is no such evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.test_group_seeds import seed_docs
from tui.core.group import GroupDoc, Grouper
from tui.core.group.general import general_words
from tui.core.group.scoring import thin_share, unsupported
from tui.core.stopwords import stopwords_for

# Two documentation pages on unrelated subjects that share many general words ("used",
# "system", "should", "default", "example", "However", "Many") and nothing else: as the
# Debian page on users and groups and libffi's "The Basics" did (similarity 0.21, one story).
USERS = GroupDoc(
    id="users", lang="en", title="Accounts and groups on the system",
    body="Every account on the system should belong to a primary group. The default settings "
         "are used when an account is made, and these should be changed with care. However, "
         "some programs must run under an account of their own: this is the general rule, and "
         "the historical note below explains why. Using the tools shown in the example, make "
         "sure that the full list of accounts is equivalent on every machine. Many of these "
         "settings are kept in plain files, and it is well worth reading them before making "
         "any change to the system.")
CALLS = GroupDoc(
    id="calls", lang="en", title="Calling compiled functions from a script",
    body="The interface is used to call code that was compiled for the system from a script. "
         "The default convention should work for most calls, and these must be described "
         "before the call is made. However, a full description is not always needed: in "
         "general, using the example below will make the calling code equivalent to what a "
         "compiler would make. Many historical conventions are still well supported, and the "
         "note at the end lists the ones that should be avoided on a new system.")
PAGER = GroupDoc(
    id="pager", lang="en", title="Splitting the terminal into panes",
    body="Each window may be split into panes, and the default layout is used until another "
         "is chosen. However, a pane should be resized with care: these commands must be "
         "given in the general form shown in the example, and a full list of the equivalent "
         "key bindings is in the note below. Many older terminals are still well supported, "
         "and using the mouse will make most of them work as expected.")
# Short generic items (a hand-written feed item, a JSON Lines record, a small text file):
# sentence-opening words ("Read", "More") look like names, and nothing else is shared.
SHORT = [
    GroupDoc(id="rss", lang="en", title="New version available",
             body="A new version is available now. Read more about the changes on the page."),
    GroupDoc(id="jsonl", lang="en", title="Weekly update",
             body="This week we made some changes. More about them on the page soon."),
    GroupDoc(id="note", lang="en", title="",
             body="Some changes to the page are coming. Read more about it soon."),
]


def _placed(docs: list[GroupDoc], one_by_one: bool) -> Grouper:
    g = Grouper()
    if one_by_one:
        for d in docs:
            g.add(d)
    else:
        g.add_many(docs)
    return g


@pytest.mark.parametrize("one_by_one", [False, True])
def test_unrelated_documents_in_a_small_workspace_stay_apart(one_by_one: bool):
    g = _placed([USERS, CALLS, PAGER], one_by_one)
    assert len({g.story_of(d) for d in ("users", "calls", "pager")}) == 3
    docs = g.book.docs
    assert unsupported(docs["users"], docs["calls"], g.words)
    assert thin_share(docs["users"], docs["calls"], g.words, g.params) == 0.0


@pytest.mark.parametrize("one_by_one", [False, True])
def test_short_generic_items_in_a_small_workspace_stay_apart(one_by_one: bool):
    g = _placed(SHORT, one_by_one)
    assert len({g.story_of(d.id) for d in SHORT}) == 3


def test_explain_says_why_a_close_document_was_not_joined():
    g = _placed([USERS, CALLS], False)
    text = "\n".join(g.explain("calls"))
    assert "started this story" in text
    assert "not joined with users" in text and "general vocabulary" in text


def test_shared_names_or_a_headline_word_are_evidence():
    named = GroupDoc(id="named", lang="en", title="Okonkwo opens the Lagos office",
                     body=USERS.body + " Okonkwo said so in Lagos.")
    also = GroupDoc(id="also", lang="en", title="A new office",
                    body=CALLS.body + " Okonkwo will visit Lagos next week.")
    g = _placed([named, also, PAGER], False)
    docs = g.book.docs
    assert not unsupported(docs["named"], docs["also"], g.words)  # two names
    assert unsupported(docs["named"], docs["pager"], g.words)  # "However", "Many" only
    heads = _placed([GroupDoc(id="a", lang="en", title="Harbour bridge closed", body="x y"),
                     GroupDoc(id="b", lang="en", title="The bridge is closed", body="z w")],
                    False)
    # a word of both headlines (not general vocabulary)
    assert not unsupported(heads.book.docs["a"], heads.book.docs["b"], heads.words)


def test_general_vocabulary_does_not_depend_on_the_workspace():
    words = general_words("en")
    assert {"should", "these", "used", "many", "the"} <= words
    assert "okonkwo" not in words and "libffi" not in words
    assert general_words("xx") == stopwords_for("xx")  # no list for the language: no error


def test_the_rule_ends_once_the_language_group_can_tell_common_words():
    filler = [GroupDoc(id=f"f{i}", lang="en", title=f"Item {i}",
                       body=f"Subject number {i} of a long list, told in its own words.")
              for i in range(20)]
    g = _placed([USERS, CALLS, *filler], False)
    docs = g.book.docs
    assert not unsupported(docs["users"], docs["calls"], g.words)


@pytest.mark.shared
@pytest.mark.parametrize("one_by_one", [False, True])
def test_a_real_same_event_pair_alone_in_a_workspace_still_joins(
    seeds_dir: Path, one_by_one: bool
):
    docs = {d.origin[5:8]: d for d in seed_docs(seeds_dir, derive_titles=False)}
    for pair in (("000", "003"), ("001", "002")):
        g = _placed([docs[pair[0]], docs[pair[1]]], one_by_one)
        a, b = (docs[k].id for k in pair)
        assert g.story_of(a) == g.story_of(b), pair


def test_texts_in_a_script_without_capitals_are_left_to_their_frequencies():
    """Arabic, Hindi, Hebrew... have no case to tell a name: two halves of one Arabic story
    naming the same people (no capitals, no shared headline word, no shared sentence) are not
    held apart by the small-workspace rule, as CJK texts are not."""
    a = GroupDoc(id="ar1", lang="ar", title="ترامب يلتقي كيم في سنغافورة",
                 body="قال الرئيس ترامب إن اللقاء مع كيم جونغ أون كان مثمرا وإن كوريا الشمالية "
                      "ستتخلى عن برنامجها النووي.")
    b = GroupDoc(id="ar2", lang="ar", title="قمة تاريخية بين واشنطن وبيونغ يانغ",
                 body="وصف المراقبون لقاء ترامب وكيم بأنه خطوة أولى نحو السلام في شبه الجزيرة "
                      "الكورية بعد سنوات من التوتر.")
    g = _placed([a, b], one_by_one=False)
    docs = g.book.docs
    assert not unsupported(docs["ar1"], docs["ar2"], g.words)
