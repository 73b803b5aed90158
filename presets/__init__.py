"""Classic architectures, ready to edit and train."""

from presets.declare import Preset  # noqa: F401
from presets.registry import adopt_legacy_document, all_presets, build_preset, get_preset, has_preset  # noqa: F401
