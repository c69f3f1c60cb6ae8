"""Widgets of the Wiredesk app."""
