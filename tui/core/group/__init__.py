"""Incremental story grouping, corrections and explanations (see docs/ARCHITECTURE.md)."""

from .corrections import Corrections
from .face import representative_title, story_face
from .grouper import Grouper
from .model import GroupDoc, Params, Placement

__all__ = [
    "Corrections",
    "GroupDoc",
    "Grouper",
    "Params",
    "Placement",
    "representative_title",
    "story_face",
]
