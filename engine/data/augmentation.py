"""Image augmentation settings and the Keras layers they stand for.

The course used ``ImageDataGenerator(rotation_range=45, width_shift_range=.15,
height_shift_range=.15, horizontal_flip=False, zoom_range=0.5)``; Keras 3
does the same with preprocessing layers, which are only active in training.
The layers are built lazily, so these settings can be edited without Keras.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from engine.data.dataset import DataError

FLIP_MODES = ("none", "horizontal", "vertical", "horizontal_and_vertical")


@dataclass
class AugmentationSettings:
    """Random transformations applied to training images each epoch.

    Args:
        flip: ``"none"``, ``"horizontal"``, ``"vertical"`` or
            ``"horizontal_and_vertical"``.
        rotation: largest rotation in degrees either way (course: 45).
        zoom: largest zoom in or out as a fraction (course: 0.5 → ±50 %).
        shift_width, shift_height: largest shift as a fraction of the size.
        seed: seed of the random transformations.
    """

    flip: str = "none"
    rotation: float = 0.0
    zoom: float = 0.0
    shift_width: float = 0.0
    shift_height: float = 0.0
    seed: int | None = None

    @property
    def enabled(self) -> bool:
        return (self.flip != "none" or self.rotation > 0 or self.zoom > 0
                or self.shift_width > 0 or self.shift_height > 0)

    def validate(self) -> None:
        if self.flip not in FLIP_MODES:
            raise DataError(f"Unknown flip mode {self.flip!r}.", hint=f"Use one of: {', '.join(FLIP_MODES)}.")
        if not 0 <= self.rotation <= 180:
            raise DataError(f"Rotation must be between 0 and 180 degrees, not {self.rotation}.")
        for name in ("zoom", "shift_width", "shift_height"):
            v = getattr(self, name)
            if not 0 <= v < 1:
                raise DataError(f"{name.replace('_', ' ').capitalize()} must be a fraction in [0, 1), "
                                f"not {v}.")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict | None) -> "AugmentationSettings":
        d = dict(d or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(d) - known)
        if unknown:
            raise DataError(f"Unknown augmentation setting(s): {', '.join(unknown)}.",
                            hint=f"Known settings: {', '.join(sorted(known))}.")
        out = cls(**d)
        out.validate()
        return out


def build_augmentation(settings: AugmentationSettings | dict | None):
    """A ``keras.Sequential`` of random layers, or ``None`` when nothing is on.

    Example:
        >>> aug = build_augmentation({"flip": "horizontal", "rotation": 45})
        >>> [type(layer).__name__ for layer in aug.layers]
        ['RandomFlip', 'RandomRotation']
    """
    if settings is None:
        return None
    if isinstance(settings, dict):
        settings = AugmentationSettings.from_dict(settings)
    settings.validate()
    if not settings.enabled:
        return None
    import keras

    s, seed = settings, settings.seed
    layers = []
    if s.flip != "none":
        layers.append(keras.layers.RandomFlip(s.flip, seed=seed))
    if s.rotation > 0:
        layers.append(keras.layers.RandomRotation(s.rotation / 360.0, fill_mode="nearest", seed=seed))
    if s.zoom > 0:
        layers.append(keras.layers.RandomZoom((-s.zoom, s.zoom), fill_mode="nearest", seed=seed))
    if s.shift_width > 0 or s.shift_height > 0:
        layers.append(keras.layers.RandomTranslation(s.shift_height, s.shift_width,
                                                     fill_mode="nearest", seed=seed))
    return keras.Sequential(layers, name="augmentation")
