"""What a preset is, and the decorator the gallery modules declare theirs with.

This module imports nothing of the gallery: :mod:`presets.gallery` imports it to
declare, and :mod:`presets.registry` imports the gallery (once, on first use) to
look presets up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from engine.fileformat import PRESET_SECTION


@dataclass(frozen=True)
class Preset:
    id: str  # lowercase, hyphens
    title: str
    family: str  # MLP, CNN, RNN, attention, ...
    year: int
    source: str  # paper or course
    description: str  # what the architecture introduced, one or two sentences
    input_shape: tuple
    classes: int | None
    builder: Callable  # builder(input_shape=..., classes=...) -> Network, or builder() for fixed ones
    dataset: str | None = None  # a built-in dataset that suits it
    tags: tuple = field(default_factory=tuple)

    def build(self, **overrides):
        """The network, named after the preset; its ``"preset"`` section records the
        preset and the dataset it suggests, so a renamed copy still trains on it."""
        net = self.builder(**overrides)
        net.set_name(self.id)
        net.extra[PRESET_SECTION] = self.section()
        return net

    def section(self) -> dict:
        """The document's ``"preset"`` section: ``{"id": ..., "dataset": ...}``."""
        return {"id": self.id, "dataset": self.dataset}


DECLARED: dict[str, Preset] = {}  # id -> preset, in declaration order


def preset(**meta):
    """Decorator: register a builder function as a preset."""
    def wrap(fn):
        p = Preset(builder=fn, **meta)
        if p.id in DECLARED:
            raise ValueError(f"preset {p.id} declared twice")
        DECLARED[p.id] = p
        return fn
    return wrap
