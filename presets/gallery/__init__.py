"""Preset declarations, one module per family."""

from presets.gallery import course  # noqa: F401
