"""Preprocessing as the course teaches it, as plain functions and settings.

Scaling (/255, standardize, min-max with an inverse for regression plots),
sparse or one-hot labels, reshaping and resizing to the model's input, a
channel axis, a train/validation split, and windowing of series. Every step
is a function of numpy arrays; `PreprocessSettings` chains them and is the
JSON-able record that lives in the document's ``data`` section.

Keras is imported lazily, only for resizing images.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

import numpy as np

from engine.data.dataset import CLASSIFICATION, REGRESSION, SEQUENCE, DataError, Dataset

SCALE_KINDS = ("none", "divide255", "standardize", "minmax")


# ----------------------------------------------------------------------------- scaling
@dataclass
class Scaler:
    """A fitted scaling of the features (or targets), with its inverse.

    ``kind`` is one of ``"none"``, ``"divide255"``, ``"standardize"`` (per
    feature, over all but the last axis for images and series it is one value
    per channel) or ``"minmax"`` (to ``feature_range``, like scikit-learn's
    ``MinMaxScaler`` used in the course's stock example).

    Example:
        >>> s = Scaler("minmax").fit(np.array([[10.0], [20.0], [30.0]]))
        >>> s.transform(np.array([[20.0]])).tolist()
        [[0.5]]
        >>> s.inverse(np.array([[1.0]])).tolist()
        [[30.0]]
    """

    kind: str = "none"
    feature_range: tuple = (0.0, 1.0)
    offset: Any = None  # subtracted first (mean or min)
    scale: Any = None   # then divided by (std or (max - min) / range)

    def __post_init__(self) -> None:
        if self.kind not in SCALE_KINDS:
            raise DataError(f"Unknown scaling {self.kind!r}.",
                            hint=f"Use one of: {', '.join(SCALE_KINDS)}.")
        self.feature_range = tuple(float(v) for v in self.feature_range)

    @property
    def fitted(self) -> bool:
        return self.kind in ("none", "divide255") or self.offset is not None

    def fit(self, x: np.ndarray) -> "Scaler":
        x = np.asarray(x, dtype="float64")
        if self.kind == "standardize":
            axes = _stat_axes(x)
            self.offset = x.mean(axis=axes)
            std = x.std(axis=axes)
            self.scale = np.where(std > 0, std, 1.0)
        elif self.kind == "minmax":
            axes = _stat_axes(x)
            lo, hi = x.min(axis=axes), x.max(axis=axes)
            lo_r, hi_r = self.feature_range
            span = np.where(hi > lo, hi - lo, 1.0)
            self.scale = span / (hi_r - lo_r)
            self.offset = lo - lo_r * self.scale
        return self

    def transform(self, x: np.ndarray) -> np.ndarray:
        if self.kind == "none":
            return np.asarray(x)
        if self.kind == "divide255":
            return (np.asarray(x, dtype="float32") / 255.0).astype("float32")
        if not self.fitted:
            raise DataError(f"The {self.kind} scaler was used before it was fitted.")
        return ((np.asarray(x, dtype="float64") - self.offset) / self.scale).astype("float32")

    def inverse(self, x: np.ndarray) -> np.ndarray:
        """Back to original units (for predicted-vs-actual plots)."""
        if self.kind == "none":
            return np.asarray(x)
        if self.kind == "divide255":
            return np.asarray(x, dtype="float64") * 255.0
        if not self.fitted:
            raise DataError(f"The {self.kind} scaler was used before it was fitted.")
        return np.asarray(x, dtype="float64") * self.scale + self.offset

    def to_dict(self) -> dict:
        def plain(v):
            return None if v is None else np.asarray(v, dtype="float64").tolist()
        return {"kind": self.kind, "feature_range": list(self.feature_range),
                "offset": plain(self.offset), "scale": plain(self.scale)}

    @classmethod
    def from_dict(cls, d: dict) -> "Scaler":
        def arr(v):
            return None if v is None else np.asarray(v, dtype="float64")
        return cls(kind=d.get("kind", "none"),
                   feature_range=tuple(d.get("feature_range", (0.0, 1.0))),
                   offset=arr(d.get("offset")), scale=arr(d.get("scale")))


def _stat_axes(x: np.ndarray) -> tuple:
    """Statistics per feature for tables, per channel for images and series."""
    if x.ndim <= 2:
        return (0,)
    return tuple(range(x.ndim - 1))


# ----------------------------------------------------------------------------- labels
def to_one_hot(y: np.ndarray, num_classes: int | None = None) -> np.ndarray:
    """Class ids (any shape ending in 1 or nothing) → one-hot float32 rows.

    Example:
        >>> to_one_hot(np.array([0, 2]), 3).tolist()
        [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
    """
    ids = np.asarray(y).reshape(len(y)).astype("int64")
    k = int(num_classes) if num_classes else int(ids.max()) + 1
    if ids.size and (ids.min() < 0 or ids.max() >= k):
        raise DataError(f"Labels run from {ids.min()} to {ids.max()} but there are {k} classes.",
                        hint="Check the number of classes or the target column.")
    out = np.zeros((len(ids), k), dtype="float32")
    out[np.arange(len(ids)), ids] = 1.0
    return out


def to_sparse(y: np.ndarray) -> np.ndarray:
    """One-hot rows (or ids) → int64 class ids of shape (N,)."""
    y = np.asarray(y)
    if y.ndim >= 2 and y.shape[-1] > 1:
        return np.argmax(y, axis=-1).astype("int64")
    return y.reshape(len(y)).astype("int64")


# ----------------------------------------------------------------------------- shapes
def add_channel_axis(x: np.ndarray) -> np.ndarray:
    """(N, H, W) → (N, H, W, 1); (N, T) → (N, T, 1)."""
    return np.asarray(x)[..., np.newaxis]


def set_channels(x: np.ndarray, channels: int) -> np.ndarray:
    """Give images ``channels`` channels: add the axis for grey images,
    repeat grey to 3 channels, or average colour to 1 channel.

    Example:
        >>> set_channels(np.zeros((2, 8, 8)), 3).shape
        (2, 8, 8, 3)
    """
    x = np.asarray(x)
    if channels not in (1, 3):
        raise DataError(f"Channels must be 1 or 3, not {channels}.")
    if x.ndim == 3:
        x = x[..., np.newaxis]
    if x.ndim != 4:
        raise DataError(f"Channels apply to images (N, H, W[, C]); these arrays are {x.shape[1:]}.")
    have = x.shape[-1]
    if have == channels:
        return x
    if have == 1 and channels == 3:
        return np.repeat(x, 3, axis=-1)
    if channels == 1:
        return x.mean(axis=-1, keepdims=True).astype(x.dtype if x.dtype.kind == "f" else "float32")
    raise DataError(f"Cannot turn {have}-channel images into {channels} channels.")


def resize_images(x: np.ndarray, size: tuple[int, int],
                  interpolation: str = "bilinear") -> np.ndarray:
    """Resize (N, H, W[, C]) images to ``size`` = (height, width).

    Uses ``keras.ops.image.resize`` (imported lazily); the rank of the input
    is kept, so grey images without a channel axis stay without one.
    """
    x = np.asarray(x)
    size = (int(size[0]), int(size[1]))
    if x.ndim not in (3, 4):
        raise DataError(f"Resize applies to images (N, H, W[, C]); these arrays are {x.shape[1:]}.",
                        hint="Use reshape for tables and series.")
    if tuple(x.shape[1:3]) == size:
        return x
    import keras

    squeeze = x.ndim == 3
    xin = x[..., np.newaxis] if squeeze else x
    out = keras.ops.convert_to_numpy(
        keras.ops.image.resize(xin.astype("float32"), size, interpolation=interpolation,
                               data_format="channels_last"))
    if x.dtype == np.uint8:
        out = np.clip(np.round(out), 0, 255).astype("uint8")
    else:
        out = out.astype("float32")
    return out[..., 0] if squeeze else out


def reshape_samples(x: np.ndarray, shape: tuple) -> np.ndarray:
    """Reshape every sample to ``shape`` (one entry may be -1)."""
    x = np.asarray(x)
    try:
        return x.reshape((len(x),) + tuple(int(d) for d in shape))
    except ValueError:
        raise DataError(
            f"Cannot reshape samples of shape {tuple(x.shape[1:])} "
            f"({int(np.prod(x.shape[1:]))} values) to {tuple(shape)}.",
            hint="The new shape must hold the same number of values.") from None


# ----------------------------------------------------------------------------- splits, windows
def train_val_split(x: np.ndarray, y: np.ndarray, fraction: float, seed: int = 0,
                    shuffle: bool = True):
    """Hold out the last ``fraction`` of the (shuffled) samples for validation.

    Returns ``(x_train, y_train, x_val, y_val)``. Shuffling is seeded, so the
    same settings give the same split.
    """
    if not 0.0 < fraction < 1.0:
        raise DataError(f"The validation fraction must be between 0 and 1, not {fraction}.")
    n = len(x)
    n_val = int(round(n * fraction))
    if n_val < 1 or n_val >= n:
        raise DataError(f"A validation fraction of {fraction} leaves no samples on one side "
                        f"of {n}.", hint="Use a fraction that keeps at least one sample in each set.")
    order = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)
    tr, va = order[: n - n_val], order[n - n_val:]
    return x[tr], y[tr], x[va], y[va]


def make_windows(series: np.ndarray, window: int, horizon: int = 1):
    """Cut a series into (window → value ``horizon`` steps later) pairs.

    A (T,) or (T, F) series gives x of shape (T - window - horizon + 1,
    window, F) and y of shape (N, F): the course's 60-day windows.

    Example:
        >>> x, y = make_windows(np.arange(10.0), 3)
        >>> x.shape, y.shape, x[0, :, 0].tolist(), y[0].tolist()
        ((7, 3, 1), (7, 1), [0.0, 1.0, 2.0], [3.0])
    """
    s = np.asarray(series, dtype="float32")
    if s.ndim == 1:
        s = s[:, np.newaxis]
    window, horizon = int(window), int(horizon)
    n = len(s) - window - horizon + 1
    if window < 1 or horizon < 1 or n < 1:
        raise DataError(f"A series of {len(s)} steps is too short for windows of {window} "
                        f"predicting {horizon} step(s) ahead.",
                        hint="Use a shorter window or a longer series.")
    idx = np.arange(window)[np.newaxis, :] + np.arange(n)[:, np.newaxis]
    return s[idx], s[np.arange(n) + window + horizon - 1]


# ----------------------------------------------------------------------------- settings
@dataclass
class PreprocessSettings:
    """What to do to a loaded dataset before training; JSON-able.

    Args:
        scale: ``"none"``, ``"divide255"``, ``"standardize"`` or ``"minmax"``
            for the inputs (fitted on the training set only).
        scale_target: for regression, ``"none"``, ``"standardize"`` or
            ``"minmax"`` for the targets; the fitted scaler is kept on the
            dataset so plots can show original units.
        labels: ``"keep"``, ``"sparse"`` or ``"onehot"``.
        resize: ``[height, width]`` for images, or ``None``.
        channels: ``1`` or ``3`` to set the image channel count, or ``None``.
        add_channel: add a trailing axis of size 1 (grey images, series).
        flatten: reshape every sample to a vector (for Dense-only models).
        reshape: a per-sample shape, or ``None``.
        validation_split: hold out this fraction when the dataset has no
            validation set (``0`` keeps everything for training).
        replace_validation: split even when a validation set exists
            (the existing one is dropped).
        seed: the split's random seed.
    """

    scale: str = "none"
    scale_target: str = "none"
    labels: str = "keep"
    resize: list | None = None
    channels: int | None = None
    add_channel: bool = False
    flatten: bool = False
    reshape: list | None = None
    validation_split: float = 0.0
    replace_validation: bool = False
    seed: int = 0

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict | None) -> "PreprocessSettings":
        d = dict(d or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(d) - known)
        if unknown:
            raise DataError(f"Unknown preprocessing setting(s): {', '.join(unknown)}.",
                            hint=f"Known settings: {', '.join(sorted(known))}.")
        return cls(**d)


def apply_preprocessing(ds: Dataset, settings: PreprocessSettings | dict | None) -> Dataset:
    """Return a new dataset with ``settings`` applied (``ds`` is untouched).

    The order is: split, resize, channels, add_channel, reshape/flatten,
    scale (fitted on the training inputs), target scaling, labels.

    Example:
        >>> from engine.data import load_dataset
        >>> ds = load_dataset("digits", validation_split=0)
        >>> out = apply_preprocessing(ds, {"resize": [28, 28], "channels": 1,
        ...                                "validation_split": 0.2})
        >>> out.input_shape, out.num_val
        ((28, 28, 1), 359)
    """
    if settings is None:
        return ds
    if isinstance(settings, dict):
        settings = PreprocessSettings.from_dict(settings)
    s = settings
    x_tr, y_tr, x_va, y_va = ds.x_train, ds.y_train, ds.x_val, ds.y_val
    meta = dict(ds.meta)

    if s.validation_split and (x_va is None or s.replace_validation):
        x_tr, y_tr, x_va, y_va = train_val_split(x_tr, y_tr, float(s.validation_split), s.seed)

    def both(fn):
        nonlocal x_tr, x_va
        x_tr = fn(x_tr)
        if x_va is not None:
            x_va = fn(x_va)

    if s.resize:
        both(lambda a: resize_images(a, tuple(s.resize)))
    if s.channels:
        both(lambda a: set_channels(a, int(s.channels)))
    if s.add_channel:
        both(add_channel_axis)
    if s.reshape:
        both(lambda a: reshape_samples(a, tuple(s.reshape)))
    if s.flatten:
        both(lambda a: np.asarray(a).reshape(len(a), -1))

    if s.scale != "none":
        scaler = Scaler(s.scale)
        if s.scale in ("standardize", "minmax"):
            scaler.fit(x_tr)
        both(scaler.transform)
        meta["input_scaler"] = scaler.to_dict()

    target_scaler = ds.target_scaler
    if s.scale_target != "none":
        if ds.task == CLASSIFICATION or ds.task == SEQUENCE:
            raise DataError(f"Target scaling applies to regression; {ds.name} is a {ds.task} task.",
                            hint="Set scale_target to none.")
        if target_scaler is not None:
            # Undo an earlier scaling first so the new one refers to original units.
            y_tr = target_scaler.inverse(y_tr)
            y_va = target_scaler.inverse(y_va) if y_va is not None else None
        target_scaler = Scaler(s.scale_target).fit(_as_2d(y_tr))
        y_tr = target_scaler.transform(_as_2d(y_tr)).reshape(np.shape(y_tr))
        if y_va is not None:
            y_va = target_scaler.transform(_as_2d(y_va)).reshape(np.shape(y_va))

    if s.labels not in ("keep", "sparse", "onehot"):
        raise DataError(f"Unknown label mode {s.labels!r}.", hint="Use keep, sparse or onehot.")
    if s.labels != "keep":
        if ds.task == REGRESSION:
            raise DataError(f"{ds.name} is a regression task; its targets are not class labels.",
                            hint="Set labels to keep.")
        k = ds.num_classes
        if s.labels == "onehot":
            y_tr = to_one_hot(to_sparse(y_tr), k)
            y_va = to_one_hot(to_sparse(y_va), k) if y_va is not None else None
        else:
            y_tr = to_sparse(y_tr)
            y_va = to_sparse(y_va) if y_va is not None else None

    meta["preprocess"] = s.to_dict()
    return Dataset(ds.name, ds.description, ds.task, x_tr, y_tr, x_va, y_va,
                   class_names=ds.class_names, target_scaler=target_scaler, meta=meta)


def _as_2d(y: np.ndarray) -> np.ndarray:
    y = np.asarray(y)
    return y.reshape(len(y), -1)


__all__ = [
    "SCALE_KINDS", "Scaler", "to_one_hot", "to_sparse", "add_channel_axis", "set_channels",
    "resize_images", "reshape_samples", "train_val_split", "make_windows",
    "PreprocessSettings", "apply_preprocessing",
]

