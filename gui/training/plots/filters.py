"""Filters: the kernels of a convolution layer as small images (in colour
when the layer sees a 3-channel input), refreshed from ``filters`` events."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout,
)

from gui.training.plots import common

MAX_FILTERS = 256


def kernel_tiles(kernel: np.ndarray, in_channel: int | None = None) -> tuple[np.ndarray, bool]:
    """``(tiles, rgb)``: one tile per output channel, normalised each on its own.

    ``kernel`` is as Keras stores it: ``(kh, kw, cin, cout)`` for 2-D,
    ``(k, cin, cout)`` for 1-D, ``(kd, kh, kw, cin, cout)`` for 3-D (middle
    slice). With ``cin == 3`` and no ``in_channel`` the tiles are RGB.
    """
    k = np.asarray(kernel, dtype="float32")
    while k.ndim > 4:
        k = k[k.shape[0] // 2]
    if k.ndim == 3:  # (k, cin, cout) -> (1, k, cin, cout)
        k = k[None]
    if k.ndim == 2:  # dense (in, out): each output's weights as a row
        k = k[None, :, None, :]
    if k.ndim != 4:
        return np.zeros((0, 1, 1), dtype="float32"), False
    cout = min(k.shape[3], MAX_FILTERS)
    if k.shape[2] == 3 and in_channel is None:
        tiles = np.moveaxis(k[..., :cout], -1, 0)  # (cout, kh, kw, 3)
        return common.normalize_tiles(tiles), True
    c = 0 if in_channel is None else min(max(0, in_channel), k.shape[2] - 1)
    tiles = np.moveaxis(k[:, :, c, :cout], -1, 0)
    return common.normalize_tiles(tiles), False


class FiltersPanel(common.LivePanel):
    """Kernels of the chosen layer; on request, the input a channel likes most."""
    KINDS = {"filters"}  # the events this panel draws


    maximisation_requested = Signal(str, int)  # layer, channel

    def __init__(self, parent=None):
        super().__init__(parent)
        self.filters: dict[str, np.ndarray] = {}
        self.epoch = None
        self.tiles = np.zeros((0, 1, 1), dtype="float32")
        self.layer_box = QComboBox()
        self.layer_box.currentTextChanged.connect(lambda _t: self._layer_changed())
        self.channel_box = QSpinBox()
        self.channel_box.setPrefix(self.tr("input channel "))
        self.channel_box.setSpecialValueText(self.tr("colour (RGB)"))
        self.channel_box.setRange(-1, 0)
        self.channel_box.valueChanged.connect(lambda _v: self.refresh())
        self.info = QLabel(self.tr("Kernels appear after the first epoch of a network with convolutions."))
        self.info.setWordWrap(True)
        self.max_channel = QSpinBox()
        self.max_channel.setPrefix(self.tr("channel "))
        self.max_channel.setRange(0, 0)
        self.max_button = QPushButton(self.tr("Draw what it responds to"))
        self.max_button.setToolTip(self.tr("Activation maximisation: gradient ascent on the input "
                                           "(when training is not running)"))
        self.max_button.clicked.connect(
            lambda: self.maximisation_requested.emit(self.layer_box.currentText(),
                                                     self.max_channel.value()))
        self.max_image = QLabel()
        self.max_image.setFixedSize(96, 96)
        self.max_info = QLabel("")
        self.max_info.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Layer:")))
        bar.addWidget(self.layer_box, 1)
        bar.addWidget(self.channel_box)
        maxbar = QHBoxLayout()
        maxbar.addWidget(self.max_channel)
        maxbar.addWidget(self.max_button)
        maxbar.addWidget(self.max_info, 1)
        maxbar.addWidget(self.max_image)
        self.graphics = common.layout_widget()
        self.view = self.graphics.addViewBox(lockAspect=True, invertY=True)
        self.image = pg.ImageItem()
        self.image.setLookupTable(common.colormap("viridis").getLookupTable(nPts=256))
        self.view.addItem(self.image)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.info)
        layout.addWidget(self.graphics, 1)
        layout.addLayout(maxbar)
        self.maximised: np.ndarray | None = None

    def show_maximisation(self, image, error: str = "") -> None:
        """Show the input found by activation maximisation (or why there is none)."""
        if error or image is None:
            self.maximised = None
            self.max_image.clear()
            self.max_info.setText(error)
            return
        self.maximised = np.asarray(image)
        self.max_image.setPixmap(common.to_pixmap(self.maximised, 96))
        self.max_info.setText(self.tr("what {layer} channel {channel} responds to most").format(
            layer=self.layer_box.currentText(), channel=self.max_channel.value()))

    def reset(self) -> None:
        self.filters.clear()
        self.layer_box.clear()
        self.refresh()

    def select_layer(self, layer: str) -> bool:
        i = self.layer_box.findText(layer)
        if i >= 0:
            self.layer_box.setCurrentIndex(i)
        return i >= 0

    def handle(self, kind: str, data: dict) -> None:
        if kind != "filters":
            return
        self.epoch = data.get("epoch")
        for name, kernel in (data.get("filters") or {}).items():
            self.filters[name] = np.asarray(kernel)
            if self.layer_box.findText(name) < 0:
                self.layer_box.addItem(name)
        self.changed()

    def _layer_changed(self) -> None:
        k = self.filters.get(self.layer_box.currentText())
        self.channel_box.blockSignals(True)
        if k is not None and k.ndim >= 3:
            cin = k.shape[-2]
            self.channel_box.setRange(-1 if cin == 3 else 0, cin - 1)
            self.max_channel.setRange(0, max(0, k.shape[-1] - 1))
        self.channel_box.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        name = self.layer_box.currentText()
        k = self.filters.get(name)
        if k is None:
            self.tiles = np.zeros((0, 1, 1), dtype="float32")
            self.image.clear()
            return
        ch = self.channel_box.value()
        self.tiles, rgb = kernel_tiles(k, None if ch < 0 else ch)
        image, _cols, _rows = common.mosaic(self.tiles, fill=0.5 if rgb else np.nan)
        self.image.setImage(image, levels=(0.0, 1.0))
        self.view.autoRange(padding=0.02)
        shape = "×".join(str(d) for d in k.shape)
        if rgb:
            text = self.tr("<b>{layer}</b>: kernel {shape}, {count} filters in colour")
        else:
            text = self.tr("<b>{layer}</b>: kernel {shape}, {count} filters")
        if self.epoch is not None:
            text = self.tr("{kernels} · epoch {epoch}").format(kernels=text, epoch="{epoch}")
        self.info.setText(text.format(layer=name, shape=shape, count=len(self.tiles), epoch=self.epoch))
