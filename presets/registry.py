"""The preset gallery: look presets up by id and build them.

The gallery modules declare their presets with :func:`presets.declare.preset`;
they are imported here on first use (so that importing :mod:`presets` stays cheap).
"""

from __future__ import annotations

from engine.fileformat import DATA_SECTION, PRESET_SECTION
from engine.errors import NeuroCanvasError
from presets.declare import DECLARED, Preset


def _load():
    import presets.gallery  # noqa: F401  (registers on import)


def all_presets() -> list[Preset]:
    _load()
    return list(DECLARED.values())


def has_preset(preset_id: str) -> bool:
    _load()
    return preset_id in DECLARED


def get_preset(preset_id: str) -> Preset:
    _load()
    try:
        return DECLARED[preset_id]
    except KeyError:
        raise NeuroCanvasError(f"There is no preset {preset_id!r}.",
                               "`neurocanvas presets` lists them.") from None


def build_preset(preset_id: str, **overrides):
    return get_preset(preset_id).build(**overrides)


def adopt_legacy_document(net) -> None:
    """Give a document saved before documents recorded their preset (no ``"preset"``
    and no ``"data"`` section, named like a preset) the preset's section, so it
    trains on the preset's dataset as it did then."""
    if PRESET_SECTION in net.extra or DATA_SECTION in net.extra or not has_preset(net.name):
        return
    net.extra[PRESET_SECTION] = get_preset(net.name).section()
