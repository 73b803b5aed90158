"""NumPy images to Qt pixmaps and pyqtgraph image items shown top row first."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage, QPixmap


def to_pixmap(rgb: np.ndarray) -> QPixmap:
    """An RGB ``uint8`` array ``(h, w, 3)`` as a pixmap."""
    rgb = np.ascontiguousarray(rgb, dtype="uint8")
    h, w = rgb.shape[:2]
    image = QImage(rgb.data, w, h, 3 * w, QImage.Format_RGB888)
    return QPixmap.fromImage(image.copy())


def image_view(title: str = ""):
    """``(GraphicsLayoutWidget, ImageItem)``: an image shown with row 0 on top,
    square pixels, no axes."""
    import pyqtgraph as pg

    widget = pg.GraphicsLayoutWidget()
    box = widget.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
    if title:
        widget.ci.layout.setContentsMargins(2, 2, 2, 2)
    item = pg.ImageItem(axisOrder="row-major")
    box.addItem(item)
    widget.box = box
    return widget, item


def heat_rgb(values: np.ndarray) -> np.ndarray:
    """A 2-D array as an RGB heat map (its range mapped to the colour scale)."""
    from engine.explain.attribution import colormap

    v = np.asarray(values, dtype="float64")
    lo, hi = float(np.min(v)), float(np.max(v))
    norm = (v - lo) / (hi - lo) if hi > lo else np.zeros_like(v)
    return (colormap(norm) * 255 + 0.5).astype("uint8")


def sample_rgb(sample: np.ndarray, size: int = 96) -> np.ndarray:
    """One input sample as an RGB image for a preview."""
    from engine.explain.attribution import display_shape, overlay

    return overlay(sample, np.zeros(display_shape(sample)), size=size, alpha=0.0)
