"""Screens of the Wiredesk app (the main screen, dialogs, help)."""
