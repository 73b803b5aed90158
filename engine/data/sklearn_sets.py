"""The small classic tables and images that ship with scikit-learn.

They work offline. Each loader shuffles with a seed and, by default, holds out
a fifth of the samples for validation, as the course does for iris (seed 116,
first 120 samples for training, last 30 for testing).
"""

from __future__ import annotations

import numpy as np

from engine.data.dataset import CLASSIFICATION, REGRESSION, Dataset
from engine.data.preprocessing import resize_images, set_channels


def course_split(x: np.ndarray, y: np.ndarray, fraction: float, seed: int):
    """Shuffle x and y with ``np.random.seed(seed)`` semantics and cut off the
    last ``fraction`` for validation, exactly like the course's iris code.

    Returns ``(x_train, y_train, x_val, y_val)``; the validation pair is
    ``None`` when ``fraction`` is 0.
    """
    x, y = np.array(x), np.array(y)
    np.random.RandomState(seed).shuffle(x)
    np.random.RandomState(seed).shuffle(y)
    n_val = int(round(len(x) * float(fraction)))
    if n_val <= 0:
        return x, y, None, None
    return x[:-n_val], y[:-n_val], x[-n_val:], y[-n_val:]


def _table(name, description, task, bunch, class_names, validation_split, seed):
    x = bunch.data.astype("float32")
    y = bunch.target.astype("int64" if task == CLASSIFICATION else "float32")
    x_tr, y_tr, x_va, y_va = course_split(x, y, validation_split, seed)
    return Dataset(name, description, task, x_tr, y_tr, x_va, y_va,
                   class_names=class_names,
                   meta={"source": "scikit-learn", "features": list(getattr(bunch, "feature_names", []))})


def load_iris(validation_split: float = 0.2, seed: int = 116) -> Dataset:
    from sklearn import datasets

    b = datasets.load_iris()
    return _table("iris", "150 iris flowers, 4 measurements (cm), 3 species.",
                  CLASSIFICATION, b, list(b.target_names), validation_split, seed)


def load_wine(validation_split: float = 0.2, seed: int = 0) -> Dataset:
    from sklearn import datasets

    b = datasets.load_wine()
    return _table("wine", "178 wines, 13 chemical measurements, 3 cultivars. "
                  "Features differ in scale: standardize them.",
                  CLASSIFICATION, b, list(b.target_names), validation_split, seed)


def load_breast_cancer(validation_split: float = 0.2, seed: int = 0) -> Dataset:
    from sklearn import datasets

    b = datasets.load_breast_cancer()
    return _table("breast_cancer", "569 tumours, 30 cell-nucleus features, malignant or benign. "
                  "Features differ in scale: standardize them.",
                  CLASSIFICATION, b, list(b.target_names), validation_split, seed)


def load_diabetes(validation_split: float = 0.2, seed: int = 0) -> Dataset:
    from sklearn import datasets

    b = datasets.load_diabetes()
    return _table("diabetes", "442 patients, 10 standardized measurements, disease progression "
                  "after one year (regression, 25–346).",
                  REGRESSION, b, None, validation_split, seed)


def load_digits(size: int = 8, channels: int | None = None,
                validation_split: float = 0.2, seed: int = 0) -> Dataset:
    """8×8 grey hand-written digits (values scaled to [0, 1]).

    Args:
        size: side of the images; 28 or 32 resizes them (bilinear) for
            networks made for MNIST or CIFAR inputs.
        channels: ``None`` keeps (N, H, W); ``1`` adds a channel axis;
            ``3`` repeats the grey channel.
    """
    from sklearn import datasets

    b = datasets.load_digits()
    x = (b.images / 16.0).astype("float32")
    if int(size) != 8:
        x = resize_images(x, (int(size), int(size)))
    if channels:
        x = set_channels(x, int(channels))
    x_tr, y_tr, x_va, y_va = course_split(x, b.target.astype("int64"), validation_split, seed)
    return Dataset("digits", f"1,797 hand-written digits, 8×8 grey images scaled to [0, 1]"
                   f"{'' if int(size) == 8 else f', resized to {size}×{size}'}.",
                   CLASSIFICATION, x_tr, y_tr, x_va, y_va,
                   class_names=[str(i) for i in range(10)],
                   meta={"source": "scikit-learn", "size": int(size), "channels": channels})
