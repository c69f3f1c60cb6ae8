"""Rendering a comparison for terminals: line layout shared by the CLI and the view, Rich output."""
