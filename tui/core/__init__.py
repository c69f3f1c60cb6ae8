"""The Wiredesk domain: ingest, cleaning, metadata, grouping, diff, workspace, export.

Nothing under ``tui.core`` imports Textual; ``tests/test_import_hygiene.py`` keeps it so.
"""
