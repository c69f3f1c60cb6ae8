"""Errors the command line reports as one line on standard error, with exit status 1."""


class UserError(Exception):
    """A mistake or a condition the user can fix: unknown id, unreadable file, locked workspace."""
