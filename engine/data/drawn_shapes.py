"""A procedurally drawn image set: coloured shapes on coloured backgrounds.

A small offline stand-in for CIFAR-10 when trying CNNs: 32×32×3 ``uint8``
images of circles, squares, triangles, diamonds and crosses, each at a random
place and size, in a random colour on a contrasting random background, with
a little pixel noise. Everything is drawn with numpy from one seed.
"""

from __future__ import annotations

import numpy as np

from engine.data.dataset import CLASSIFICATION, DataError, Dataset

SHAPE_NAMES = ("circle", "square", "triangle", "diamond", "cross")


def _masks(kind: str, dx: np.ndarray, dy: np.ndarray, r: np.ndarray) -> np.ndarray:
    ax, ay = np.abs(dx), np.abs(dy)
    if kind == "circle":
        return dx * dx + dy * dy <= r * r
    if kind == "square":
        return np.maximum(ax, ay) <= 0.8 * r
    if kind == "triangle":  # apex up, base below the centre
        return (dy >= -r) & (dy <= 0.7 * r) & (ax <= (dy + r) / 1.7)
    if kind == "diamond":
        return ax + ay <= r
    if kind == "cross":
        arm = r / 3.0
        return ((ax <= arm) & (ay <= r)) | ((ay <= arm) & (ax <= r))
    raise DataError(f"Unknown shape {kind!r}.", hint=f"Use some of: {', '.join(SHAPE_NAMES)}.")


def draw_shapes(n: int, classes=SHAPE_NAMES, size: int = 32, seed: int = 0,
                noise: float = 8.0):
    """Draw ``n`` images; returns ``(x uint8 (n, size, size, 3), y int64 (n,))``.

    Labels are balanced (cycled, then shuffled).
    """
    classes = tuple(classes)
    rng = np.random.default_rng(seed)
    y = rng.permutation(np.arange(n) % len(classes)).astype("int64")
    r = rng.uniform(0.18, 0.36, n) * size
    cx = rng.uniform(r, size - r)
    cy = rng.uniform(r, size - r)
    yy, xx = np.mgrid[0:size, 0:size].astype("float32") + 0.5
    dx = xx[None] - cx[:, None, None]
    dy = yy[None] - cy[:, None, None]
    rr = r[:, None, None]
    mask = np.zeros((n, size, size), dtype=bool)
    for k, kind in enumerate(classes):
        sel = y == k
        if sel.any():
            mask[sel] = _masks(kind, dx[sel], dy[sel], rr[sel])
    bg = rng.uniform(0, 255, (n, 3))
    fg = rng.uniform(0, 255, (n, 3))
    # Push the shape colour away from the background so every shape is visible.
    close = np.linalg.norm(fg - bg, axis=1) < 120
    fg[close] = 255.0 - bg[close]
    img = np.where(mask[..., None], fg[:, None, None, :], bg[:, None, None, :])
    img = img + rng.normal(0.0, noise, img.shape)
    return np.clip(np.round(img), 0, 255).astype("uint8"), y


def load_shapes(n_samples: int = 3000, classes: list | None = None, size: int = 32,
                validation_split: float = 0.2, seed: int = 0) -> Dataset:
    classes = tuple(classes or SHAPE_NAMES)
    if int(n_samples) < 2 * len(classes):
        raise DataError(f"{n_samples} samples is too few for {len(classes)} shape classes.")
    x, y = draw_shapes(int(n_samples), classes, int(size), seed)
    n_val = int(round(len(x) * float(validation_split)))
    x_va = y_va = None
    if n_val > 0:
        x, x_va, y, y_va = x[:-n_val], x[-n_val:], y[:-n_val], y[-n_val:]
    return Dataset("shapes", f"{n_samples} drawn {size}×{size} colour images of "
                   f"{', '.join(classes)} (uint8; scale them /255).",
                   CLASSIFICATION, x, y, x_va, y_va, class_names=list(classes),
                   meta={"source": "generated", "seed": seed})
