"""Cleaning and metadata: plain text, Markdown and HTML to a ``Cleaned`` article."""

from __future__ import annotations

from .api import clean
from .furniture import FurnitureModel
from .lang import detect_lang

__all__ = ["clean", "FurnitureModel", "detect_lang"]
