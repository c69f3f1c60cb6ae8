"""The fields of Wiredesk's own files, each with its type rule: the one list of them.

``doctor`` checks the types by it (``doctor/fields.py``), and ``unknown_keys`` derives from
it which keys of a file are a person's own (kept on a save). A field ``records.toml_doc``
writes must be here, or a save would keep its old value as "unknown" after Wiredesk cleared
it (``tests/reliability/test_rel_unknown_keys.py`` ties the two)."""

from __future__ import annotations

from tui.core.model import META_FIELDS

# field -> rule; a rule is a name (``doctor/fields.py``), or a dict of the fields of a table
TRIAGE = {
    "tags": "tags",
    "starred": "bool",
    "read": "bool",
    "note": "text",
    "note_version": "text",
    "note_updated": "when",
}
VERSION = {"hash": "text", "ingested": "when", "raw": "text", "body": "text", "body_hash": "text"}
ARTICLE = {
    "id": "text",
    "origin": "text",
    "kind": "kind",
    "added": "when",
    "story": "text",
    "sameness": "sameness",
    "copy_of": "text",
    "meta": dict.fromkeys(META_FIELDS, "when"),
    "triage": TRIAGE,
    "versions": ("array of tables", VERSION),
}
STORY = {"id": "text", "archived": "bool", "title": "text"}
SETTINGS = {"workspace": {"schema": "integer", "created": "when"}}
