"""The preset gallery: classic architectures as builder functions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from engine.errors import NeuroCanvasError


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
        net = self.builder(**overrides)
        net.set_name(self.id)
        return net


_PRESETS: dict[str, Preset] = {}


def preset(**meta):
    """Decorator: register a builder function as a preset."""
    def wrap(fn):
        p = Preset(builder=fn, **meta)
        if p.id in _PRESETS:
            raise ValueError(f"preset {p.id} declared twice")
        _PRESETS[p.id] = p
        return fn
    return wrap


def _load():
    import presets.gallery  # noqa: F401  (registers on import)


def all_presets() -> list[Preset]:
    _load()
    return list(_PRESETS.values())


def has_preset(preset_id: str) -> bool:
    _load()
    return preset_id in _PRESETS


def get_preset(preset_id: str) -> Preset:
    _load()
    try:
        return _PRESETS[preset_id]
    except KeyError:
        raise NeuroCanvasError(f"There is no preset {preset_id!r}.",
                               "`neurocanvas presets` lists them.") from None


def build_preset(preset_id: str, **overrides):
    return get_preset(preset_id).build(**overrides)
