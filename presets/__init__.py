"""Classic architectures, ready to edit and train."""

from presets.registry import Preset, all_presets, build_preset, get_preset, has_preset  # noqa: F401
