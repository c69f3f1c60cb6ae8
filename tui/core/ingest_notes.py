"""What ingest says of documents it took in whole but whose body will not hold everything
they carry: a Wiredesk export's own keys in Markdown front matter, and documents too long to
clean whole. Each is a warning of the ingest report, by file (never a silent loss)."""

from __future__ import annotations

from tui.core.model import RawDocument

Warnings = list[tuple[str, str]]  # (source, what was left)

CUT_CHECK = 3_000_000  # characters: no shorter document is cut by cleaning (clean.api.cut_note)


def name_export_keys(text: str, name: str, warnings: Warnings) -> None:
    """A Wiredesk export's front matter (``export --split``) holds the article's id, origin,
    story, tags and flags: none is applied to the file taken in (a new article), each named."""
    from tui.core.clean.markdown import export_keys

    if keys := export_keys(text):
        shown = "; ".join(keys)  # (whole: the report is the only place they are kept)
        warnings.append(
            (
                name,
                f"Wiredesk export keys not applied: {shown} (taken in as "
                "an article of its own: its story, tags and flags are not copied)",
            )
        )


def name_cuts(docs: list[RawDocument], warnings: Warnings) -> None:
    """Documents too long to clean whole, named with what their bodies leave out."""
    for doc in docs:
        if len(doc.content) <= CUT_CHECK:
            continue  # (nearly every document: the cleaner is not loaded for it)
        from tui.core.clean.api import cut_note

        if note := cut_note(doc):
            where = doc.hints.get("where") if isinstance(doc.hints, dict) else None
            warnings.append((str(where or doc.origin), note))
