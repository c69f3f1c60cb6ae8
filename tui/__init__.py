"""Wiredesk: read, group, compare and triage news from the terminal."""

__version__ = "0.1.0"
