"""Cleaning and metadata: plain text, Markdown and HTML to a ``Cleaned`` article."""

from __future__ import annotations

from tui.core.clean.api import clean
from tui.core.clean.furniture import FurnitureModel
from tui.core.clean.lang import detect_lang

__all__ = ["clean", "FurnitureModel", "detect_lang"]
