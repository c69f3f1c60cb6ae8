"""Placeholder."""
class FurnitureModel:
    pass
